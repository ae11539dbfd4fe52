"""Junk documents: pages with no news in them (archive placeholders, 404s, player chrome, stubs).

Reads what the line cleaner kept and removed from one document; returns a reason to set it aside,
or None. A document is junk when too little text survives cleaning; the reason names the
furniture that made up the page when one kind dominated ("web-archive placeholder"), so the
user sees why a source was not used.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from newsfuse.ingest import boilerplate
from newsfuse.model import RemovedLine
from newsfuse.text import count_words

__all__ = ["MIN_WORDS", "junk_reason"]

#: Fewer words than this after cleaning and the document is near-empty. On Multi-News validation
#: (scripts/bench_cleaning.py) raising it to 40 gains 3 points of recall for 4 of precision, and
#: a 23-word post that is the story itself would be lost: 20 keeps real short items.
MIN_WORDS = 20

#: Removal reasons that describe a whole page of non-news, with the label the user sees.
PAGE_KINDS = {
    boilerplate.ARCHIVE: "web-archive (Wayback Machine) placeholder, not an article",
    boilerplate.ERROR_PAGE: "error page (404 / page not found)",
    boilerplate.NOTICE: "JavaScript, cookie or video-player page without an article",
    boilerplate.SIGNUP: "sign-in, sharing or paywall stub without an article",
    boilerplate.CAPTION: "photo or video page without an article",
}


def junk_reason(text: str, removed: Sequence[RemovedLine]) -> str | None:
    """Why a cleaned document is junk, or None when enough news text survived."""
    words = count_words(text)
    if words >= MIN_WORDS:
        return None
    run_on = sum(count_words(r.text) for r in removed if r.reason == boilerplate.RUN_ON)
    if run_on > words:
        return (
            f"no sentences: {run_on:,} words without sentence punctuation, which newsfuse cannot split "
            f"into sentences ({words} words of other text)"
        )
    kinds = Counter(r.reason for r in removed if r.reason in PAGE_KINDS)
    if kinds:
        reason, _ = kinds.most_common(1)[0]
        return f"{PAGE_KINDS[reason]} ({words} words of text left after cleaning)"
    return f"near-empty document ({words} words of text after cleaning; at least {MIN_WORDS} needed)"
