"""Run a coroutine to its end from a test, whatever else the test process runs."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def in_a_new_event_loop(coroutine: Coroutine[Any, Any, T]) -> T:
    """`coroutine`'s result, run in an event loop of its own on a thread of its own: in the
    full run, Playwright's browser tests leave an event loop running on the main thread, where
    asyncio.run refuses to start another."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()
