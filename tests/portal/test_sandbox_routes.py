"""The sandbox over real HTTP on 127.0.0.1 (raw httpx, no client code): the fixture works."""

from __future__ import annotations

import httpx

from tests.conftest import SandboxFactory, SandboxHandle


async def _sign_in(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    answer = await client.post("/api/v1/session", json={"email": email, "password": "demo"})
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['token']}"}


async def test_demo_sandbox_lists_pages_by_sen(sandbox: SandboxHandle) -> None:
    async with httpx.AsyncClient(base_url=sandbox.url) as client:
        auth = await _sign_in(client, "li.na@huake.example")
        first = (await client.get("/api/v1/licenses?limit=7", headers=auth)).json()
        assert first["start"] == 0 and first["limit"] == 7 and first["nextStart"] == 7
        sens: list[str] = []
        start: int | None = 0
        while start is not None:
            page = (
                await client.get(f"/api/v1/licenses?start={start}&limit=7", headers=auth)
            ).json()
            sens += [v["sen"] for v in page["values"]]
            start = page["nextStart"]
    assert len(sens) == first["total"] == len(set(sens))
    assert sens == sorted(sens)
    expected = [
        lic.sen for lic in sandbox.state.all_licenses() if lic.is_contact("li.na@huake.example")
    ]
    assert sens == expected


async def test_stats_count_by_route_and_skip_sandbox_routes(sandbox: SandboxHandle) -> None:
    async with httpx.AsyncClient(base_url=sandbox.url) as client:
        auth = await _sign_in(client, "zhang.wei@huake.example")
        await client.get("/api/v1/licenses/SEN-20110412", headers=auth)
        await client.get("/api/v1/licenses/SEN-20110412", headers=auth)
        await client.get("/api/v1/_sandbox/licenses")
        stats = (await client.get("/api/v1/_sandbox/stats")).json()
    assert stats["byRoute"] == {
        "POST /api/v1/session": 1,
        "GET /api/v1/licenses/{sen}": 2,
    }
    assert stats["requests"] == 3 and stats["faultsInjected"] == 0


async def test_generated_sandbox_is_served(sandbox_server: SandboxFactory) -> None:
    handle = sandbox_server(licenses=120, accounts=3, seed=5)
    assert len(handle.state.all_licenses()) == 120
    async with httpx.AsyncClient(base_url=handle.url) as client:
        auth = await _sign_in(client, handle.emails[0])
        page = (await client.get("/api/v1/licenses?limit=200", headers=auth)).json()
    assert page["total"] == sum(lic.is_contact(handle.emails[0]) for lic in handle.data.licenses)
    assert page["nextStart"] is None


async def test_stats_count_the_replicas_pages_and_calls_by_route(sandbox: SandboxHandle) -> None:
    async with httpx.AsyncClient(base_url=sandbox.url) as client:
        await client.get("/my-atlassian/login")
        await client.get("/my-atlassian/static/replica.js")
        await client.get("/my-atlassian/static/replica.css")
        await client.post("/my-atlassian/api/licenses/SEN-20110412/technical-contacts", json={})
        await client.get("/my-atlassian/no-such-page")
        stats = (await client.get("/api/v1/_sandbox/stats")).json()
    assert stats["byRoute"] == {
        "GET /my-atlassian/login": 1,
        "GET /my-atlassian/static/{name}": 2,
        "POST /my-atlassian/api/licenses/{sen}/{role}-contacts": 1,
        "GET other": 1,
    }
