"""Who can sign in to the built-in demo portal: four fictional people, password ``demo``.

Kept apart from :mod:`desktop.portal.sandbox` (which serves them, and needs Starlette and
uvicorn) so the app's account list can offer the demo without loading a web server.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The portal id of the built-in demo (``--portal demo``; an account's ``portal``).
DEMO = "demo"
#: Every demo account's password: the sandbox's, never a person's.
DEMO_PASSWORD = "demo"
#: The likely consolidation target on the demo data.
DEMO_TARGET = "zhang.wei@huake.example"


@dataclass(frozen=True, slots=True)
class DemoPerson:
    email: str
    name: str


DEMO_PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson("zhang.wei@huake.example", "Zhang Wei"),
    DemoPerson("li.na@huake.example", "Li Na"),
    DemoPerson("wang.fang@northwind.example", "Wang Fang"),
    DemoPerson("huake.buyer@qq.com", "华科采购"),
)
