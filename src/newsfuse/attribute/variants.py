"""Disagreements found across a whole cluster rather than in similar sentence pairs: the age reports
give one person, and the spelling of one person's name (Gardner/Garner).

Both are said in sentences that otherwise share little ("Jesse Warfield, 43, was a security chief"
against "one guard, Jesse Warfield, 45, struck her"), so sentence similarity cannot pair them; the
person can. Precision first: an age told beside a past date is an age at another time, and a
spelling variant counts only for a person's name (two-word name with the other word shared, never
a word the cluster also writes in lower case, never a place).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from newsfuse.attribute.speakers import TITLES
from newsfuse.dates import find_dates
from newsfuse.model import Document, Sentence
from newsfuse.text import rough_sentences

__all__ = ["Variant", "age_conflicts", "document_words", "edit_distance", "name_conflicts"]

_NAME = r"[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?"
AGE_AFTER = re.compile(
    rf"(?P<name>\b{_NAME}(?:\s+[A-Z]\.)?(?:\s+{_NAME}){{0,2}}),\s+(?:an?\s+)?(?P<age>\d{{1,3}})"
    r"(?:-year-old\b|(?=[,;)]|\.\s))"
)
AGE_BEFORE = re.compile(
    rf"\b(?P<age>\d{{1,3}})-year-old\s+(?:[a-z]+\s+){{0,2}}(?P<name>{_NAME}(?:\s+{_NAME}){{0,2}})"
)
NOT_NAMES = frozenset(
    """January February March April May June July August September October November December Monday
    Tuesday Wednesday Thursday Friday Saturday Sunday The A An In On At By For From Of To But And
    He She They It We Police Officials Authorities""".split()
)
MAX_AGE_GAP = 5
PLACE_BEFORE = re.compile(
    r"\b(?:in|at|from|near|of|to|nation|country|city|state|province)\s+$", re.IGNORECASE
)
#: What is written next to a person's name and not a place's or a thing's: a title or role before
#: it, an age, a role, "said" or "of <place>" after it.
ROLE_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Capt|Lt|Sgt|Det|Gen|Col|Detective|Officer|Judge|President|Minister|"
    r"Secretary|Chairman|Prof|leader|chief|director|secretary|minister|spokesman|spokeswoman|lawyer|"
    r"attorney|sheriff|officer|actress|actor|singer|wife|husband|son|daughter|mother|father|sister|"
    r"brother|reporter|writer|manager|member|officer|analyst|expert|teacher|worker|owner|partner|"
    r"founder|producer|player|farmer|trader|dealer|banker|diplomat|soldier|commander|governor|senator|"
    r"mayor|deputy|chairwoman|businessman|businesswoman|congressman|congresswoman|"
    r"[a-z]{3,}(?:ist|ian))\.?)\s+$"
)
ROLE_AFTER = re.compile(
    r"^(?:,\s*(?:\d{1,3}\b|an?\s|the\s|who\s|(?:[a-z]+\s+){1,3}(?:of|for|at|in)\b)|\s+(?:said|says|told|wrote|"
    r"added|as|of\s+[A-Z])\b)"
)
#: Last words of names of places and things, never people ("the Anatolia Fault", "Cold War").
NOT_PERSON_WORDS = frozenset(
    """Fault River Lake Sea Ocean Gulf Bay Mountain Mountains Island Islands Valley Desert Coast County
    Street Road Avenue Boulevard Park Square Bridge Airport Center Centre Hall Building Tower University
    College School Hospital Church Mosque Temple Station Stadium War Act Party Company Inc Corp Group
    Association Council Committee Agency Department Ministry Bureau Court Club Fund Foundation
    Institute Museum Award Prize Cup Games Festival Hotel Show Times News Post Journal""".split()
)
CORRECTION = re.compile(r"\b(?:correct\w*|misspel\w*|earlier version|misidentif\w*)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Variant:
    """Two reports' statements that differ in one person's age or name spelling."""

    kind: str  # "number" (an age: Disagreement's kinds stay those docs/schema.md lists) | "name"
    topic: str
    side_a: tuple[str, str]  # (statement, document id)
    side_b: tuple[str, str]


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (small strings only: names)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _ages(sentence: str) -> list[tuple[tuple[str, ...], int]]:
    out = []
    for pattern in (AGE_AFTER, AGE_BEFORE):
        for m in pattern.finditer(sentence):
            words = tuple(w for w in m.group("name").split() if w not in NOT_NAMES and not w.endswith("."))
            age = int(m.group("age"))
            if words and 0 < age < 111:
                out.append((words, age))
    return out


_FULL_NAME = re.compile(rf"\b{_NAME}(?:\s+(?:[A-Z]\.|{_NAME})){{1,3}}")
_SUFFIXES = frozenset({"Jr", "Sr", "II", "III"})


def _families(documents: Sequence[Document]) -> dict[str, dict[str, int]]:
    """How often the cluster writes each first name before each surname ("Kennedy": {"John": 9,
    "Carolyn": 4}), from full names of two to four words ("John F. Kennedy Jr.")."""
    out: dict[str, dict[str, int]] = {}
    for d in documents:
        for m in _FULL_NAME.finditer(d.text):
            words = [w.rstrip(".") for w in m.group(0).split()]
            while words and (words[0] in TITLES or words[0] in NOT_NAMES):
                words = words[1:]
            while words and words[-1] in _SUFFIXES:
                words = words[:-1]
            if len(words) < 2:
                continue
            first, last = words[0], re.sub(r"['’]s?$", "", words[-1])
            names = out.setdefault(last, {})
            names[first] = names.get(first, 0) + 1
    return out


def _surname_means(surname: str, full: tuple[str, ...], families: dict[str, dict[str, int]]) -> bool:
    """Whether a surname told alone ("Kennedy, 38") can mean the person ``full`` names: the one
    the cluster names most often with that surname."""
    firsts = families.get(surname, {})
    return not firsts or len(full) < 2 or full[0] == max(firsts, key=firsts.__getitem__)


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if a[-1] != b[-1] and not (len(a[-1]) >= 5 and a[-1][0] == b[-1][0] and edit_distance(a[-1], b[-1]) == 1):
        return False
    return len(a) == 1 or len(b) == 1 or a[0] == b[0]


def document_words(documents: Sequence[Document]) -> list[set[str]]:
    """The words each report writes, to tell whether it writes a spelling; ``age_conflicts`` and
    ``name_conflicts`` build them when not given."""
    return [set(re.findall(r"[A-Za-z'’]+", d.text)) for d in documents]


#: Reports this many days apart or more may each give a person's age right across a birthday.
AGE_DRIFT_DAYS = 90


def _birthdays_between(date_a: str | None, date_b: str | None) -> int:
    """How many birthdays may fall between two reports' dates (0 when either is unknown or they
    are less than ``AGE_DRIFT_DAYS`` apart: then different ages are a disagreement)."""
    if not date_a or not date_b:
        return 0
    try:
        days = abs((date.fromisoformat(date_a[:10]) - date.fromisoformat(date_b[:10])).days)
    except ValueError:  # a month or a year only
        return 0
    return -(-days // 365) if days >= AGE_DRIFT_DAYS else 0


def age_conflicts(
    sentences: Sequence[Sentence],
    documents: Sequence[Document],
    *,
    words_of: Sequence[set[str]] | None = None,
) -> list[Variant]:
    """Different ages two reports give one person, each told as now (no past date beside it)."""
    told: list[tuple[tuple[str, ...], int, Sentence]] = []
    for s in sentences:
        if any(d.kind in ("mdy", "dmy", "my", "year", "iso") for d in find_dates(s.text, None)):
            continue  # "on July 1, 1998, when Victoria Keenan, 43, ...": her age then
        told += [(name, age, s) for name, age in _ages(s.text)]
    out: list[Variant] = []
    seen: set[tuple] = set()
    if words_of is None:
        words_of = document_words(documents)
    families = _families(documents)
    for k, (name_a, age_a, sa) in enumerate(told):
        for name_b, age_b, sb in told[k + 1 :]:
            if sa.doc == sb.doc:
                continue
            x, y = name_a[-1], name_b[-1]
            if (
                age_a == age_b
                and x != y
                and min(len(x), len(y)) >= 5
                and x[0] == y[0]
                and edit_distance(x, y) <= 2
                and x not in words_of[sb.doc]
                and y not in words_of[sa.doc]
                and ("name", x, y) not in seen
            ):
                # "Michelle, 8" / "8-year-old Mychelle": one child, two spellings.
                seen.add(("name", x, y))
                out.append(
                    Variant(
                        "name",
                        f"spelling of {x}/{y}'s name",
                        (sa.text, documents[sa.doc].id),
                        (sb.text, documents[sb.doc].id),
                    )
                )
                continue
            if age_a == age_b or abs(age_a - age_b) > MAX_AGE_GAP:
                continue
            if not _same_person(name_a, name_b):
                continue
            if abs(age_a - age_b) <= _birthdays_between(documents[sa.doc].date, documents[sb.doc].date):
                continue  # "Henderson, 21" in 1998 and "Henderson, 22" in 1999: a birthday between
            lone, full = (name_a, name_b) if len(name_a) == 1 else (name_b, name_a)
            if len(lone) == 1 and not _surname_means(lone[0], full, families):
                continue  # "Kennedy, 38" and "Carolyn Bessette Kennedy, 33": one surname, two people
            key = (name_a[-1], *sorted((sa.doc, sb.doc)))
            if key in seen:
                continue
            seen.add(key)
            who = " ".join(name_a if len(name_a) >= len(name_b) else name_b)
            out.append(
                Variant(
                    "number",
                    f"age of {who}",
                    (sa.text, documents[sa.doc].id),
                    (sb.text, documents[sb.doc].id),
                )
            )
    return out


_PERSON_PAIR = re.compile(rf"(?=\b({_NAME})\s+({_NAME})\b)")


def _two_word_names(text: str) -> dict[tuple[str, str], int]:
    """Two-word capitalised names in ``text`` with where each is first written."""
    out: dict[tuple[str, str], int] = {}
    for m in _PERSON_PAIR.finditer(text):
        first, last = m.group(1), re.sub(r"['’]s?$", "", m.group(2))  # "Perry's" is Perry
        if first in NOT_NAMES or last in NOT_NAMES or first in TITLES or last in NOT_PERSON_WORDS:
            continue
        out.setdefault((first, last), m.start())
    return out


def _sentence_at(text: str, position: int) -> str:
    seen = 0
    for line in text.split("\n"):
        if seen + len(line) >= position:
            for part in rough_sentences(line):
                start = text.find(part, seen)
                if start <= position < start + len(part) + 1:
                    return part
            return line
        seen += len(line) + 1
    return text[max(0, position - 100) : position + 100]


def _person_written(first: str, last: str, texts: Sequence[str]) -> bool:
    """Whether "first last" is written somewhere as a person is: after a title or role, or before
    an age, a role, "said" or "of <place>"."""
    for text in texts:
        for m in re.finditer(rf"\b{re.escape(first)}\s+{re.escape(last)}\b", text):
            if ROLE_BEFORE.search(text[max(0, m.start() - 30) : m.start()]) or ROLE_AFTER.match(
                text[m.end() : m.end() + 40]
            ):
                return True
    return False


def name_conflicts(
    documents: Sequence[Document], *, words_of: Sequence[set[str]] | None = None
) -> list[Variant]:
    """One person's name spelled differently by two reports ("Caren Cowen" / "Caren Cowan").

    The two-word names must share one word and differ in the other by one or two letters; the
    differing spellings must each be absent from the other report, never written in lower case in
    the cluster ("Center"/"Centre"), and never follow a place preposition ("nation of Burkina
    Faso"). A report that notes a correction near the name is said to.
    """
    names = [_two_word_names(d.text) for d in documents]
    texts = [d.text for d in documents]
    everything = " ".join(texts)
    if words_of is None:
        words_of = document_words(documents)
    out: list[Variant] = []
    seen: set[frozenset[str]] = set()
    for i, names_a in enumerate(names):
        for j in range(i + 1, len(documents)):
            for (fa, la), at_a in names_a.items():
                for (fb, lb), at_b in names[j].items():
                    if (fa, la) == (fb, lb):
                        continue
                    if fa == fb:
                        differ = (la, lb)
                    elif la == lb:
                        differ = (fa, fb)
                    else:
                        continue
                    x, y = differ
                    if min(len(x), len(y)) < 4 or not 1 <= edit_distance(x, y) <= 2:
                        continue
                    if x in words_of[j] or y in words_of[i] or frozenset(differ) in seen:
                        continue
                    if re.search(rf"\b(?:{re.escape(x.lower())}|{re.escape(y.lower())})\b", everything):
                        continue  # a common word ("center"), not a name
                    if PLACE_BEFORE.search(
                        documents[i].text[max(0, at_a - 12) : at_a]
                    ) or PLACE_BEFORE.search(documents[j].text[max(0, at_b - 12) : at_b]):
                        continue
                    if not (_person_written(fa, la, texts) or _person_written(fb, lb, texts)):
                        continue  # "Cold War" / "World War", "North Africa" / "North African"
                    seen.add(frozenset(differ))
                    sentence_a = _sentence_at(documents[i].text, at_a)
                    sentence_b = _sentence_at(documents[j].text, at_b)
                    noted = any(
                        CORRECTION.search(d.text[max(0, at - 300) : at + 300])
                        for d, at in ((documents[i], at_a), (documents[j], at_b))
                    )
                    topic = f"spelling of {fa if fa == fb else la}'s name" + (
                        " (a report notes its correction)" if noted else ""
                    )
                    out.append(
                        Variant("name", topic, (sentence_a, documents[i].id), (sentence_b, documents[j].id))
                    )
    return out
