"""Dates: the one date parser, shared by ``ingest`` (a report's own date) and ``attribute`` (timeline,
disagreements).

Date expressions in a sentence, resolved to ISO dates against the document's date. Stdlib only. Absolute dates ("December 17, 2014", "Dec. 25", "2014-12-17") and relative ones
("today", "yesterday", "earlier this month", "on Monday") become ISO strings whose length says
their precision: ``2014-12-17`` (day), ``2014-12`` (month), ``2014`` (year). A relative date, or
a month and day without a year, resolves only when the document's date is known: guessing a year
would put a confident wrong date in front of the reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["DateMention", "anchor_date", "find_dates", "parse_date"]

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"

PATTERNS = (
    ("mdy", re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b(?!-)")),
    ("dmy", re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})\s+(?P<y>(?:19|20)\d\d)\b")),
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    ("numeric", re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})\b")),
    ("md", re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+(?:19|20)\d\d)(?!\s*-)")),
    ("my", re.compile(rf"\b(?P<m>{_MONTH})\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b(?![-\d])")),
    ("year", re.compile(
        r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Oo]f|[Dd]uring|[Tt]hrough)\s+"
        r"(?:(?:early|mid|late)[- ]|(?:the\s+)?(?:spring|summer|fall|autumn|winter)\s+(?:of\s+)?)?"
        r"(?P<y>(?:19|20)\d\d)\b(?![-\d])"
    )),
    ("year", re.compile(
        r"\b(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[- ]|(?:[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)\s+(?:of\s+)?)"
        r"(?P<y>(?:19|20)\d\d)\b(?![-\d])"
    )),
    # A year that modifies a noun: "a 1967 quake", "the 1996 Line Item Veto Act", "a 1977 Nissan".
    ("modifier", re.compile(
        r"\b(?:[Aa]|[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur)\s+(?P<y>(?:19|20)\d\d)\s+(?=[A-Za-z])"
    )),
    ("rel", re.compile(
        r"\b(?P<rel>today|tonight|this (?:morning|afternoon|evening)|yesterday|last night|tomorrow|"
        r"(?:earlier |later )?this month|last month|(?:earlier |later )?this year|last year)\b",
        re.IGNORECASE,
    )),
    ("weekday", re.compile(r"\b(?P<last>last |next |this )?(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
)  # fmt: skip


LEADING_PREPOSITION = re.compile(
    r"^(?:(?:in|of|since|until|by|from|during|through|a|the|his|her|its|their|our)\s+)+", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression (``start``/``end`` index the sentence) and its ISO value."""

    iso: str
    expression: str
    start: int
    end: int
    kind: str = ""  # the pattern that found it: "mdy", "md", "my", "year", "modifier", "rel", "weekday"…

    @property
    def precision(self) -> str:
        return {10: "day", 7: "month", 4: "year"}[len(self.iso)]


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _safe(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _relative(expr: str, anchor: date) -> str:
    low = expr.lower()
    if low in ("today", "tonight") or (
        low.startswith("this ") and low.split()[1] in ("morning", "afternoon", "evening")
    ):
        return anchor.isoformat()
    if low in ("yesterday", "last night"):
        return (anchor - timedelta(days=1)).isoformat()
    if low == "tomorrow":
        return (anchor + timedelta(days=1)).isoformat()
    if low.endswith("this month"):
        return f"{anchor.year:04d}-{anchor.month:02d}"
    if low == "last month":
        year, month = (anchor.year, anchor.month - 1) if anchor.month > 1 else (anchor.year - 1, 12)
        return f"{year:04d}-{month:02d}"
    if low.endswith("this year"):
        return f"{anchor.year:04d}"
    return f"{anchor.year - 1:04d}"  # last year


# Words that put a bare weekday ahead of the report ("hoped to reopen on Monday", "could fall by
# Saturday", "will vote on Tuesday").
FUTURE = re.compile(
    r"\b(?:will|would|could|hopes?|hoped|expects?|expected|plans?|planned|scheduled|until|by)\b", re.I
)


def _weekday(word: str, modifier: str, anchor: date, *, future: bool = False) -> str:
    """News tense is mostly past: a bare weekday is the latest one on or before the anchor,
    unless the sentence speaks of what is to come (``future``): then the next one after it."""
    target = WEEKDAYS.index(word.lower())
    if modifier.strip().lower() == "next" or (future and not modifier.strip()):
        ahead = (target - anchor.weekday()) % 7 or 7
        return (anchor + timedelta(days=ahead)).isoformat()
    back = (anchor.weekday() - target) % 7
    if modifier.strip().lower() == "last" and back == 0:
        back = 7
    return (anchor - timedelta(days=back)).isoformat()


def find_dates(sentence: str, anchor: date | None, *, numeric: bool = False) -> list[DateMention]:
    """Date expressions of ``sentence`` with ISO values; ``anchor`` is the document's date.

    ``numeric`` also reads "12/17/14" (month first, as US news pages write a date line); off by
    default, since in running text such a string is as often a score or a fraction as a date.
    """
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        if kind == "numeric" and not numeric:
            continue
        for match in pattern.finditer(sentence):
            span = match.span()
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            if kind == "rel" and match.group(0)[0].isupper() and sentence[: span[0]].strip(' “"—-'):
                continue  # "World News Tonight", the "Today" show: a name, not a date
            # Only the few words before the weekday decide: "said on Monday that it will" is past.
            before = " ".join(sentence[: span[0]].split()[-4:])
            iso = _value(kind, match, anchor, future=bool(FUTURE.search(before)))
            if iso is None:
                continue
            taken.append(span)
            expression = LEADING_PREPOSITION.sub("", match.group(0)).strip()  # "in 2016" -> "2016"
            end = span[0] + len(match.group(0).rstrip())
            out.append(DateMention(iso, expression, end - len(expression), end, kind))
    out.sort(key=lambda m: m.start)
    return out


def _value(kind: str, match: re.Match[str], anchor: date | None, *, future: bool = False) -> str | None:
    groups = match.groupdict()
    if kind in ("mdy", "dmy"):
        return _safe(int(groups["y"]), _month(groups["m"]), int(groups["d"]))
    if kind == "numeric":
        year = int(groups["y"])
        if len(groups["y"]) == 2:  # as strptime's %y: 69-99 are the 1900s, 00-68 the 2000s
            year += 1900 if year >= 69 else 2000
        return _safe(year, int(groups["m"]), int(groups["d"]))
    if kind == "iso":
        return _safe(int(groups["y"]), int(groups["m"]), int(groups["d"]))
    if kind == "md":
        if anchor is None:  # the year is unknown
            return None
        month = _month(groups["m"])
        # A month far after the document's month is last year's ("Dec. 28" in a January story).
        year = anchor.year - 1 if month - anchor.month > 6 else anchor.year
        return _safe(year, month, int(groups["d"]))
    if kind == "my":
        return f"{int(groups['y']):04d}-{_month(groups['m']):02d}"
    if kind in ("year", "modifier"):
        return groups["y"]
    if anchor is None:
        return None
    try:
        if kind == "rel":
            iso = _relative(groups["rel"], anchor)
        else:
            iso = _weekday(groups["w"], groups["last"] or "", anchor, future=future)
    except OverflowError:  # past the calendar's ends ("tomorrow" in a report dated 9999-12-31)
        return None
    return None if iso.startswith("0000") else iso  # year 0 ("last year" in 0001) does not exist


def parse_date(text: str) -> str | None:
    """The first day-precise date written in ``text`` ("December 17, 2014", "2014-12-17",
    "12/17/14") as ISO ``YYYY-MM-DD``, or None. Nothing relative: there is nothing to anchor it."""
    found = [m for m in find_dates(text, None, numeric=True) if m.precision == "day"]
    return found[0].iso if found else None


def anchor_date(iso: str | None) -> date | None:
    """A document's ISO date (``Document.date``) as a ``date``, or None when absent or invalid."""
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None
