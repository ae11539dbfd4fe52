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
from newsfuse.select.wording import tidy
from newsfuse.text import content_words, word_overlap

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


#: Words before a date that make it a bound or a reference point, not the event's time:
#: "the first time since 1934", "studying earthquakes since 1971", "ever since its purchase in 1989".
BOUND = re.compile(
    r"(?:\b(?:since|until|till|between)\b[^,;:.]{0,40}|\b(?:from|through)\s+(?:(?:early|mid|late)[- ])?)$",
    re.IGNORECASE,
)
#: "the Securities Litigation Reform Act of 1995": a year in a name.
IN_A_NAME = re.compile(r"\b[A-Z][\w.]*\s+of\s+$")
#: A relative clause between the clause start and the date: "guards who assaulted her in 1998".
RELATIVE_CLAUSE = re.compile(r"(?:^|[,;:(—–])[^,;:(—–]*\b(?:who|whom|whose|which)\b[^,;:(—–]*$")
#: A time the sentence is set in that no calendar date gives: a year it mentions later is background.
UNPLACED = re.compile(
    r"\b(?:(?:this|last|next|earlier this|later this) week(?:end)?(?:'s)?|recently|soon|in recent (?:days|weeks))\b",
    re.IGNORECASE,
)
#: Nouns a bare year may date as an event ("a 1967 quake", "the 1906 earthquake", "a 2015 video");
#: "the 1996 Act", "a 1977 Nissan" are things, not events.
EVENT_NOUNS = frozenset(
    """quake earthquake tsunami storm hurricane typhoon cyclone flood floods fire blaze eruption crash
    bombing bombings attack attacks shooting shootings massacre murder murders killing killings war
    election elections campaign race referendum coup revolution riot riots uprising strike protest
    protests trial verdict ruling arrest rescue disaster accident collapse explosion outbreak epidemic
    pandemic crisis recession season tournament championship olympics games final video interview
    speech visit trip memoir book report study survey census""".split()
)


def _event_dates(text: str, anchor: date | None) -> list[DateMention]:
    """The sentence's date mentions that may date its event, in order.

    Left out: planned dates; bounds and reference points ("since 1934"); years in a name ("Act of
    1995") or in a relative clause ("guards who assaulted her in 1998": the sentence reports
    something else); a bare year before a thing rather than an event ("the 1996 Act"). A sentence
    set in a time no date gives ("this week", "soon") is not dated by a year it mentions later.
    """
    out = []
    for m in find_dates(text, anchor):
        before = text[: m.start]
        if PLANNED.search(before) or BOUND.search(before) or IN_A_NAME.search(before):
            continue
        if m.kind in ("year", "my", "modifier") and UNPLACED.search(before):
            return out
        if m.kind in ("year", "my", "modifier") and RELATIVE_CLAUSE.search(before):
            continue
        if m.kind == "modifier":
            nouns = {w.lower().strip(",.;:") for w in text[m.end :].split()[:2]}
            if not nouns & EVENT_NOUNS:
                continue
        out.append(m)
    return out


#: Two events of one date whose statements share this share of content words state one fact.
RESTATED = 0.5


def _merge_restatements(ranked: list) -> list:
    """Events of one date that restate each other (the alignment put them in different facts, or
    in none) merged into the better-supported one, its sources the union."""
    kept: list = []  # (key, event, content words of its text)
    for key, event in ranked:
        words = content_words(event["text"])
        twin = next(
            (
                other
                for other_key, other, other_words in kept
                if other_key[0] == key[0] and word_overlap(words, other_words) >= RESTATED
            ),
            None,
        )
        if twin is None:
            kept.append((key, event, words))
        else:
            twin["docs"] |= event["docs"]
    return [(key, event) for key, event, _ in kept]


def _one_per_date_first(ranked: list) -> list:
    """The best event of every date first, then the rest in rank order: a cut timeline keeps
    every date it can rather than many statements of the story's busiest day."""
    seen: set[str] = set()
    first, rest = [], []
    for item in ranked:
        (first if item[0][0] not in seen else rest).append(item)
        seen.add(item[0][0])
    return first + rest


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
            {"text": tidy(s.text), "docs": set(), "expression": first.expression, "first": i},
        )
        event["docs"].add(s.doc)
        # Sentences of the same fact dated alike by other sources support the event too.
        for m in facts[fact_of[i]].sentences if i in fact_of else ():
            if m != i and sentences[m].doc != s.doc:
                other = _event_dates(sentences[m].text, anchors[sentences[m].doc])
                if not other or other[0].iso == first.iso:
                    event["docs"].add(sentences[m].doc)
    ranked = sorted(events.items(), key=lambda kv: (-len(kv[1]["docs"]), kv[1]["first"]))
    ranked = _one_per_date_first(_merge_restatements(ranked))[:MAX_EVENTS]
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
