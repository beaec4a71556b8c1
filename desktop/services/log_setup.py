"""Logging for the app and the CLI: a rotating file in the user log dir, and a filter that
masks passwords, tokens and license keys in every record before any handler writes it."""

from __future__ import annotations

import logging
import re
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

import platformdirs

from desktop import APP_NAME
from desktop.domain.private_files import private_file, private_folder

MASK = "***"

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Authorization: Bearer <token>
    (re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9._~+/=-]+"), rf"\1 {MASK}"),
    # password=…, "token": "…", licenseKey: …
    (
        re.compile(
            r"(?i)\b(password|passwd|pwd|token|secret|cookie|license[_ ]?key)"
            r"(\"?'?\s*[:=]\s*\"?'?)([^\s\"',;}]+)"
        ),
        rf"\1\2{MASK}",
    ),
    # License keys and tokens on their own: long runs of base64 characters.
    (re.compile(r"(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{24,}={0,2}(?![A-Za-z0-9+/=])"), MASK),
)

_installed: list[logging.Handler] = []
_known_secrets: set[str] = set()
_known_lock = threading.Lock()


def register_secret(value: str) -> None:
    """Mask this exact value wherever it appears in a log (passwords typed in this run)."""
    if len(value) >= 6:  # shorter ones would mask ordinary words (and are not secret)
        with _known_lock:
            _known_secrets.add(value)


def mask_secrets(text: str) -> str:
    with _known_lock:
        known = sorted(_known_secrets, key=len, reverse=True)
    for secret in known:
        text = text.replace(secret, MASK)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class SecretMaskingFilter(logging.Filter):
    """Rewrites each record's message (arguments merged in) and exception text, masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_secrets(message)
        if masked != message or record.args:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_secrets(record.exc_text)
        return True


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files only their owner can read (0600), the rotated ones too:
    the log names accounts and licenses."""

    def _open(self) -> Any:
        private_file(Path(self.baseFilename))
        return super()._open()


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def configure_logging(
    *, level: int = logging.WARNING, to_file: bool = True, directory: Path | None = None
) -> Path | None:
    """Log to stderr at ``level`` and, with ``to_file``, to ``<log dir>/app.log`` at INFO.

    Every handler masks secrets. Returns the log file's path (None without a file, or when
    the log dir cannot be written: logging must never stop the app).
    """
    root = logging.getLogger()
    for old in _installed:  # configuring again replaces, never stacks, our handlers
        root.removeHandler(old)
        old.close()
    _installed.clear()
    wanted = min(level, logging.INFO) if to_file else level
    root.setLevel(min(root.getEffectiveLevel(), wanted))  # never hides what others log
    masking = SecretMaskingFilter()
    console = logging.StreamHandler()
    console.setLevel(level)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    console.addFilter(masking)
    root.addHandler(console)
    _installed.append(console)
    if not to_file:
        return None
    path = (directory or log_dir()) / "app.log"
    try:
        private_folder(path.parent, tighten=directory is None)  # the app's own log folder
        handler = PrivateRotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as error:
        logging.getLogger(__name__).warning("no log file: %s", error.strerror)
        return None
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(masking)
    root.addHandler(handler)
    _installed.append(handler)
    return path
