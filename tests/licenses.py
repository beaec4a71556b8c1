"""The one builder of fictional licenses for tests (``.example`` addresses, a made-up key), and
many licenses at once from the sandbox's own generator (the data the sandbox serves)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from desktop.domain.models import Contact, License
from desktop.domain.product import hosting_from_product, license_type_from_product
from desktop.portal.sandbox.generator import generate

TARGET = "zhang.wei@huake.example"
SAME = "li.na@huake.example"  # the target's company domain
OTHER = "wang.fang@northwind.example"  # another company
PUBLIC = "demo.buyer@qq.com"  # a public mailbox (fictional local part)
PUBLIC_TARGET = "demo.target@qq.com"
STRANGER = "liu.yang@huake.example"  # a contact nobody is signed in as

KEY = "AAAB-SECRET-KEY-DO-NOT-LEAK"
PRODUCT = "Jira Software (Server) 25 Users: Commercial License"
EVALUATION = "Jira Software (Server) 25 Users: Evaluation License"
ORGANISATION = "华科天下科技有限公司"
#: The names the portal shows for some of the fictional people (the others have none).
NAMES = {
    "zhang.wei@huake.example": "Zhang Wei",
    "li.na@huake.example": "Li Na",
    "wang.fang@huake.example": "Wang Fang",
    "chen.jie@xinghe.example": "Chen Jie",
}


def make_license(
    sen: int | str = "SEN-1001",
    *,
    primary: str = SAME,
    technical: Iterable[str] = (),
    billing: Iterable[str] | None = None,
    product: str | None = None,
    evaluation: bool = False,
    organisation: str = ORGANISATION,
    expires: date | None = None,
    key: str | None = KEY,
    seen_by: Iterable[str] = (),
) -> License:
    """A license whose primary technical contact is ``primary``, with the further
    ``technical`` contacts; ``billing`` lists the billing contacts, the first one primary
    (default: ``primary`` alone). ``sen`` is ``"SEN-…"`` or its number."""
    product = product or (EVALUATION if evaluation else PRODUCT)
    billed = (primary,) if billing is None else tuple(billing)
    return License(
        sen=sen if isinstance(sen, str) else f"SEN-{sen}",
        product=product,
        organisation=organisation,
        license_type=license_type_from_product(product),
        hosting=hosting_from_product(product),
        support_expires=expires,
        license_key=key,
        technical_contacts=(
            Contact(primary, NAMES.get(primary), True),
            *(Contact(e, NAMES.get(e)) for e in technical),
        ),
        billing_contacts=tuple(Contact(e, NAMES.get(e), i == 0) for i, e in enumerate(billed)),
        seen_by=frozenset(seen_by),
    )


def many_licenses(count: int, *, accounts: int = 4, seed: int = 5) -> list[License]:
    """``count`` varied licenses as the sandbox's generator makes them, each seen by the
    generated accounts among its contacts (as reading every account would find them)."""
    data = generate(count, accounts, seed)
    signed_in = {a.email for a in data.accounts}
    return [
        replace(
            lic,
            seen_by=frozenset(
                c.email
                for c in (*lic.technical_contacts, *lic.billing_contacts)
                if c.email in signed_in
            ),
        )
        for lic in data.licenses
    ]
