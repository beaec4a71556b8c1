"""Passwords: the OS keyring (the in-memory test keyring), a failing backend, the CLI's env."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import PasswordDeleteError

from desktop.services import credentials
from desktop.services.credentials import (
    KEYRING_SERVICE,
    credential_name,
    delete_password,
    get_password,
    keyring_available,
    password_for_cli,
    store_password,
)

URL = "http://127.0.0.1:8765"
EMAIL = "li.na@huake.example"


@pytest.fixture(autouse=True)
def _forget() -> Iterator[None]:
    credentials.forget_session_passwords()
    yield
    credentials.forget_session_passwords()


@pytest.fixture
def failing_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_credential_name_is_per_portal_and_case_insensitive_email() -> None:
    assert credential_name(URL + "/", "Li.Na@Huake.example") == credential_name(URL, EMAIL)
    assert credential_name("demo", EMAIL) != credential_name(URL, EMAIL)


def test_store_get_delete_in_the_os_keyring(memory_keyring: Any) -> None:
    assert keyring_available()
    assert get_password(URL, EMAIL) is None
    assert store_password(URL, EMAIL, "s3cret-pw") is True
    assert memory_keyring.entries == {(KEYRING_SERVICE, credential_name(URL, EMAIL)): "s3cret-pw"}
    assert get_password(URL, "LI.NA@huake.example") == "s3cret-pw"
    assert get_password("demo", EMAIL) is None
    delete_password(URL, EMAIL)
    assert get_password(URL, EMAIL) is None and memory_keyring.entries == {}
    delete_password(URL, EMAIL)  # again: not an error


@pytest.mark.usefixtures("failing_keyring")
def test_without_a_keyring_the_password_lives_in_memory_for_this_run(
    caplog: pytest.LogCaptureFixture,
) -> None:
    assert not keyring_available()
    assert store_password(URL, EMAIL, "s3cret-pw") is False
    assert get_password(URL, EMAIL) == "s3cret-pw"
    assert "s3cret-pw" not in caplog.text and "this run only" in caplog.text
    credentials.forget_session_passwords()  # what a new run starts with
    assert get_password(URL, EMAIL) is None
    store_password(URL, EMAIL, "s3cret-pw")
    delete_password(URL, EMAIL)
    assert get_password(URL, EMAIL) is None


def test_a_plaintext_keyring_is_never_used(memory_keyring: Any) -> None:
    class PlaintextKeyring(type(memory_keyring)):  # type: ignore[misc]
        pass

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    plaintext = PlaintextKeyring()
    keyring.set_keyring(plaintext)
    try:
        assert store_password(URL, EMAIL, "s3cret-pw") is False
        assert plaintext.entries == {}
        assert get_password(URL, EMAIL) == "s3cret-pw"  # from memory
    finally:
        keyring.set_keyring(memory_keyring)


def test_password_for_cli_prefers_the_keyring_then_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert password_for_cli(URL, EMAIL) is None
    monkeypatch.setenv("DESKTOP_PORTAL_PASSWORD", "from-env")
    assert password_for_cli(URL, EMAIL) == "from-env"
    store_password(URL, EMAIL, "from-keyring")
    assert password_for_cli(URL, EMAIL) == "from-keyring"
    monkeypatch.setenv("DESKTOP_PORTAL_PASSWORD", "")
    delete_password(URL, EMAIL)
    assert password_for_cli(URL, EMAIL) is None


class _ForgetfulKeyring(KeyringBackend):
    """Says it stored the password and keeps nothing (a locked store, a broken D-Bus one)."""

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        pass

    def delete_password(self, service: str, username: str) -> None:
        raise PasswordDeleteError(username)


class _TruncatingKeyring(KeyringBackend):
    """Keeps only the first 4 characters (a store with a length limit)."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password[:4]

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.mark.parametrize(
    "backend",
    [null.Keyring, fail.Keyring, _ForgetfulKeyring, _TruncatingKeyring],
    ids=["null", "fail", "forgetful", "truncating"],
)
def test_a_keyring_that_drops_the_password_keeps_it_for_this_run(
    backend: type[KeyringBackend], caplog: pytest.LogCaptureFixture
) -> None:
    previous = keyring.get_keyring()
    dropping = backend()
    keyring.set_keyring(dropping)
    try:
        assert store_password(URL, EMAIL, "s3cret-pw") is False  # not believed
        assert get_password(URL, EMAIL) == "s3cret-pw"  # from memory, this run
        assert "this run only" in caplog.text and "s3cret-pw" not in caplog.text
        assert getattr(dropping, "entries", {}) == {}  # a wrong entry is deleted again
        credentials.forget_session_passwords()  # the next run asks again
        assert get_password(URL, EMAIL) is None
    finally:
        keyring.set_keyring(previous)


def test_a_working_keyring_is_read_back_and_believed(memory_keyring: Any) -> None:
    assert store_password(URL, EMAIL, "s3cret-pw") is True
    credentials.forget_session_passwords()  # nothing in memory: the keyring has it
    assert get_password(URL, EMAIL) == "s3cret-pw"
    assert memory_keyring.entries == {(KEYRING_SERVICE, credential_name(URL, EMAIL)): "s3cret-pw"}
