"""The demo sandbox's data: 4 accounts at 3 domains (one a public mailbox), 40 licenses.

Fictional people and companies only (the ``.example`` TLD; the public mailbox is made up).
Every demo account's password is ``demo``. The likely target is ``zhang.wei@huake.example``:
it is already primary on some licenses and already a secondary contact on others.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from desktop.domain.models import Contact, License
from desktop.domain.product import hosting_from_product, license_type_from_product
from desktop.portal.demo_accounts import DEMO_PASSWORD, DEMO_PEOPLE
from desktop.portal.demo_accounts import DEMO_TARGET as TARGET
from desktop.portal.sandbox.dataset import SandboxAccount, SandboxData, fake_license_key

__all__ = ["ACCOUNTS", "DEMO_PASSWORD", "TARGET", "demo_data"]

ACCOUNTS = tuple(SandboxAccount(p.email, p.name, DEMO_PASSWORD) for p in DEMO_PEOPLE)

# People who are contacts but have no sandbox sign-in.
_NAMES = {
    **{a.email: a.name for a in ACCOUNTS},
    "liu.yang@huake.example": "Liu Yang",
    "chen.jie@northwind.example": "Chen Jie",
    "finance@huake.example": None,
    "ap@northwind.example": "Accounts Payable",
}

ZW, LN, WF, QQ = (a.email for a in ACCOUNTS)
LY, CJ, FIN, AP = (
    "liu.yang@huake.example",
    "chen.jie@northwind.example",
    "finance@huake.example",
    "ap@northwind.example",
)

HUAKE = "华科天下科技有限公司"
HUAKE_WH = "华科天下科技有限公司武汉分公司"
NORTHWIND = "Northwind Traders Ltd"
NORTHWIND_CN = "北风贸易（上海）有限公司"
DONGHU = "东湖理工学院"
OPEN_TOOLS = "Northwind Open Tools Project"

SYNAPSE = "synapseRT - Test Management for Jira for JIRA (Server) 10 Users: Commercial License"
JIRA_DC = "Jira Software (Data Center) 500 Users: Commercial License"
CONF_DC = "Confluence (Data Center) 500 Users: Commercial License"
JIRA_SRV = "Jira Software (Server) 25 Users: Commercial License"
CONF_SRV = "Confluence (Server) 50 Users: Commercial License"
TEMPO = "Tempo Timesheets for Jira (Server) 25 Users: Commercial License"
SCRIPTRUNNER = "ScriptRunner for Jira (Data Center) 500 Users: Commercial License"
ZEPHYR = "Zephyr Squad - Test Management for Jira (Server) 10 Users: Commercial License"
DRAWIO = "draw.io Diagrams for Confluence (Server) 50 Users: Commercial License"
JSM_DC = "Jira Service Management (Data Center) 50 Agents: Commercial License"
JIRA_CLOUD = "Jira Software (Cloud) Standard 100 Users: Commercial License"
CONF_CLOUD = "Confluence (Cloud) Standard 100 Users: Commercial License"
CONF_ACADEMIC = "Confluence (Server) 500 Users: Academic License"
JIRA_ACADEMIC = "Jira Software (Server) 500 Users: Academic License"
BITBUCKET_COMMUNITY = "Bitbucket (Server) 25 Users: Community License"
JIRA_OPEN_SOURCE = "Jira Software (Server) 10 Users: Open Source License"
CONF_STARTER = "Confluence (Server) 10 Users: Starter License"
JIRA_EVAL = "Jira Software (Data Center) 500 Users: Evaluation License"
BAMBOO_DEV = "Bamboo (Server) 10 Remote Agents: Developer License"
BIGPICTURE = (
    "BigPicture - Project Management & PPM for Jira (Data Center) 500 Users: Commercial License"
)
XRAY = "Xray Test Management for Jira (Server) 50 Users: Commercial License"

# (SEN digits, product, organisation, support expires, primary technical contact,
#  secondary technical contacts, billing contacts — the first billing contact is primary)
_ROWS: tuple[tuple[int, str, str, str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    (20110101, SYNAPSE, HUAKE, "2020-10-19", LN, (), (LN,)),
    (20110245, JIRA_DC, HUAKE, "2026-11-30", LN, (), (FIN,)),
    (20110388, CONF_DC, HUAKE, "2026-11-30", LN, (WF,), (FIN,)),  # seen by two accounts
    (20110412, JIRA_SRV, HUAKE, "2021-03-15", ZW, (LN,), (LN,)),  # target already primary
    (20110577, TEMPO, HUAKE, "2022-06-30", LN, (ZW,), (LN,)),  # target already secondary
    (20110623, SCRIPTRUNNER, HUAKE, "2027-01-31", QQ, (), (QQ,)),
    (20110790, JIRA_EVAL, HUAKE, "2026-12-31", LN, (), ()),  # evaluation
    (20110834, JIRA_CLOUD, NORTHWIND, "2026-08-15", WF, (), (AP,)),
    (20110901, CONF_ACADEMIC, DONGHU, "2019-09-01", QQ, (), (QQ,)),
    (20111057, BITBUCKET_COMMUNITY, OPEN_TOOLS, "2027-05-20", WF, (CJ,), (WF,)),
    (20111163, ZEPHYR, HUAKE_WH, "2023-04-12", LN, (), (LN,)),
    (20111290, DRAWIO, HUAKE_WH, "2024-02-29", ZW, (), (FIN,)),  # target already primary
    (20111344, JSM_DC, NORTHWIND_CN, "2026-03-31", WF, (), (AP,)),
    (20111408, CONF_CLOUD, NORTHWIND_CN, "2026-09-30", WF, (LN,), (AP,)),  # two accounts
    (20111555, JIRA_OPEN_SOURCE, OPEN_TOOLS, "2025-12-31", QQ, (), ()),
    (20111679, CONF_STARTER, HUAKE, "2018-07-07", LN, (), (LN,)),
    (20111702, BAMBOO_DEV, HUAKE, "2026-06-30", LN, (), (LN,)),
    (20111846, BIGPICTURE, HUAKE, "2027-03-31", QQ, (LN,), (QQ,)),  # two accounts
    (20111933, XRAY, NORTHWIND, "2022-11-11", WF, (), (WF,)),
    (20112018, SYNAPSE, HUAKE_WH, "2021-10-19", LY, (), (LN,)),  # LN: billing contact only
    (20112171, JIRA_SRV, NORTHWIND, "2020-01-31", CJ, (), (WF,)),  # WF: billing contact only
    (20112256, CONF_SRV, HUAKE, "2023-08-31", LN, (LY,), (FIN,)),
    (20112390, JIRA_ACADEMIC, DONGHU, "2026-02-28", QQ, (), (QQ,)),
    (20112413, TEMPO, NORTHWIND_CN, "2025-05-05", WF, (), (AP,)),
    (20112587, SCRIPTRUNNER, HUAKE_WH, "2026-12-15", LN, (ZW,), (LN,)),  # target secondary
    (20112634, JIRA_DC, NORTHWIND, "2027-06-30", WF, (CJ,), (AP,)),
    (20112709, DRAWIO, HUAKE, "2019-12-31", QQ, (), (QQ,)),
    (20112851, ZEPHYR, NORTHWIND, "2024-10-01", WF, (), (WF,)),
    (20112976, CONF_DC, HUAKE_WH, "2026-10-31", LN, (), (FIN,)),
    (20113030, JIRA_CLOUD, HUAKE, "2026-07-31", ZW, (), (ZW,)),  # target already primary
    (20113188, XRAY, HUAKE, "2025-01-15", LN, (QQ,), (LN,)),  # two accounts, one public
    (20113265, JSM_DC, HUAKE, "2026-05-31", QQ, (), (FIN,)),
    (20113342, BIGPICTURE, NORTHWIND_CN, "2023-03-03", WF, (), (WF,)),
    (20113497, SYNAPSE, NORTHWIND, "2022-10-19", WF, (), (WF,)),
    (20113521, CONF_CLOUD, HUAKE_WH, "2027-02-28", LN, (), (LN,)),
    (20113664, JIRA_SRV, HUAKE, "2019-06-30", QQ, (), (QQ,)),
    (20113780, TEMPO, HUAKE_WH, "2026-01-31", LN, (LY,), (LN,)),
    (20113819, BITBUCKET_COMMUNITY, HUAKE, "2025-09-09", LN, (), ()),
    (20113957, JIRA_DC, NORTHWIND_CN, "2027-04-30", WF, (LN,), (AP,)),  # two accounts
    (20114082, CONF_SRV, HUAKE, "2021-12-31", ZW, (QQ,), (FIN,)),  # target already primary
)


def _contacts(primary: str, others: tuple[str, ...]) -> tuple[Contact, ...]:
    return tuple(
        Contact(email=email, name=_NAMES.get(email), primary=index == 0)
        for index, email in enumerate((primary, *others))
    )


def _license(row: tuple[int, str, str, str, str, tuple[str, ...], tuple[str, ...]]) -> License:
    digits, product, organisation, expires, primary, secondaries, billing = row
    sen = f"SEN-{digits}"
    return License(
        sen=sen,
        product=product,
        organisation=organisation,
        license_type=license_type_from_product(product),
        hosting=hosting_from_product(product),
        support_expires=date.fromisoformat(expires),
        license_key=fake_license_key(sen),
        technical_contacts=_contacts(primary, secondaries),
        billing_contacts=_contacts(billing[0], billing[1:]) if billing else (),
    )


@cache
def demo_data() -> SandboxData:
    """The demo data set; the same every time (frozen objects, safe to share)."""
    return SandboxData(accounts=ACCOUNTS, licenses=tuple(_license(row) for row in _ROWS))
