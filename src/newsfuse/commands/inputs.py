"""How summarize and inspect read their inputs: every cluster that can be read, and one named
error for each input, line or cluster that cannot, so one bad input never stops the others.

Both commands print each error as one line on stderr, write every good cluster, and exit 1 when
anything failed (0 when everything was read and summarized).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from newsfuse.errors import NewsfuseError
from newsfuse.ingest.readers import Cluster, input_groups, read_clusters

__all__ = ["Failures", "each_cluster", "internal_error", "report_error"]

log = logging.getLogger("newsfuse")

T = TypeVar("T")


def each_cluster(paths: Iterable[str]) -> Iterator[Cluster]:
    """The clusters of ``paths``; an input that fails part-way (a truncated ``.jsonl.gz``) gives
    every cluster before the failure, then a cluster whose ``error`` names the input."""
    for group in input_groups(paths):
        try:
            yield from read_clusters(group)
        except NewsfuseError as exc:
            yield Cluster(id=group[0], documents=(), error=str(exc))


def report_error(message: str) -> None:
    """One error line on stderr, in the form every command uses."""
    sys.stdout.flush()  # keep the error after the output of the clusters before it
    print(f"newsfuse: error: {message}", file=sys.stderr, flush=True)


def internal_error(where: str, exc: BaseException) -> str:
    """The one-line message of an unexpected exception (a bug): the input, the exception, and
    how to see the traceback (``-v``, which logs it)."""
    log.info("%s: traceback of the internal error", where, exc_info=exc)
    return (
        f"{where}: internal error ({type(exc).__name__}: {exc}); this is a bug in newsfuse, "
        "please report it with the input (run with -v for the traceback)"
    )


class Failures:
    """Runs a command's work on each cluster, reporting each failure as one line and counting them."""

    def __init__(self) -> None:
        self.count = 0

    def each(self, clusters: Iterable[Cluster], work: Callable[[Cluster], T]) -> Iterator[tuple[Cluster, T]]:
        """(cluster, ``work(cluster)``) for every cluster that was read and worked; a cluster that
        could not be read, or whose work raised, is reported (a bug named as one) and skipped."""
        for cluster in clusters:
            if cluster.error:
                report_error(cluster.error)
                self.count += 1
                continue
            try:
                result = work(cluster)
            except NewsfuseError as exc:
                report_error(str(exc))
                self.count += 1
                continue
            except Exception as exc:  # a bug on one cluster: name it and go on with the others
                report_error(internal_error(f"cluster {cluster.id}", exc))
                self.count += 1
                continue
            yield cluster, result
