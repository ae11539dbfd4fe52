"""Names in a cluster, and a raw speaker ("he", "the president", "Obama") resolved to its fullest name.

Stdlib only, rule-based: capitalised word runs are names; a run is an organisation when it holds
an organisation word ("Pictures", "Police", an acronym), otherwise a person when it has two or more
words or a title ("President Obama"). spaCy's NER would type names better, but costs seconds of
start-up (see BENCHMARKS.md, section attribution); the cues below are enough for news attribution,
where the speaker is nearly always named in full once in the cluster.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["PRONOUNS", "Mention", "NameIndex", "find_mentions", "resolve"]

#: Titles that may precede a person's name; "the president" resolves through them.
TITLES = frozenset(
    """President Vice Sen. Senator Rep. Representative Gov. Governor Mayor Mr. Mrs. Ms. Dr. Prof.
    Professor Judge Justice Gen. General Col. Capt. Lt. Sgt. Officer Detective Secretary Minister
    Prime Chancellor King Queen Prince Princess Pope Rev. Chief Commissioner Sheriff Attorney Coach
    Director Chairman CEO Speaker Ambassador Lady Sir""".split()
)
#: Words that make a capitalised run an organisation.
ORG_WORDS = frozenset(
    """Pictures Entertainment Inc Inc. Corp Corp. Corporation Company Co. Ltd LLC Group Bank Police
    Department Agency Administration Bureau Office Ministry Council Committee Commission Court
    University College School Institute Association Foundation Party Army Navy Force Forces Guard
    Service Services News Times Post Journal Press Network Studios Airlines Motors Board Center
    Centre Organization Organisation Union Federation League Club Team Church Hospital Government
    Senate House Congress Parliament Reuters AP Coalition Fund Trust Project Society Media Records
    Technologies Systems Labs Lab Foundation Authority Commission Campaign""".split()
)
#: Capitalised words that start a sentence or name a time, never part of a name.
STOP = frozenset(
    """The A An In On At Today Tonight Yesterday Tomorrow But And Or Although Though During After
    Before Even As When While If Earlier Later This That These Those It He She They We I You His Her
    Their Our My According Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
    March April May June July August September October November December Jan. Feb. Mar. Apr. Jun.
    Jul. Aug. Sep. Sept. Oct. Nov. Dec. Meanwhile However So Then There Here Now Also Still Yet For
    From With Without By Of To Last Next Since Until Under Over Despite Because Why What Who How Where
    Mr Mrs Ms Dr Not No Yes Some Many Most All Both Each Every Another Other One Two Three Its""".split()
)
PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
PERSON_NOUNS = frozenset(
    """president senator governor mayor judge minister secretary spokesman spokeswoman spokesperson
    official officer actor actress director chairman ceo lawyer attorney sheriff chief coach
    prosecutor detective congressman congresswoman representative candidate star singer author
    father mother woman man""".split()
)
ORG_NOUNS = frozenset(
    """company studio agency department government bureau police administration firm group
    network newspaper paper organization organisation campaign committee court office union
    university team club party ministry white""".split()
)

# A run of capitalised words, joined by spaces, hyphens or "of"/"de"/"van" particles.
NAME_RUN = re.compile(
    r"(?<![\w'’])(?:[A-Z][\w'’.-]*\w\.?|[A-Z]\.)(?:\s+(?:(?:of|de|van|von|bin|al|la|le|del|da)\s+)?"
    r"(?:[A-Z][\w'’.-]*\w\.?|[A-Z]\.))*"
)
ACRONYM = re.compile(r"^[A-Z]{2,6}s?$")


@dataclass(frozen=True, slots=True)
class Mention:
    """A name mention in a document: ``text`` as written (title included), and its kind."""

    text: str
    kind: str  # "person" | "org"
    start: int
    end: int

    @property
    def core(self) -> tuple[str, ...]:
        """The name's words without titles ("President Barack Obama" -> ("Barack", "Obama"))."""
        return tuple(w for w in self.text.split() if w not in TITLES)


def _kind(words: Sequence[str]) -> str | None:
    if not words:
        return None
    if any(w.rstrip(".,") in ORG_WORDS for w in words) or any(ACRONYM.match(w) for w in words):
        return "org"
    if words[0] in TITLES and len(words) > 1:
        return "person"
    if len(words) >= 2 and all(w[0].isupper() for w in words):
        return "person"
    return None


def _is_headline(text: str, start: int) -> bool:
    """True when the line holding ``start`` is title case (headlines capitalise every word)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < 4:
        return False
    caps = sum(w[0].isupper() for w in words)
    return caps / len(words) > 0.7


def find_mentions(text: str, quoted: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    """Person and organisation mentions in ``text``, outside quoted spans and headline lines."""
    out = []
    for match in NAME_RUN.finditer(text):
        start, end = match.span()
        if any(a <= start < b for a, b in quoted):
            continue
        words = match.group(0).split()
        while words and words[0] in STOP:  # "Today Sony Pictures" -> "Sony Pictures"
            start += text.find(words[0], start) - start + len(words[0])
            start += len(text[start:]) - len(text[start:].lstrip())
            words = words[1:]
        while words and words[-1] in STOP:
            words = words[:-1]
        words = [w.rstrip(".") if w not in TITLES and not ACRONYM.match(w.rstrip(".")) else w for w in words]
        kind = _kind(words)
        if kind is None:
            if len(words) == 1 and words[0] not in TITLES and len(words[0]) > 1:
                kind = "single"
            else:
                continue
        if _is_headline(text, start):
            continue
        out.append(Mention(" ".join(words).rstrip(",'’"), kind, start, end))
    return out


@dataclass(frozen=True, slots=True)
class NameIndex:
    """Every full name the cluster gives, for mapping short forms to the fullest one."""

    names: tuple[Mention, ...]

    @classmethod
    def build(cls, mentions: Sequence[Mention]) -> NameIndex:
        return cls(tuple(m for m in mentions if m.kind in ("person", "org")))

    def kind_of(self, word: str) -> str | None:
        """ "person"/"org" when a single word is part of a known full name of that kind."""
        for m in self.names:
            if word in m.core:
                return m.kind
        return None

    def fullest(self, name: str) -> str:
        """The longest known name that contains ``name``'s words (titles kept), else ``name``."""
        words = [w for w in name.split() if w not in TITLES]
        if not words:
            return name
        best = name
        best_key = (len(name.split()), 0)
        for m in self.names:
            core = m.core
            if not core:
                continue
            if m.kind == "person":
                fits = core[-len(words) :] == tuple(words) or (len(words) == 1 and words[0] == core[-1])
            else:
                fits = tuple(words) == core[: len(words)]
            if not fits:
                continue
            key = (len(m.text.split()), len(core))
            if key > best_key:
                best, best_key = m.text, key
        return best

    def with_title(self, title: str) -> str | None:
        """The fullest name written after ``title`` ("president" -> "President Barack Obama")."""
        found = [
            m for m in self.names if m.kind == "person" and m.text.split()[0].lower().rstrip(".") == title
        ]
        if not found:
            return None
        best = max(found, key=lambda m: len(m.text.split()))
        return self.fullest(best.text)


def resolve(
    raw: str,
    *,
    before: Sequence[Mention],
    last_speaker: str | None,
    index: NameIndex,
) -> str | None:
    """The fullest name for a raw speaker phrase, or None when it cannot be resolved.

    ``before`` are the document's mentions preceding the quote (nearest last); pronouns go to the
    last named speaker, else the nearest person mentioned; "the company"-like nouns to the nearest
    organisation; "the president"-like nouns to the person written with that title.
    """
    phrase = raw.strip(" ,").split(",")[0].strip()
    low = phrase.lower()
    if not phrase:
        return None
    if low in PRONOUNS:
        if low in ("we", "i"):
            return last_speaker
        if low == "it":
            org = next((m for m in reversed(before) if m.kind == "org"), None)
            return index.fullest(org.text) if org else None
        if low == "they":
            return last_speaker
        if last_speaker:
            return last_speaker
        person = next((m for m in reversed(before) if _personish(m, index)), None)
        return index.fullest(person.text) if person else None
    words = phrase.split()
    if words[0].lower() in ("the", "a", "an", "his", "her", "their", "its"):
        head = words[-1].lower().rstrip(".")
        rest = " ".join(words[1:])
        if any(w[:1].isupper() for w in words[1:]):  # "the FBI", "the White House"
            name = " ".join(w for w in words[1:] if w[:1].isupper())
            return index.fullest(name)
        if head in PERSON_NOUNS:
            titled = index.with_title(head)
            if titled and words[0].lower() == "the":
                return titled
            return rest if words[0].lower() != "the" else (last_speaker or rest)
        if head in ORG_NOUNS:
            org = next((m for m in reversed(before) if m.kind == "org"), None)
            return index.fullest(org.text) if org else None
        return None
    named = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    if not named:
        return None
    # "President Obama", "Sony Pictures spokesman Jean Smith": keep the last capitalised run.
    run: list[str] = []
    for w in words:
        if w[:1].isupper():
            run.append(w)
        else:
            run = []
    return index.fullest(" ".join(run or named))


def _personish(m: Mention, index: NameIndex) -> bool:
    if m.kind == "person":
        return True
    return m.kind == "single" and index.kind_of(m.text) == "person"
