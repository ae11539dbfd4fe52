"""Runner: runs briefings on a few worker threads with a queue bound and a time limit.

Summarizing is CPU-bound, so a fixed, small pool (``ServerSettings.workers``) does the work while
the web framework's threads only wait. A request that finds the queue full is refused at once
(``BusyError`` -> 503); one that waits and works longer than the time limit gets ``TimedOutError`` (-> 504).
Python cannot stop a running thread, so a timed-out briefing runs to its end in the background
and keeps its slot until then: the queue bound therefore also caps the work a burst of slow
requests can leave behind.
"""

from __future__ import annotations

import concurrent.futures
import threading
from collections.abc import Callable
from typing import TypeVar

from newsfuse.server.settings import ServerSettings

__all__ = ["BusyError", "Runner", "TimedOutError"]

T = TypeVar("T")


class BusyError(Exception):
    """Every worker is busy and the queue is full."""


class TimedOutError(Exception):
    """The request passed its time limit (waiting included)."""


class Runner:
    """A bounded thread pool with a per-call time limit."""

    def __init__(self, settings: ServerSettings) -> None:
        self.settings = settings
        self._pool = concurrent.futures.ThreadPoolExecutor(
            max_workers=settings.workers, thread_name_prefix="newsfuse-brief"
        )
        self._slots = threading.BoundedSemaphore(settings.workers + settings.max_pending)

    def run(self, work: Callable[[], T]) -> T:
        """The result of ``work()``, computed on a worker thread within the time limit."""
        if not self._slots.acquire(blocking=False):
            raise BusyError(
                f"server busy: {self.settings.workers} briefings running and "
                f"{self.settings.max_pending} waiting; retry shortly"
            )
        try:
            future = self._pool.submit(work)
        except BaseException:
            self._slots.release()
            raise
        future.add_done_callback(lambda _: self._slots.release())
        try:
            return future.result(timeout=self.settings.time_limit)
        except concurrent.futures.TimeoutError:
            future.cancel()  # only succeeds if it never started; a running one finishes unseen
            raise TimedOutError(
                f"the briefing took longer than the time limit of {self.settings.time_limit:g} s; "
                "send fewer or shorter documents"
            ) from None

    def shutdown(self) -> None:
        """Stop taking work; running briefings are left to finish."""
        self._pool.shutdown(wait=False, cancel_futures=True)
