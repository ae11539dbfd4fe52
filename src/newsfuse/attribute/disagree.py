"""Disagreements: aligned statements of different sources that differ in a number, date or name.

Reads sentences, their vectors and documents. Only pairs that say nearly the same thing are
compared (cosine similarity of at least ``PAIR_THRESHOLD`` *and* shared content words), and each
check demands the differing values be about the same thing: a number counts only with the same
unit word after it ("12 people" against "15 people"), a date only at day precision, a name only
when the rest of the two sentences match. Paraphrase differs in wording, not in these slots, so
the checks favour precision: a reader shown a false disagreement stops trusting the briefing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from newsfuse.attribute.dates import find_dates
from newsfuse.attribute.speakers import TITLES, find_mentions
from newsfuse.model import Disagreement, Document, Sentence

__all__ = ["PAIR_THRESHOLD", "Amount", "disagreements", "numbers"]

#: Pairs below this similarity state different things, so differing values are no conflict.
PAIR_THRESHOLD = 0.6
#: Dates are compared only in pairs this similar: a differing date is often a different event.
DATE_THRESHOLD = 0.8
#: Pairs must share this share of content words (of the shorter sentence) as well.
WORD_OVERLAP = 0.3
#: Name conflicts need the sentences to match even more closely outside the names.
NAME_OVERLAP = 0.6
MAX_PAIRS = 20000

WORD_NUMBERS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12})
NUMBER = re.compile(
    r"(?<![\w$.,/:-])(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
    + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
    + r")(?P<scale>\s+(?:million|billion|thousand))?(?:\s*%|\s+percent)?(?:-(?P<hy>year-old|years?|old))?"
    r"\s+(?P<unit>[a-z][a-z-]+)",
    re.IGNORECASE,
)
# Words after a number that are not what is counted ("5 of the", "3 in").
NOT_UNITS = frozenset(
    "of in on at to and or the a an for from with by as than after before when who that which was were "
    "is are has have had p.m a.m pm am times more less fewer earlier later ago other others percent-"
    " per out through".split()
)
HEDGE = re.compile(
    r"\b(?:more than|less than|fewer than|at least|at most|over|under|up to|nearly|almost|about|some|"
    r"around|roughly|approximately|an estimated|estimated|as many as|as much as|as few as|between|"
    r"from|another|top|topped|exceeding|beyond|before|after|since|no earlier than|no later than|by)\s*$",
    re.IGNORECASE,
)
RANGE_BEFORE = re.compile(r"\d\s*(?:to|and|or|through|-|–)\s*(?:possibly|perhaps|about|around|nearly)?\s*$")
RANGE_AFTER = re.compile(r"\s*(?:to|and|or|through|-|–)\s*(?:possibly|perhaps|about|around|nearly)?\s*\d")
TIME_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|"
    r"july|august|september|october|november|december|today|yesterday|tonight|this (?:year|week|month)|"
    r"last (?:year|week|month)|so far|since|overnight)\b"
)
CAPTION = re.compile(
    r"\bfile photo\b|^\s*FILE\b|\((?:AP|Associated Press|Reuters|Getty)[^)]*\)", re.IGNORECASE
)
STOPWORDS = frozenset(
    "the a an of to in on at and or for from with by as is are was were be been has have had that this "
    "it its he she they his her their said says will would could not no but also who which".split()
)
WORD = re.compile(r"[A-Za-z][A-Za-z'-]+|\d+")


@dataclass(frozen=True, slots=True)
class Amount:
    """A number in a sentence: its value, whether it is hedged or a range, and nearby words."""

    value: float
    fuzzy: bool  # "more than 600", "about 12", "49,000 to 46,000": bounds, not claims of equality
    context: frozenset[str]  # content words of the word before the number and three after the unit


def numbers(sentence: str) -> dict[str, list[Amount]]:
    """Numbers of a sentence by the unit word after them ("12 people" -> {"people": [12]})."""
    out: dict[str, list[Amount]] = {}
    for m in NUMBER.finditer(sentence):
        raw, unit = m.group("n").lower(), m.group("unit").lower()
        if unit in NOT_UNITS:
            continue
        if raw in WORD_NUMBERS:
            value = float(WORD_NUMBERS[raw])
        else:
            value = float(raw.replace(",", ""))
            if 1900 <= value <= 2100 and "." not in raw and not m.group("hy"):
                continue  # a year, checked as a date
        if m.group("scale"):
            value *= {"thousand": 1e3, "million": 1e6, "billion": 1e9}[m.group("scale").strip().lower()]
        before = sentence[max(0, m.start() - 40) : m.start()]
        after = sentence[m.end() : m.end() + 40]
        fuzzy = bool(HEDGE.search(before) or RANGE_BEFORE.search(before) or RANGE_AFTER.match(after))
        # What is counted happens after the unit ("12 people died") or just before ("killed 12").
        context = frozenset(_content(" ".join(before.split()[-1:]) + " " + " ".join(after.split()[:3])))
        key = f"{m.group('hy')} {unit.rstrip('s')}" if m.group("hy") else unit.rstrip("s")
        out.setdefault(key, []).append(Amount(value, fuzzy, context))
    return out


def _number_conflict(a: list[Amount], b: list[Amount]) -> bool:
    """Exact amounts of one unit that differ, said of the same thing (shared neighbouring words)."""
    if any(x.fuzzy for x in a + b):
        return False
    if {x.value for x in a} & {y.value for y in b}:
        return False
    return any(x.context & y.context for x in a for y in b)


def _time_frame(sentence: str) -> frozenset[str]:
    return frozenset(TIME_WORDS.findall(sentence.lower()))


def _caption(sentence: str) -> bool:
    return bool(CAPTION.search(sentence))


def _content(sentence: str) -> set[str]:
    return {w.lower() for w in WORD.findall(sentence) if w.lower() not in STOPWORDS}


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def _names(sentence: str) -> set[str]:
    return {m.text for m in find_mentions(sentence) if m.kind == "person"}


def _core(name: str) -> frozenset[str]:
    return frozenset(w for w in name.split() if w not in TITLES)


def _anchor(doc: Document) -> date | None:
    try:
        return date.fromisoformat(doc.date[:10]) if doc.date else None
    except ValueError:
        return None


def _pairs(sentences: Sequence[Sentence], vectors: np.ndarray) -> list[tuple[int, int, float]]:
    if len(sentences) < 2:
        return []
    sims = vectors @ vectors.T
    own = np.asarray([s.doc for s in sentences])
    mask = (own[:, None] < own[None, :]) & (sims >= PAIR_THRESHOLD)
    rows, cols = np.nonzero(mask)
    order = np.argsort(-sims[rows, cols])[:MAX_PAIRS]
    return [(int(rows[k]), int(cols[k]), float(sims[rows[k], cols[k]])) for k in order]


def _compare(
    a: Sentence, b: Sentence, anchors: Sequence[date | None], similarity: float
) -> tuple[str, str] | None:
    """(kind, topic) when ``a`` and ``b`` differ in a number, date or name."""
    words_a, words_b = _content(a.text), _content(b.text)
    if _overlap(words_a, words_b) < WORD_OVERLAP:
        return None
    if _caption(a.text) or _caption(b.text):
        return None  # photo captions describe other days' pictures
    num_a, num_b = numbers(a.text), numbers(b.text)
    if _time_frame(a.text) == _time_frame(b.text):  # "97 rockets on Friday" vs "750 this year"
        for unit in sorted(set(num_a) & set(num_b)):
            if _number_conflict(num_a[unit], num_b[unit]):
                return "number", unit
    dates_a = [d for d in find_dates(a.text, anchors[a.doc]) if d.precision == "day"]
    dates_b = [d for d in find_dates(b.text, anchors[b.doc]) if d.precision == "day"]
    if (
        similarity >= DATE_THRESHOLD
        and len(dates_a) == 1
        and len(dates_b) == 1
        and dates_a[0].iso != dates_b[0].iso
    ):
        return "date", "date"
    names_a, names_b = _names(a.text), _names(b.text)
    only_a = {n for n in names_a if not any(_core(n) & _core(m) for m in names_b)}
    only_b = {n for n in names_b if not any(_core(n) & _core(m) for m in names_a)}
    if len(only_a) == 1 and len(only_b) == 1 and names_a and names_b:
        rest_a = words_a - {w.lower() for n in only_a for w in n.split()}
        rest_b = words_b - {w.lower() for n in only_b for w in n.split()}
        if _overlap(rest_a, rest_b) >= NAME_OVERLAP:
            return "name", "who"
    return None


def disagreements(
    sentences: Sequence[Sentence], vectors: np.ndarray, documents: Sequence[Document]
) -> tuple[Disagreement, ...]:
    """Conflicting statements between sources, most similar pairs first, one per topic pair."""
    anchors = [_anchor(d) for d in documents]
    out: list[Disagreement] = []
    seen: set[tuple[str, str, str]] = set()
    for i, j, similarity in _pairs(sentences, vectors):
        found = _compare(sentences[i], sentences[j], anchors, similarity)
        if not found:
            continue
        kind, topic = found
        key = (kind, topic, str(sorted((sentences[i].doc, sentences[j].doc))))
        if key in seen:
            continue
        seen.add(key)
        out.append(
            Disagreement(
                topic=topic,
                kind=kind,
                sides=(
                    (sentences[i].text, (documents[sentences[i].doc].id,)),
                    (sentences[j].text, (documents[sentences[j].doc].id,)),
                ),
            )
        )
    return tuple(out)
