"""Benchmark: the sign-in window's address detection on 40,000 characters (on the UI thread).

The old pattern tried every position inside a long run of letters again: 5-23 s here.
"""

from __future__ import annotations

import time

from desktop.portal.my_atlassian.account_email import email_on_page

CHARACTERS = 40_000
BOUND_SECONDS = 0.05  # a frame or three: nothing a person notices


def test_bench_email_detection_on_40000_characters() -> None:
    texts = {
        "letters only": "a" * CHARACTERS,
        "an @ without a domain": "a" * (CHARACTERS // 2) + "@" + "b" * (CHARACTERS // 2),
        "dotted": "a." * (CHARACTERS // 2),
    }
    worst = 0.0
    for name, text in texts.items():
        start = time.perf_counter()
        assert email_on_page(text) == ""
        seconds = time.perf_counter() - start
        worst = max(worst, seconds)
        print(f"\naccount email detection, {len(text):,} characters ({name}): {seconds:.4f} s")
    verdict = "met" if worst < BOUND_SECONDS else "MISSED"
    print(f"account email detection: worst {worst:.4f} s; bound < {BOUND_SECONDS} s {verdict}")
