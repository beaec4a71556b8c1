"""The page check and the page report for support, on both layouts of the replica: every part
found without changing anything, a renamed control means guided steps, and a report that holds
none of the data the page showed."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PySide6.QtWebEngineCore import QWebEngineProfile

from desktop.domain.models import Contact, License
from desktop.portal.my_atlassian.page_check import Found, Part, Verdict
from desktop.portal.my_atlassian.urls import replica
from desktop.portal.sandbox.dataset import SandboxAccount, SandboxData, fake_license_key
from desktop.portal.sandbox.demo_data import demo_data
from desktop.services.my_atlassian.page_driver import PageDriver
from desktop.services.my_atlassian.page_report import save_page_report
from tests.conftest import SandboxFactory
from tests.live.conftest import FAST, Live, release

ACTOR = "li.na@huake.example"

# Values planted in the replica: none may reach the report.
PLANTED_EMAIL = "quintessa.marlowe@zyxwvut-trading.example"
PLANTED_NAME = "Quintessa Marlowe-Vance"
SECOND_EMAIL = "bartholomew.okonkwo@zyxwvut-trading.example"
SECOND_NAME = "Bartholomew Okonkwo-Leclerc"
BILLING_EMAIL = "cordelia.feather@zyxwvut-trading.example"
BILLING_NAME = "Cordelia Featherstonehaugh"
ORGANISATION = "Zyxwvut Trading Company of Qingdao"
LICENSE_NAME = "Zyxwvut Production Jira"
SEN = "SEN-98765432"
KEY = fake_license_key("planted-key-for-the-page-report")


def _planted_data() -> SandboxData:
    demo = demo_data()
    planted = License(
        sen=SEN,
        product="Zyxwvut Reports for Jira (Server) 25 Users: Commercial License",
        organisation=ORGANISATION,
        name=LICENSE_NAME,
        support_expires=date(2027, 3, 9),
        license_key=KEY,
        technical_contacts=(
            Contact(PLANTED_EMAIL, PLANTED_NAME, primary=True),
            Contact(SECOND_EMAIL, SECOND_NAME),
        ),
        billing_contacts=(Contact(BILLING_EMAIL, BILLING_NAME, primary=True),),
    )
    account = SandboxAccount(PLANTED_EMAIL, PLANTED_NAME, "demo")
    return SandboxData((*demo.accounts, account), (*demo.licenses, planted))


async def test_the_check_finds_every_part_and_changes_nothing(live: Live) -> None:
    await live.sign_in(ACTOR)
    session = live.session(ACTOR)
    writes = live.sandbox.state.write_requests()

    check, licenses = await session.check_page()

    expected, _ = live.sandbox.state.list_for(ACTOR, 0, 1000)
    assert check.verdict is Verdict.READY, check
    assert {f.part: f.found for f in check.findings} == dict.fromkeys(Part, Found.YES)
    assert check.licenses == len(expected) and len(licenses) == len(expected)
    assert check.finding(Part.SENS).count >= len(expected)
    assert check.host.startswith("127.0.0.1:") and not check.secure
    assert check.profile == session.urls.profile_title != ""
    assert live.sandbox.state.write_requests() == writes  # nothing was changed
    assert live.sandbox.state.notifications() == []


async def test_a_renamed_control_means_guided_steps(live: Live) -> None:
    await live.set_quirks(labels={"make_primary": "Promote now"})
    await live.sign_in(ACTOR)

    check, _ = await live.session(ACTOR).check_page()

    assert check.verdict is Verdict.GUIDED
    assert check.finding(Part.MAKE_PRIMARY).found is Found.NO
    assert check.finding(Part.ADD_BOX).found is Found.YES


async def test_a_page_that_is_not_the_licenses_list_is_unreadable(live: Live) -> None:
    await live.sign_in(ACTOR)
    session = live.session(ACTOR, timings=replace(FAST, content=1.0))
    changed = live.urls.start.rsplit("/", 1)[0] + "/static/replica.css"  # no licenses list
    session.urls = replace(
        session.urls, licenses=changed, license_page=None, list_paths=(urlsplit(changed).path,)
    )

    check, licenses = await session.check_page()

    assert check.verdict is Verdict.UNREADABLE and licenses == []
    assert check.finding(Part.LIST).found is Found.NO
    assert check.finding(Part.SENS).found is Found.NO


async def test_a_sign_in_page_says_to_sign_in(live: Live) -> None:
    await live.sign_in(ACTOR)
    live.sandbox.state.expire_sessions()

    check, _ = await live.session(ACTOR).check_page()

    assert check.verdict is Verdict.SIGN_IN


@pytest.mark.parametrize("layout", ["standard", "classic"])
async def test_the_page_report_holds_none_of_the_planted_values(
    sandbox_server: SandboxFactory, layout: str, tmp_path: Path, qtbot: object
) -> None:
    del qtbot
    handle = sandbox_server(data=_planted_data())
    handle.app.replica_layout = layout
    profile = QWebEngineProfile()
    driver = PageDriver.create(profile)
    live = Live(handle, replica(handle.url), profile, driver)
    try:
        await live.sign_in(PLANTED_EMAIL)
        session = live.session(PLANTED_EMAIL)
        text = await driver.text()
        assert PLANTED_NAME in text  # the page does show them
        path = await save_page_report(session, tmp_path / "page-report.json")
    finally:
        await release(driver, profile)

    raw = path.read_text("utf-8")
    report = json.loads(raw)
    assert report["check"]["verdict"] == "ready"
    assert report["elements"] > 50 and report["structure"]["tag"] == "body"
    assert "make_primary" in raw and "technical_contacts" in raw  # labels found, and where
    assert '"classes"' in raw and ('"role"' in raw or layout == "classic")
    if layout == "classic":
        assert '"id": "license_<digits>"' in raw  # the id's shape, not the SEN in it
    folded = raw.lower()
    for value in (
        PLANTED_EMAIL,
        PLANTED_NAME,
        SECOND_EMAIL,
        SECOND_NAME,
        BILLING_EMAIL,
        BILLING_NAME,
        ORGANISATION,
        LICENSE_NAME,
        SEN,
        SEN.removeprefix("SEN-"),
        KEY,
        KEY[:24],
        "zyxwvut",
        "huake",
        ACTOR,
    ):
        assert value.lower() not in folded, value
    for lic in handle.state.all_licenses():  # nor any other license's SEN digits
        assert lic.sen.removeprefix("SEN-") not in raw
