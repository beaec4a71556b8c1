"""Where My Atlassian's pages are: the real site, or the sandbox's replica for tests."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

MY_ATLASSIAN_URL = "https://my.atlassian.com"
REPLICA_PATH = "/my-atlassian"


@dataclass(frozen=True, slots=True)
class MyAtlassianUrls:
    """The pages the connector opens. ``license_page`` is None where a license has no page of
    its own that we know of (then collapsed licenses are expanded in the list instead)."""

    start: str
    licenses: str
    license_page: str | None = None  # with "{sen}"

    def license(self, sen: str) -> str | None:
        return self.license_page.replace("{sen}", quote(sen)) if self.license_page else None

    def is_licenses_page(self, url: str) -> bool:
        """Whether ``url`` is the licenses list (or one license's page), not a sign-in page."""
        wanted, got = urlsplit(self.licenses), urlsplit(url)
        return got.netloc == wanted.netloc and got.path.startswith(wanted.path)


def real_site() -> MyAtlassianUrls:
    """The real My Atlassian: the person signs in there themselves (SSO, two-step, captcha)."""
    return MyAtlassianUrls(start=f"{MY_ATLASSIAN_URL}/", licenses=f"{MY_ATLASSIAN_URL}/product")


def replica(base_url: str) -> MyAtlassianUrls:
    """The sandbox's replica at ``base_url`` (e.g. ``http://127.0.0.1:8765``)."""
    root = base_url.rstrip("/") + REPLICA_PATH
    return MyAtlassianUrls(
        start=f"{root}/licenses",
        licenses=f"{root}/licenses",
        license_page=f"{root}/licenses/{{sen}}",
    )
