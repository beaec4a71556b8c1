"""The run page's notice while a run waits for an account to sign in again.

While the sign-in window (or the password dialog) is open, it says whose sign-in ended and that
the account's licenses wait, the others going on. When that sign-in was closed or failed, it
asks what to do: sign in again, or skip the account (its waiting licenses fail and can be
retried later). Hidden when the run waits for nobody.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Signal, SignalInstance
from PySide6.QtWidgets import QPushButton, QWidget

from desktop.domain.text import printable
from desktop.ui.notice_banner import NoticeBanner


class PauseBanner(NoticeBanner):
    """Emits ``signInAgainRequested(email)`` and ``skipRequested(email)`` for the account whose
    sign-in was closed (the first one, when several were)."""

    signInAgainRequested = Signal(str)
    skipRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("pauseBanner", "expired", parent)
        self._waiting: dict[str, bool] = {}  # email → its new sign-in was closed or failed
        self.text.setObjectName("pauseText")
        self.sign_in_button = QPushButton(self)
        self.sign_in_button.setObjectName("signInAgain")
        self.sign_in_button.clicked.connect(lambda: self._answer(self.signInAgainRequested))
        self.skip_button = QPushButton(self)
        self.skip_button.setObjectName("skipSignIn")
        self.skip_button.clicked.connect(lambda: self._answer(self.skipRequested))
        self.line.addWidget(self.sign_in_button)
        self.line.addWidget(self.skip_button)
        self.hide()
        self.retranslate()

    # --- what the run says -----------------------------------------------------------------

    def paused(self, email: str) -> None:
        """``email``'s sign-in ended; its new sign-in is open."""
        self._waiting[email] = False
        self.retranslate()

    def closed(self, email: str) -> None:
        """``email``'s new sign-in was closed or failed: ask what to do."""
        self._waiting[email] = True
        self.retranslate()
        self.sign_in_button.setFocus()

    def reopened(self, email: str) -> None:
        """The person asked to sign in again: the sign-in is open again."""
        if email in self._waiting:
            self.paused(email)

    def resumed(self, email: str) -> None:
        """The pause of ``email`` ended (signed in again, skipped, or the run cancelled)."""
        self._waiting.pop(email, None)
        self.retranslate()

    def clear(self) -> None:
        self._waiting.clear()
        self.retranslate()

    @property
    def asking(self) -> str | None:
        """The account the buttons answer for (its sign-in was closed), or None."""
        return next((email for email, closed in self._waiting.items() if closed), None)

    @property
    def waiting(self) -> list[str]:
        return list(self._waiting)

    # --- drawing ---------------------------------------------------------------------------

    def _answer(self, signal: SignalInstance) -> None:
        email = self.asking
        if email is not None:
            signal.emit(email)

    def retranslate(self) -> None:
        self.sign_in_button.setText(self.tr("&Sign in again…"))
        self.skip_button.setText(self.tr("S&kip this account"))
        self.setAccessibleName(self.tr("The run waits for a sign-in"))
        asking = self.asking
        self.sign_in_button.setVisible(asking is not None)
        self.skip_button.setVisible(asking is not None)
        if not self._waiting:
            self.text.clear()
            self.hide()
            return
        if asking is not None:
            text = self.tr(
                "<b>The run waits for %1 to sign in again.</b> The sign-in was closed before it "
                "finished, so this account's licenses are on hold. Sign in again to go on with "
                "them, or skip this account: its waiting licenses are marked failed and can be "
                "retried later."
            ).replace("%1", _shown(asking))
        else:
            names = ", ".join(_shown(email) for email in self._waiting)
            text = self.tr(
                "<b>The sign-in of %1 has ended</b> (it expired, or it was signed out "
                "elsewhere). Its licenses wait until it is signed in again; the other "
                "accounts' licenses go on. Each waiting license is read again first, so "
                "nothing is done twice."
            ).replace("%1", names)
        self.text.setText(text)
        self.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _shown(email: str) -> str:
    """An address as rich text shows it."""
    return html.escape(printable(email))
