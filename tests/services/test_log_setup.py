"""The log filter masks passwords, tokens and license keys, in messages and tracebacks."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.services.log_setup import configure_logging, mask_secrets, register_secret

KEY = "AAABjA0ODAoPeNqFkcFKw0AQhu/7FANe9NCQpCi2EFDSilpt"
TOKEN = "sbx_3f9c2a7e1d4b8f60a5c9e2d17b3f4a6c"


@pytest.fixture
def logged_to(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    before = list(root.handlers), root.level
    path = configure_logging(level=logging.CRITICAL, directory=tmp_path)
    assert path is not None
    yield path
    for handler in root.handlers[len(before[0]) :]:
        handler.close()
    root.handlers[:] = before[0]
    root.setLevel(before[1])


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"Authorization: Bearer {TOKEN}", TOKEN),
        ('{"email": "li.na@huake.example", "password": "demo-Pa55"}', "demo-Pa55"),
        (f"license key {KEY} read", KEY),
        (f"licenseKey={KEY[:10]}", KEY[:10]),
        ("cookie=session-abc123; path=/", "session-abc123"),
    ],
)
def test_secrets_are_masked(text: str, secret: str) -> None:
    masked = mask_secrets(text)
    assert secret not in masked
    assert "***" in masked


def test_ordinary_text_is_kept() -> None:
    text = "read 40 licenses for li.na@huake.example from http://127.0.0.1:8000 (SEN-20110101)"
    assert mask_secrets(text) == text


def test_a_registered_password_is_masked_anywhere() -> None:
    register_secret("tiger lily 7")
    assert "tiger lily 7" not in mask_secrets("signing in with tiger lily 7 failed")


def test_the_log_file_never_holds_a_secret(logged_to: Path) -> None:
    log = logging.getLogger("desktop.test")
    log.warning("token %s for %s", TOKEN, "li.na@huake.example")
    try:
        raise ValueError(f"bad key {KEY}")
    except ValueError:
        log.exception("failed with password=%s", "hunter22")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = logged_to.read_text("utf-8")
    assert "li.na@huake.example" in text  # the record itself is there …
    for secret in (TOKEN, KEY, "hunter22"):
        assert secret not in text  # … without its secrets, in message and traceback
