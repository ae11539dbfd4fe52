"""What two statements of a cluster are about, for ``disagree``: the subject they name, the counts
they give with what they count, and the clock times of one event.

Precision first: two statements may disagree only about the same subject ("in Tanzania" and "in
Kenya" are two subjects; a name the other report never mentions is another subject), the same
thing counted in the same frame ("sickened 55" and "killed seven" are two counts), at the same
time ("on Friday" against "this year").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfuse.model import Document, Sentence
from newsfuse.numbers import WORD_NUMBERS, counts, counts_conflict
from newsfuse.text import OVERLAP_WORD, content_words, word_overlap

__all__ = [
    "ABSOLUTE_DAY",
    "PRONOUN_SUBJECT",
    "clock_conflict",
    "cluster_names",
    "count_conflict",
    "count_scope",
    "same_subject",
]


#: Date expressions that name a day outright; "Tuesday" or "today" depend on each report's own date.
ABSOLUTE_DAY = frozenset({"mdy", "dmy", "iso", "md"})
#: A statement whose subject is a pronoun says nothing of whom: "They were married May 5, 1979."
PRONOUN_SUBJECT = re.compile(r"^\W*(?:he|she|they|it|we|i|you|this|that)\b", re.IGNORECASE)
_PROPER = re.compile(r"\b[A-Z][a-z]{2,}\b")
_NOT_PROPER = frozenset(
    """January February March April May June July August September October November December Monday
    Tuesday Wednesday Thursday Friday Saturday Sunday The This That These Those There Then When While
    After Before Since Until During Last Next Police Officials""".split()
)
CLOCK = re.compile(r"\b(?P<h>\d{1,2}):(?P<m>\d\d)\s*(?P<ap>[ap]\.?m\.?)?", re.IGNORECASE)
#: Clock times conflict when the words around them (the event) overlap this much.
CLOCK_CONTEXT = 0.5


def _names(sentence: str) -> list[str]:
    """Capitalised words not at a sentence's, line's or quotation's start (there any word is)."""
    out = []
    for m in _PROPER.finditer(sentence):
        before = sentence[: m.start()].rstrip(" \t")
        if not before or before[-1] in ".!?\n\"“`'‘:" or m.group(0) in _NOT_PROPER:
            continue
        out.append(m.group(0))
    return out


#: Who is speaking is not what a statement is about: "Aykut Barka of Istanbul Technical University said".
ATTRIBUTION = re.compile(
    r"[A-Z][\w.'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.'’-]*)*\s+(?:said|says|told|reported|added)\b"
    r"|\b(?:said|says|according to)\s+[A-Z][\w.'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.'’-]*)*"
)


def _named(sentence: str, known: frozenset[str]) -> set[str]:
    """Proper names a sentence is about, by their first five letters ("Kenya"/"Kenyan"): the
    cluster's names (``known``) it writes in any case ("the u.s. embassy in tanzania"), leaving
    out who is said to speak."""
    about = ATTRIBUTION.sub(" ", sentence)
    return {w[:5] for w in set(OVERLAP_WORD.findall(about.lower())) & known}


def cluster_names(documents: Sequence[Document]) -> frozenset[str]:
    """Words the cluster capitalises inside sentences far more often than it writes them in lower
    case (a careless wire copy may write "tanzania")."""
    text = " ".join(d.text for d in documents)
    capitalised: dict[str, int] = {}
    for w in _names(text):
        capitalised[w.lower()] = capitalised.get(w.lower(), 0) + 1
    lower: dict[str, int] = {}
    for w in re.findall(r"\b[a-z][a-z'-]+\b", text):
        lower[w] = lower.get(w, 0) + 1
    return frozenset(w for w, n in capitalised.items() if n >= 2 * lower.get(w, 0))


def same_subject(a: Sentence, b: Sentence, lowered: Sequence[str], known: frozenset[str]) -> bool:
    """Whether two statements may be about one subject: not each naming something the other does
    not ("in Tanzania" / "in Kenya"), and a name only one gives is one the other report knows (a
    report that never mentions Lauda Air is not telling of the Lauda Air crash).

    ``lowered`` is each document's text in lower case (lowered once per cluster, not per pair);
    without it the reports are not read."""
    names_a, names_b = _named(a.text, known), _named(b.text, known)
    only_a, only_b = names_a - names_b, names_b - names_a
    if only_a and only_b:
        return False
    if not (only_a or only_b) or not lowered:
        return True
    return all(n in lowered[b.doc] for n in only_a) and all(n in lowered[a.doc] for n in only_b)


#: A count of time followed or preceded by these is a date or a period, not a tally.
PERIOD_AFTER = re.compile(r"^\s*(?:ago|old)\b")
PERIOD_BEFORE = re.compile(r"\b(?:within|for|over|in|the past|the next|every)\s*$")


#: Units of time a count without a frame is a duration or a date ("some 100,000 years ago").
DURATIONS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "decade", "century"})
_VALUE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _values(text: str) -> set[str]:
    """Every number a statement writes, in digits or words ("a dozen" is 12)."""
    found = {v.replace(",", "") for v in _VALUE.findall(text)}
    found |= {str(n) for w, n in WORD_NUMBERS.items() if re.search(rf"\b{w}\b", text, re.IGNORECASE)}
    return found


#: Words that say which tally of a thing a statement gives, by the tally they name. Two statements
#: with different ones count the same thing at different times or over different spans: "129 members
#: were arrested in the latest sweep" / "194 members are among the arrested"; "its remaining five
#: Concordes" / "four of its six Concordes"; "the last Gaza war killed 1,400" / "19 killed in two days".
SCOPES = (
    (
        "total",
        re.compile(
            r"\b(?:in all|all told|in total|a total of|total(?:ed|ing|led|ling)?|altogether|overall|combined|"
            r"so far|to date|cumulative(?:ly)?)\b"
        ),
    ),
    ("remaining", re.compile(r"\b(?:remaining|surviving)\b")),  # not "the rest of": "the rest of Canada"
    ("latest", re.compile(r"\b(?:latest|most recent|newest)\b")),
    # "16 executions over the past five years" is a span's tally, not one year's or all of them.
    (
        "span",
        re.compile(
            r"\b(?:over|in|during|for|within)\s+the\s+(?:past|last|previous|first)\s+(?:[\w-]+\s+){0,2}"
            r"(?:years?|months?|weeks?|days?|decades?)\b"
        ),
    ),
    # "the last Gaza war", "a previous sweep": another occurrence ("last year" is a time word; "former"
    # describes a person, not an occurrence).
    (
        "earlier",
        re.compile(
            r"\b(?:last|previous|earlier|prior)\s+(?!(?:year|week|month|night|weekend|summer|winter|"
            r"spring|fall|autumn|decade|century|time|few|several|one|two|three|four|five|six|seven|eight|"
            r"nine|ten|\d)\w*\b)[a-z]{3,}"
        ),
    ),
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def count_scope(sentence: str) -> frozenset[str]:
    """Which tally a statement's counts give: the scope words it uses, and the years it names."""
    low = sentence.lower()
    return frozenset(
        [name for name, pattern in SCOPES if pattern.search(low)] + [f"year {y}" for y in _YEAR.findall(low)]
    )


def _same_scope(a: str, b: str) -> bool:
    """Counts of two statements are one tally unless their scope words differ, or both name years
    and not the same ones (one naming a year the other leaves out is still the same event)."""
    scope_a, scope_b = count_scope(a), count_scope(b)
    words_a = {s for s in scope_a if not s.startswith("year")}
    words_b = {s for s in scope_b if not s.startswith("year")}
    years_a, years_b = scope_a - words_a, scope_b - words_b
    return words_a == words_b and (not years_a or not years_b or years_a == years_b)


def count_conflict(a: str, b: str) -> str | None:
    """The unit (and frame) of a count the two statements give differently, if any.

    Each side must give one count of that unit and frame (two are ambiguous), neither value may
    appear anywhere in the other statement ("11 of them in Tanzania"), a frameless count of time is
    a duration or a date, not a tally, and both must give the same tally (``count_scope``).
    """
    if not _same_scope(a, b):
        return None
    values_a, values_b = _values(a), _values(b)
    by_key_a: dict[tuple[str, str], list] = {}
    by_key_b: dict[tuple[str, str], list] = {}
    for found, by_key in ((counts(a), by_key_a), (counts(b), by_key_b)):
        for c in found:
            if c.unit.endswith("year-old"):
                continue  # ages go person by person (variants.age_conflicts)
            text = a if by_key is by_key_a else b
            if (
                c.unit in DURATIONS
                and not c.frame
                and (PERIOD_AFTER.match(text[c.end :]) or PERIOD_BEFORE.search(text[: c.start]))
            ):
                continue  # "some 100,000 years ago", "within four years": when, not how many
            by_key.setdefault((c.unit, c.frame), []).append(c)
    for key in by_key_a.keys() & by_key_b.keys():
        if len(by_key_a[key]) != 1 or len(by_key_b[key]) != 1:
            continue
        x, y = by_key_a[key][0], by_key_b[key][0]
        if f"{x.value:g}" in values_b or f"{y.value:g}" in values_a:
            continue
        if counts_conflict(x, y):
            return x.unit if not x.frame else f"{x.unit} ({x.frame})"
    return None


def clock_conflict(a: str, b: str) -> bool:
    """Different clock times of one event: the words around both times overlap, neither hedged."""
    times_a, times_b = list(CLOCK.finditer(a)), list(CLOCK.finditer(b))
    if len(times_a) != 1 or len(times_b) != 1:
        return False
    x, y = times_a[0], times_b[0]
    minutes = [int(t["h"]) % 12 * 60 + int(t["m"]) for t in (x, y)]
    if minutes[0] == minutes[1]:
        return False
    if any(
        re.search(
            r"\b(?:about|around|approximately|roughly|nearly|shortly|just)\s*(?:at\s*)?$",
            s[: t.start()],
            re.I,
        )
        for s, t in ((a, x), (b, y))
    ):
        return False
    around_a = content_words(a[max(0, x.start() - 60) : x.end() + 40])
    around_b = content_words(b[max(0, y.start() - 60) : y.end() + 40])
    return word_overlap(around_a, around_b) >= CLOCK_CONTEXT
