"""What a script's answer and the page's alerts mean, as typed errors."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from desktop.portal.errors import (
    DomainMismatch,
    EvaluationLicense,
    InvalidEmailAddress,
    PortalError,
    PrimaryContact,
)
from desktop.portal.my_atlassian.errors import NeedsGuidance, PageNotUnderstood, SignInRequired


@dataclass(frozen=True, slots=True)
class ScriptAnswer:
    """A script's answer: ``ok``, or an error kind and the label it concerns."""

    ok: bool
    error: str = ""
    label: str = ""
    count: int = 0
    data: dict[str, Any] | None = None


def parse_answer(raw: object) -> ScriptAnswer:
    """Parse the JSON string a script returned; anything else means the page broke the script."""
    if not isinstance(raw, str):
        raise PageNotUnderstood("the page did not run the connector's script")
    try:
        data = json.loads(raw)
    except ValueError:
        raise PageNotUnderstood("the connector's script gave no answer") from None
    if not isinstance(data, dict):
        raise PageNotUnderstood("the connector's script gave no answer")
    if data.get("ok"):
        return ScriptAnswer(ok=True, data=data)
    return ScriptAnswer(
        ok=False,
        error=str(data.get("error") or "missing"),
        label=str(data.get("label") or ""),
        count=int(data.get("count") or 0),
        data=data,
    )


def refusal(answer: ScriptAnswer, step: str) -> PortalError:
    """The error for a script that refused to click. ``disabled`` Make Primary means the
    portal's own domain rule (the target must promote itself), ``primary`` a Delete asked
    beside a primary contact (never done), anything else guided mode."""
    if answer.error == "disabled" and step == "make-primary":
        return DomainMismatch("Make Primary is greyed out: the contact must promote itself")
    if answer.error == "primary":
        return PrimaryContact("the page shows the contact as primary: it is never deleted")
    if answer.error == "ambiguous":
        message = f"{answer.count} controls labelled {answer.label!r}; the app will not guess"
    elif answer.error == "collapsed":
        message = "the license's details could not be opened on the page"
    elif answer.error == "disabled":
        message = f"{answer.label!r} is greyed out on the page"
    elif answer.error == "mismatch":
        message = "the confirmation dialog is about another contact or license"
    else:
        message = f"no {answer.label!r} on the page" if answer.label else "the page changed"
    return NeedsGuidance(f"{step}: {message}", reason=answer.error, label=answer.label)


# The page's error flags, in words the real page and the replica use.
_ALERT_RULES: tuple[tuple[re.Pattern[str], type[PortalError]], ...] = (
    (re.compile(r"evaluation", re.I), EvaluationLicense),
    (re.compile(r"valid email", re.I), InvalidEmailAddress),
    (re.compile(r"promote themselves|same (company )?domain", re.I), DomainMismatch),
    (re.compile(r"session has expired|log ?in again|sign ?in again", re.I), SignInRequired),
)


def error_from_alerts(alerts: list[str]) -> PortalError | None:
    """The typed error an alert on the page stands for; None when there is no alert."""
    for text in alerts:
        for pattern, error in _ALERT_RULES:
            if pattern.search(text):
                return error("the page said no: " + text[:200])
    if alerts:
        return PortalError("the page showed an error: " + alerts[0][:200])
    return None


SIGN_IN_WORDS = re.compile(r"\b(log ?in|sign ?in)\b", re.I)


def looks_like_sign_in(text: str) -> bool:
    """A page asking to sign in, not the licenses page."""
    head = text[:2000]
    return bool(SIGN_IN_WORDS.search(head)) and "SEN" not in head
