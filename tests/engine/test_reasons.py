"""The engine's message catalogue: every key worded, placeholders filled, translation applied."""

from __future__ import annotations

import re

from desktop.engine.events import Outcome
from desktop.engine.reasons import (
    CATALOGUES,
    ENGINE_ERROR_TEXTS,
    OUTCOME_TEXTS,
    PORTAL_ERROR_TEXTS,
    EngineErrorKey,
    render,
    substitute,
)
from desktop.portal import errors


def _portal_error_classes() -> set[type[errors.PortalError]]:
    found: set[type[errors.PortalError]] = set()
    todo: list[type[errors.PortalError]] = [errors.PortalError]
    while todo:
        cls = todo.pop()
        found.add(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_every_portal_error_key_has_a_text() -> None:
    keys = {cls.error_key for cls in _portal_error_classes()}
    assert keys - set(PORTAL_ERROR_TEXTS) == set()


def test_every_outcome_and_engine_error_has_a_text() -> None:
    assert set(OUTCOME_TEXTS) == set(Outcome)
    assert set(ENGINE_ERROR_TEXTS) == set(EngineErrorKey)


def test_placeholders_are_numbered_from_one_without_gaps() -> None:
    for _context, texts in CATALOGUES:
        for key, text in texts.items():
            used = sorted({int(n) for n in re.findall(r"%([1-9])", text)})
            assert used == list(range(1, len(used) + 1)), key


def test_substitute_is_one_pass() -> None:
    assert substitute("%1 then %2", ["%2", "b"]) == "%2 then b"
    assert substitute("%1 and %3", ["a"]) == "a and %3"


def test_render_translates_with_the_right_context() -> None:
    seen: list[tuple[str, str]] = []

    def translate(context: str, text: str) -> str:
        seen.append((context, text))
        return "【" + text.replace("already", "已经") + "】"

    text = render("target-is-primary", ["zhang.wei@huake.example"], translate)
    assert text == "【zhang.wei@huake.example is 已经 the primary technical contact.】"
    assert seen == [("PlanReason", "%1 is already the primary technical contact.")]
    assert render("failed", (), translate, context="Outcome") == "【Failed】"
    assert render("timeout", (), translate).startswith("【The portal did not answer")
    assert render("no-session", ["a@b.example"]).startswith("a@b.example is not signed in")


def test_unknown_key_gives_a_generic_text() -> None:
    assert render("no-such-key") == PORTAL_ERROR_TEXTS["portal-error"]
