"""Generated sandbox data: N licenses over M accounts, the same for the same seed."""

from __future__ import annotations

import random
from datetime import date, timedelta

from desktop.domain.models import Contact, License
from desktop.domain.product import hosting_from_product, license_type_from_product
from desktop.portal.sandbox.dataset import SandboxAccount, SandboxData, fake_license_key
from desktop.portal.sandbox.demo_data import DEMO_PASSWORD

# Account i is at _DOMAINS[i % len]: several company domains and public mail domains.
_DOMAINS = (
    "huake.example",
    "northwind.example",
    "qq.com",
    "contoso-cn.example",
    "163.com",
    "fabrikam.example",
)
_ORGANISATIONS = (
    "华科天下科技有限公司",
    "Northwind Traders Ltd",
    "北风贸易（上海）有限公司",
    "Contoso China Ltd",
    "东湖理工学院",
    "Fabrikam Software GmbH",
)
_PRODUCTS = (
    "Jira Software (Data Center) 500 Users: Commercial License",
    "Confluence (Data Center) 500 Users: Commercial License",
    "synapseRT - Test Management for Jira for JIRA (Server) 10 Users: Commercial License",
    "Jira Software (Server) 25 Users: Commercial License",
    "Confluence (Server) 50 Users: Academic License",
    "Tempo Timesheets for Jira (Server) 25 Users: Commercial License",
    "Jira Software (Cloud) Standard 100 Users: Commercial License",
    "Bitbucket (Server) 25 Users: Community License",
    "Confluence (Server) 10 Users: Starter License",
    "ScriptRunner for Jira (Data Center) 500 Users: Commercial License",
)
_EVALUATION = "Jira Software (Data Center) 500 Users: Evaluation License"
FIRST_SEN = 50_000_000


def generated_accounts(count: int) -> tuple[SandboxAccount, ...]:
    return tuple(
        SandboxAccount(f"user{i:03d}@{_DOMAINS[i % len(_DOMAINS)]}", f"User {i:03d}", DEMO_PASSWORD)
        for i in range(count)
    )


def generate(licenses: int, accounts: int, seed: int = 0) -> SandboxData:
    """``licenses`` licenses over ``accounts`` accounts (password ``demo``).

    Every license has an account as its primary technical contact; about a quarter are also
    seen by a second account (as a secondary technical or a billing contact); about 2 % are
    evaluation licenses. SENs start at ``SEN-50000000`` and count up.
    """
    if licenses < 0 or accounts < 1:
        raise ValueError("need licenses ≥ 0 and accounts ≥ 1")
    rng = random.Random(seed)
    people = generated_accounts(accounts)
    result: list[License] = []
    for i in range(licenses):
        sen = f"SEN-{FIRST_SEN + i}"
        product = _EVALUATION if rng.random() < 0.02 else rng.choice(_PRODUCTS)
        primary = rng.choice(people)
        technical = [Contact(primary.email, primary.name, primary=True)]
        billing = [Contact(primary.email, primary.name, primary=True)]
        if accounts > 1 and rng.random() < 0.25:
            other = rng.choice([p for p in people if p is not primary])
            if rng.random() < 0.7:
                technical.append(Contact(other.email, other.name))
            else:
                billing.append(Contact(other.email, other.name))
        result.append(
            License(
                sen=sen,
                product=product,
                organisation=rng.choice(_ORGANISATIONS),
                license_type=license_type_from_product(product),
                hosting=hosting_from_product(product),
                support_expires=date(2018, 1, 1) + timedelta(days=rng.randrange(365 * 10)),
                license_key=fake_license_key(f"{seed}:{sen}"),
                technical_contacts=tuple(technical),
                billing_contacts=tuple(billing),
            )
        )
    return SandboxData(accounts=people, licenses=tuple(result))
