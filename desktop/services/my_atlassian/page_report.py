"""Save a page report for support: the page check and the page's structure, with every email,
name, organisation, SEN and license key replaced (see :func:`page_check.page_report`)."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from urllib.parse import urlsplit

from desktop import __version__
from desktop.domain.models import License
from desktop.portal.my_atlassian.page_check import PageCheck, page_report, private_values
from desktop.services.my_atlassian.session import MyAtlassianSession

log = logging.getLogger(__name__)


async def save_page_report(
    session: MyAtlassianSession,
    path: Path,
    *,
    check: PageCheck | None = None,
    licenses: list[License] | None = None,
) -> Path:
    """Check the page (unless ``check`` is given), read its structure and write the report.

    Raises:
        OSError: the file could not be written.
    """
    if check is None or licenses is None:
        check, licenses = await session.check_page()
    structure = await session.page_structure()
    private = private_values(licenses, [session.account.email, session.account.name or ""])
    report = page_report(
        check,
        structure,
        path=urlsplit(session.driver.url).path,
        app_version=__version__,
        private=private,
    )
    text = json.dumps(report, ensure_ascii=False, indent=1)
    path.write_text(text + "\n", "utf-8")
    log.info("wrote a page report for support (%d elements)", report.get("elements", 0))
    return path
