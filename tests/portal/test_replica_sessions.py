"""The replica's sign-in sessions over real HTTP on 127.0.0.1: a test ends them (every
account's or one account's), or has one end right after a change made through the page; after
that every page load lands on the sign-in page and the page's API answers 401."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import SandboxHandle

ACTOR = "li.na@huake.example"
OTHER = "zhang.wei@huake.example"
SEN = "SEN-20110101"
NEW = "new.person@huake.example"


async def _sign_in(client: httpx.AsyncClient, email: str) -> None:
    answer = await client.post(
        "/my-atlassian/login",
        content=f"email={email}&password=demo",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert answer.status_code == 303 and answer.headers["location"].endswith("/product")


async def _lands_on_sign_in(client: httpx.AsyncClient, path: str) -> bool:
    answer = await client.get(path)
    return answer.status_code == 303 and "/my-atlassian/login?next=" in answer.headers["location"]


async def test_ending_one_accounts_sessions_leaves_the_others(sandbox: SandboxHandle) -> None:
    async with (
        httpx.AsyncClient(base_url=sandbox.url) as actor,
        httpx.AsyncClient(base_url=sandbox.url) as other,
        httpx.AsyncClient(base_url=sandbox.url) as tests,
    ):
        await _sign_in(actor, ACTOR)
        await _sign_in(other, OTHER)
        assert (await actor.get("/my-atlassian/product")).status_code == 200

        ended = await tests.post("/my-atlassian/_expire-sessions", json={"email": ACTOR})

        assert ended.status_code == 200 and ended.json() == {"ended": 1}
        for path in ("/my-atlassian/product", "/my-atlassian/products/index?sen=20110101"):
            assert await _lands_on_sign_in(actor, path)
        api = await actor.get("/my-atlassian/api/licenses")
        assert api.status_code == 401 and api.json()["errorKey"] == "unauthenticated"
        assert (await other.get("/my-atlassian/product")).status_code == 200

        everyone = await tests.post("/my-atlassian/_expire-sessions", json={})
        assert everyone.json() == {"ended": 1}  # the other account's was the one left
        assert await _lands_on_sign_in(other, "/my-atlassian/product")


async def test_a_session_ends_right_after_the_nth_change(sandbox: SandboxHandle) -> None:
    async with httpx.AsyncClient(base_url=sandbox.url) as actor:
        await _sign_in(actor, ACTOR)
        quirks = await actor.put("/my-atlassian/_quirks", json={"expireAfterWrite": 1})
        assert quirks.status_code == 204

        added = await actor.post(
            f"/my-atlassian/api/licenses/{SEN}/technical-contacts", json={"email": NEW}
        )

        # Applied, but the page hears only "your session has expired": the outcome is unknown.
        assert added.status_code == 401 and "expired" in added.json()["message"]
        assert sandbox.state.license(SEN).is_technical_contact(NEW)
        assert sandbox.state.writes_by_license()[SEN] == (1, 1)
        assert await _lands_on_sign_in(actor, "/my-atlassian/product")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"expireAfterWrite": -1}, "expireAfterWrite must be a whole number"),
        ({"expireAfterWrite": True}, "expireAfterWrite must be a whole number"),
        ({"expireAfterWrite": "2"}, "expireAfterWrite must be a whole number"),
    ],
)
async def test_bad_quirks_are_refused(
    sandbox: SandboxHandle, body: dict[str, object], message: str
) -> None:
    async with httpx.AsyncClient(base_url=sandbox.url) as client:
        answer = await client.put("/my-atlassian/_quirks", json=body)
        refused = await client.post("/my-atlassian/_expire-sessions", json={"email": 5})
    assert answer.status_code == 400 and message in answer.json()["message"]
    assert refused.status_code == 400


async def test_the_sign_in_page_speaks_the_browsers_language(sandbox: SandboxHandle) -> None:
    async with httpx.AsyncClient(base_url=sandbox.url) as client:
        zh = await client.get("/my-atlassian/login", headers={"accept-language": "zh-CN,zh"})
        en = await client.get("/my-atlassian/login")
        wrong = await client.post(
            "/my-atlassian/login",
            content=f"email={ACTOR}&password=wrong",
            headers={
                "content-type": "application/x-www-form-urlencoded",
                "accept-language": "zh-CN",
            },
        )
    assert "登录以继续" in zh.text and 'lang="zh-CN"' in zh.text and "Log in" not in zh.text
    assert "Log in to continue" in en.text and 'type="password"' in en.text
    assert wrong.status_code == 401 and "密码不正确" in wrong.text and ACTOR in wrong.text
