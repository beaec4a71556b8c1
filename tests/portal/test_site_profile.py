"""The site profile: the built-in file passes its own checks; an override file replaces it,
and a broken one is refused with a message while the built-in profile stays in force."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from desktop.portal.my_atlassian.site_profile import (
    ProfileError,
    built_in_profile,
    parse_profile,
)
from desktop.portal.my_atlassian.urls import real_site, replica
from desktop.services.my_atlassian.site_profile import load_profile


def _built_in_data() -> dict[str, Any]:
    from importlib import resources

    raw = resources.files("desktop.portal.my_atlassian").joinpath("site_profile.json")
    data: dict[str, Any] = json.loads(raw.read_text("utf-8"))
    return data


def test_the_built_in_profile_is_valid_and_versioned() -> None:
    profile = built_in_profile()
    assert profile.name == "my.atlassian.com" and profile.version
    assert profile.my_atlassian_host == "my.atlassian.com"
    assert "id.atlassian.com" in profile.sign_in_hosts
    assert profile.list_paths == ("/product", "/products/index")
    assert profile.labels.first("make_primary") == "Make Primary"
    urls = real_site(profile)
    assert urls.license("SEN-12683313") == (
        "https://my.atlassian.com/products/index?sen=12683313#license_12683313"
    )
    assert urls.is_licenses_page("https://my.atlassian.com/products/index?sen=1")
    assert not urls.is_licenses_page("http://my.atlassian.com/product")  # the scheme counts
    assert not urls.is_licenses_page("https://my.atlassian.com.evil.example/product")
    assert not urls.is_licenses_page("https://id.atlassian.com/login")
    mirror = replica("http://127.0.0.1:8765", profile)
    assert mirror.licenses == "http://127.0.0.1:8765/my-atlassian/product"


def test_a_valid_override_replaces_the_built_in_profile(tmp_path: Path) -> None:
    data = _built_in_data()
    data["version"] = "2027.1.0-support"
    data["labels"]["make_primary"] = ["Promote now"]
    path = tmp_path / "site-profile.json"
    path.write_text(json.dumps(data), "utf-8")

    choice = load_profile(path)

    assert choice.overridden and choice.path == path and not choice.problem
    assert choice.profile.version == "2027.1.0-support"
    assert choice.profile.labels.make_primary == ("Promote now",)


BROKEN: list[tuple[str, Any, str]] = [
    ("not json", "{", "not valid JSON"),
    ("format", {"format": 2}, "format 2 is not the one this app reads"),
    ("label missing", {"labels": {"add": ["Add"]}}, "labels: missing"),
    ("unknown label", {"labels.extra": ["X"]}, "unknown labels ['extra']"),
    ("empty list", {"labels.add": []}, "labels.add: expected a list of one or more texts"),
    ("control char", {"labels.add": ["A\u0007dd"]}, "control characters"),
    ("host", {"hosts.my_atlassian": "my atlassian"}, "is not a host name"),
    ("path", {"addresses.start": "https://evil.example/"}, "starting with one '/'"),
    ("template", {"addresses.license": "/products/index"}, "must hold {digits} or {sen}"),
    ("version", {"version": "one two"}, "is not a version"),
    ("twice", {"labels.yes": ["Yes", "yes"]}, "listed twice"),
]


def _broken(change: Any) -> str:
    if isinstance(change, str):
        return change
    data = _built_in_data()
    for key, value in change.items():
        if "." in key:
            head, _, tail = key.partition(".")
            data[head][tail] = value
        else:
            data[key] = value
    return json.dumps(data)


@pytest.mark.parametrize(("case", "change", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_override_is_refused_and_the_built_in_kept(
    case: str, change: Any, message: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    del case
    path = tmp_path / "site-profile.json"
    path.write_text(_broken(change), "utf-8")
    caplog.set_level(logging.INFO)

    choice = load_profile(path)

    assert not choice.overridden and choice.refused_path == path
    assert message in choice.problem
    assert choice.profile == built_in_profile()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "refused the site profile override" in logged and built_in_profile().title in logged


def test_no_override_means_the_built_in_profile(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    choice = load_profile(tmp_path / "absent.json")
    assert not choice.overridden and not choice.problem
    assert f"site profile in force: {built_in_profile().title} (built in)" in caplog.text


def test_a_huge_or_unreadable_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="larger than"):
        parse_profile(" " * (70 * 1024))
    folder = tmp_path / "site-profile.json"
    folder.mkdir()
    assert "cannot be read" in load_profile(folder).problem


def test_the_in_force_and_refused_texts_name_the_profile_and_the_file(tmp_path: Path) -> None:
    def same(context: str, text: str) -> str:
        del context
        return text

    built_in = load_profile(tmp_path / "absent.json")
    assert built_in.in_force_text(same) == (
        f"My Atlassian site profile: {built_in_profile().title} (built in)"
    )
    assert built_in.refused_text(same) == ""
    broken = tmp_path / "site-profile.json"
    broken.write_text("{not json", "utf-8")
    refused = load_profile(broken)
    text = refused.refused_text(same)
    assert str(broken) in text and "not valid JSON" in text and built_in_profile().title in text
    data = _built_in_data()
    data["version"] = "2027.2.0"
    broken.write_text(json.dumps(data), "utf-8")
    chosen = load_profile(broken)
    assert chosen.in_force_text(same) == (
        f"My Atlassian site profile: my.atlassian.com 2027.2.0 (override file {broken})"
    )


def test_an_override_without_the_billing_and_delete_dialogs_takes_their_defaults(
    tmp_path: Path,
) -> None:
    """An override written before the billing and Delete dialogs' labels still works: those
    labels take the built-in defaults; every other label stays required."""
    from desktop.portal.my_atlassian.labels import LATER_LABELS, PageLabels

    data = _built_in_data()
    for key in LATER_LABELS:
        del data["labels"][key]
    data["labels"]["delete"] = ["Remove"]
    path = tmp_path / "site-profile.json"
    path.write_text(json.dumps(data), "utf-8")

    choice = load_profile(path)

    assert choice.overridden and not choice.problem
    labels = choice.profile.labels
    assert labels.delete == ("Remove",)
    assert labels.promote_billing_title == PageLabels().promote_billing_title
    assert labels.first("delete_billing_title") == "Delete billing contact?"
    assert built_in_profile().labels.promote_billing_title == (
        "Promote to primary billing contact?",
    )
