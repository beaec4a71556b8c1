"""Fault injection for the sandbox: latency, a rate limit, 503s, drops, slow commits.

Everything is off by default and deterministic for a seed (one ``random.Random`` per sandbox).
"""

from __future__ import annotations

import math
import random
import threading
import time
from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class FaultOptions:
    """What to inject. Rates are probabilities per request (0 … 1).

    Attributes:
        latency_ms: fixed delay added to every faultable request.
        jitter_ms: extra uniform random delay, 0 … jitter_ms.
        rate_limit: requests per second for the whole sandbox (token bucket); 0 = none.
        burst: bucket size; 0 means "one second's worth" (at least 1).
        fail_rate: share of requests answered 503 ``unavailable``.
        drop_rate: share of requests whose connection is dropped without an answer.
        slow_commit_rate: share of writes applied, then answered only after
            ``slow_commit_delay_s`` (past a client's timeout).
        slow_commit_delay_s: the delay of a slow commit.
        seed: seeds the sandbox's random generator.
    """

    latency_ms: float = 0.0
    jitter_ms: float = 0.0
    rate_limit: float = 0.0
    burst: float = 0.0
    fail_rate: float = 0.0
    drop_rate: float = 0.0
    slow_commit_rate: float = 0.0
    slow_commit_delay_s: float = 15.0
    seed: int = 0

    def __post_init__(self) -> None:
        for name in ("fail_rate", "drop_rate", "slow_commit_rate"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, not {value}")
        for name in ("latency_ms", "jitter_ms", "rate_limit", "burst", "slow_commit_delay_s"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")

    @property
    def any(self) -> bool:
        return bool(
            self.latency_ms
            or self.jitter_ms
            or self.rate_limit
            or self.fail_rate
            or self.drop_rate
            or self.slow_commit_rate
        )


class Fault(StrEnum):
    """What happens to one request, decided when it arrives."""

    NONE = "none"
    RATE_LIMITED = "rate-limited"
    UNAVAILABLE = "unavailable"
    DROP = "drop"
    SLOW_COMMIT = "slow-commit"


@dataclass(frozen=True, slots=True)
class Decision:
    delay_s: float
    fault: Fault
    retry_after_s: float = 0.0


class TokenBucket:
    """``rate`` tokens a second, at most ``capacity``; thread-safe."""

    def __init__(self, rate: float, capacity: float) -> None:
        self.rate = rate
        self.capacity = capacity
        self._tokens = capacity
        self._stamp = time.monotonic()
        self._lock = threading.Lock()

    def take(self) -> float:
        """Take a token: 0.0 when granted, else the seconds until one will be available."""
        with self._lock:
            now = time.monotonic()
            self._tokens = min(self.capacity, self._tokens + (now - self._stamp) * self.rate)
            self._stamp = now
            if self._tokens >= 1.0:
                self._tokens -= 1.0
                return 0.0
            return (1.0 - self._tokens) / self.rate


class FaultInjector:
    """Decides, per request, the delay and the fault; counts the faults injected."""

    def __init__(self, options: FaultOptions | None = None) -> None:
        self.options = options or FaultOptions()
        self._random = random.Random(self.options.seed)
        self._lock = threading.Lock()
        self.faults_injected = 0
        rate = self.options.rate_limit
        self._bucket = TokenBucket(rate, self.options.burst or max(1.0, rate)) if rate > 0 else None

    def decide(self, *, is_write: bool) -> Decision:
        o = self.options
        with self._lock:
            jitter = self._random.uniform(0.0, o.jitter_ms) if o.jitter_ms else 0.0
            roll = self._random.random()
            slow_roll = self._random.random()
        delay = (o.latency_ms + jitter) / 1000.0
        fault = Fault.NONE
        retry_after = 0.0
        if self._bucket is not None:
            retry_after = self._bucket.take()
            if retry_after > 0.0:
                fault = Fault.RATE_LIMITED
        if fault is Fault.NONE:
            if roll < o.fail_rate:
                fault = Fault.UNAVAILABLE
            elif roll < o.fail_rate + o.drop_rate:
                fault = Fault.DROP
            elif is_write and slow_roll < o.slow_commit_rate:
                fault = Fault.SLOW_COMMIT
        if fault is not Fault.NONE:
            with self._lock:
                self.faults_injected += 1
        return Decision(delay, fault, retry_after)


def retry_after_header(seconds: float) -> str:
    """Seconds as a ``Retry-After`` value: a decimal, rounded up to the hundredth, ≥ 0.01."""
    return f"{max(math.ceil(seconds * 100) / 100, 0.01):.2f}"
