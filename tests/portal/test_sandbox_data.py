"""The demo data set and the generator: deterministic and covering the cases the app needs."""

from __future__ import annotations

from collections import Counter

from desktop.domain import is_public_domain
from desktop.domain.models import Hosting, LicenseType
from desktop.portal.sandbox import demo_data, generate
from desktop.portal.sandbox.demo_data import TARGET


def test_demo_accounts_span_three_domains_one_public() -> None:
    data = demo_data()
    domains = {a.email.rpartition("@")[2] for a in data.accounts}
    assert len(data.accounts) >= 4 and len(domains) >= 3
    assert any(is_public_domain(d) for d in domains)
    assert all(a.password == "demo" for a in data.accounts)
    assert all(d.endswith(".example") or is_public_domain(d) for d in domains)


def test_demo_licenses_cover_the_cases() -> None:
    data = demo_data()
    licenses = data.licenses
    emails = {a.email for a in data.accounts}
    assert 35 <= len(licenses) <= 45
    assert len({x.sen for x in licenses}) == len(licenses)
    types = Counter(x.license_type for x in licenses)
    assert {
        LicenseType.COMMERCIAL,
        LicenseType.ACADEMIC,
        LicenseType.COMMUNITY,
        LicenseType.EVALUATION,
    } <= set(types)
    assert {x.hosting for x in licenses} == {Hosting.SERVER, Hosting.DATACENTER, Hosting.CLOUD}
    assert any("synapseRT" in x.product for x in licenses)
    assert any(any("\u4e00" <= ch <= "\u9fff" for ch in x.organisation) for x in licenses)
    assert any(x.organisation.isascii() for x in licenses)
    years = {x.support_expires.year for x in licenses if x.support_expires}
    assert min(years) < 2026 < max(years)  # some expired, some not
    seen_by_two = [x for x in licenses if sum(x.is_contact(e) for e in emails) >= 2]
    assert len(seen_by_two) >= 2
    assert any(x.is_primary_technical(TARGET) for x in licenses)
    assert any(
        x.is_technical_contact(TARGET) and not x.is_primary_technical(TARGET) for x in licenses
    )
    for x in licenses:
        assert sum(c.primary for c in x.technical_contacts) == 1, x.sen
        assert not x.billing_contacts or sum(c.primary for c in x.billing_contacts) == 1
        assert x.license_key and x.license_key.startswith("AAAB")
        assert any(x.is_contact(e) for e in emails), x.sen  # every license is visible


def test_demo_data_is_the_same_every_time() -> None:
    assert demo_data() == demo_data.__wrapped__()  # type: ignore[attr-defined]


def test_generator_is_deterministic_per_seed() -> None:
    first, again, other = generate(300, 4, seed=1), generate(300, 4, seed=1), generate(300, 4, 2)
    assert first == again
    assert first.licenses != other.licenses
    assert len(first.licenses) == 300 and len(first.accounts) == 4
    domains = {a.email.rpartition("@")[2] for a in first.accounts}
    assert len(domains) >= 3 and any(is_public_domain(d) for d in domains)
    emails = {a.email for a in first.accounts}
    assert all(any(x.is_contact(e) for e in emails) for x in first.licenses)
    assert any(sum(x.is_contact(e) for e in emails) == 2 for x in first.licenses)
    assert any(x.is_evaluation for x in generate(1000, 3, seed=3).licenses)
