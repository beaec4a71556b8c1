"""Import text copied from My Atlassian: a large paste box or a .txt file → an offline account.

The text is read in a worker thread (a big page takes a while), so the window stays live.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.i18n_marks import QT_TRANSLATE_NOOP
from desktop.domain.models import Account, AccountKind, License
from desktop.portal.paste_reader import (
    MAX_PASTE_BYTES,
    UNREADABLE_TEXTS,
    WARNING_TEXTS,
    PasteError,
    PasteResult,
    Unreadable,
    read_paste,
    read_paste_file,
)
from desktop.ui.status_colours import error_style

log = logging.getLogger(__name__)

#: How many licenses that cannot be read the dialog names (the rest are counted).
_NAMED_UNREADABLE = 5
_ERRORS = {
    "empty": QT_TRANSLATE_NOOP(
        "PasteImportDialog",
        "The text is empty. On the My Atlassian licenses page select all, copy, and paste here.",
    ),
    "no-licenses": QT_TRANSLATE_NOOP(
        "PasteImportDialog",
        "No license was found in the text. Copy the whole My Atlassian licenses page: its rows "
        "start with a SEN such as SEN-12683313.",
    ),
    "too-large": QT_TRANSLATE_NOOP(
        "PasteImportDialog",
        "The text is larger than %1 MB, the most one paste may hold. Paste the licenses page "
        "in parts.",
    ),
    "too-many-licenses": QT_TRANSLATE_NOOP(
        "PasteImportDialog",
        "The text shows more licenses than one paste may hold. Paste the licenses page in parts.",
    ),
    "not-text": QT_TRANSLATE_NOOP("PasteImportDialog", "The file is not text."),
}


def warning_text(key: str, sen: str | None, detail: str | None) -> str:
    """A paste warning in the current language (``%1`` the SEN, ``%2`` the detail)."""
    template = WARNING_TEXTS.get(key)
    if template is None:
        return key
    text = QCoreApplication.translate("PasteReader", template)
    return text.replace("%1", sen or "").replace("%2", detail or "")


def unreadable_text(flagged: Unreadable) -> str:
    """Why a license was left out, in the current language."""
    template = UNREADABLE_TEXTS.get(flagged.key)
    if template is None:
        return flagged.message
    text = QCoreApplication.translate("PasteReader", template)
    return text.replace("%1", flagged.sen).replace("%2", flagged.detail)


class PasteImportDialog(QDialog):
    """On success ``result_account`` and ``result_licenses`` hold what was read."""

    def __init__(self, parent: QWidget | None = None, *, taken_labels: set[str] | None = None):
        super().__init__(parent)
        self._taken = taken_labels or set()
        self.result_account: Account | None = None
        self.result_licenses: list[License] = []
        self.result_warnings: list[str] = []
        self._task: asyncio.Task[None] | None = None
        # A reading with licenses left out, shown and waiting for OK: (name, text, account, result)
        self._pending: tuple[str, str, Account, PasteResult] | None = None

        layout = QVBoxLayout(self)
        # The window grows with a long message instead of drawing it over the text box.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.label_edit = QLineEdit(self)
        self.label_label = QLabel(self)
        self.label_label.setBuddy(self.label_edit)
        form.addRow(self.label_label, self.label_edit)
        layout.addLayout(form)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setMinimumSize(420, 120)  # gives way to a message below it
        layout.addWidget(self.text_edit, 1)
        row = QHBoxLayout()
        self.file_button = QPushButton(self)
        self.file_button.clicked.connect(self.choose_file)
        row.addWidget(self.file_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.label_edit.setText(self._default_label())
        self.retranslate()
        self.resize(640, 540)

    def _default_label(self) -> str:
        base = self.tr("Pasted %1").replace("%1", date.today().isoformat())
        label, n = base, 2
        while label in self._taken:
            label, n = f"{base} ({n})", n + 1
        return label

    # --- input -----------------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open pasted text"), "", self.tr("Text files (*.txt);;All files (*)")
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> bool:
        """Put a text file's content in the box; say so in plain words when it cannot."""
        try:
            raw = read_paste_file(path)
        except PasteError:
            self._say(self._too_large(), error=True)
            return False
        except OSError:
            self._say(self.tr("The file could not be opened."), error=True)
            return False
        for encoding in ("utf-8-sig", "utf-16", "gb18030"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            self._say(self.tr(_ERRORS["not-text"]), error=True)
            return False
        self.text_edit.setPlainText(text)
        if not self.label_edit.text().strip() or self.label_edit.text() == self._default_label():
            self.label_edit.setText(path.stem)
        self._say("")
        return True

    # --- reading ---------------------------------------------------------------------------

    def start_import(self) -> asyncio.Task[None] | None:
        """Check the name, then read the text in a worker thread; accept on success."""
        label = self.label_edit.text().strip()
        if not label:
            self._say(self.tr("Give the pasted account a name."), error=True)
            return None
        if label in self._taken:
            self._say(self.tr("An account named %1 exists already.").replace("%1", label), True)
            return None
        text = self.text_edit.toPlainText()
        pending = self._pending
        if pending is not None and pending[:2] == (label, text) and pending[3].licenses:
            self._finish(pending[2], pending[3])  # the person saw what is left out: import
            return None
        self._pending = None
        self._set_busy(True)
        self._task = asyncio.get_event_loop().create_task(self._read(label, text))
        return self._task

    async def _read(self, label: str, text: str) -> None:
        account = Account(AccountKind.PASTE, label=label)
        try:
            result: PasteResult = await asyncio.to_thread(read_paste, text, account_key=account.key)
        except PasteError as error:
            self._set_busy(False)
            if error.key == "too-large":
                self._say(self._too_large(), error=True)
            else:
                self._say(self.tr(_ERRORS.get(error.key, _ERRORS["no-licenses"])), error=True)
            return
        self._set_busy(False)
        if result.unreadable:
            self._pending = (label, text, account, result)
            self._say(self._left_out(result), error=True)
            return
        self._finish(account, result)

    def _finish(self, account: Account, result: PasteResult) -> None:
        self.result_account = account
        self.result_licenses = result.licenses
        self.result_warnings = [warning_text(w.key, w.sen, w.field) for w in result.warnings]
        self.result_warnings += [unreadable_text(u) for u in result.unreadable]
        log.info(
            "paste read: %d licenses, %d warnings, %d not readable",
            len(result.licenses),
            len(result.warnings),
            len(result.unreadable),
        )
        self.accept()

    def _too_large(self) -> str:
        return self.tr(_ERRORS["too-large"]).replace("%1", str(MAX_PASTE_BYTES // (1024 * 1024)))

    def _left_out(self, result: PasteResult) -> str:
        """The licenses that cannot be read, named in plain words, and what OK does now."""
        lines = [
            self.tr("%1 licenses cannot be read unambiguously and are left out:").replace(
                "%1", str(len(result.unreadable))
            )
        ]
        lines += [f"• {unreadable_text(u)}" for u in result.unreadable[:_NAMED_UNREADABLE]]
        more = len(result.unreadable) - _NAMED_UNREADABLE
        if more > 0:
            lines.append(self.tr("… and %1 more.").replace("%1", str(more)))
        if result.licenses:
            lines.append(
                self.tr("Click OK to import the other %1 licenses, or correct the text.").replace(
                    "%1", str(len(result.licenses))
                )
            )
        else:
            lines.append(self.tr("No other license was found in the text."))
        return "\n".join(lines)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.text_edit, self.label_edit, self.file_button):
            widget.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        if busy:
            self._say(self.tr("Reading the text…"))

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(error_style() if error else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))
        # A wrapped label's height follows its width, which a layout does not ask for: keep
        # the lines it needs at its width, so the window grows rather than overlaps.
        width = self.message.width() if self.message.width() > 50 else self.text_edit.width()
        self.message.setMinimumHeight(self.message.heightForWidth(width) if text else 0)
        self._fit_height()

    # --- layout ----------------------------------------------------------------------------

    def _fit_height(self) -> None:
        """At least as tall as the wrapped texts need at this width.

        A window's minimum height leaves out how many lines a wrapped label takes, so a
        shown error used to squeeze the layout and "Open .txt file…" was drawn over the box.
        """
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        need = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else 0
        self.setMinimumHeight(max(need, layout.totalMinimumSize().height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    # --- language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import pasted text"))
        self.intro.setText(
            self.tr(
                "On the My Atlassian licenses page, expand the licenses, select all (Ctrl+A), "
                "copy (Ctrl+C) and paste the text below, or open a saved .txt file. The licenses "
                "become an offline, read-only account."
            )
        )
        self.label_label.setText(self.tr("&Name:"))
        self.label_edit.setAccessibleName(self.tr("Account name"))
        self.text_edit.setAccessibleName(self.tr("Pasted text"))
        self.text_edit.setPlaceholderText(self.tr("Paste the page text here"))
        self.file_button.setText(self.tr("Open .txt &file…"))
        self.file_button.setToolTip(self.tr("Read the text from a saved .txt file"))
        self._fit_height()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
