"""Shared fixtures: the sandbox portal served on 127.0.0.1 by uvicorn in a background thread.

``sandbox`` is the demo sandbox with no faults. ``sandbox_server(**options)`` starts one with
generated data and/or faults, e.g.::

    handle = sandbox_server(licenses=1000, accounts=3, fail_rate=0.2, rate_limit=20, seed=7)
    handle.url            # "http://127.0.0.1:PORT"
    handle.state          # the SandboxStore: end states, notifications, request counts
    handle.emails         # the accounts that can sign in (password "demo")

Every server started is stopped at the end of the test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from desktop.portal.sandbox import (
    DEMO_PASSWORD,
    FaultOptions,
    RunningSandbox,
    SandboxApp,
    SandboxData,
    SandboxStore,
    create_app,
    demo_data,
    generate,
    start_in_thread,
)


@dataclass
class SandboxHandle:
    """A running sandbox: where it listens and its live state."""

    url: str
    app: SandboxApp
    data: SandboxData
    running: RunningSandbox
    password: str = DEMO_PASSWORD

    @property
    def state(self) -> SandboxStore:
        return self.app.store

    @property
    def emails(self) -> list[str]:
        return [a.email for a in self.data.accounts]

    @property
    def faults_injected(self) -> int:
        return self.app.faults.faults_injected

    def stop(self) -> None:
        self.running.stop()


SandboxFactory = Callable[..., SandboxHandle]


@pytest.fixture
def sandbox_server() -> Iterator[SandboxFactory]:
    """A factory: ``sandbox_server(*, data=None, licenses=None, accounts=3, seed=0,
    token_ttl_s=28800, **fault_options)``; fault options are :class:`FaultOptions` fields.

    ``licenses=N`` generates N licenses over ``accounts`` accounts; neither means the demo data.
    """
    started: list[SandboxHandle] = []

    def start(
        *,
        data: SandboxData | None = None,
        licenses: int | None = None,
        accounts: int = 3,
        seed: int = 0,
        token_ttl_s: float = 8 * 3600,
        **fault_options: float,
    ) -> SandboxHandle:
        if data is None:
            data = generate(licenses, accounts, seed) if licenses is not None else demo_data()
        faults = FaultOptions(seed=seed, **fault_options)  # type: ignore[arg-type]
        app = create_app(data, faults, token_ttl_s=token_ttl_s)
        running = start_in_thread(app)
        handle = SandboxHandle(running.url, app, data, running)
        started.append(handle)
        return handle

    yield start
    for handle in started:
        handle.stop()


@pytest.fixture
def sandbox(sandbox_server: SandboxFactory) -> SandboxHandle:
    """The demo sandbox (4 accounts, 40 licenses, password "demo"), no faults."""
    return sandbox_server()
