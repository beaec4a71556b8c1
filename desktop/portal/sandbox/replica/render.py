"""HTML of the replica: the sign-in page, the licenses page shell and one license's block.

Block elements only, so ``innerText`` puts every item on its own line, as on the real page
(the seed, ``/work/shared/seeds``). Everything shown is escaped.
"""

from __future__ import annotations

import json
from datetime import date
from html import escape

from desktop.domain.emails import same_company_domain
from desktop.domain.models import Contact, ContactRole, License
from desktop.portal.sandbox.replica.quirks import ReplicaQuirks

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS_ZH = tuple(
    f"{n}月" for n in ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")
)
#: The summary row cuts a long name short, like the real page ("华科天下科技有限...").
NAME_CUT = 9
KEY_LINE = 24
#: Where the sandbox mounts the replica.
BASE = "/my-atlassian"


def show_date(when: date | None, lang: str) -> str:
    """``19 Oct 2020``, or ``19 十月 2020`` for a Chinese browser (as in the seed)."""
    if when is None:
        return ""
    months = _MONTHS_ZH if lang.startswith("zh") else _MONTHS_EN
    return f"{when.day} {months[when.month - 1]} {when.year}"


def short_name(name: str) -> str:
    return name if len(name) <= NAME_CUT + 1 else name[:NAME_CUT] + "..."


def can_make_primary(
    lic: License, contact: Contact, caller: str, role: ContactRole = ContactRole.TECHNICAL
) -> bool:
    """The rule of the sandbox: same company domain as the primary ``role`` contact, or
    promoting oneself."""
    primary = lic.primary_contact(role)
    if primary is None or contact.email == caller.lower():
        return True
    return same_company_domain(contact.email, primary.email)


#: Why Make Primary is greyed out (its tooltip), as the real page words the rule.
CROSS_DOMAIN_TITLE = (
    "Only a contact at the same company domain can be made primary here; they can sign in"
    " and promote themselves."
)


def _div(css: str, text: str) -> str:
    return f'<div class="{css}">{escape(text)}</div>'


def _contact_rows(lic: License, role: ContactRole, caller: str, q: ReplicaQuirks) -> str:
    """The contacts of one section: a primary shows its lozenge, every other contact Make
    Primary (greyed out across company domains) and Delete; never Delete beside a primary."""
    rows: list[str] = []
    old = lic.primary_contact(role)
    for contact in lic.contacts(role):
        parts = [_div("ma-contact-name", contact.name)] if contact.name else []
        parts.append(_div("ma-contact-email", contact.email))
        data = (
            f' data-role="{role.value}" data-email="{escape(contact.email)}"'
            f' data-old="{escape(old.email if old else "")}"'
        )
        if contact.primary:
            parts.append('<div class="ma-primary"><span class="ma-lozenge">PRIMARY</span></div>')
            if q.delete_beside_primary:
                parts.append(
                    '<div class="ma-contact-actions"><button type="button" class="ma-link'
                    f' ma-delete"{data}>{escape(q.label("delete"))}</button></div>'
                )
        else:
            allowed = can_make_primary(lic, contact, caller, role)
            disabled = "" if allowed else ' disabled aria-disabled="true"'
            title = "" if allowed else f' title="{escape(CROSS_DOMAIN_TITLE)}"'
            parts.append(
                '<div class="ma-contact-actions">'
                f'<button type="button" class="ma-link ma-make-primary"{disabled}{title}{data}>'
                f"{escape(q.label('make_primary'))}</button>"
                f' | <button type="button" class="ma-link ma-delete"{data}>'
                f"{escape(q.label('delete'))}</button>"
                "</div>"
            )
        rows.append(f'<div class="ma-contact">{"".join(parts)}</div>')
    return "".join(rows)


def _add_box(kind: str, q: ReplicaQuirks) -> str:
    placeholder = escape(q.label("placeholder"))
    return (
        f'<div class="ma-add-box" data-kind="{kind}">'
        '<label class="ma-input-wrap">'
        f'<input type="email" class="ma-add-input" placeholder="{placeholder}"'
        f' aria-label="{placeholder}" autocomplete="off">'
        f'<span class="ma-hint">{placeholder}</span></label>'
        f'<div><button type="button" class="ma-button ma-add">{escape(q.label("add"))}</button>'
        "</div></div>"
    )


def _key_lines(key: str | None) -> str:
    if not key:
        return ""
    return "<br>".join(escape(key[i : i + KEY_LINE]) for i in range(0, len(key), KEY_LINE))


def license_block(lic: License, caller: str, q: ReplicaQuirks, lang: str, *, expanded: bool) -> str:
    """One license: its summary row and its details (hidden unless ``expanded``)."""
    name = lic.display_name
    sen = escape(lic.sen)
    hidden = "" if expanded else " hidden"
    summary = (
        f'<div class="ma-summary" role="button" tabindex="0"'
        f' aria-expanded="{"true" if expanded else "false"}">'
        f"{_div('ma-cell ma-sen', lic.sen)}{_div('ma-cell ma-product', lic.product)}"
        f"{_div('ma-cell ma-name', short_name(name))}"
        f"{_div('ma-cell ma-expires', show_date(lic.support_expires, lang))}"
        '<div class="ma-cell ma-support"><a href="#" class="ma-request">Request Support</a></div>'
        "</div>"
    )
    technical = _contact_rows(lic, ContactRole.TECHNICAL, caller, q)
    billing = _contact_rows(lic, ContactRole.BILLING, caller, q)
    details = (
        f'<div class="ma-details"{hidden}>'
        f'<div class="ma-field">{_div("ma-label", "Name")}{_div("ma-value", name)}</div>'
        f'<div class="ma-field">{_div("ma-label", "Organization")}'
        f"{_div('ma-value', lic.organisation)}</div>"
        f'<div class="ma-field">{_div("ma-label", "SEN")}{_div("ma-value", lic.sen)}</div>'
        f'<div class="ma-field">{_div("ma-label", "License Key")}'
        f'<div class="ma-value ma-key">{_key_lines(lic.license_key)}</div></div>'
        f'<div class="ma-field ma-technical">{_div("ma-label", q.label("technical_contacts"))}'
        f'<div class="ma-contacts">{technical}</div>{_add_box("technical", q)}</div>'
        f'<div class="ma-field ma-billing">{_div("ma-label", q.label("billing_contacts"))}'
        f'<div class="ma-contacts">{billing}</div>{_add_box("billing", q)}</div>'
        f'<div class="ma-field">{_div("ma-label", "Actions")}'
        '<div class="ma-value ma-actions"><a href="#">Renew</a> | <a href="#">Upgrade</a> | '
        '<a href="#">Download</a> |<br><a href="#">View Developer License</a> |<br>'
        '<a href="#">Archive</a></div></div>'
        "</div>"
    )
    return f'<div class="ma-license" data-sen="{sen}">{summary}{details}</div>'


def licenses_html(
    licenses: list[License], caller: str, q: ReplicaQuirks, lang: str, *, expand_all: bool
) -> str:
    """The table: a header row, then every license; the first one (or all) expanded."""
    header = (
        '<div class="ma-header">'
        + "".join(
            _div("ma-cell", text)
            for text in ("SEN", "Product", "Name", "Support Expires", "Support")
        )
        + "</div>"
    )
    if not licenses:
        return header + _div("ma-empty", "You have no licenses.")
    return header + "".join(
        license_block(lic, caller, q, lang, expanded=expand_all or index == 0)
        for index, lic in enumerate(licenses)
    )


def _page(title: str, body: str, lang: str = "en") -> str:
    return (
        f'<!doctype html><html lang="{escape(lang)}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="stylesheet" href="{BASE}/static/replica.css"></head>'
        f"<body>{body}</body></html>"
    )


#: The sign-in page's words, as Atlassian's own sign-in shows them to an English or a Chinese
#: browser (the real one is localised, so the connector may not rely on its words).
_SIGN_IN_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Log in to continue - Log in with Atlassian account",
        "heading": "Log in to continue",
        "email": "Email",
        "email_hint": "Enter your email",
        "password": "Password",
        "password_hint": "Enter password",
        "submit": "Log in",
        "bad": "Incorrect email address and / or password.",
        "note": "Local replica for tests: every sandbox account's password is",
    },
    "zh": {
        "title": "登录以继续 - 使用 Atlassian 帐户登录",
        "heading": "登录以继续",
        "email": "电子邮件",
        "email_hint": "输入您的电子邮件",
        "password": "密码",
        "password_hint": "输入密码",
        "submit": "继续",
        "bad": "电子邮件地址和/或密码不正确。",
        "note": "用于测试的本地副本：每个沙盒帐户的密码都是",
    },
}


def sign_in_page(*, bad_password: bool = False, email: str = "", lang: str = "en") -> str:
    words = _SIGN_IN_WORDS["zh" if lang.startswith("zh") else "en"]
    alert = (
        f'<div class="ma-flag ma-error" role="alert">{escape(words["bad"])}</div>'
        if bad_password
        else ""
    )
    body = (
        '<main class="ma-login"><div class="ma-brand">ATLASSIAN</div>'
        f"<h1>{escape(words['heading'])}</h1>"
        f"{alert}"
        f'<form method="post" action="{BASE}/login">'
        f'<label>{escape(words["email"])}<input type="email" name="email"'
        f' autocomplete="username" placeholder="{escape(words["email_hint"])}"'
        f' value="{escape(email)}" required></label>'
        f'<label>{escape(words["password"])}<input type="password" name="password"'
        f' autocomplete="current-password" placeholder="{escape(words["password_hint"])}"'
        " required></label>"
        f'<button type="submit" class="ma-button ma-primary">{escape(words["submit"])}</button>'
        "</form>"
        f'<p class="ma-note">{escape(words["note"])} <code>demo</code>.</p></main>'
    )
    return _page(words["title"], body, "zh-CN" if lang.startswith("zh") else "en")


def licenses_page(
    *, name: str | None, email: str, q: ReplicaQuirks, sen: str | None, layout: str = "standard"
) -> str:
    """The page shell; its script loads the licenses (``sen``: that license's own page)."""
    config = json.dumps(
        {"labels": q.all_labels(), "sen": sen, "delayMs": q.load_delay_ms, "layout": layout},
        ensure_ascii=True,
    ).replace("</", "<\\/")
    who = escape(name or email)
    body = (
        '<header class="ma-top"><div class="ma-brand">My Atlassian</div>'
        f'<nav class="ma-nav"><a href="{BASE}/product">Licenses</a> <a href="#">Orders</a>'
        ' <a href="#">Quotes</a></nav>'
        f'<div class="ma-account"><span class="ma-account-name">{who}</span>'
        f' <span class="ma-account-email">{escape(email)}</span>'
        f' <a href="{BASE}/logout" class="ma-logout">Log out</a></div></header>'
        '<div id="ma-flags" aria-live="polite"></div>'
        '<div id="ma-dialog-root"></div>'
        f"<main><h1>{'License' if sen else 'Licenses'}</h1>"
        '<div id="ma-licenses" aria-busy="true"><div class="ma-loading">Loading…</div></div>'
        "</main>"
        f'<script id="ma-config" type="application/json">{config}</script>'
        f'<script src="{BASE}/static/replica.js"></script>'
    )
    return _page("Licenses | My Atlassian", body)
