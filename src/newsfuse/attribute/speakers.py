"""Names in a cluster, and a raw speaker ("he", "the president", "Obama") resolved to its fullest name.

Stdlib only, rule-based: capitalised word runs are names; a run is an organisation when it holds
an organisation word ("Pictures", "Police", an acronym), otherwise a person when it has two or more
words or a title ("President Obama"). Where spaCy is installed, ``speech`` reads the speaker phrase
from its parse and hands it here to be resolved against these names; the names themselves stay
rule-based, so every cluster gets the same index whether spaCy is there or not.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

__all__ = ["PRONOUNS", "Context", "Mention", "NameIndex", "find_mentions", "likely_person", "resolve"]

#: Titles that may precede a person's name; "the president" resolves through them.
TITLES = frozenset(
    """President Vice Sen. Senator Rep. Representative Gov. Governor Mayor Mr. Mrs. Ms. Dr. Prof.
    Professor Dr Mr Mrs Ms Sen Rep Gov Lt Sgt Capt Gen Col Maj Maj. Det. Insp. Cmdr. Cmdr Supt. Judge Justice Gen. General Col. Capt. Lt. Sgt. Officer Detective Secretary Minister
    Prime Chancellor King Queen Prince Princess Pope Rev. Chief Commissioner Sheriff Attorney Coach
    Director Chairman CEO Speaker Ambassador Lady Sir Leader Whip Majority Minority""".split()
)
#: Titles that start a new person when they come in the middle of a run of names.
HONORIFICS = frozenset("Mr. Mrs. Ms. Dr. Mr Mrs Ms Dr".split())
#: Words that make a capitalised run an organisation.
ORG_WORDS = frozenset(
    """Pictures Entertainment Inc Inc. Corp Corp. Corporation Company Co. Ltd LLC Group Bank Police
    Education Salon Magazine Media Records Labs Systems Technologies Airways Club Securities
    Department Agency Administration Bureau Office Ministry Council Committee Commission Court
    University College School Institute Association Foundation Party Army Navy Force Forces Guard
    Service Services News Times Post Journal Press Network Studios Airlines Motors Board Center
    Centre Organization Organisation Union Federation League Club Team Church Hospital Government
    Senate House Congress Parliament Reuters AP Coalition Fund Trust Project Society Media Records
    Technologies Systems Labs Lab Foundation Authority Commission Campaign State City County Street
    Avenue Road Island Islands Republic Kingdom States River Mountains Valley Beach Park Airport""".split()
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
    correspondent contender lawmaker leader host anchor senator rapper comedian""".split()
)
ORG_NOUNS = frozenset(
    """company studio agency department government bureau police administration firm group
    network newspaper paper organization organisation campaign committee court office union
    university team club party ministry white""".split()
)

# A run of capitalised words, joined by spaces, hyphens or "of"/"de"/"van" particles.
# A run of capitalised words on one line, joined by spaces or "of"/"de"/"van" particles. Only a
# short word ("Dr.", "E.", "U.S.") keeps a final period, so a run stops at a sentence's end.
_NAME_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][a-z]{0,2}\.|Capt\.|[A-Z][\w'’-]*\w)"
NAME_RUN = re.compile(
    rf"(?<![\w'’]){_NAME_WORD}(?:[ \t]+(?:(?:of|de|van|von|bin|al|la|le|del|da)[ \t]+)?{_NAME_WORD})*"
)
ACRONYM = re.compile(r"^[A-Z]{2,6}$")  # "CDs", "NGOs" name no organisation
INITIALS = re.compile(r"^(?:[A-Z]\.)+$")  # "O.", "O.J.", "D.E."
# "U.S.", "U.K.": before a person's title it says where, not who ("U.S. Secretary of State Hillary Clinton").
DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")
# A photo caption or credit: its capitalised runs are credits and picture titles, never speakers
# ("Conflict in Gaza Strip, Israel View Slideshow European Pressphoto Agency Smoke rises…").
CAPTION_CUE = re.compile(
    r"\b(?:View )?Slideshow\b|\bPressphoto\b|\b(?:AP|AFP|Reuters|Getty) (?:Photo|Images)\b|\bPhoto(?:graph)?:|"
    r"\bImage (?:caption|copyright)\b|\b(?:Hide|Show|Toggle) Caption\b",
    re.IGNORECASE,
)


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
    """ "org", "person" or None: the last word decides first ("Senate Majority Leader Harry Reid"
    is a person, "Sony Pictures" an organisation), then a title, then any organisation word."""
    if not words:
        return None
    last = words[-1].rstrip(".,")
    if last in ORG_WORDS or ACRONYM.match(last):
        return "org"
    if any(w in TITLES for w in words[:-1]):
        return "person"
    if any(w.rstrip(".,") in ORG_WORDS for w in words) or any(ACRONYM.match(w) for w in words):
        return "org"
    if len(words) >= 2 and all(w[0].isupper() for w in words):
        return "person"
    return None


def _is_headline(line: str) -> bool:
    """True when ``line`` is title case (headlines capitalise every word)."""
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < 4:
        return False
    caps = sum(w[0].isupper() for w in words)
    return caps / len(words) > 0.7


def _mention(words: list[str], start: int) -> Mention | None:
    """A mention of the capitalised ``words`` starting at ``start`` (leading stop words removed)."""
    while words and words[-1] in STOP:
        words = words[:-1]
    if len(words) > 1 and DOTTED.match(words[0]) and _kind(words[1:]) == "person":
        start += len(words[0]) + 1
        words = words[1:]
    end = start + len(" ".join(words))
    # A run's last word may end its sentence ("said Bob."); an initial before another word keeps its
    # period ("O.J. Simpson", "Mark O. Barton"), as do titles and acronyms.
    words = [
        w
        if w in TITLES or ACRONYM.match(w.rstrip(".")) or (INITIALS.match(w) and k < len(words) - 1)
        else w.rstrip(".")
        for k, w in enumerate(words)
    ]
    kind = _kind(words)
    if kind is None:
        if len(words) == 1 and words[0] not in TITLES and len(words[0]) > 1:
            kind = "single"
        else:
            return None
    return Mention(" ".join(words).rstrip(",'’"), kind, start, end)


def find_mentions(text: str, quoted: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    """Person and organisation mentions in ``text``, outside quoted spans, headline and caption lines.

    A possessive splits a run in two: "TV3's Duncan Garner" is the owner "TV3" and "Duncan Garner".
    """
    out = []
    skip: dict[int, bool] = {}  # line start -> a headline or caption line?
    for match in NAME_RUN.finditer(text):
        start, end = match.span()
        if any(a <= start < b for a, b in quoted):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        if line_start not in skip:
            line_end = text.find("\n", start)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            skip[line_start] = _is_headline(line) or bool(CAPTION_CUE.search(line))
        if skip[line_start]:
            continue
        words = match.group(0).split()
        while words and words[0] in STOP:  # "Today Sony Pictures" -> "Sony Pictures"
            start = text.find(words[0], start) + len(words[0])
            start += len(text[start:end]) - len(text[start:end].lstrip())
            words = words[1:]
        parts: list[tuple[list[str], int]] = []
        current: list[str] = []
        part_start = start
        for w in words:
            if current and w in HONORIFICS:  # "Leigh Ann Mrs. Barton": two people
                parts.append((current, part_start))
                current = []
                part_start = text.find(w, part_start)
            if w.endswith(("'s", "’s")):
                current.append(w[:-2])
                parts.append((current, part_start))
                current = []
                part_start = text.find(w, part_start) + len(w) + 1
            else:
                current.append(w)
        if current:
            parts.append((current, part_start))
        for part, at in parts:
            if part and (mention := _mention(part, at)):
                out.append(mention)
    return out


@dataclass(frozen=True, slots=True)
class NameIndex:
    """Every full name the cluster gives, for mapping short forms to the fullest one."""

    names: tuple[Mention, ...]
    talkers: frozenset[str] = frozenset()  # fullest names seen as the subject of a speech verb
    female: frozenset[str] = frozenset()  # names followed by "she"/"her" ("Crowley said she…")
    male: frozenset[str] = frozenset()
    surnamed: frozenset[str] = frozenset()  # full names whose last word is also used alone

    # Lookups built once by ``build`` so resolving stays linear in the mentions of big clusters.
    by_word: Mapping[str, tuple[Mention, ...]] = field(default_factory=dict, compare=False, repr=False)
    by_initials: Mapping[str, Mention] = field(default_factory=dict, compare=False, repr=False)
    by_title: Mapping[str, tuple[Mention, ...]] = field(default_factory=dict, compare=False, repr=False)
    #: How often each person is named (by first and last core word): "Barton" is the often-named
    #: Mark O. Barton, not his wife Lee Ann Barton named once.
    mentioned: Mapping[tuple[str, str], int] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, mentions: Sequence[Mention]) -> NameIndex:
        unique: dict[tuple[str, str], Mention] = {}
        for m in mentions:
            if m.kind in ("person", "org"):
                unique.setdefault((m.text, m.kind), m)
        names = tuple(unique.values())
        by_word: dict[str, list[Mention]] = {}
        by_initials: dict[str, Mention] = {}
        by_title: dict[str, list[Mention]] = {}
        for m in names:
            for w in dict.fromkeys(m.core):
                by_word.setdefault(w, []).append(m)
            if m.kind == "org" and len(m.core) > 1:
                by_initials.setdefault("".join(w[0] for w in m.core if w[:1].isupper()), m)
            if m.kind == "person":
                by_title.setdefault(m.text.split()[0].lower().rstrip("."), []).append(m)
        mentioned: dict[tuple[str, str], int] = {}
        for m in mentions:
            if m.kind == "person" and m.core:
                key = (m.core[0], m.core[-1])
                mentioned[key] = mentioned.get(key, 0) + 1
        return cls(
            names,
            by_word={w: tuple(ms) for w, ms in by_word.items()},
            by_initials=by_initials,
            by_title={t: tuple(ms) for t, ms in by_title.items()},
            mentioned=mentioned,
        )

    def is_person_word(self, word: str) -> bool:
        """Whether ``word`` is the surname of a person the cluster names (or the first name of a
        two- or three-word one): "Sementilli" is, "Wella" of "Wella Education" is not."""
        return any(
            m.kind == "person" and m.core and (word == m.core[-1] or (word == m.core[0] and len(m.core) <= 3))
            for m in self.by_word.get(word, ())
        )

    def kind_of(self, word: str) -> str | None:
        """ "person"/"org" when a single word is part of a known full name of that kind."""
        found = self.by_word.get(word)
        return found[0].kind if found else None

    def fullest(self, name: str) -> str:
        """The longest known name that contains ``name``'s words (titles kept), else ``name``."""
        words = [w for w in name.split() if w not in TITLES]
        if not words:
            return name
        if len(words) == 1 and ACRONYM.match(words[0]):
            expanded = self._expand(words[0])
            if expanded:
                return expanded
        best = name
        best_key = (0, len(name.split()), 0)
        candidates = dict.fromkeys([*self.by_word.get(words[0], ()), *self.by_word.get(words[-1], ())])
        # "Sony" is "Sony Pictures Entertainment", but a person the cluster names is not "David T.
        # Felson of Boston University School of Medicine": that is the person and where they work.
        person = (
            len(words) > 1
            and (
                any(INITIALS.match(w) for w in words[:-1])  # "Rick A. Lazio"
                or any(m.kind == "person" and m.core[-len(words) :] == tuple(words) for m in candidates)
            )
        )
        for m in candidates:
            core = m.core
            if not core:
                continue
            if m.kind == "person":
                fits = core[-len(words) :] == tuple(words) or (len(words) == 1 and words[0] == core[-1])
            else:
                fits = tuple(words) == core[: len(words)] and not (
                    person and core[len(words) : len(words) + 1] == ("of",)
                )
            if not fits:
                continue
            # Of two people with one surname, the one the cluster names more often; of the forms
            # of one person's name, the longest.
            single = m.kind == "person" and len(words) == 1 and len(core) > 1
            often = self.mentioned.get((core[0], core[-1]), 0) if single else 0
            key = (often, len(m.text.split()), len(core))
            if key > best_key:
                best, best_key = m.text, key
        return best

    def _expand(self, acronym: str) -> str | None:
        """The organisation whose initials spell ``acronym`` ("LSE" -> "London School of Economics")."""
        found = self.by_initials.get(acronym.rstrip("s"))
        return found.text if found else None

    def with_title(self, title: str) -> str | None:
        """The fullest name written after ``title`` ("president" -> "President Barack Obama")."""
        found = self.by_title.get(title, ())
        if not found:
            return None
        best = max(found, key=lambda m: len(m.text.split()))
        return self.fullest(best.text)


@dataclass(frozen=True, slots=True)
class Context:
    """What a quote's surroundings tell about its speaker.

    ``before``: the document's subject-position mentions preceding the quote (in text order);
    ``last_speaker``: the speaker of the previous quote when it is close; ``position``: the
    quote's start.
    """

    before: Sequence[Mention]
    last_speaker: str | None
    position: int
    clause_start: int = -1  # mentions at or after this are in the quote's own sentence
    talkers: frozenset[int] = frozenset()  # starts of mentions that are subjects of a speech verb
    pronoun: str = ""  # "he"/"she" when resolving one
    objects: frozenset[int] = frozenset()  # starts of mentions in object position ("told Muir")


#: A person mentioned this close before a quote is a likely antecedent of "he"/"she".
RECENT_CHARS = 400


def likely_person(context: Context, index: NameIndex) -> str | None:
    """The person a pronoun most likely means: recent, often named, or the last speaker.

    Recency wins when a person was named just before the quote (the same or previous sentence);
    otherwise the story's most named person. Gender is unknown, so this is a bet, made once here.
    """
    counts: dict[str, int] = {}
    latest: dict[str, int] = {}
    talked: set[str] = set()
    same_clause: set[str] = set()
    subject: set[str] = set()
    for m in context.before:
        if not _personish(m, index):
            continue
        key = index.fullest(m.text)
        counts[key] = counts.get(key, 0) + 1
        latest[key] = m.end
        if m.start in context.talkers:
            talked.add(key)
        if m.start not in context.objects:
            subject.add(key)
        if context.clause_start >= 0 and m.start >= context.clause_start:
            same_clause.add(key)
    if context.last_speaker:
        counts.setdefault(context.last_speaker, 0)
        latest.setdefault(context.last_speaker, -1)
    excluded = index.male if context.pronoun == "she" else index.female if context.pronoun == "he" else ()
    for name in excluded:
        counts.pop(name, None)

    def score(name: str) -> tuple[float, int]:
        gap = context.position - latest[name]
        recent = 4.0 if 0 <= gap < RECENT_CHARS / 2 else 2.0 if 0 <= gap < RECENT_CHARS else 0.0
        spoke = 2.5 if name == context.last_speaker else 0.0
        talks = 2.0 if name in talked else 0.0
        here = 3.0 if name in same_clause else 0.0
        # A name never seen talking and without a title may be a place ("South Africa").
        known = (
            name in index.talkers
            or name in index.surnamed
            or name.split()[0] in TITLES
            or name == context.last_speaker
        )
        unknown = 0.0 if known else -5.0
        passive = 0.0 if name in subject or name == context.last_speaker else -1.5
        total = recent + spoke + talks + here + unknown + passive + min(counts[name], 4) * 0.75
        return total, latest[name]

    if not counts:
        return None
    return max(counts, key=score)


def _last_run(words: Sequence[str]) -> list[str]:
    """The last run of capitalised words; a possessive ("TV3's") ends a run, as does lowercase."""
    run: list[str] = []
    for w in words:
        if w.endswith(("'s", "’s")):
            run = []
        elif w[:1].isupper():
            run.append(w)
        else:
            run = []
    return run


def resolve(raw: str, *, context: Context, index: NameIndex) -> str | None:
    """The fullest name for a raw speaker phrase, or the phrase itself when it names no one.

    Pronouns and "the congressman"-like nouns go to ``likely_person``; "the president" to the
    person written with that title; "the company" to the nearest organisation; a name to the
    fullest form of it in the cluster. Unnamed speakers ("a neighbor") are kept as written.
    """
    phrase = re.sub(r"\s*\([^)]*\)", "", raw).strip(" ,.")
    phrase = re.split(r",|\s+(?:who|whose|which|that)\s+", phrase)[0].strip()
    lead = phrase.split()
    while len(lead) > 1 and lead[0] in CLAUSE_WORDS:
        lead = lead[1:]  # "But Mercer", "So Cruz": a clause word, not part of the name
    phrase = " ".join(lead)
    role = ROLE_OF.match(phrase)
    if role and role.group("noun").lower() in PERSON_NOUNS | ROLE_NOUNS:
        return phrase  # "another member of the Lakeside Trading Club", as written
    phrase = TRAILING_CIRCUMSTANCE.split(phrase)[0]  # "Mayor Jane Doe on Monday"
    if " of " in phrase and any(w[:1].isupper() for w in phrase.split(" of ")[0].split()[1:] or [""]):
        phrase = phrase.split(" of ")[0]  # "Rep. Tim Griffin of Arkansas"
    low = phrase.lower()
    if not phrase:
        return None
    if low in PRONOUNS:
        if low in ("he", "she"):
            return likely_person(replace(context, pronoun=low), index)
        if low == "it":
            org = next((m for m in reversed(context.before) if m.kind == "org"), None)
            return index.fullest(org.text) if org else context.last_speaker
        return context.last_speaker
    words = phrase.split()
    lowered = [w.lower().rstrip(".") for w in words]
    if lowered[0] in ("the", "a", "an", "his", "her", "their", "its"):
        nouns = [w for w in lowered[1:] if w in PERSON_NOUNS]
        if nouns and lowered[0] == "the":
            return index.with_title(nouns[-1]) or likely_person(context, index) or phrase
        if words[-1][:1].isupper():  # "the FBI", "the White House"
            return index.fullest(" ".join(_last_run(words[1:])))
        if lowered[-1] in ORG_NOUNS and lowered[0] == "the":
            org = _nearest_organisation(context.before, index)
            return index.fullest(org.text) if org else phrase
        return phrase
    run = _last_run(words)
    if not run:
        return phrase if len(words) <= 4 else None
    return index.fullest(" ".join(run))


#: Where a speaker phrase taken after "said" runs on into when and where it was said.
TRAILING_CIRCUMSTANCE = re.compile(
    r"\s+(?:on|in|at|during|after|before|from|outside|inside|near|last|this|earlier|later|today|"
    r"yesterday|tonight|when|while|as)\s+.*$|\s+(?:today|yesterday|tonight)$"
)
#: Words that start a clause, never a name ("But Mercer said", "So Cruz").
CLAUSE_WORDS = frozenset(
    """But And So Yet Of Then Also However Meanwhile Still Now Sometimes Suddenly Instead Later Earlier
    Finally Indeed Thus Hence Besides Moreover Nevertheless Nonetheless Or Nor""".split()
)
#: An unnamed speaker described by a role in an organisation: "another member of the club".
ROLE_OF = re.compile(
    r"^(?:another|a|an|one|the)\s+(?:[a-z-]+\s+){0,2}(?P<noun>[a-z]+)\s+(?:of|for|at|with)\s+(?:the\s+)?[A-Z]",
)
ROLE_NOUNS = frozenset(
    """member members employee employees worker workers resident residents neighbor neighbour witness
    student teacher parent friend relative spokeswoman representative manager analyst expert
    researcher scientist professor doctor nurse volunteer organizer activist supporter fan
    customer trader source""".split()
)

#: Last words of places, which "the company" never means ("Oakdale Avenue").
PLACE_WORDS = frozenset(
    "Avenue Street Road Boulevard Drive Lane Park County City State Square Hills Valley Beach".split()
)


def _nearest_organisation(before: Sequence[Mention], index: NameIndex) -> Mention | None:
    """The organisation "the company" most likely means: the nearest organisation named before,
    or a single capitalised name the cluster never uses for a person ("... for Wella. The
    company said")."""
    for m in reversed(before):
        if m.text.split()[-1] in PLACE_WORDS:
            continue
        if m.kind == "org":
            return m
        lone = m.kind == "single" and re.match(r"^[A-Z][a-z]", m.text) and m.text not in STOP
        if lone and not index.is_person_word(m.text):
            return m
    return None


def _personish(m: Mention, index: NameIndex) -> bool:
    if m.kind == "person":
        return True
    return m.kind == "single" and index.kind_of(m.text) == "person"
