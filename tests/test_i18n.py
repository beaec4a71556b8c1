"""The translation catalogues: complete, placeholders intact, up to date with the code."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from desktop.portal.paste_reader import WARNING_TEXTS
from desktop.tools import i18n as tool

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = sorted((ROOT / "i18n").glob("*_zh_CN.ts"))
# English plural forms only (lupdate -pluralonly): "%n license(s)" -> "1 license" / "2 licenses".
ENGLISH_CATALOGUES = sorted((ROOT / "i18n").glob("*_en.ts"))
PLACEHOLDER = re.compile(r"%L?(?:\d+|n)")


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source") or "", message))
    return found


def translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def test_there_are_chinese_catalogues() -> None:
    assert {p.name for p in CATALOGUES} >= {"app_zh_CN.ts", "wizard_zh_CN.ts"}


@pytest.mark.parametrize("path", CATALOGUES + ENGLISH_CATALOGUES, ids=lambda p: p.name)
def test_every_entry_is_translated(path: Path) -> None:
    unfinished = [
        f"{context}: {source!r}"
        for context, source, message in messages(path)
        if (message.find("translation") is None)
        or message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")  # type: ignore[union-attr]
        or not all(t.strip() for t in translations(message))
    ]
    assert not unfinished, f"{path.name} has untranslated entries:\n" + "\n".join(unfinished)


@pytest.mark.parametrize("path", CATALOGUES + ENGLISH_CATALOGUES, ids=lambda p: p.name)
def test_placeholders_match_the_source(path: Path) -> None:
    wrong = []
    for context, source, message in messages(path):
        expected = Counter(PLACEHOLDER.findall(source))
        for text in translations(message):
            got = Counter(PLACEHOLDER.findall(text))
            if message.get("numerus") == "yes":
                expected.pop("%n", None)
                got.pop("%n", None)
            if got != expected:
                wrong.append(f"{context}: {source!r} -> {text!r}")
    assert not wrong, f"{path.name}: placeholders differ:\n" + "\n".join(wrong)


def test_english_catalogues_hold_every_plural_string() -> None:
    """Each area's en catalogue has every numerus entry its zh_CN one has, and only those."""
    assert {p.name for p in ENGLISH_CATALOGUES} == {
        p.name.replace("_zh_CN", "_en") for p in CATALOGUES
    }
    for english in ENGLISH_CATALOGUES:
        chinese = english.with_name(english.name.replace("_en", "_zh_CN"))
        plurals = {(c, s) for c, s, m in messages(chinese) if m.get("numerus") == "yes"}
        in_english = {(c, s) for c, s, m in messages(english)}
        assert in_english == plurals, english.name


def test_english_forms_are_singular_then_plural() -> None:
    """English has two numerus forms; neither keeps the "(s)" of the source."""
    for path in ENGLISH_CATALOGUES:
        for context, source, message in messages(path):
            forms = translations(message)
            assert len(forms) == 2, (path.name, context, source)
            assert not any("(s)" in form for form in forms), (path.name, context, source)


def test_english_plurals_are_loaded_with_english(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QSettings

    from desktop.ui.language import ENGLISH, LanguageManager

    del qapp
    tool.release()
    manager = LanguageManager(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    loaded = manager.apply(ENGLISH, remember=False)
    try:
        assert "wizard_en.qm" in loaded
        text = "Failed: %n license(s)"
        assert (
            QCoreApplication.translate("ConsolidationWizard", text, None, 1) == "Failed: 1 license"
        )
        assert (
            QCoreApplication.translate("ConsolidationWizard", text, None, 3) == "Failed: 3 licenses"
        )
    finally:
        for translator in manager._translators:
            QCoreApplication.removeTranslator(translator)


def test_checker_catches_an_unfinished_english_plural(tmp_path: Path) -> None:
    bad = tmp_path / "bad_en.ts"
    bad.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="en_US"><context>'
        '<name>X</name><message numerus="yes"><source>%n license(s)</source>'
        '<translation type="unfinished"><numerusform></numerusform><numerusform></numerusform>'
        "</translation></message></context></TS>",
        encoding="utf-8",
    )
    with pytest.raises(AssertionError):
        test_every_entry_is_translated(bad)


def test_app_catalogue_holds_every_string_of_the_code(tmp_path: Path) -> None:
    """lupdate the app area afresh: nothing in the code is missing from app_zh_CN.ts."""
    fresh = tmp_path / "app_zh_CN.ts"
    files = [str(p.relative_to(ROOT)) for p in tool.area_files("app")]
    subprocess.run(
        [tool._tool("lupdate"), "-locations", "none", *files, "-ts", str(fresh)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    in_code = {(c, s) for c, s, _ in messages(fresh)}
    in_catalogue = {(c, s) for c, s, _ in messages(ROOT / "i18n" / "app_zh_CN.ts")}
    missing = sorted(in_code - in_catalogue)
    assert not missing, "run `make i18n` and translate:\n" + "\n".join(map(str, missing))


def test_paste_warning_templates_are_in_the_catalogue() -> None:
    """paste_reader marks WARNING_TEXTS with the literal "PasteReader" context lupdate reads."""
    in_catalogue = {(c, s) for c, s, _ in messages(ROOT / "i18n" / "app_zh_CN.ts")}
    missing = [t for t in WARNING_TEXTS.values() if ("PasteReader", t) not in in_catalogue]
    assert not missing


def test_checker_catches_a_broken_placeholder(tmp_path: Path) -> None:
    bad = tmp_path / "bad_zh_CN.ts"
    bad.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="zh_CN"><context>'
        "<name>X</name><message><source>Read %1 of %2</source>"
        "<translation>读取 %1</translation></message></context></TS>",
        encoding="utf-8",
    )
    with pytest.raises(AssertionError):
        test_placeholders_match_the_source(bad)
