"""Timeline: dated statements of the cluster in date order, each citing every source that states it.

Reads sentences, their documents (``Document.date`` anchors relative dates) and the alignment's
facts (sentences of one fact are one event, so their sources merge). A sentence's first date
expression dates it: news sentences lead with when ("On Monday, police said…") more often than
they end with it, and a later date in the sentence is usually a planned one ("…cancelling the
Dec. 25 release"). A date that is itself marked as planned ("the planned December 25 release",
"scheduled for Friday") says when something was meant to happen, not when the reported event
did, so it never dates the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from newsfuse.dates import DateMention, anchor_date, find_dates
from newsfuse.model import Document, Fact, Sentence, TimelineEvent

__all__ = ["MAX_EVENTS", "timeline"]

#: Longer timelines are cut to the best-supported events (then shown in date order).
MAX_EVENTS = 40
#: Sentences shorter than this are datelines or captions, not events.
MIN_WORDS = 6
#: Words just before a date that make it a plan rather than the time of the event.
PLANNED = re.compile(
    r"\b(?:planned|scheduled|slated|set|due|expected|originally|upcoming|postponed|delayed)"
    r"(?:\s+(?:for|on|to|until|from))?\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _event_dates(text: str, anchor: date | None) -> list[DateMention]:
    """The sentence's date mentions in order, leaving out planned dates."""
    return [m for m in find_dates(text, anchor) if not PLANNED.search(text[: m.start])]


def timeline(
    sentences: Sequence[Sentence], documents: Sequence[Document], facts: Sequence[Fact]
) -> tuple[TimelineEvent, ...]:
    """Dated events, earliest first; an event's sources are every document stating it."""
    fact_of = {m: k for k, f in enumerate(facts) for m in f.sentences}
    anchors = [anchor_date(d.date) for d in documents]
    events: dict[tuple[str, int], dict] = {}
    for i, s in enumerate(sentences):
        if s.words < MIN_WORDS:
            continue
        found = _event_dates(s.text, anchors[s.doc])
        if not found:
            continue
        first = found[0]
        key = (first.iso, fact_of.get(i, -1 - i))
        event = events.setdefault(
            key,
            {"text": s.text.lstrip("—–- "), "docs": set(), "expression": first.expression, "first": i},
        )
        event["docs"].add(s.doc)
        # Sentences of the same fact dated alike by other sources support the event too.
        for m in facts[fact_of[i]].sentences if i in fact_of else ():
            if m != i and sentences[m].doc != s.doc:
                other = _event_dates(sentences[m].text, anchors[sentences[m].doc])
                if not other or other[0].iso == first.iso:
                    event["docs"].add(sentences[m].doc)
    ranked = sorted(events.items(), key=lambda kv: (-len(kv[1]["docs"]), kv[1]["first"]))[:MAX_EVENTS]
    ranked.sort(key=lambda kv: (kv[0][0], kv[1]["first"]))
    return tuple(
        TimelineEvent(
            date=iso,
            text=event["text"],
            sources=tuple(documents[d].id for d in sorted(event["docs"])),
            expression=event["expression"],
        )
        for (iso, _), event in ranked
    )
