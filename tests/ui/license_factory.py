"""Fictional licenses for UI tests and benchmarks (``.example`` addresses only)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from desktop.domain.models import Contact, Hosting, License, LicenseType

PRODUCTS = (
    "synapseRT - Test Management for Jira for JIRA (Server) 10 Users: Commercial License",
    "Jira Software (Data Center) 500 Users: Commercial License",
    "Confluence (Server) 25 Users: Academic License",
    "Tempo Timesheets for Jira (Server) 10 Users: Evaluation License",
    "ScriptRunner for Jira (Data Center) 1000 Users: Commercial License",
)
PEOPLE = (
    ("zhang.wei@huake.example", "Zhang Wei"),
    ("li.na@huake.example", "Li Na"),
    ("wang.fang@huake.example", "Wang Fang"),
    ("demo.buyer@qq.com", None),
    ("chen.jie@xinghe.example", "Chen Jie"),
)
ORGS = ("示例科技有限公司", "Huake Example Ltd", "星河示例软件有限公司")


def make_license(
    sen: int,
    *,
    product: str = PRODUCTS[0],
    expires: date | None = date(2020, 10, 19),
    primary: str = "zhang.wei@huake.example",
    others: tuple[str, ...] = (),
    organisation: str = ORGS[0],
    seen_by: frozenset[str] = frozenset({"zhang.wei@huake.example"}),
    key: str | None = "AAABjA0ODAoPeNqFkcFKw0A",
) -> License:
    names = dict(PEOPLE)
    tech = (
        Contact(primary, names.get(primary), True),
        *(Contact(o, names.get(o)) for o in others),
    )
    return License(
        sen=f"SEN-{sen}",
        product=product,
        organisation=organisation,
        license_type=LicenseType.COMMERCIAL,
        hosting=Hosting.SERVER,
        support_expires=expires,
        license_key=key,
        technical_contacts=tech,
        billing_contacts=(Contact(primary, names.get(primary), True),),
        seen_by=seen_by,
    )


def many_licenses(count: int, *, seed: int = 5) -> list[License]:
    """``count`` varied licenses; dates around 2020-2028, contacts from PEOPLE."""
    rng = random.Random(seed)
    accounts = [email for email, _ in PEOPLE[:4]]
    result = []
    for i in range(count):
        primary = PEOPLE[rng.randrange(len(PEOPLE))][0]
        result.append(
            make_license(
                10_000_000 + i * 7,
                product=PRODUCTS[rng.randrange(len(PRODUCTS))] + f" #{i}",
                expires=date(2020, 1, 1) + timedelta(days=rng.randrange(3000)),
                primary=primary,
                organisation=ORGS[rng.randrange(len(ORGS))],
                seen_by=frozenset(rng.sample(accounts, rng.randint(1, 2))),
            )
        )
    return result
