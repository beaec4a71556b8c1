"""The Chinese words office staff read: one word for each thing (issue #15, item 6)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = sorted((ROOT / "i18n").glob("*_zh_CN.ts"))

#: Programmers' or uneven words, and the word used instead.
AVOIDED = {
    "运行": "归集 (a consolidation run), 操作 (words a removal shows too)",
    "提升": "设为主要 (My Atlassian's Make Primary)",
    "自行升级": "本人……设为主要",
    "新成为了": "又成为",
    "许可证": "授权 (a license, as everywhere in the app)",
}


def _translations(path: Path) -> list[tuple[str, str]]:
    found = []
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        node = message.find("translation")
        if node is None:
            continue
        forms = [form.text or "" for form in node.iter("numerusform")]
        found += [(source, text) for text in (forms or [node.text or ""])]
    return found


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.name)
def test_no_avoided_word_in_the_chinese(path: Path) -> None:
    bad = [
        f"{source!r} → {text!r}: use {instead}"
        for source, text in _translations(path)
        for word, instead in AVOIDED.items()
        if word in text
    ]
    assert not bad, "\n".join(bad)


def test_yes_is_quoted_not_in_italics() -> None:
    texts = [text for path in CATALOGUES for _, text in _translations(path)]
    assert not [t for t in texts if "<i>是</i>" in t]
