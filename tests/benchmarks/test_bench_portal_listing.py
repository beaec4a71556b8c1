"""Benchmark: list 2,000 licenses (200 a page) at 50 ms latency through the real client.

The sandbox runs as its own process (``desktop-cli sandbox``) so that its JSON work does not
share the client's interpreter. The bound is measured in the same run:
``(1 + ceil((pages - 1) / concurrency)) × latency``, where latency is the time of a small
request to the same sandbox; the goal is ≤ 1.3 × the bound. Both the median and the best
round are printed; the goal is checked on the best (other processes only ever add time).
"""

from __future__ import annotations

import math
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from desktop.portal.http_client import DEFAULT_CONCURRENCY, HttpPortal

LICENSES = 2000
PAGE_LIMIT = 200
LATENCY_MS = 50
GOAL = 1.3
ROUNDS = 7


@pytest.fixture
def sandbox_process() -> Iterator[str]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop.cli",
            "sandbox",
            "--licenses",
            str(LICENSES),
            "--accounts",
            "1",
            "--latency-ms",
            str(LATENCY_MS),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    assert line.startswith("listening on "), line
    yield line.removeprefix("listening on ")
    process.terminate()
    process.wait(timeout=15)


async def test_bench_listing_2000_licenses(sandbox_process: str) -> None:
    concurrency = DEFAULT_CONCURRENCY
    async with HttpPortal(
        sandbox_process, page_limit=PAGE_LIMIT, concurrency=concurrency
    ) as portal:
        session = await portal.sign_in("user000@huake.example", "demo")
        await session.list_licenses()  # warm up: connections, caches
        latencies, listings = [], []
        for _ in range(ROUNDS):
            for _ in range(3):
                started = time.perf_counter()
                await session.me()
                latencies.append(time.perf_counter() - started)
            started = time.perf_counter()
            licenses = await session.list_licenses()
            listings.append(time.perf_counter() - started)
            assert len(licenses) == LICENSES
    pages = math.ceil(LICENSES / PAGE_LIMIT)
    waves = 1 + math.ceil((pages - 1) / concurrency)
    rows = []
    for label, pick in (("median", statistics.median), ("best", min)):
        latency, took = pick(latencies), pick(listings)
        rows.append((label, latency, took, waves * latency, took / (waves * latency)))
    print(
        f"\nportal listing: {LICENSES} licenses, {pages} pages of {PAGE_LIMIT}, "
        f"concurrency {concurrency}, sandbox latency {LATENCY_MS} ms, {ROUNDS} rounds\n"
        f"  bound = (1 + ceil(({pages} - 1) / {concurrency})) × measured latency "
        f"(a small request to the same sandbox); goal ≤ {GOAL} × the bound"
    )
    for label, latency, took, bound, ratio in rows:
        print(
            f"  {label:>6}: latency {latency * 1000:.1f} ms, listing {took * 1000:.1f} ms, "
            f"bound {bound * 1000:.1f} ms, ratio {ratio:.2f} "
            f"→ {'met' if ratio <= GOAL else 'MISSED'}"
        )
    # Timing noise (other processes on a shared machine) only ever adds time: judge the best.
    assert rows[1][4] <= GOAL
