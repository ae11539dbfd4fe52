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

__all__ = [
    "Amount",
    "Count",
    "amounts_conflict",
    "counts",
    "counts_conflict",
    "happenings",
    "numbers",
    "numbers_conflict",
]

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


def _value(m: re.Match[str]) -> float | None:
    """The value a ``NUMBER`` match writes ("12", "twelve", "1.5 million"), None for a year."""
    raw = m.group("n").lower()
    if raw in WORD_NUMBERS:
        value = float(WORD_NUMBERS[raw])
    else:
        value = float(raw.replace(",", ""))
        if 1900 <= value <= 2100 and "." not in raw and not m.group("hy"):
            return None  # a year, checked as a date
    if m.group("scale"):
        value *= {"thousand": 1e3, "million": 1e6, "billion": 1e9}[m.group("scale").strip().lower()]
    return value


def numbers(sentence: str) -> dict[str, list[Amount]]:
    """Numbers of a sentence by the unit word after them ("12 people" -> {"people": [12]})."""
    out: dict[str, list[Amount]] = {}
    for m in NUMBER.finditer(sentence):
        unit = m.group("unit").lower()
        if unit in NOT_UNITS or (value := _value(m)) is None:
            continue
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


# --- counts with what they count: for listing disagreements ---------------------------------------
# "12 people died" and "15 people died" disagree; "sickened 55 people" and "killed seven people" do
# not (different counts), nor "more than 60" and "75" (a bound), nor "about 55 miles" and "57
# miles" (an approximation). A count is its value as an interval, the thing counted (the unit
# word) and the frame: the verb that says what happened to it ("killed", "were injured").

#: Verbs that frame a count, by stem, mapped to what they count; "killed" and "died" count deaths.
FRAME_STEMS = {
    "kill": "death", "die": "death", "dead": "death", "death": "death", "perish": "death",
    "injur": "injury", "wound": "injury", "hurt": "injury", "sicken": "illness", "ill": "illness",
    "infect": "illness", "hospitaliz": "hospital", "arrest": "arrest", "detain": "arrest",
    "evacuat": "evacuation", "rescu": "rescue", "missing": "missing", "expel": "expulsion",
    "displac": "displacement", "fire": "fire", "launch": "launch", "intercept": "intercept",
    "hit": "hit", "sold": "sale", "sell": "sale", "lost": "loss", "lose": "loss", "won": "win",
    "win": "win", "cost": "cost", "paid": "payment", "pay": "payment", "rais": "raise",
    "award": "award", "sentenc": "sentence", "serve": "sentence", "elect": "election",
}  # fmt: skip
_FRAME = re.compile(r"\b(" + "|".join(sorted(FRAME_STEMS, key=len, reverse=True)) + r")\w*", re.IGNORECASE)
#: Words a count's unit may be written as ("55 others" after "sickened 55 people").
UNIT_ALIASES = {"others": "people", "other": "people", "person": "people", "persons": "people"}
#: The noun after "other" in "three other slayings": what is counted ("10 other people" stays people).
OTHER_NOUN = re.compile(r"\s+([a-z][a-z-]{2,})\b(?!\s+(?:of|than)\b)")
#: Unit words that are themselves the frame ("4,179 dead, 10,759 injured").
FRAME_UNITS = {
    "dead": "death",
    "killed": "death",
    "injured": "injury",
    "wounded": "injury",
    "missing": "missing",
}
LOWER_BOUND = re.compile(
    r"\b(?:more than|over|at least|upwards of|exceeding|topped|beyond|in excess of|no fewer than)\s*$",
    re.IGNORECASE,
)
UPPER_BOUND = re.compile(
    r"\b(?:less than|fewer than|under|up to|at most|as many as|as much as|no more than|below)\s*$",
    re.IGNORECASE,
)
APPROXIMATE = re.compile(
    r"\b(?:about|around|nearly|almost|roughly|approximately|some|an estimated|estimated|close to|"
    r"or so)\s*$",
    re.IGNORECASE,
)
SPLIT_THOUSANDS = re.compile(r"\d,\s$")
SPLIT_THOUSANDS_AFTER = re.compile(r"^,\s\d{3}\b")
RATE = re.compile(r"\b(?:in|out of|per|of every|every|one in|1 in)\s*$", re.IGNORECASE)
#: "another three aftershocks", "an additional 150,000 people": an increment, not the total.
INCREMENT = re.compile(r"\b(?:another|an additional|additional|a further|further|more)\s*$", re.IGNORECASE)
#: How far apart two approximate amounts may be and still agree ("about 55" and "60").
APPROXIMATION = 0.25


@dataclass(frozen=True, slots=True)
class Count:
    """A number and what it counts: ``low``/``high`` bound what the wording claims."""

    value: float
    low: float
    high: float
    unit: str
    frame: str
    start: int
    end: int


def _frame(sentence: str, start: int, end: int) -> str:
    """What happened to the counted thing: the nearest framing verb in the clause around it."""
    before = re.split(r"[,;:()—–]|\band\b|\bbut\b|\bwhile\b", sentence[max(0, start - 40) : start])[-1]
    after = re.split(r"[,;:()—–]|\band\b|\bbut\b|\bwhile\b", sentence[end : end + 40])[0]
    found = list(_FRAME.finditer(before))
    if found:
        return FRAME_STEMS[found[-1].group(1).lower()]
    found = list(_FRAME.finditer(after))
    return FRAME_STEMS[found[0].group(1).lower()] if found else ""


def counts(sentence: str) -> list[Count]:
    """Counts of a sentence with unit, frame and the interval their wording claims."""
    out = []
    for m in NUMBER.finditer(sentence):
        unit = m.group("unit").lower()
        if (unit in NOT_UNITS and unit not in UNIT_ALIASES) or (value := _value(m)) is None:
            continue
        before = sentence[max(0, m.start() - 40) : m.start()]
        after = sentence[m.end("n") : m.end("n") + 40]
        if RANGE_BEFORE.search(before) or RANGE_AFTER.match(after):
            continue  # a range's ends are not claims of their own
        if (
            SPLIT_THOUSANDS.search(before)
            or SPLIT_THOUSANDS_AFTER.match(after)
            or RATE.search(before)
            or INCREMENT.search(before)
        ):
            continue  # "150, 000" (a split number), "4 in 1,000 children" (a rate)
        low = high = value
        if LOWER_BOUND.search(before):
            high = float("inf")
        elif UPPER_BOUND.search(before):
            low = 0.0
        elif APPROXIMATE.search(before) or HEDGE.search(before):
            low, high = value * (1 - APPROXIMATION), value * (1 + APPROXIMATION)
        frame = FRAME_UNITS.get(unit) or _frame(sentence, m.start(), m.end())
        noun = OTHER_NOUN.match(sentence, m.end()) if unit == "other" else None
        if noun and noun.group(1).lower() not in NOT_UNITS:
            unit = noun.group(1).lower()  # "nine other murders" counts murders, not people
        unit = "people" if unit in FRAME_UNITS else UNIT_ALIASES.get(unit, unit)
        key = f"{m.group('hy')} {unit.rstrip('s')}" if m.group("hy") else unit.rstrip("s")
        if key.endswith("peopl") or key == "people":
            key = "people"
        out.append(Count(value, low, high, key, frame, m.start(), m.end()))
    return out


def counts_conflict(a: Count, b: Count) -> bool:
    """Two counts of the same thing (unit and frame) whose claimed intervals cannot both hold."""
    if a.unit != b.unit or a.frame != b.frame:
        return False
    rounded = round(a.value) == round(b.value) or int(a.value) == int(b.value)
    if rounded and (a.value != int(a.value) or b.value != int(b.value)):
        return False  # "29.6 percent" rounded to "29 percent", "9.27 degrees" to "9 degrees"
    return a.high < b.low or b.high < a.low


def happenings(sentence: str) -> set[tuple[float, str]]:
    """(value, what happened) of the exact counts of a sentence whose frame says what happened:
    "Three people were killed" and "Three deaths have been confirmed" both give (3, "death"),
    since a unit word that names a happening ("deaths", "injuries", "arrests") is its own frame."""
    out = set()
    for count in counts(sentence):
        if count.low != count.high:
            continue
        named = _FRAME.fullmatch(count.unit)
        what = count.frame or (FRAME_STEMS[named.group(1).lower()] if named else "")
        if what:
            out.add((count.value, what))
    return out
