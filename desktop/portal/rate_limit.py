"""One request pacer per portal, shared by every account and task that talks to it.

A portal that rate-limits answers 429 with ``Retry-After``. Retrying each request on its
own (each waiting what it was told) brings all of them back at the same moment, and most are
refused again: at ``--concurrency 32`` against 2 requests a second, 95 % of the requests were
429s and some licenses ran out of attempts. So every request of a portal first takes a turn
here:

* after a 429 (or 503) with ``Retry-After``, nobody sends before that moment;
* the pacer learns a spacing between requests: a 429 widens it (at least to what
  ``Retry-After`` implies, and by half again), each answer that was not refused narrows it a
  little — the portal's own rate, found from below and above (additive increase,
  multiplicative decrease);
* turns are handed out in order (first come, first served), one at a time.

Until a portal refuses once, the pacer costs a lock and a clock read per request.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PacerPolicy:
    """How the spacing adapts. Seconds between the starts of two requests."""

    widen_factor: float = 1.5  # after a refusal
    narrow_factor: float = 0.99  # after each answer that was not refused
    max_interval_s: float = 5.0
    min_interval_s: float = 0.001  # below this, no spacing at all
    max_pause_s: float = 60.0  # the longest Retry-After honoured for everybody
    max_hint_s: float = 1.0  # a longer Retry-After is a pause, not a rate


class RequestPacer:
    """Hands out turns to send; learns from refusals. Use one per portal (per event loop).

    A turn carries the pacer's *epoch*; a refusal widens the spacing only when the refused
    request was sent under the current epoch, so the requests already on their way when the
    first refusal came back do not widen it again and again.
    """

    def __init__(self, policy: PacerPolicy | None = None) -> None:
        self.policy = policy or PacerPolicy()
        self.interval_s = 0.0
        self.refusals = 0
        self._epoch = 0
        self._next_turn = 0.0
        self._pause_until = 0.0
        self._lock: asyncio.Lock | None = None

    async def turn(self) -> int:
        """Wait until this request may be sent; returns the epoch to hand to :meth:`refused`."""
        if self.interval_s == 0.0 and self._pause_until <= time.monotonic():
            return self._epoch  # never refused (or fully recovered): no waiting, no lock
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:  # FIFO: turns in the order asked for
            while True:
                now = time.monotonic()
                wait = max(self._next_turn, self._pause_until) - now
                if wait <= 0:
                    break
                await asyncio.sleep(wait)  # re-checked: a refusal meanwhile moves the moment
            self._next_turn = now + self.interval_s
            return self._epoch

    def refused(self, retry_after_s: float | None, epoch: int) -> None:
        """A 429 for a request sent at ``epoch``: pause everybody, widen the spacing once."""
        policy = self.policy
        self.refusals += 1
        self.pause(retry_after_s)
        hint = min(retry_after_s or 0.0, policy.max_hint_s)
        if epoch == self._epoch:
            widened = max(self.interval_s * policy.widen_factor, hint, 0.05)
            self._epoch += 1
        else:
            widened = max(self.interval_s, hint)  # already widened for this burst
        self.interval_s = min(widened, policy.max_interval_s)
        log.debug("refused: %.3f s between requests from now on", self.interval_s)

    def pause(self, retry_after_s: float | None) -> None:
        """Nobody sends for ``retry_after_s`` (a 503's ``Retry-After``: no rate learnt)."""
        if retry_after_s:
            until = time.monotonic() + min(retry_after_s, self.policy.max_pause_s)
            self._pause_until = max(self._pause_until, until)

    def answered(self) -> None:
        """An answer that was not a refusal: narrow the spacing a little."""
        if self.interval_s:
            narrowed = self.interval_s * self.policy.narrow_factor
            self.interval_s = 0.0 if narrowed < self.policy.min_interval_s else narrowed
