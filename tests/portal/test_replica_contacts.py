"""The replica's page API and HTML for both sections, in process (httpx's ASGI transport):
Billing Contacts has the same add box, Make Primary (greyed out across company domains) and
Delete as Technical Contacts, by the sandbox store's v1.1 rules; never a Delete beside a
primary. (The page's text is read back in tests/live, where the browser gives its innerText.)"""

from __future__ import annotations

from html.parser import HTMLParser

import httpx
import pytest

from desktop.domain.models import ContactRole
from desktop.portal.sandbox.app import create_app
from desktop.portal.sandbox.dataset import SandboxAccount, SandboxData, fake_license_key
from desktop.portal.sandbox.replica.routes import LAYOUTS
from tests.licenses import make_license

ACTOR, TARGET, LEAVER = "li.na@huake.example", "zhang.wei@huake.example", "liu.yang@huake.example"
BUYER = "huake.buyer@qq.com"
SEN, OTHER, OWN = "SEN-30000303", "SEN-30000202", "SEN-30000606"
API = "/my-atlassian/api/licenses"


def _app(layout: str):  # type: ignore[no-untyped-def]
    data = SandboxData(
        accounts=(SandboxAccount(ACTOR, "Li Na"), SandboxAccount(TARGET, "Zhang Wei")),
        licenses=(
            make_license(
                OTHER, primary=ACTOR, billing=[BUYER, ACTOR, TARGET], key=fake_license_key("2")
            ),
            make_license(
                SEN,
                primary=ACTOR,
                technical=[LEAVER],
                billing=[ACTOR, LEAVER],
                key=fake_license_key("3"),
            ),
            make_license(OWN, primary=TARGET, technical=[ACTOR], key=fake_license_key("6")),
        ),
    )
    return create_app(data, replica_layout=layout)


@pytest.fixture(params=LAYOUTS)
async def page(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    app = _app(str(request.param))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        signed_in = await client.post(
            "/my-atlassian/login",
            content=f"email={ACTOR}&password=demo",
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        assert signed_in.status_code == 303
        yield client, app.store


class _Controls(HTMLParser):
    """Each control of the contacts' rows: (its class, data-role, data-email, disabled)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str, str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        got = dict(attrs)
        css = got.get("class") or ""
        for kind in ("ma-make-primary", "ma-delete"):
            if kind in css.split():
                disabled = "disabled" in got or "disabled" in css.split()
                self.found.append(
                    (kind, got.get("data-role") or "", got.get("data-email") or "", disabled)
                )


def _controls(html: str) -> list[tuple[str, str, str, bool]]:
    parser = _Controls()
    parser.feed(html)
    return parser.found


async def test_billing_rows_have_make_primary_and_delete_never_beside_a_primary(page) -> None:  # type: ignore[no-untyped-def]
    client, _store = page
    html = (await client.get(API, params={"sen": SEN})).json()["html"]

    assert sorted(_controls(html)) == [
        ("ma-delete", "billing", LEAVER, False),
        ("ma-delete", "technical", LEAVER, False),
        ("ma-make-primary", "billing", LEAVER, False),
        ("ma-make-primary", "technical", LEAVER, False),
    ]
    other = (await client.get(API, params={"sen": OTHER})).json()["html"]
    # The billing primary is at a public mail domain: li.na may promote itself, not the target.
    assert sorted(_controls(other)) == [
        ("ma-delete", "billing", ACTOR, False),
        ("ma-delete", "billing", TARGET, False),
        ("ma-make-primary", "billing", ACTOR, False),
        ("ma-make-primary", "billing", TARGET, True),
    ]


async def test_billing_add_promote_and_delete_follow_the_store_rules(page) -> None:  # type: ignore[no-untyped-def]
    client, store = page
    added = await client.post(f"{API}/{SEN}/billing-contacts", json={"email": TARGET})
    assert added.status_code == 200 and TARGET in added.json()["html"]
    assert store.license(SEN).contact(ContactRole.BILLING, TARGET) is not None
    assert store.license(SEN).contact(ContactRole.TECHNICAL, TARGET) is None

    promoted = await client.post(f"{API}/{SEN}/billing-contacts/{TARGET}/make-primary")
    assert promoted.status_code == 200
    assert store.license(SEN).is_primary(ContactRole.BILLING, TARGET)
    assert [(n.sen, n.to, n.kind) for n in store.notifications()] == [(SEN, ACTOR, "billing")]

    gone = await client.delete(f"{API}/{SEN}/billing-contacts/{LEAVER}")
    assert gone.status_code == 200
    assert store.license(SEN).contact(ContactRole.BILLING, LEAVER) is None
    assert store.license(SEN).contact(ContactRole.TECHNICAL, LEAVER) is not None  # other section

    refused = await client.delete(f"{API}/{SEN}/billing-contacts/{TARGET}")
    assert refused.status_code == 409 and refused.json()["errorKey"] == "primary-contact"
    assert "make someone else primary first" in refused.json()["message"]
    assert store.license(SEN).is_primary(ContactRole.BILLING, TARGET)

    no = await client.post(f"{API}/{OTHER}/billing-contacts/{TARGET}/make-primary")
    assert no.status_code == 403 and no.json()["errorKey"] == "domain-mismatch"
    assert store.license(OTHER).is_primary(ContactRole.BILLING, BUYER)

    unknown = await client.post(f"{API}/{SEN}/sales-contacts", json={"email": TARGET})
    assert unknown.status_code == 404
    assert len(store.notifications()) == 1


async def test_deleting_itself_the_page_drops_the_license(page) -> None:  # type: ignore[no-untyped-def]
    client, store = page
    answer = await client.delete(f"{API}/{OWN}/technical-contacts/{ACTOR}")

    assert answer.status_code == 200 and answer.json() == {"html": "", "sen": OWN, "gone": True}
    assert not store.license(OWN).is_contact(ACTOR)
