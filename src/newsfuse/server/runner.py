"""Runner: runs briefings on a few worker threads with a queue bound and a time limit.

Summarizing is CPU-bound, so a fixed, small pool (``ServerSettings.workers``) does the work while
the web framework's threads only wait. A request that finds the queue full is refused at once
(``BusyError`` -> 503), as is one that waits longer than the queue limit for a worker; one whose
work takes longer than the time limit gets ``TimedOutError`` (-> 504). The time limit counts from
the moment a worker starts, so a burst of concurrent requests queues rather than timing out.
Python cannot stop a running thread, so a timed-out briefing runs to its end in the background
and keeps its slot until then: the queue bound therefore also caps the work a burst of slow
requests can leave behind.
"""

from __future__ import annotations

import concurrent.futures
import threading
import time
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
        started = threading.Event()

        def job() -> T:
            started.set()
            return work()

        try:
            future = self._pool.submit(job)
        except BaseException:
            self._slots.release()
            raise
        future.add_done_callback(lambda _: self._slots.release())
        self._wait_for_a_worker(future, started)
        try:
            return future.result(timeout=self.settings.time_limit)
        except concurrent.futures.TimeoutError:
            raise TimedOutError(
                f"the briefing took longer than the time limit of {self.settings.time_limit:g} s; "
                "send fewer or shorter documents"
            ) from None

    def _wait_for_a_worker(self, future: concurrent.futures.Future, started: threading.Event) -> None:
        """Returns once a worker runs the job (or it ended); BusyError past the queue limit."""
        deadline = time.monotonic() + self.settings.queue_limit
        # Short waits, so a job cancelled at shutdown is noticed at once.
        while not started.wait(min(0.5, max(0.0, deadline - time.monotonic()))):
            if future.done():
                return
            # cancel() fails only when a worker took the job up just now: then it runs normally.
            if time.monotonic() >= deadline and future.cancel():
                raise BusyError(
                    f"server busy: no worker free within {self.settings.queue_limit:g} s; retry shortly"
                )

    def shutdown(self) -> None:
        """Stop taking work; running briefings are left to finish."""
        self._pool.shutdown(wait=False, cancel_futures=True)
