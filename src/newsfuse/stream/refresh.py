"""Keep story briefings current beside ingestion, not in its way.

A ``Refresher`` is a thread with its own store connection. While articles keep arriving it
re-summarizes stale stories (a story is stale when it has grown past the size its briefing
covers), the most recently active first. Ingestion never waits for a summary, and a story that
grows several times while it waits is summarized once, for its latest size: the debounce comes
from the queue itself. ``finish()`` drains what is left, so when the input ends every briefing is
current.

Why a thread and not a process: a thread shares the loaded model and needs no pickling, and the
clusterer is cheap enough that sharing the GIL with the summarizer (onnxruntime releases it while
encoding) did not slow ingestion (BENCHMARKS.md, "Briefing upkeep"). A briefing is saved with the story size it covers and never replaces a newer one
(``Store.save_briefing``), so the refresher and any other writer can race safely.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Literal

from newsfuse.config import Options
from newsfuse.errors import NewsfuseError
from newsfuse.stream.store import Store, open_store

__all__ = ["Outcome", "Refresher", "refresh_story"]

log = logging.getLogger(__name__)

Outcome = Literal["saved", "superseded", "failed"]


def refresh_story(store: Store, story_id: str, summary_options: Options) -> Outcome:
    """Re-summarize one story from its stored articles; returns what became of the briefing.

    ``"superseded"``: a briefing of the same or a larger size got there first. ``"failed"``: the
    summarizer rejected the story (no articles stored for it, say) or failed on it; logged.
    """
    from newsfuse.model import briefing_to_dict
    from newsfuse.pipeline import summarize
    from newsfuse.stream.cluster import article_document

    articles = store.story_articles(story_id)
    documents = [article_document(a) for a in articles]
    try:
        briefing = summarize(documents, options=summary_options, cluster_id=story_id)
    except NewsfuseError as exc:
        log.warning("story %s: no briefing (%s)", story_id, exc)
        return "failed"
    except Exception as exc:  # a bug on one story must not stop every other story's briefing
        log.error(
            "story %s: no briefing, internal error (%s: %s)", story_id, type(exc).__name__, exc, exc_info=exc
        )
        return "failed"
    saved = store.save_briefing(story_id, len(articles), briefing_to_dict(briefing))
    return "saved" if saved else "superseded"


class Refresher:
    """Background briefing upkeep for one store; ``poke()`` after each batch, ``finish()`` at the end."""

    def __init__(self, url: str, summary_options: Options, *, chunk: int = 8) -> None:
        self.url = url
        self.summary_options = summary_options
        self.chunk = chunk
        self.briefings = 0
        self.seconds = 0.0
        self.error: BaseException | None = None
        self._work = threading.Event()
        self._draining = threading.Event()
        self._stopped = threading.Event()
        # Stories that failed to summarize at a given size; retried only once they grow.
        self._failed: dict[str, int] = {}
        self._thread = threading.Thread(target=self._run, name="newsfuse-briefings", daemon=True)

    def start(self) -> Refresher:
        self._thread.start()
        return self

    def poke(self) -> None:
        """New articles were committed: stale stories may be waiting."""
        self._work.set()

    def finish(self) -> None:
        """Refresh every stale story, then stop; re-raises what stopped the thread, if anything."""
        self._draining.set()
        self._work.set()
        self._thread.join()
        if self.error is not None:
            raise self.error

    def stop(self) -> None:
        """Stop after the story in hand, leaving the rest stale (an interrupted run)."""
        self._stopped.set()
        self._work.set()
        self._thread.join()

    def _run(self) -> None:
        try:
            store = open_store(self.url)
        except BaseException as exc:  # reported by finish()
            self.error = exc
            return
        try:
            while not self._stopped.is_set():
                self._work.clear()
                todo = self._stale(store)
                if not todo:
                    if self._draining.is_set():
                        return
                    self._work.wait()
                    continue
                for story_id in todo:
                    if self._stopped.is_set():
                        return
                    start = time.perf_counter()
                    outcome = refresh_story(store, story_id, self.summary_options)
                    self.seconds += time.perf_counter() - start
                    self.briefings += outcome == "saved"
                    if outcome == "failed":
                        row = store.story(story_id)
                        self._failed[story_id] = row.size if row else 0
        except BaseException as exc:  # reported by finish()
            self.error = exc
        finally:
            store.close()

    def _stale(self, store: Store) -> list[str]:
        """Up to ``chunk`` stale stories, leaving out those that failed at their current size."""
        todo = []
        for story_id in store.stale_stories(limit=self.chunk + len(self._failed)):
            failed_at = self._failed.get(story_id)
            if failed_at is not None:
                row = store.story(story_id)
                if row is None or row.size <= failed_at:
                    continue
                del self._failed[story_id]
            todo.append(story_id)
        return todo[: self.chunk]
