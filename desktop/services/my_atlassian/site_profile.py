"""Which site profile is in force: the built-in one, or the override file in the user's
config folder (``site-profile.json``) that support or IT dropped in.

A broken override never stops the app: it is refused with a message saying why, and the
built-in profile is used. The log and the About box name the profile in force.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from desktop import APP_NAME
from desktop.domain.i18n_marks import QT_TRANSLATE_NOOP
from desktop.portal.my_atlassian.site_profile import (
    ProfileError,
    SiteProfile,
    built_in_profile,
    read_profile_file,
)

log = logging.getLogger(__name__)

CONTEXT = "SiteProfile"
# Qt's translate(context, text), or a stand-in that returns the text.
Translate = Callable[[str, str], str]

OVERRIDE_NAME = "site-profile.json"

#: What the person is told about a refused override; %1 the file, %2 what is wrong (English,
#: as the file is), %3 the built-in profile's name and version.
REFUSED = QT_TRANSLATE_NOOP(
    "SiteProfile",
    "The My Atlassian site profile %1 could not be used (%2). The app uses its built-in "
    "profile %3 instead.",
)

#: The About box's line; %1 the profile's name and version, %2 where it comes from.
IN_FORCE = QT_TRANSLATE_NOOP("SiteProfile", "My Atlassian site profile: %1 (%2)")
BUILT_IN_SOURCE = QT_TRANSLATE_NOOP("SiteProfile", "built in")
OVERRIDE_SOURCE = QT_TRANSLATE_NOOP("SiteProfile", "override file %1")


def override_path() -> Path:
    """``site-profile.json`` in the user's config folder (e.g. ``~/.config/LicenseConsolidator``
    on Linux, ``%LOCALAPPDATA%\\LicenseConsolidator`` on Windows)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / OVERRIDE_NAME


@dataclass(frozen=True, slots=True)
class ProfileInForce:
    """The profile the connector uses, where it came from, and why an override was refused."""

    profile: SiteProfile
    path: Path | None = None  # the override file, when it is the one in force
    refused_path: Path | None = None
    problem: str = ""

    @property
    def overridden(self) -> bool:
        return self.path is not None

    def in_force_text(self, translate: Translate) -> str:
        """ "My Atlassian site profile: my.atlassian.com 2026.12.1 (built in)", translated."""
        source = (
            translate(CONTEXT, OVERRIDE_SOURCE).replace("%1", str(self.path))
            if self.path is not None
            else translate(CONTEXT, BUILT_IN_SOURCE)
        )
        return translate(CONTEXT, IN_FORCE).replace("%1", self.profile.title).replace("%2", source)

    def refused_text(self, translate: Translate) -> str:
        """Why an override was refused, translated ("" when none was)."""
        if self.refused_path is None:
            return ""
        values = {"%1": str(self.refused_path), "%2": self.problem, "%3": self.profile.title}
        return re.sub(r"%[1-3]", lambda m: values[m.group(0)], translate(CONTEXT, REFUSED))


def load_profile(path: Path | None = None) -> ProfileInForce:
    """The override at ``path`` (default :func:`override_path`) when there is a valid one,
    else the built-in profile (with the reason when an override was refused)."""
    path = path if path is not None else override_path()
    built_in = built_in_profile()
    if not path.exists():
        log.info("My Atlassian site profile in force: %s (built in)", built_in.title)
        return ProfileInForce(built_in)
    try:
        profile = read_profile_file(path)
    except ProfileError as error:
        log.warning(
            "refused the site profile override (%s); using the built-in %s", error, built_in.title
        )
        return ProfileInForce(built_in, refused_path=path, problem=str(error))
    log.info("My Atlassian site profile in force: %s (override file)", profile.title)
    return ProfileInForce(profile, path=path)


_current: ProfileInForce | None = None


def current() -> ProfileInForce:
    """The profile in force in this run (loaded once, on first use)."""
    global _current
    if _current is None:
        _current = load_profile()
    return _current


def set_current(choice: ProfileInForce) -> None:
    """Make ``choice`` the profile in force (start-up with another file, tests)."""
    global _current
    _current = choice
