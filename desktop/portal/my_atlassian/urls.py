"""Where My Atlassian's pages are: the real site, or the sandbox's replica for tests.

Both come from the site profile: its paths, on the profile's host (``https://``) or under the
replica's address on loopback.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from desktop.domain.sen import sen_digits
from desktop.portal.my_atlassian.labels import MY_ATLASSIAN_LABELS, PageLabels
from desktop.portal.my_atlassian.site_profile import SiteProfile, built_in_profile

MY_ATLASSIAN_URL = "https://my.atlassian.com"
REPLICA_PATH = "/my-atlassian"


def is_loopback_host(host: str) -> bool:
    """127.0.0.1, ::1 or localhost: the sandbox's replica, never a remote site."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def origin_of(url: str) -> tuple[str, str]:
    """``(scheme, host[:port])`` of ``url``, lower-case."""
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower().rpartition("@")[2]


@dataclass(frozen=True, slots=True)
class MyAtlassianUrls:
    """The pages the connector opens, and the labels it reads them by.

    ``origin`` is ``scheme://host[:port]`` of My Atlassian: reading and acting happen only on
    a page there (scheme and host both checked). ``license_page`` is None where a license has
    no page of its own that we know of (then collapsed licenses are expanded in the list).
    """

    start: str
    licenses: str
    license_page: str | None = None  # with "{digits}" or "{sen}"
    list_paths: tuple[str, ...] = ()
    labels: PageLabels = MY_ATLASSIAN_LABELS
    profile_title: str = field(default="", compare=False)

    @property
    def origin(self) -> tuple[str, str]:
        return origin_of(self.licenses)

    def license(self, sen: str) -> str | None:
        if not self.license_page:
            return None
        return self.license_page.replace("{digits}", sen_digits(sen)).replace("{sen}", quote(sen))

    def on_site(self, url: str) -> bool:
        """Whether ``url`` is on My Atlassian itself (same scheme and host), not elsewhere."""
        return origin_of(url) == self.origin

    def is_licenses_page(self, url: str) -> bool:
        """Whether ``url`` is the licenses list (or one license's page), not a sign-in page."""
        if not self.on_site(url):
            return False
        path = urlsplit(url).path
        wanted = self.list_paths or (urlsplit(self.licenses).path,)
        return any(path.startswith(p) for p in wanted)


def site_urls(profile: SiteProfile, base: str | None = None) -> MyAtlassianUrls:
    """The profile's pages on its own host, or (``base``) under another address (the replica)."""
    root = (base or f"https://{profile.my_atlassian_host}").rstrip("/")
    lists = tuple(root_path(root) + path for path in profile.list_paths)
    return MyAtlassianUrls(
        start=root + profile.start_path,
        licenses=root + profile.list_paths[0],
        license_page=root + profile.license_path if profile.license_path else None,
        list_paths=lists,
        labels=profile.labels,
        profile_title=profile.title,
    )


def root_path(root: str) -> str:
    return urlsplit(root).path.rstrip("/")


def real_site(profile: SiteProfile | None = None) -> MyAtlassianUrls:
    """The real My Atlassian: the person signs in there themselves (SSO, two-step, captcha)."""
    return site_urls(profile or built_in_profile())


def replica(base_url: str, profile: SiteProfile | None = None) -> MyAtlassianUrls:
    """The sandbox's replica at ``base_url`` (e.g. ``http://127.0.0.1:8765``): the profile's
    paths under ``/my-atlassian``. Its sign-in page is the replica's own login."""
    profile = profile or built_in_profile()
    urls = site_urls(profile, base_url.rstrip("/") + REPLICA_PATH)
    root = base_url.rstrip("/") + REPLICA_PATH
    return MyAtlassianUrls(
        start=root + profile.list_paths[0],
        licenses=urls.licenses,
        license_page=urls.license_page,
        list_paths=urls.list_paths,
        labels=urls.labels,
        profile_title=urls.profile_title,
    )


@dataclass(frozen=True, slots=True)
class PageAddress:
    """Where a page is, as the address line shows it: its host, and whether it is https.

    ``allowed`` is False for plain http anywhere but on this computer (the replica)."""

    scheme: str
    host: str
    secure: bool
    loopback: bool

    @property
    def allowed(self) -> bool:
        return self.secure or (self.scheme == "http" and self.loopback) or self.scheme == "about"


def page_address(url: str) -> PageAddress:
    """The address line's facts about ``url`` (its scheme and host only; never the path)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = f":{parts.port}" if parts.port else ""
    return PageAddress(scheme, host + port, scheme == "https", is_loopback_host(host))


def request_allowed(scheme: str, host: str) -> bool:
    """Whether the embedded browser may send a request: anything but plain http (or ws) to
    another computer."""
    return scheme.lower() not in ("http", "ws") or is_loopback_host(host.lower())
