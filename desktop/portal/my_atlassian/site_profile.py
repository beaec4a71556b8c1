"""The site profile: everything the connector knows about My Atlassian, as versioned data.

The built-in profile is ``site_profile.json`` beside this module. An override file of the same
format (support or IT can hand one out when the real site changes) replaces it whole; a file
that does not pass :func:`parse_profile` is refused with a message saying what is wrong.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from desktop.portal.my_atlassian.labels import LATER_LABELS, PageLabels

#: The profile format this app reads (the file's ``format``).
FORMAT = 1
#: The largest profile file read (a real one is about 1 kB).
MAX_BYTES = 64 * 1024
BUILT_IN = "site_profile.json"

_HOST = re.compile(r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9-]{1,63})+$")
_VERSION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.+-]{0,39}$")
_MAX_TEXT = 120
_MAX_ALTERNATIVES = 12


class ProfileError(ValueError):
    """The profile cannot be used; the message says where and why (English, for the log and
    for support; the UI puts it inside a translated sentence)."""


@dataclass(frozen=True, slots=True)
class SiteProfile:
    """What the connector knows about the site: hosts, addresses and labels.

    Addresses are paths on the My Atlassian host; ``license_path`` holds ``{digits}`` (the
    SEN's digits) or ``{sen}``.
    """

    name: str
    version: str
    my_atlassian_host: str
    sign_in_hosts: tuple[str, ...]
    start_path: str
    list_paths: tuple[str, ...]
    license_path: str | None
    labels: PageLabels

    @property
    def title(self) -> str:
        """``my.atlassian.com 2026.12.1``: what the About box and the log name."""
        return f"{self.name} {self.version}"


def _need(data: dict[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in data:
        raise ProfileError(f"{where}: {key!r} is missing")
    value = data[key]
    if not isinstance(value, kind) or isinstance(value, bool):
        raise ProfileError(f"{where}.{key}: expected {kind.__name__}")
    return value


def _text(value: object, where: str, *, limit: int = _MAX_TEXT) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ProfileError(f"{where}: expected a non-empty text")
    if len(value) > limit or not value.isprintable():
        raise ProfileError(f"{where}: the text is too long or holds control characters")
    return value


def _texts(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise ProfileError(f"{where}: expected a list of one or more texts")
    if len(value) > _MAX_ALTERNATIVES:
        raise ProfileError(f"{where}: at most {_MAX_ALTERNATIVES} alternatives")
    texts = tuple(_text(item, f"{where}[{i}]") for i, item in enumerate(value))
    if len({" ".join(t.split()).lower() for t in texts}) != len(texts):
        raise ProfileError(f"{where}: the same text is listed twice")
    return texts


def _host(value: object, where: str) -> str:
    host = _text(value, where).lower()
    if not _HOST.match(host):
        raise ProfileError(f"{where}: {host[:60]!r} is not a host name")
    return host


def _path(value: object, where: str) -> str:
    path = _text(value, where, limit=300)
    if not path.startswith("/") or path.startswith("//") or "\\" in path or " " in path:
        raise ProfileError(f"{where}: expected a path on the host, starting with one '/'")
    return path


def parse_profile(raw: bytes | str) -> SiteProfile:
    """Validate a profile file's content.

    Raises:
        ProfileError: not JSON, another format, a missing or wrong field, an unknown label.
    """
    if len(raw) > MAX_BYTES:
        raise ProfileError(f"the file is larger than {MAX_BYTES // 1024} kB")
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise ProfileError(f"not valid JSON ({error})") from None
    if not isinstance(data, dict):
        raise ProfileError("expected a JSON object")
    fmt = _need(data, "format", int, "profile")
    if fmt != FORMAT:
        raise ProfileError(f"format {fmt} is not the one this app reads ({FORMAT})")
    name = _text(_need(data, "name", str, "profile"), "name", limit=60)
    version = _need(data, "version", str, "profile")
    if not _VERSION.match(version):
        raise ProfileError(f"version: {version[:40]!r} is not a version such as 2026.12.1")
    unknown = set(data) - {"format", "name", "version", "hosts", "addresses", "labels", "notes"}
    if unknown:
        raise ProfileError(f"profile: unknown fields {sorted(unknown)}")

    hosts = _need(data, "hosts", dict, "profile")
    my_host = _host(_need(hosts, "my_atlassian", str, "hosts"), "hosts.my_atlassian")
    sign_in_raw = hosts.get("sign_in", [])
    if not isinstance(sign_in_raw, list):
        raise ProfileError("hosts.sign_in: expected a list of host names")
    sign_in = tuple(_host(h, f"hosts.sign_in[{i}]") for i, h in enumerate(sign_in_raw))

    addresses = _need(data, "addresses", dict, "profile")
    start = _path(_need(addresses, "start", str, "addresses"), "addresses.start")
    lists = tuple(
        _path(p, f"addresses.licenses[{i}]")
        for i, p in enumerate(_texts(addresses.get("licenses"), "addresses.licenses"))
    )
    license_path = addresses.get("license")
    if license_path is not None:
        license_path = _path(license_path, "addresses.license")
        if "{digits}" not in license_path and "{sen}" not in license_path:
            raise ProfileError("addresses.license: must hold {digits} or {sen}")

    labels_raw = _need(data, "labels", dict, "profile")
    unknown = set(labels_raw) - set(PageLabels.names())
    if unknown:
        raise ProfileError(f"labels: unknown labels {sorted(unknown)}")
    missing = set(PageLabels.names()) - set(labels_raw) - LATER_LABELS
    if missing:
        raise ProfileError(f"labels: missing {sorted(missing)}")
    labels = PageLabels(**{key: _texts(labels_raw[key], f"labels.{key}") for key in labels_raw})
    return SiteProfile(
        name=name,
        version=version,
        my_atlassian_host=my_host,
        sign_in_hosts=sign_in,
        start_path=start,
        list_paths=lists,
        license_path=license_path,
        labels=labels,
    )


def built_in_profile() -> SiteProfile:
    """The profile shipped with the app (it always passes: a test checks it)."""
    raw = resources.files(__package__).joinpath(BUILT_IN).read_bytes()
    return parse_profile(raw)


def read_profile_file(path: Path) -> SiteProfile:
    """Read and validate the profile at ``path``.

    Raises:
        ProfileError: it cannot be read or does not pass :func:`parse_profile`.
    """
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise ProfileError(f"cannot be read ({error.strerror or error})") from None
    return parse_profile(raw)
