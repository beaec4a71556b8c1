"""A hostile portal on 127.0.0.1: a raw asyncio HTTP/1.1 server in a thread of its own.

Each test gives a handler ``(method, path, query) -> Reply``; the server signs in anybody
(``POST /api/v1/session``) unless the handler answers that route itself. A reply may be a
normal one, a body that never ends, a body that drips, or a lie about its length.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

CHUNK = b"x" * 65536


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    #: instead of ``body``: chunks sent with chunked transfer encoding until the client leaves
    stream: Callable[[], AsyncIterator[bytes]] | None = None


def json_reply(data: Any, status: int = 200, **headers: str) -> Reply:
    return Reply(status, json.dumps(data).encode(), {"Content-Type": "application/json", **headers})


def page(values: list[Any], start: int, total: int, limit: int = 200) -> Reply:
    next_start = start + len(values) if start + len(values) < total else None
    return json_reply(
        {"values": values, "start": start, "limit": limit, "total": total, "nextStart": next_start}
    )


def license_json(n: int, email: str = "li.na@huake.example") -> dict[str, Any]:
    return {
        "sen": f"SEN-{10_000_000 + n}",
        "product": "Jira Software (Server) 10 Users: Commercial License",
        "organisation": "华科示例软件有限公司",
        "licenseType": "commercial",
        "hosting": "server",
        "supportExpires": "2030-01-01",
        "licenseKey": None,
        "technicalContacts": [{"email": email, "name": "Li Na", "primary": True}],
        "billingContacts": [],
    }


async def endless(chunk: bytes = CHUNK, pause_s: float = 0.0) -> AsyncIterator[bytes]:
    while True:
        yield chunk
        await asyncio.sleep(pause_s)


Handler = Callable[[str, str, dict[str, list[str]]], Reply | None]


@dataclass
class HostileServer:
    url: str
    requests: list[tuple[str, str]]


def _sign_in(method: str, path: str) -> Reply | None:
    if method == "POST" and path == "/api/v1/session":
        return json_reply({"token": "t0k3n", "account": {"email": "li.na@huake.example"}})
    return None


async def _handle(
    handler: Handler, log: list[tuple[str, str]], reader: asyncio.StreamReader, writer: Any
) -> None:
    try:
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        method, target, _ = lines[0].split(" ", 2)
        length = 0
        for line in lines[1:]:
            if line.lower().startswith("content-length:"):
                length = int(line.split(":", 1)[1])
        if length:
            await reader.readexactly(length)
        parts = urlsplit(target)
        log.append((method, parts.path))
        reply = handler(method, parts.path, parse_qs(parts.query)) or _sign_in(method, parts.path)
        reply = reply or json_reply({"errorKey": "not-found", "message": "No."}, 404)
        head_lines = [f"HTTP/1.1 {reply.status} X", "Connection: close"]
        head_lines += [f"{k}: {v}" for k, v in reply.headers.items()]
        if reply.stream is None:
            if not any(k.lower() == "content-length" for k in reply.headers):
                head_lines.append(f"Content-Length: {len(reply.body)}")
            writer.write(("\r\n".join(head_lines) + "\r\n\r\n").encode() + reply.body)
            await writer.drain()
        else:
            head_lines.append("Transfer-Encoding: chunked")
            writer.write(("\r\n".join(head_lines) + "\r\n\r\n").encode())
            async for chunk in reply.stream():
                writer.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError):
        pass  # the client went away: what a bounded client does
    finally:
        writer.close()


@contextmanager
def hostile_server(handler: Handler) -> Iterator[HostileServer]:
    """Serve ``handler`` on 127.0.0.1 (a free port) until the ``with`` ends."""
    loop = asyncio.new_event_loop()
    log: list[tuple[str, str]] = []
    ready = threading.Event()
    holder: dict[str, Any] = {}

    async def serve() -> None:
        stop = asyncio.Event()
        handlers: set[asyncio.Task[None]] = set()

        def connected(reader: asyncio.StreamReader, writer: Any) -> None:
            task = asyncio.ensure_future(_handle(handler, log, reader, writer))
            handlers.add(task)
            task.add_done_callback(handlers.discard)

        server = await asyncio.start_server(connected, "127.0.0.1", 0)
        holder["stop"] = stop
        holder["port"] = server.sockets[0].getsockname()[1]
        ready.set()
        await stop.wait()
        server.close()
        # A connection accepted just before the close has its handler started on the next
        # turn of the loop: let it start, then end every handler until none is left, so that
        # no handler is still pending when the loop is closed.
        await asyncio.sleep(0)
        while handlers:
            for task in list(handlers):
                task.cancel()
            await asyncio.gather(*handlers, return_exceptions=True)
            await asyncio.sleep(0)

    def run() -> None:
        loop.run_until_complete(serve())
        loop.run_until_complete(loop.shutdown_asyncgens())

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    ready.wait(5)
    try:
        yield HostileServer(f"http://127.0.0.1:{holder['port']}", log)
    finally:
        loop.call_soon_threadsafe(holder["stop"].set)
        thread.join(5)
        loop.close()
