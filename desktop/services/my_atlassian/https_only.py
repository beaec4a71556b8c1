"""Plain http refused in the embedded browser, except on this computer (the replica)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtWebEngineCore import QWebEngineUrlRequestInfo, QWebEngineUrlRequestInterceptor

from desktop.portal.my_atlassian.urls import request_allowed

log = logging.getLogger(__name__)


class HttpsOnly(QWebEngineUrlRequestInterceptor):
    """Blocks every http:// (and ws://) request to a host that is not loopback."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked = 0

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if not request_allowed(url.scheme(), url.host()):
            info.block(True)
            self.blocked += 1
            log.warning("refused a plain http request to another computer")
