"""Fault injection is deterministic for a seed, off by default, and spares the _sandbox routes."""

from __future__ import annotations

import httpx

from desktop.portal.sandbox import FaultOptions, create_app
from desktop.portal.sandbox.faults import FaultInjector, retry_after_header

SIGN_IN = {"email": "li.na@huake.example", "password": "demo"}


async def _statuses(options: FaultOptions, count: int = 40) -> list[int | str]:
    app = create_app(faults=options)
    seen: list[int | str] = []
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://sandbox"
    ) as client:
        for _ in range(count):
            try:
                seen.append((await client.post("/api/v1/session", json=SIGN_IN)).status_code)
            except httpx.RemoteProtocolError:
                seen.append("dropped")
    return seen


async def test_the_same_seed_gives_the_same_faults() -> None:
    options = FaultOptions(fail_rate=0.3, drop_rate=0.2, seed=42)
    first, again = await _statuses(options), await _statuses(options)
    other = await _statuses(FaultOptions(fail_rate=0.3, drop_rate=0.2, seed=43))
    assert first == again != other
    assert {200, 503, "dropped"} == set(first)


async def test_no_faults_by_default() -> None:
    assert set(await _statuses(FaultOptions())) == {200}
    assert not FaultOptions().any


async def test_the_token_bucket_limits_the_whole_sandbox() -> None:
    app = create_app(faults=FaultOptions(rate_limit=5, burst=5))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://sandbox"
    ) as client:
        answers = [await client.post("/api/v1/session", json=SIGN_IN) for _ in range(10)]
        stats = (await client.get("/api/v1/_sandbox/stats")).json()  # never limited
        for _ in range(5):
            assert (await client.get("/api/v1/_sandbox/licenses")).status_code == 200
    codes = [a.status_code for a in answers]
    assert codes.count(200) == 5 and codes.count(429) == 5
    limited = next(a for a in answers if a.status_code == 429)
    assert limited.json()["errorKey"] == "rate-limited"
    assert 0 < float(limited.headers["Retry-After"]) <= 0.2 + 0.01
    assert stats["faultsInjected"] == 5 and stats["requests"] == 10


def test_slow_commits_only_hit_writes() -> None:
    injector = FaultInjector(FaultOptions(slow_commit_rate=1.0))
    assert injector.decide(is_write=False).fault.value == "none"
    assert injector.decide(is_write=True).fault.value == "slow-commit"


def test_retry_after_header_is_a_positive_decimal() -> None:
    assert retry_after_header(0.0) == "0.01"
    assert retry_after_header(0.123) == "0.13"
    assert retry_after_header(2) == "2.00"
