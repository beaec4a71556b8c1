"""The connector's page scripts on markup the replica does not draw: they go by visible labels
only, through the page's text, whatever elements hold the text (fictional licenses and
``.example`` addresses, loaded into the embedded browser as a page of its own)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import quote

import pytest
from PySide6.QtWebEngineCore import QWebEngineProfile

from desktop.portal.my_atlassian import scripts
from desktop.portal.my_atlassian.labels import PageLabels
from desktop.portal.my_atlassian.urls import replica
from desktop.services.my_atlassian.page_driver import PageDriver
from tests.live.conftest import release

LABELS: PageLabels = replica("http://127.0.0.1:1").labels
TARGET = "zhang.wei@huake.example"
CLICKED = "document.body.dataset.clicked || ''"


def license_html(
    sen: str = "SEN-1",
    *,
    heading: str = "Technical Contacts",
    details: str = "",
    adds: int = 1,
) -> str:
    """One license: its summary row, and its details with both sections (the technical one
    headed by ``heading``, markup allowed; ``details`` its attributes, e.g. ``hidden``)."""
    add = "<button onclick=\"document.body.dataset.clicked='add'\">Add</button>" * adds
    return (
        f'<section><div role="button"><span>{sen}</span> <span>Jira Software</span></div>'
        f"<div {details}><h3>{heading}</h3><ul>"
        "<li><div>Li Na</div><div>li.na@huake.example</div><span>PRIMARY</span></li>"
        "<li><div>wang.fang@huake.example</div><button>Make Primary</button></li></ul>"
        f'<input placeholder="contact@example.com">{add}'
        "<h3>Billing Contacts</h3><ul><li><div>li.na@huake.example</div>"
        "<span>PRIMARY</span></li></ul></div></section>"
    )


@pytest.fixture
async def page(qtbot: object) -> AsyncIterator[PageDriver]:
    del qtbot
    profile = QWebEngineProfile()
    driver = PageDriver.create(profile)
    yield driver
    await release(driver, profile)


async def show(driver: PageDriver, body: str) -> None:
    html = f"<!doctype html><html><body><main>{body}</main></body></html>"
    await driver.load("data:text/html;charset=utf-8," + quote(html))


async def answer(driver: PageDriver, script: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(await driver.run_js(script))
    return found


async def test_a_heading_split_over_elements_with_a_hidden_count_is_the_heading(
    page: PageDriver,
) -> None:
    heading = "<span>Technical</span> <span>Contacts</span><span hidden>(2 contacts)</span>"
    await show(page, license_html(heading=heading) + license_html("SEN-2"))

    found = await answer(page, scripts.blocks(["SEN-1", "SEN-2"], LABELS))

    for sen in ("SEN-1", "SEN-2"):
        technical = found["blocks"][sen]["technical"]
        assert [c["email"] for c in technical] == ["li.na@huake.example", "wang.fang@huake.example"]
        assert [c["primary"] for c in technical] == [True, False]


async def test_a_sen_split_over_elements_is_found(page: PageDriver) -> None:
    await show(page, license_html("<b>SEN-</b>1") + license_html("SEN-2"))

    found = await answer(page, scripts.blocks(["SEN-1"], LABELS))

    assert found["blocks"]["SEN-1"]["billing"] == [
        {"email": "li.na@huake.example", "name": None, "primary": True}
    ]


async def test_hidden_details_are_collapsed_and_nothing_is_typed_or_clicked(
    page: PageDriver,
) -> None:
    await show(page, license_html(details="hidden") + license_html("SEN-2"))

    assert (await answer(page, scripts.blocks(["SEN-1", "SEN-2"], LABELS)))["blocks"].keys() == {
        "SEN-2"
    }
    refused = await answer(page, scripts.add_contact("SEN-1", TARGET, LABELS))

    assert refused == {"error": "collapsed", "label": "SEN-1", "count": 0}
    assert await page.run_js(CLICKED) == ""


async def test_licenses_without_a_block_of_their_own_are_not_acted_on(page: PageDriver) -> None:
    """Two licenses' rows and details side by side in one element: no element around one SEN
    holds one Technical Contacts heading and no other license's SEN."""
    both = license_html() + license_html("SEN-2")
    await show(page, both.replace("<section>", "").replace("</section>", ""))

    assert (await answer(page, scripts.blocks(["SEN-1", "SEN-2"], LABELS)))["blocks"] == {}
    for sen in ("SEN-1", "SEN-2"):
        refused = await answer(page, scripts.add_contact(sen, TARGET, LABELS))
        assert refused["error"] == "collapsed"
    assert await page.run_js(CLICKED) == ""


async def test_two_add_buttons_in_the_section_are_not_clicked(page: PageDriver) -> None:
    await show(page, license_html(adds=2) + license_html("SEN-2"))

    refused = await answer(page, scripts.add_contact("SEN-1", TARGET, LABELS))

    assert refused == {"error": "ambiguous", "label": "Add", "count": 2}
    assert await page.run_js(CLICKED) == ""
    pressed = await answer(page, scripts.add_contact("SEN-2", TARGET, LABELS))
    assert pressed == {"ok": True, "shown": "Add"}
    assert await page.run_js(CLICKED) == "add"
