"""The engine's message catalogue: every key worded, placeholders filled, translation applied."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

from desktop.engine.events import Outcome
from desktop.engine.reasons import (
    CATALOGUES,
    ENGINE_ERROR_TEXTS,
    NAMED_ERROR_TEXTS,
    OUTCOME_TEXTS,
    PORTAL_ERROR_TEXTS,
    EngineErrorKey,
    render,
    substitute,
)
from desktop.portal import errors

ROOT = Path(__file__).resolve().parents[2]

# Every module that defines a PortalError subclass; imported here so that walking
# PortalError.__subclasses__() sees the same classes whatever else the run imported.
ERROR_MODULES = (
    "desktop.portal.errors",
    "desktop.portal.my_atlassian.errors",
    "desktop.services.paste_store",
    "desktop.services.refresh",
    "desktop.services.session_broker",
)


def _portal_error_classes() -> set[type[errors.PortalError]]:
    for module in ERROR_MODULES:
        importlib.import_module(module)
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


def test_every_module_defining_a_portal_error_is_imported_above() -> None:
    """A new PortalError subclass in a module not listed in ERROR_MODULES fails here."""
    names = {cls.__name__ for cls in _portal_error_classes()}
    defining: set[str] = set()
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                (isinstance(b, ast.Name) and b.id in names)
                or (isinstance(b, ast.Attribute) and b.attr in names)
                for b in node.bases
            ):
                module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
                defining.add(module)
    assert defining - set(ERROR_MODULES) == set()


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


def test_a_failure_naming_its_account_says_whose_sign_in_ended() -> None:
    actor = "li.na@huake.example"
    named = render("unauthenticated", [actor])
    assert named.startswith(f"The sign-in of {actor} ended") and "%1" not in named
    assert render("unauthenticated", [actor], context="PortalError") == named
    # An account's own error names nobody: the catalogue's words, without a placeholder.
    assert render("unauthenticated") == PORTAL_ERROR_TEXTS["unauthenticated"]
    assert "%1" not in render("unauthenticated", context="PortalError")
    assert all(key in PORTAL_ERROR_TEXTS for key in NAMED_ERROR_TEXTS)
    for text in NAMED_ERROR_TEXTS.values():
        assert sorted(set(re.findall(r"%([1-9])", text))) == ["1"]
