"""Small builders of fictional licenses for the engine's tests (``.example`` addresses only)."""

from __future__ import annotations

from desktop.domain.models import Contact, License, LicenseType

TARGET = "zhang.wei@huake.example"
SAME = "li.na@huake.example"  # the target's company domain
OTHER = "wang.fang@northwind.example"  # another company
PUBLIC = "demo.buyer@qq.com"  # a public mailbox (fictional local part)
PUBLIC_TARGET = "demo.target@qq.com"
STRANGER = "liu.yang@huake.example"  # a contact nobody is signed in as


def lic(
    sen: str = "SEN-1001",
    *,
    primary: str = SAME,
    technical: tuple[str, ...] = (),
    billing: tuple[str, ...] = (),
    evaluation: bool = False,
) -> License:
    """A license whose primary technical (and billing) contact is ``primary``."""
    kind = LicenseType.EVALUATION if evaluation else LicenseType.COMMERCIAL
    label = "Evaluation" if evaluation else "Commercial"
    return License(
        sen=sen,
        product=f"Jira Software (Server) 25 Users: {label} License",
        organisation="华科天下科技有限公司",
        license_type=kind,
        license_key="AAAB-SECRET-KEY-DO-NOT-LEAK",
        technical_contacts=(
            Contact(primary, None, True),
            *(Contact(e) for e in technical),
        ),
        billing_contacts=(Contact(primary, None, True), *(Contact(e) for e in billing)),
    )
