"""The paste reader's warning templates, marked again with a literal context for lupdate.

``desktop.portal.paste_reader`` marks them with a context held in a variable, which
pyside6-lupdate cannot read; tests/test_i18n.py checks this list stays equal to theirs.
"""

from desktop.domain.i18n_marks import QT_TRANSLATE_NOOP

PASTE_WARNING_TEXTS: dict[str, str] = {
    "missing-field": QT_TRANSLATE_NOOP("PasteReader", "%1: the paste does not show its %2."),
    "details-missing": QT_TRANSLATE_NOOP(
        "PasteReader",
        "%1: only the summary row was pasted; expand the license on the page to read its key "
        "and contacts.",
    ),
    "unreadable-date": QT_TRANSLATE_NOOP(
        "PasteReader", "%1: the support expiry date %2 could not be read."
    ),
    "unreadable-license-key": QT_TRANSLATE_NOOP(
        "PasteReader",
        "%1: the license key contains text that is not part of a key; it was left out.",
    ),
    "invalid-email": QT_TRANSLATE_NOOP("PasteReader", "%1: %2 is not a valid email address."),
    "contact-without-email": QT_TRANSLATE_NOOP(
        "PasteReader", "%1: the contact %2 has no email address in the paste."
    ),
    "no-primary": QT_TRANSLATE_NOOP("PasteReader", "%1: no %2 contact is marked PRIMARY."),
    "several-primaries": QT_TRANSLATE_NOOP(
        "PasteReader", "%1: more than one %2 contact is marked PRIMARY."
    ),
    "name-truncated": QT_TRANSLATE_NOOP(
        "PasteReader", "%1: the name is cut short (%2); expand the license to read it in full."
    ),
    "sen-mismatch": QT_TRANSLATE_NOOP(
        "PasteReader", "%1: the details show another SEN (%2); the row's SEN was kept."
    ),
    "duplicate-sen": QT_TRANSLATE_NOOP(
        "PasteReader", "%1 appears more than once in the paste; the last one was used."
    ),
    "unknown-license-type": QT_TRANSLATE_NOOP(
        "PasteReader", "%1: the product text does not say the license type."
    ),
    "unknown-hosting": QT_TRANSLATE_NOOP(
        "PasteReader", "%1: the product text does not say Server, Data Center or Cloud."
    ),
}
