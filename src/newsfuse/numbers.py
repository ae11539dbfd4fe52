"""Numbers in a sentence with what they count, and whether two statements give different amounts.

Stdlib only, shared by ``cite`` (a source giving another exact number does not support a summary
sentence) and ``attribute.disagree`` (which lists such pairs). A number counts only with the unit
word after it ("12 people" against "15 people"); hedged numbers ("more than 600") and ranges are
bounds, not claims of equality, so they never conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfuse.text import content_words

__all__ = ["Amount", "amounts_conflict", "numbers", "numbers_conflict"]

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
        context = frozenset(content_words(" ".join(before.split()[-1:]) + " " + " ".join(after.split()[:3])))
        key = f"{m.group('hy')} {unit.rstrip('s')}" if m.group("hy") else unit.rstrip("s")
        out.setdefault(key, []).append(Amount(value, fuzzy, context))
    return out


def amounts_conflict(a: list[Amount], b: list[Amount]) -> bool:
    """Exact amounts of one unit that differ, said of the same thing (shared neighbouring words)."""
    if any(x.fuzzy for x in a + b):
        return False
    if {x.value for x in a} & {y.value for y in b}:
        return False
    return any(x.context & y.context for x in a for y in b)


def numbers_conflict(a: str, b: str) -> bool:
    """Whether two statements give different exact amounts of the same thing ("40,000 people" vs
    "42,000 people" evacuated): then neither supports the other."""
    left, right = numbers(a), numbers(b)
    return any(amounts_conflict(left[unit], right[unit]) for unit in left.keys() & right.keys())
