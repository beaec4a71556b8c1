"""Serving the sandbox with uvicorn: in a background thread (tests) or in the foreground (CLI)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import uvicorn

from desktop.portal.sandbox.app import DroppedConnection, SandboxApp
from desktop.portal.sandbox.store import SandboxStore

log = logging.getLogger(__name__)

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})


class _HideInjectedDrops(logging.Filter):
    """uvicorn logs every app exception; a drop we injected on purpose is not one."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, DroppedConnection)


_drop_filter = _HideInjectedDrops()


class _Server(uvicorn.Server):
    """uvicorn's server; on SIGINT/SIGTERM it just stops (no re-raise after shutdown)."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        handled = (signal.SIGINT, signal.SIGTERM)
        previous = {sig: signal.signal(sig, self._stop) for sig in handled}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _stop(self, sig: int, frame: object) -> None:
        del frame
        log.info("signal %s: stopping", sig)
        self.should_exit = True


def _config(app: SandboxApp, host: str, port: int) -> uvicorn.Config:
    logging.getLogger("uvicorn.error").addFilter(_drop_filter)
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=1,
    )


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket; :class:`OSError` (e.g. the port is taken) before uvicorn runs."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        if os.name != "nt":  # on Windows it would let another process share the port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def _url(sock: socket.socket, host: str) -> str:
    port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


@dataclass
class RunningSandbox:
    """A sandbox served on a port in a background thread. ``stop()`` ends it."""

    url: str
    app: SandboxApp
    _server: uvicorn.Server
    _thread: threading.Thread

    @property
    def store(self) -> SandboxStore:
        return self.app.store

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)


def start_in_thread(
    app: SandboxApp, host: str = "127.0.0.1", port: int = 0, *, timeout_s: float = 10.0
) -> RunningSandbox:
    """Serve ``app`` with uvicorn in a daemon thread; returns once it is listening."""
    sock = bind(host, port)
    server = _Server(_config(app, host, port))
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="sandbox-uvicorn", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + timeout_s
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)
    if not server.started:
        server.should_exit = True
        raise RuntimeError(f"the sandbox did not start on {host}:{port}")
    return RunningSandbox(_url(sock, host), app, server, thread)


async def serve_forever(
    app: SandboxApp, host: str, port: int, on_listening: Callable[[str], None]
) -> None:
    """Serve in the foreground until SIGINT/SIGTERM; ``on_listening(url)`` once bound.

    Raises:
        OSError: when the address cannot be bound (e.g. the port is taken).
    """
    sock = bind(host, port)
    server = _Server(_config(app, host, port))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        if task.done():
            await task
            raise OSError(f"could not listen on {host}:{port}")
        await asyncio.sleep(0.01)
    on_listening(_url(sock, host))
    await task
    sock.close()
