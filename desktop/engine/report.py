"""A run's report as Excel (.xlsx, openpyxl) or CSV (UTF-8 with BOM): what changed, per license.

Never the license key. A half-written report never replaces the target file: the report is
written to a temporary file next to it, then moved into place. Every cell is
:func:`~desktop.domain.text.printable` (a portal's text may hold control characters, which an
.xlsx cannot hold at all); a CSV cell is never run as a formula (``spreadsheet_text``). A
run's report can be written again at any time from the journal (``desktop-cli report``).
:func:`write_sheet` is that writer for any table (the license inventory uses it too).
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import logging
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desktop.domain.dates import excel_day_format, excel_moment_format, format_day, format_moment
from desktop.domain.i18n_marks import QT_TRANSLATE_NOOP
from desktop.domain.text import printable, spreadsheet_text
from desktop.engine.events import LicenseFinished, Outcome
from desktop.engine.plan import PlanEntry, StepKind
from desktop.engine.reasons import Translate, identity, render
from desktop.engine.run_result import RunResult, planned_outcome

log = logging.getLogger(__name__)

HEADERS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Report", "SEN"),
    QT_TRANSLATE_NOOP("Report", "Product"),
    QT_TRANSLATE_NOOP("Report", "Organisation"),
    QT_TRANSLATE_NOOP("Report", "Old primary"),
    QT_TRANSLATE_NOOP("Report", "New primary"),
    QT_TRANSLATE_NOOP("Report", "Old primary billing contact"),
    QT_TRANSLATE_NOOP("Report", "New primary billing contact"),
    QT_TRANSLATE_NOOP("Report", "Removed contacts"),
    QT_TRANSLATE_NOOP("Report", "What was done"),
    QT_TRANSLATE_NOOP("Report", "Result"),
    QT_TRANSLATE_NOOP("Report", "Message"),
    QT_TRANSLATE_NOOP("Report", "Time"),
)
STEP_TEXTS: dict[StepKind, str] = {
    StepKind.ADD_CONTACT: QT_TRANSLATE_NOOP("Report", "Added as technical contact"),
    StepKind.MAKE_PRIMARY: QT_TRANSLATE_NOOP("Report", "Made primary"),
    StepKind.ADD_BILLING_CONTACT: QT_TRANSLATE_NOOP("Report", "Added as billing contact"),
    StepKind.MAKE_BILLING_PRIMARY: QT_TRANSLATE_NOOP("Report", "Made primary billing contact"),
    StepKind.REMOVE_TECHNICAL_CONTACT: QT_TRANSLATE_NOOP("Report", "Removed technical contact"),
    StepKind.REMOVE_BILLING_CONTACT: QT_TRANSLATE_NOOP("Report", "Removed billing contact"),
}
NOTHING_DONE = QT_TRANSLATE_NOOP("Report", "Nothing")
SHEET_TITLE = QT_TRANSLATE_NOOP("Report", "Consolidation")
SUFFIXES = (".xlsx", ".csv")

#: What a sheet's cell may hold (a ``datetime`` is written with its time, a ``date`` without).
Cell = str | int | date | datetime


class ReportError(Exception):
    """The report could not be written; ``key`` says why, the message says where."""

    def __init__(self, message: str, key: str = "report-unwritable") -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One license in the report; ``message_key`` + ``message_args`` are worded at writing."""

    sen: str
    product: str
    organisation: str
    old_primary: str
    new_primary: str
    done: tuple[StepKind, ...]
    outcome: Outcome
    message_key: str = ""
    message_args: tuple[str, ...] = ()
    at: datetime | None = None
    old_billing: str = ""
    new_billing: str = ""
    removed: tuple[str, ...] = ()


def rows_from_result(result: RunResult) -> list[ReportRow]:
    """One row per license of the plan, in plan order."""
    rows: list[ReportRow] = []
    for entry in result.plan.entries:
        finished = result.outcomes.get(entry.sen)
        current = entry.license.primary_technical_contact
        old = entry.old_primary or (current.email if current else "")
        billing = entry.license.primary_billing_contact
        old_billing = (entry.billing.old_primary if entry.billing else None) or (
            billing.email if billing else ""
        )
        if finished is None:
            outcome = Outcome.CANCELLED if entry.actionable else planned_outcome(entry)
            new = current.email if current else ""
            rows.append(
                ReportRow(
                    entry.sen,
                    entry.license.product,
                    entry.license.organisation,
                    old,
                    new,
                    (),
                    outcome,
                    entry.reason,
                    entry.reason_args,
                    old_billing=old_billing,
                    new_billing=billing.email if billing else "",
                )
            )
            continue
        new = finished.new_primary or (current.email if current else "")
        failed = finished.outcome is Outcome.FAILED and finished.error_key
        rows.append(
            ReportRow(
                entry.sen,
                entry.license.product,
                entry.license.organisation,
                old,
                new,
                finished.steps_done,
                finished.outcome,
                finished.error_key if failed else entry.reason,
                finished.error_args if failed else entry.reason_args,
                finished.at,
                old_billing=old_billing,
                new_billing=finished.new_billing_primary or (billing.email if billing else ""),
                removed=_removed(entry, finished),
            )
        )
    return rows


def _removed(entry: PlanEntry, finished: LicenseFinished) -> tuple[str, ...]:
    """The chosen people no longer contacts of the license at its end (removal plans)."""
    planned = [r.email for r in entry.removals if r.removed]
    if finished.license is None:
        return tuple(planned) if finished.outcome is Outcome.DONE else ()
    return tuple(email for email in planned if not finished.license.is_contact(email))


def _cells(row: ReportRow, translate: Translate) -> list[Cell]:
    done = "; ".join(translate("Report", STEP_TEXTS[k]) for k in row.done) or translate(
        "Report", NOTHING_DONE
    )
    message = render(row.message_key, row.message_args, translate) if row.message_key else ""
    at: str | datetime = row.at.astimezone().replace(tzinfo=None, microsecond=0) if row.at else ""
    texts = [
        row.sen,
        row.product,
        row.organisation,
        row.old_primary,
        row.new_primary,
        row.old_billing,
        row.new_billing,
        ", ".join(row.removed),
        done,
        render(row.outcome.value, (), translate, context="Outcome"),
        message,
    ]
    return [*(printable(text) for text in texts), at]


def write_report(
    source: RunResult | Iterable[ReportRow],
    path: Path | str,
    *,
    translate: Translate = identity,
    language: str = "en",
) -> Path:
    """Write the report; the format follows the suffix (``.xlsx`` or ``.csv``). Its times are
    written as ``language`` writes dates (30 Nov 2026 14:05, 2026年11月30日 14:05).

    Raises:
        ReportError: an unknown suffix, or the file cannot be written (no such folder, no
            permission, disk full). The target file is then left as it was.
    """
    rows: Sequence[ReportRow] = (
        rows_from_result(source) if isinstance(source, RunResult) else list(source)
    )
    return write_sheet(
        path,
        [translate("Report", h) for h in HEADERS],
        [_cells(row, translate) for row in rows],
        title=translate("Report", SHEET_TITLE),
        widths=(16, 60, 30, 30, 30, 30, 30, 36, 36, 24, 60, 20),
        language=language,
    )


def write_sheet(
    path: Path | str,
    headers: Sequence[str],
    table: Sequence[Sequence[Cell]],
    *,
    title: str,
    widths: Sequence[int] = (),
    language: str | None = None,
) -> Path:
    """Write a table as ``.xlsx`` or ``.csv`` (by the suffix), atomically: no text cell is
    ever read as a formula; dates stay dates and numbers numbers. With a ``language`` its days
    and times are written as that language writes them (:mod:`desktop.domain.dates`),
    without one as ISO 8601.

    Raises:
        ReportError: an unknown suffix, or the file cannot be written.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReportError(
            f"The report must end in .xlsx or .csv, not {printable(target.name)!r}.",
            "report-format",
        )
    if target.is_dir():
        raise ReportError(f"{target} is a folder, not a report file.", "report-is-folder")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=".report-", suffix=suffix, dir=folder)
    except OSError as error:
        raise _unwritable(target, error) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            if suffix == ".csv":
                _write_csv(stream, headers, table, language)
            else:
                _write_xlsx(stream, headers, table, title, widths, language)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise _unwritable(target, error) from None
    except Exception:
        # Whatever the data, the run is in the journal: say so, never lose the report.
        log.exception("the report could not be made")
        with contextlib.suppress(OSError):
            temp.unlink()
        raise ReportError(f"The report {target.name} could not be made.", "report-failed") from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    log.info("%s written: %d rows", suffix, len(table))
    return target


def _unwritable(target: Path, error: OSError) -> ReportError:
    if error.errno == errno.ENOSPC:
        return ReportError(
            f"The disk is full: the report {target.name} was not written.", "disk-full"
        )
    reason = error.strerror or type(error).__name__
    return ReportError(f"Cannot write the report to {target}: {reason}.")


def _csv_text(value: Cell, language: str | None) -> str:
    if isinstance(value, datetime):
        return format_moment(value, language) if language else value.isoformat(sep=" ")
    if isinstance(value, date):
        return format_day(value, language) if language else value.isoformat()
    if isinstance(value, int):
        return str(value)
    return spreadsheet_text(value)


def _write_csv(
    stream: io.BufferedWriter,
    headers: Sequence[str],
    table: Sequence[Sequence[Cell]],
    language: str | None,
) -> None:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    writer.writerow(headers)
    for cells in table:
        writer.writerow([_csv_text(v, language) for v in cells])
    text.flush()
    text.detach()


def _write_xlsx(
    stream: io.BufferedWriter,
    headers: Sequence[str],
    table: Sequence[Sequence[Cell]],
    title: str,
    widths: Sequence[int],
    language: str | None,
) -> None:
    from openpyxl import Workbook  # only when a workbook is written (the CLI starts faster)
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for cells in table:
        sheet.append(list(cells))
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
            elif isinstance(cell.value, datetime):
                cell.number_format = (
                    excel_moment_format(language) if language else "yyyy-mm-dd hh:mm:ss"
                )
            elif isinstance(cell.value, date):
                cell.number_format = excel_day_format(language) if language else "yyyy-mm-dd"
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    book.save(stream)
