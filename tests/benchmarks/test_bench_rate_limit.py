"""Benchmark: ``consolidate --concurrency 32`` against ``sandbox --rate-limit 2`` on 127.0.0.1.

Before the shared pacer: 1,072 requests, 1,021 of them answered 429, 26.5 s, licenses failed
"portal busy". The bound: every license done, fewer than 10 % of the requests refused.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.cli_runs import DEMO, consolidate
from tests.conftest import SandboxFactory

RATE = 2.0
CONCURRENCY = 32
MAX_REFUSED_SHARE = 0.10


def test_bench_rate_limit_2_concurrency_32(
    sandbox_server: SandboxFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DESKTOP_PORTAL_PASSWORD", "demo")
    handle = sandbox_server(rate_limit=RATE)
    start = time.perf_counter()
    code = consolidate(handle.url, tmp_path, *DEMO, "--yes", "--concurrency", str(CONCURRENCY))
    seconds = time.perf_counter() - start
    capsys.readouterr()
    requests = sum(handle.state.requests_by_route().values())
    refused = handle.faults_injected
    with capsys.disabled():
        print(
            f"\nrate limit {RATE:g}/s, concurrency {CONCURRENCY}: exit {code}, {requests} "
            f"requests, {refused} answered 429 ({refused / requests:.1%}; bound "
            f"< {MAX_REFUSED_SHARE:.0%}), {seconds:.1f} s (floor at {RATE:g}/s: "
            f"{(requests - refused) / RATE:.1f} s)"
        )
    assert code == 0
    assert refused / requests < MAX_REFUSED_SHARE
