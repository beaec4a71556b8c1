"""The replica's "classic table" layout, modelled on what public sources say of the real page:
an HTML table (``table.productTable``), one row a license (``tr.headingRow`` with an id); a
click on the row expands the *next* row, which holds the details: the SEN in a cell
(``td#sen``), the product in ``span.desc > strong``, the license key in a ``<textarea>``, and
the contacts' controls as links.

A table's ``innerText`` gives tab-separated cells; a textarea's value is not part of it.
"""

from __future__ import annotations

from html import escape

from desktop.domain.models import ContactRole, License
from desktop.domain.sen import sen_digits
from desktop.portal.sandbox.replica.quirks import ReplicaQuirks
from desktop.portal.sandbox.replica.render import (
    CROSS_DOMAIN_TITLE,
    can_make_primary,
    short_name,
    show_date,
)

COLUMNS = ("SEN", "Product", "Name", "Support Expires", "Support")


def _contacts(lic: License, role: ContactRole, caller: str, q: ReplicaQuirks) -> str:
    """One section's contacts as list items; links for Make Primary and Delete beside every
    contact but the primary one."""
    items: list[str] = []
    old = lic.primary_contact(role)
    for contact in lic.contacts(role):
        parts = [f'<div class="contactName">{escape(contact.name)}</div>'] if contact.name else []
        parts.append(f'<div class="contactEmail">{escape(contact.email)}</div>')
        data = (
            f' data-role="{role.value}" data-email="{escape(contact.email)}"'
            f' data-old="{escape(old.email if old else "")}"'
        )
        if contact.primary:
            parts.append(
                '<div class="primaryContact"><span class="aui-lozenge">PRIMARY</span></div>'
            )
            if q.delete_beside_primary:
                parts.append(
                    f'<div class="contactActions"><a href="#" class="ma-delete deleteContact"'
                    f"{data}>{escape(q.label('delete'))}</a></div>"
                )
        else:
            allowed = can_make_primary(lic, contact, caller, role)
            greyed = (
                ""
                if allowed
                else f' disabled" aria-disabled="true" title="{escape(CROSS_DOMAIN_TITLE)}'
            )
            parts.append(
                '<div class="contactActions">'
                f'<a href="#" class="ma-make-primary makePrimary{greyed}"{data}>'
                f"{escape(q.label('make_primary'))}</a> | "
                f'<a href="#" class="ma-delete deleteContact"{data}>'
                f"{escape(q.label('delete'))}</a></div>"
            )
        items.append(f'<li class="contact">{"".join(parts)}</li>')
    return f'<ul class="contacts">{"".join(items)}</ul>'


def _add_form(kind: str, q: ReplicaQuirks) -> str:
    placeholder = escape(q.label("placeholder"))
    return (
        f'<form class="ma-add-box addContact" data-kind="{kind}" onsubmit="return false">'
        f'<input type="text" class="ma-add-input" name="email" placeholder="{placeholder}"'
        ' autocomplete="off"> '
        f'<a href="#" class="ma-add addLink">{escape(q.label("add"))}</a></form>'
    )


def _row(label: str, value_html: str, cell_id: str = "") -> str:
    ident = f' id="{cell_id}"' if cell_id else ""
    return f"<tr><th>{escape(label)}</th><td{ident}>{value_html}</td></tr>"


def license_rows(lic: License, caller: str, q: ReplicaQuirks, lang: str, *, expanded: bool) -> str:
    """A license's heading row and, next to it, its details row (hidden unless ``expanded``)."""
    digits = sen_digits(lic.sen)
    sen = escape(lic.sen)
    state = "true" if expanded else "false"
    heading = (
        f'<tr class="headingRow" id="license_{digits}" data-sen="{sen}" aria-expanded="{state}">'
        f'<td class="sen"><a href="#license_{digits}" class="expandLink" aria-expanded="{state}">'
        f"{sen}</a></td>"
        f'<td class="product">{escape(lic.product)}</td>'
        f'<td class="name">{escape(short_name(lic.display_name))}</td>'
        f'<td class="expiry">{escape(show_date(lic.support_expires, lang))}</td>'
        '<td class="support"><a href="#" class="requestSupport">Request Support</a></td></tr>'
    )
    key = escape(lic.license_key or "")
    facts = (
        '<table class="licenseFacts">'
        + _row("Name", escape(lic.display_name))
        + _row("Organization", escape(lic.organisation))
        + _row("SEN", sen, "sen")
        + _row(
            "License Key",
            f'<textarea class="licenseKey" readonly rows="4" cols="48">{key}</textarea>',
        )
        + "</table>"
    )
    technical = _contacts(lic, ContactRole.TECHNICAL, caller, q)
    billing = _contacts(lic, ContactRole.BILLING, caller, q)
    hidden = "" if expanded else " hidden"
    details = (
        f'<tr class="licenseDetails" id="licensebox_{digits}" data-sen="{sen}"{hidden}>'
        f'<td colspan="{len(COLUMNS)}"><div class="licenseBox">'
        f'<span class="desc"><strong>{escape(lic.product)}</strong></span>'
        f"{facts}"
        f'<div class="contactGroup technical"><h4>{escape(q.label("technical_contacts"))}</h4>'
        f"{technical}{_add_form('technical', q)}</div>"
        f'<div class="contactGroup billing"><h4>{escape(q.label("billing_contacts"))}</h4>'
        f"{billing}{_add_form('billing', q)}</div>"
        '<div class="licenseActions"><a href="#">Renew</a> | <a href="#">Upgrade</a> | '
        '<a href="#">Download</a></div>'
        "</div></td></tr>"
    )
    return heading + details


def licenses_table(
    licenses: list[License], caller: str, q: ReplicaQuirks, lang: str, *, expand_all: bool
) -> str:
    """The licenses table: every row collapsed (or all expanded: one license's own page)."""
    head = "".join(f"<th>{escape(text)}</th>" for text in COLUMNS)
    if not licenses:
        return (
            f'<table class="productTable"><thead><tr>{head}</tr></thead></table>'
            '<p class="noProducts">You have no licenses.</p>'
        )
    body = "".join(license_rows(lic, caller, q, lang, expanded=expand_all) for lic in licenses)
    return (
        f'<table class="productTable"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )
