"""The same SEN seen from several accounts is one license."""

from collections.abc import Iterable
from dataclasses import replace

from desktop.domain.models import License


def merge_licenses(licenses: Iterable[License]) -> list[License]:
    """Merge by SEN, ordered by SEN; the later reading wins, ``seen_by`` is the union.

    A field the later reading left empty (e.g. a paste with no license key) keeps the
    earlier value, so merging never loses what one account could see.
    """
    merged: dict[str, License] = {}
    for lic in licenses:
        old = merged.get(lic.sen)
        if old is None:
            merged[lic.sen] = lic
            continue
        merged[lic.sen] = replace(
            lic,
            organisation=lic.organisation or old.organisation,
            name=lic.name or old.name,
            license_type=lic.license_type or old.license_type,
            hosting=lic.hosting or old.hosting,
            support_expires=lic.support_expires or old.support_expires,
            license_key=lic.license_key or old.license_key,
            technical_contacts=lic.technical_contacts or old.technical_contacts,
            billing_contacts=lic.billing_contacts or old.billing_contacts,
            seen_by=old.seen_by | lic.seen_by,
        )
    return sorted(merged.values(), key=_sen_order)


def _sen_order(lic: License) -> tuple[int, str]:
    digits = lic.sen[4:]
    return (int(digits) if digits.isdigit() else 0, lic.sen)
