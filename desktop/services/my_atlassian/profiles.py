"""Browser profiles for live accounts: off the record by default, or a named persistent one
("Stay signed in on this computer") under the user data dir; cleared on sign-out/removal."""

from __future__ import annotations

import hashlib
import logging
import shutil
import weakref
from pathlib import Path

import platformdirs
from PySide6.QtCore import QObject
from PySide6.QtWebEngineCore import QWebEngineProfile

from desktop.domain.i18n_marks import QT_TRANSLATE_NOOP
from desktop.domain.private_files import private_folder
from desktop.services.my_atlassian.https_only import HttpsOnly

log = logging.getLogger(__name__)

APP_NAME = "LicenseConsolidator"
#: What "Stay signed in on this computer" keeps, said next to the check box.
WHAT_IS_KEPT = QT_TRANSLATE_NOOP(
    "MyAtlassianProfile",
    "Keeps this account's My Atlassian sign-in (its cookies and site data) in your user "
    "folder on this computer, so after a restart the app reads the account without asking "
    "you to sign in, until My Atlassian ends the session. No password is kept. Untick this, "
    "sign out or remove the account to delete it.",
)


def profiles_root() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "webengine"


def profile_name(account_key: str) -> str:
    """A stable folder name for an account that does not show its email."""
    return "ma-" + hashlib.sha256(account_key.lower().encode()).hexdigest()[:16]


def open_profile(
    account_key: str,
    *,
    stay_signed_in: bool,
    parent: QObject | None = None,
    root: Path | None = None,
) -> QWebEngineProfile:
    """An off-the-record profile, or the account's persistent one."""
    if not stay_signed_in:
        profile = QWebEngineProfile(parent)
        assert profile.isOffTheRecord()
        return https_only(profile)
    name = profile_name(account_key)
    folder = (root or profiles_root()) / name
    private_folder(folder, tighten=True)  # cookies of a signed-in account: owner only
    profile = QWebEngineProfile(name, parent)
    profile.setPersistentStoragePath(str(folder / "storage"))
    profile.setCachePath(str(folder / "cache"))
    profile.setPersistentCookiesPolicy(
        QWebEngineProfile.PersistentCookiesPolicy.ForcePersistentCookies
    )
    log.info("using a persistent browser profile for a live account")
    return https_only(profile)


def https_only(profile: QWebEngineProfile) -> QWebEngineProfile:
    """``profile`` refusing plain http except on this computer (see :func:`interceptor_of`)."""
    interceptor = HttpsOnly(profile)
    profile.setUrlRequestInterceptor(interceptor)
    _INTERCEPTORS[profile] = interceptor  # kept as long as the profile is
    return profile


def interceptor_of(profile: QWebEngineProfile) -> HttpsOnly | None:
    return _INTERCEPTORS.get(profile)


_INTERCEPTORS: weakref.WeakKeyDictionary[QWebEngineProfile, HttpsOnly] = weakref.WeakKeyDictionary()


def clear_profile(profile: QWebEngineProfile) -> None:
    """Forget the session: cookies, cache, visited links (the folder goes with forget_profile)."""
    profile.cookieStore().deleteAllCookies()
    profile.clearHttpCache()
    profile.clearAllVisitedLinks()


def profile_folder(account_key: str, *, root: Path | None = None) -> Path:
    """Where the account's persistent profile is kept."""
    return (root or profiles_root()) / profile_name(account_key)


def forget_profile(account_key: str, *, root: Path | None = None) -> bool:
    """Delete the account's persistent profile folder (its profile object must be gone);
    True when it is gone. QtWebEngine may still be closing files: it tries a few times."""
    folder = profile_folder(account_key, root=root)
    for _attempt in range(5):
        if not folder.exists():
            break
        shutil.rmtree(folder, ignore_errors=True)
    gone = not folder.exists()
    log.info("deleted a live account's browser profile: %s", gone)
    return gone
