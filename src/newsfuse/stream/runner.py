"""Ingest a stream of articles into a store, batch by batch, and keep story briefings current.

For each batch, in one ``exclusive`` store transaction: skip articles already stored, read the
stories active around the batch's dates, assign, and save; only after the commit are the
articles acknowledged (``on_ack``). Briefings are kept current beside ingestion by a background
``Refresher`` (``refresh.py``): a story that grows while it waits is summarized once, for its
latest size, and each briefing is saved only if no newer one got there first.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from newsfuse.config import Options
from newsfuse.errors import ConfigError, InputError, StoreError
from newsfuse.ingest.readers import parse_json_line
from newsfuse.stream.cluster import (
    Article,
    Assignment,
    ClusterOptions,
    article_from_dict,
    assign,
)
from newsfuse.stream.refresh import Refresher
from newsfuse.stream.store import Store

__all__ = ["StreamReport", "ingest", "read_articles", "run_stream"]

log = logging.getLogger(__name__)


@dataclass(slots=True)
class StreamReport:
    """What a stream run did."""

    articles: int = 0  # newly stored
    repeated: int = 0  # already stored (or repeated in the input): acknowledged, not re-added
    rejected: int = 0  # unreadable lines
    new_stories: int = 0
    briefings: int = 0
    ingest_seconds: float = 0.0
    briefing_seconds: float = 0.0  # summarizing, in the background refresher
    drain_seconds: float = 0.0  # waiting, after the last article, for briefings to be current
    problems: list[str] = field(default_factory=list)

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.ingest_seconds if self.ingest_seconds else 0.0


def read_articles(lines: Iterable[str], name: str, report: StreamReport | None = None) -> Iterator[Article]:
    """Articles of JSONL lines; an unreadable line is logged, counted and skipped, not fatal."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        record, problem = parse_json_line(line, where)
        if problem is None:
            try:
                yield article_from_dict(record, where)
                continue
            except InputError as exc:
                problem = str(exc)
        log.warning("%s", problem)
        if report is not None:
            report.rejected += 1
            report.problems.append(problem)


def _shift(date: str, days: int) -> str:
    """``date`` moved by ``days``, held at the ends of the calendar (years 1 and 9999): an article
    dated ``0001-01-01`` or ``9999-12-31`` is valid input and must not stop a stream."""
    day = dt.date.fromisoformat(date)
    try:
        return (day + dt.timedelta(days=days)).isoformat()
    except OverflowError:
        return (dt.date.min if days < 0 else dt.date.max).isoformat()


def ingest(
    store: Store,
    articles: Sequence[Article],
    options: ClusterOptions,
    report: StreamReport | None = None,
) -> tuple[list[Assignment], set[str]]:
    """Cluster and store one batch; returns every article's assignment and the changed story ids
    (junk stories left out: they get no briefing).

    Articles already stored (a re-run, or another writer) keep their story and are not re-added.
    """
    report = report if report is not None else StreamReport()
    start = time.perf_counter()
    unique: dict[str, Article] = {}
    for article in articles:
        unique.setdefault(article.id, article)
    batch = list(unique.values())
    with store.exclusive():
        known = store.known_articles([a.id for a in batch])
        fresh = [k for k, a in enumerate(batch) if a.id not in known]
        assignments: list[Assignment] = []
        changed: dict = {}
        if fresh:
            todo = [batch[k] for k in fresh]
            since = _shift(min(a.date for a in todo), -options.window_days)
            until = _shift(max(a.date for a in todo), options.window_days)
            stories = store.active_stories(since, until)
            assignments, changed = assign(todo, stories, options)
            store.save(assignments, todo, list(changed.values()))
    # Committed: from here on the articles are acknowledged.
    by_id = {a.article_id: a for a in assignments}
    out = [by_id.get(a.id) or Assignment(a.id, known[a.id], 1.0, new_story=False) for a in batch]
    report.articles += len(assignments)
    # Counted only once committed: a batch that fails is retried article by article.
    report.repeated += len(articles) - len(assignments)
    report.new_stories += sum(a.new_story for a in assignments)
    report.ingest_seconds += time.perf_counter() - start
    # Junk stories hold one junk article each and get no briefing.
    return out, {story_id for story_id, story in changed.items() if story.junk is None}


def _ingest_isolating(
    store: Store, batch: list[Article], options: ClusterOptions, report: StreamReport
) -> tuple[list[Assignment], set[str]]:
    """``ingest``, and when the batch fails on something else than the store, the batch again one
    article at a time: only the article that fails is rejected (named, with its line), so one
    bad record can neither stop the stream nor fail every re-run at the same place.

    A ``StoreError`` (the database itself failed) still stops the run: the articles not yet
    acknowledged are simply read again by the next run.
    """
    try:
        return ingest(store, batch, options, report)
    except StoreError:
        raise
    except Exception as exc:
        if len(batch) == 1:
            _reject(batch[0], report, exc)
            return [], set()
    assignments: list[Assignment] = []
    changed: set[str] = set()
    for article in batch:
        done, stories = _ingest_isolating(store, [article], options, report)
        assignments += done
        changed |= stories
    return assignments, changed


def _reject(article: Article, report: StreamReport, exc: Exception) -> None:
    where = f"{article.where}: " if article.where else ""
    problem = (
        f"{where}article {article.id}: not stored, internal error ({type(exc).__name__}: {exc}); "
        "this is a bug in newsfuse, please report it with the article"
    )
    log.error("%s", problem, exc_info=exc)
    report.rejected += 1
    report.problems.append(problem)


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_stream(
    articles: Iterable[Article],
    store: Store,
    *,
    options: ClusterOptions | None = None,
    summary_options: Options | None = None,
    batch_size: int = 64,
    briefings: bool = True,
    on_ack: Callable[[Assignment], None] | None = None,
    report: StreamReport | None = None,
) -> StreamReport:
    """Ingest ``articles`` in batches of ``batch_size``.

    With ``briefings``, a background ``Refresher`` keeps the changed stories' briefings current
    while ingestion goes on, and every briefing is current when this returns.
    """
    options = options or ClusterOptions()
    summary_options = summary_options or Options()
    report = report if report is not None else StreamReport()
    if briefings and store.url == ":memory:":
        raise ConfigError("briefings need a store file: an in-memory SQLite store cannot be shared")
    refresher = Refresher(store.url, summary_options).start() if briefings else None
    try:
        for batch in _batches(articles, batch_size):
            assignments, changed = _ingest_isolating(store, batch, options, report)
            if on_ack is not None:
                for assignment in assignments:
                    on_ack(assignment)
            if refresher is not None and changed:
                refresher.poke()
    except BaseException:
        if refresher is not None:
            refresher.stop()
        raise
    if refresher is not None:
        start = time.perf_counter()
        refresher.finish()
        report.drain_seconds = time.perf_counter() - start
        report.briefings += refresher.briefings
        report.briefing_seconds += refresher.seconds
    return report
