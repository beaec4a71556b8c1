"""The account list in QSettings (no secrets) and the pasted accounts' store (no keys)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.domain.models import Account, AccountKind
from desktop.services.account_store import AccountStore, demo_accounts
from desktop.services.passwords import PasswordBook
from desktop.services.paste_store import PasteStore, SavedPasteUnreadable
from tests.licenses import make_license


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_demo_stands_in_until_an_own_account_is_added(settings: QSettings) -> None:
    store = AccountStore(settings)
    assert store.demo_active()
    assert [a.kind for a in store.active_accounts()] == [AccountKind.DEMO] * 4
    own = Account(AccountKind.PORTAL, email="zhang.wei@huake.example", portal="demo")
    store.add(own)
    assert not store.demo_active()
    assert store.active_accounts() == [own]
    store.set_show_demo(True)
    assert store.active_accounts() == [own, *demo_accounts()]


def test_accounts_survive_a_restart_and_can_be_removed(settings: QSettings) -> None:
    store = AccountStore(settings)
    portal = Account(
        AccountKind.PORTAL, email="li.na@huake.example", portal="https://portal.example", name="Li"
    )
    paste = Account(AccountKind.PASTE, label="2023 邮箱")
    store.add(portal)
    store.add(paste)
    store.add(portal)  # same key: replaced, not doubled
    again = AccountStore(QSettings(settings.fileName(), QSettings.Format.IniFormat))
    assert again.own_accounts == [paste, portal]
    assert again.remove(paste.key) == paste
    assert AccountStore(
        QSettings(settings.fileName(), QSettings.Format.IniFormat)
    ).own_accounts == [portal]


def test_demo_accounts_cannot_be_added(settings: QSettings) -> None:
    with pytest.raises(ValueError):
        AccountStore(settings).add(demo_accounts()[0])


def test_no_password_in_the_settings_file(settings: QSettings, memory_keyring) -> None:
    store = AccountStore(settings)
    account = Account(AccountKind.PORTAL, email="zhang.wei@huake.example", portal="demo")
    store.add(account)
    PasswordBook().remember(account, "Secret-Pass-42", keep=True)
    settings.sync()
    text = Path(settings.fileName()).read_text("utf-8")
    assert "zhang.wei@huake.example" in text
    assert "Secret-Pass-42" not in text
    assert "Secret-Pass-42" in memory_keyring.entries.values()


def test_password_book_forget_deletes_the_keyring_entry(memory_keyring) -> None:
    account = Account(AccountKind.PORTAL, email="li.na@huake.example", portal="demo")
    book = PasswordBook()
    assert book.remember(account, "pw", keep=True) is True
    assert PasswordBook().get(account) == "pw"  # from the keyring, not this book's memory
    book.forget(account)
    assert memory_keyring.entries == {}
    assert PasswordBook().get(account) is None


def test_paste_store_keeps_no_license_key_on_disk(tmp_path: Path) -> None:
    store = PasteStore(tmp_path)
    lic = make_license(12683313, key="AAABjA0ODAoPeNqFkcFKw0A-secret-key")
    store.save("paste:a", [lic])
    on_disk = "".join(p.read_text("utf-8") for p in tmp_path.iterdir())
    assert "SEN-12683313" in on_disk and "secret-key" not in on_disk
    assert store.load("paste:a")[0].license_key == lic.license_key  # this session: kept
    restarted = PasteStore(tmp_path).load("paste:a")
    assert restarted[0].sen == "SEN-12683313" and restarted[0].license_key is None
    assert restarted[0].seen_by == frozenset({"paste:a"})
    store.delete("paste:a")
    assert PasteStore(tmp_path).load("paste:a") == []


def test_a_damaged_paste_file_is_said_not_read_as_empty(tmp_path: Path) -> None:
    store = PasteStore(tmp_path)
    store.save("paste:b", [make_license(5)])
    for path in tmp_path.iterdir():
        path.write_text("{not json", "utf-8")
    with pytest.raises(SavedPasteUnreadable):
        PasteStore(tmp_path).load("paste:b")
    assert PasteStore(tmp_path).load("paste:never-saved") == []


def test_the_account_list_loads_no_web_server() -> None:
    """A start with real accounts only needs the demo's names, not the sandbox's server."""
    code = (
        "import sys, desktop.services.account_store, desktop.services.passwords; "
        "loaded = [m for m in ('uvicorn', 'starlette') if m in sys.modules]; "
        "sys.exit(', '.join(loaded) or None)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_an_address_stored_with_a_password_by_an_old_version_is_cleaned(
    settings: QSettings, caplog: pytest.LogCaptureFixture
) -> None:
    settings.beginWriteArray("accounts", 1)
    settings.setArrayIndex(0)
    settings.setValue("kind", "portal")
    settings.setValue("email", "it.desk@huake.example")
    settings.setValue("portal", "https://it.desk:Old-Secret-5@portal.example:8443")
    settings.setValue("label", "it.desk@huake.example")
    settings.endArray()
    settings.sync()
    store = AccountStore(QSettings(settings.fileName(), QSettings.Format.IniFormat))
    assert [a.portal for a in store.own_accounts] == ["https://portal.example:8443"]
    text = Path(settings.fileName()).read_text("utf-8")
    assert "Old-Secret-5" not in text and "portal.example:8443" in text
    assert "Old-Secret-5" not in caplog.text
