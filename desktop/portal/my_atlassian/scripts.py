"""JavaScript the connector runs in the page: find controls by their visible labels, and act.

Every script returns a JSON string: ``{"ok": true, ...}`` or ``{"error": "<kind>", "label":
"<label>", "count": n}`` where kind is ``missing`` (no such label), ``ambiguous`` (more than
one where one is expected), ``disabled`` (greyed out) or ``mismatch`` (the dialog is about
something else). A script never clicks unless exactly one control matches, whichever of the
label's accepted texts (the site profile's alternatives) the page shows.

A license's *block* is found from its SEN: the smallest visible element around the SEN that
holds exactly one "Technical Contacts" heading and no other license's SEN. Its *technical
section* runs from that heading to the "Billing Contacts" heading, in document order, its
*billing section* from there to the block's end. Actions on contacts name their section.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from desktop.portal.my_atlassian.labels import PageLabels

READ_TEXT = "document.body ? document.body.innerText : ''"
#: Whether the page holds a sign-in form, whatever its language: a password box, or the email
#: or two-step code step of Atlassian's sign-in.
SIGN_IN_FORM = (
    "!!document.querySelector('input[type=password], #username, #login-submit,"
    " #two-step-verification-otp-code-input')"
)

_ACTIONS_JS = resources.files(__package__).joinpath("page_actions.js").read_text("utf-8")


def _script(action: str, labels: PageLabels, **args: Any) -> str:
    payload = json.dumps({**args, "labels": labels.as_dict()}, ensure_ascii=True)
    return (
        f"(function (ARGS) {{\n{_ACTIONS_JS}\nreturn JSON.stringify(ACTIONS.{action}());\n}})"
        f"({payload})"
    )


def expand(sens: list[str], labels: PageLabels) -> str:
    """Click the summary row of each collapsed license among ``sens``."""
    return _script("expand", labels, sens=sens)


def blocks(sens: list[str], labels: PageLabels) -> str:
    """Each shown license's contacts and key, read from its own block's structure."""
    return _script("blocks", labels, sens=sens)


def add_contact(sen: str, email: str, labels: PageLabels, section: str = "technical") -> str:
    """Type ``email`` into the add box of ``sen``'s ``section`` (``technical`` or ``billing``)
    and press its Add."""
    return _script("addContact", labels, sen=sen, email=email, section=section)


def make_primary(sen: str, email: str, labels: PageLabels, section: str = "technical") -> str:
    """Press Make Primary in ``email``'s row of ``sen``'s ``section`` (opens the dialog)."""
    return _script("makePrimary", labels, sen=sen, email=email, section=section)


def delete_contact(sen: str, email: str, labels: PageLabels, section: str) -> str:
    """Press Delete in ``email``'s row of ``sen``'s ``section``; never beside a primary."""
    return _script("deleteContact", labels, sen=sen, email=email, section=section)


def dialog_state(labels: PageLabels, title: str = "promote_title") -> str:
    """Whether the dialog titled by the label ``title`` is open, and its title as shown."""
    return _script("dialogState", labels, title=title)


def confirm_promotion(
    sen: str,
    email: str,
    labels: PageLabels,
    title: str = "promote_title",
    confirm: tuple[str, ...] = ("yes",),
) -> str:
    """Press the confirming button (one of the labels ``confirm``) in the dialog titled by the
    label ``title``, only if the dialog names ``email`` and ``sen``."""
    return _script(
        "confirmPromotion", labels, sen=sen, email=email, title=title, confirm=list(confirm)
    )


def alerts(labels: PageLabels) -> str:
    """The texts of the page's visible alerts (its error flags)."""
    return _script("alerts", labels)


def page_labels(
    sen: str, labels: PageLabels, section: str = "technical", title: str = "promote_title"
) -> str:
    """The texts the page shows for the labels of a guided step (in ``sen``'s ``section``; an
    open dialog's own title for the label ``title`` when the profile's words are not shown)."""
    return _script("pageLabels", labels, sen=sen, section=section, title=title)


def inspect(labels: PageLabels) -> str:
    """Counts of each part the connector needs, as the page shows them now (no change)."""
    return _script("inspect", labels)


def structure(labels: PageLabels) -> str:
    """The page's element tree without its text (for a support report)."""
    return _script("structure", labels)


def highlight(
    sen: str,
    kind: str,
    email: str,
    labels: PageLabels,
    *,
    section: str = "technical",
    title: str = "promote_title",
    clear: bool = False,
) -> str:
    """Mark what the person should click for a guided step in ``sen``'s ``section``, and the
    dialog titled by the label ``title`` when it is open (or ``clear`` the marks)."""
    return _script(
        "highlight",
        labels,
        sen=sen,
        kind=kind,
        email=email,
        section=section,
        title=title,
        clear=clear,
    )
