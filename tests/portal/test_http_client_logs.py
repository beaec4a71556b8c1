"""A full run, logged at DEBUG by every logger: no password, token or license key in the logs."""

from __future__ import annotations

import logging

import pytest

from desktop.domain.models import Contact, License
from desktop.portal.errors import PortalError
from desktop.portal.http_client import HttpPortal, HttpPortalSession
from desktop.portal.sandbox import SandboxAccount, SandboxData
from tests.conftest import SandboxFactory
from tests.portal.reading import read_accounts

PASSWORDS = {
    "zhang.wei@huake.example": "Zw-pass-4417-q",
    "li.na@huake.example": "Ln-pass-9932-r",
}


def _data() -> SandboxData:
    keys = [f"AAABkeyMATERIAL{i:04d}xyzzy" for i in range(30)]
    licenses = tuple(
        License(
            sen=f"SEN-{30000000 + i}",
            product="Jira Software (Server) 25 Users: Commercial License",
            organisation="华科天下科技有限公司",
            license_key=keys[i],
            technical_contacts=(Contact("li.na@huake.example", "Li Na", primary=True),),
        )
        for i in range(30)
    )
    accounts = tuple(SandboxAccount(e, None, p) for e, p in PASSWORDS.items())
    return SandboxData(accounts, licenses)


async def test_no_secret_reaches_the_logs(
    sandbox_server: SandboxFactory, caplog: pytest.LogCaptureFixture
) -> None:
    data = _data()
    handle = sandbox_server(data=data, fail_rate=0.2, drop_rate=0.1, seed=3)
    caplog.set_level(logging.DEBUG)  # root: httpx, httpcore, uvicorn, stamina, ours
    tokens: list[str] = []
    errors: list[str] = []
    async with HttpPortal(handle.url, page_limit=7) as portal:
        result = await read_accounts(portal, list(PASSWORDS.items()))
        assert len(result.licenses) == 30
        li_na = await portal.sign_in("li.na@huake.example", PASSWORDS["li.na@huake.example"])
        assert isinstance(li_na, HttpPortalSession)
        tokens.append(li_na._token)
        await li_na.add_technical_contact("SEN-30000001", "zhang.wei@huake.example", "Zhang Wei")
        await li_na.make_primary("SEN-30000001", "zhang.wei@huake.example")
        zhang = await portal.sign_in(
            "zhang.wei@huake.example", PASSWORDS["zhang.wei@huake.example"]
        )
        tokens.append(zhang._token)
        await zhang.remove_technical_contact("SEN-30000001", "li.na@huake.example")
        for attempt in (
            portal.sign_in("li.na@huake.example", "Wrong-pass-0001"),
            li_na.remove_technical_contact("SEN-30000001", "zhang.wei@huake.example"),
        ):
            try:
                await attempt
            except PortalError as error:
                errors.append(f"{error!r} {error}")
    text = caplog.text + "\n".join(errors) + "\n".join(repr(r.__dict__) for r in caplog.records)
    loggers = {r.name.split(".")[0] for r in caplog.records}
    assert {"httpx", "httpcore", "desktop", "stamina"} <= loggers  # the run was really logged
    assert "make-primary" in text and "signed in" in text
    secrets = [*PASSWORDS.values(), "Wrong-pass-0001", *tokens]
    secrets += [x.license_key or "" for x in data.licenses]
    for secret in secrets:
        assert secret and secret not in text
