"""People introduced as news style introduces them: the full name at first mention, the surname after.

A summary takes sentences from several reports, each of which introduced its people somewhere
the summary may not reach: "Houston said" stands in the summary before "Angus Houston", or
without him at all. ``introduce`` rewrites the summary's sentences in reading order: the first
mention of a person outside quotation marks becomes the fullest name the cluster gives
("Prime Minister Benjamin Netanyahu" for "Mr. Netanyahu"), with the role the reports give when
the summary gives none ("Suzan Shown Harjo, president of the Morning Star Institute, said";
``attribute.roles``); later mentions of the full name become the surname. Quotations are the
speaker's words and stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfuse.attribute.quotes import find_quote_spans
from newsfuse.attribute.roles import MODIFIERS, Role, is_role_noun, role_of
from newsfuse.attribute.speakers import HONORIFICS, TITLES, Mention, NameIndex, find_mentions

__all__ = ["Sources", "introduce"]

#: Courtesy titles news style drops once the full name is given ("Mr. Coldham" -> "Tom Coldham").
COURTESY = HONORIFICS | {"Miss"}
#: Text before a mention that makes it the end of a longer name (Jenni "JWoww" Farley).
_NAME_GOES_ON = re.compile(r"\b[A-Z][\w.'’-]*[\"”’']?\s*$")
#: Words for a person's role written before a name: they show the name is a person's.
ROLE_WORDS = frozenset(
    """spokesman spokeswoman spokesperson master executive officer official lawyer attorney actor
    actress singer author writer director chairman chairwoman president secretary minister
    senator governor mayor judge sheriff chief coach teacher student professor researcher
    scientist doctor nurse manager owner founder leader analyst economist reporter correspondent
    editor producer father mother son daughter wife husband brother sister friend neighbor
    neighbour victim suspect witness resident farmer soldier captain sergeant detective agent
    aide adviser advisor deputy commissioner superintendent principal said says told by
    according""".split()
)
#: Words after which a capitalised pair is a place ("in South Australia", "southern Lebanon").
PLACE_BEFORE = frozenset(
    """in at from to of near into onto across through toward towards around outside inside
    northern southern eastern western central north south east west""".split()
)
#: Words that end a personal name read from its end ("Director of Education Fabio Sementilli").
NAME_BREAKS = frozenset({"of", "de", "for", "the", "and"})


def _given_and_surname(full: str) -> list[str]:
    """The personal name at the end of a full mention: the capitalised words after its last title
    ("State Sen. Diane Savino" -> Diane Savino; "Vice President of Education Fabio Sementilli" ->
    Fabio Sementilli)."""
    name: list[str] = []
    for word in reversed(full.split()):
        if word in TITLES or word in NAME_BREAKS or not word[:1].isupper():
            break
        name.insert(0, word)
    return name


_BEFORE_NAME = re.compile(
    r"(?:\b(?P<word>[a-z][\w'’]*)[,;:]?|[,(“\"—–-]|\b(?:" + "|".join(re.escape(t) for t in TITLES) + r"))\s+$"
)


class Sources:
    """The cluster's report texts, and what name look-ups on them found (a story of hundreds of
    reports asks about the same few names many times)."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = tuple(texts)
        self._before: dict[str, str | None] = {}
        self._counts: dict[str, int] = {}
        self._first: dict[str, float] = {}
        self._roles: dict[str, Role | None] = {}

    def word_before(self, name: str) -> str | None:
        """The word before ``name`` where a report writes it as a name mid-sentence (after a
        lowercase word, a title or punctuation), or None when reports only write it where a
        capital opens a sentence ("Like Chaney's portrayal…" makes no one called "Like Chaney")."""
        if name not in self._before:
            self._before[name] = self._find_before(name)
        return self._before[name]

    def _find_before(self, name: str) -> str | None:
        for text in self.texts:
            at = text.find(name)
            while at >= 0:
                end = at + len(name)
                if end == len(text) or not (text[end].isalnum() or text[end] == "_"):
                    found = _BEFORE_NAME.search(text[max(0, at - 40) : at])
                    if found:
                        return found.group("word") or ""
                at = text.find(name, at + 1)
        return None

    def count(self, name: str) -> int:
        if name not in self._counts:
            self._counts[name] = sum(text.count(name) for text in self.texts)
        return self._counts[name]

    def role(self, name: str) -> Role | None:
        """The role most reports give the person ``name`` next to their name (``roles.role_of``)."""
        if name not in self._roles:
            self._roles[name] = role_of(name, self.texts)
        return self._roles[name]

    def first_seen(self, name: str) -> float:
        """Where ``name`` first appears in a report, as a share of its length (2.0: nowhere)."""
        if name not in self._first:
            self._first[name] = min(
                (t.find(name) / max(1, len(t)) for t in self.texts if name in t), default=2.0
            )
        return self._first[name]


def _main(namesakes: set[str], sources: Sources) -> str | None:
    """Of people sharing a surname, the one a surname alone means: introduced earliest in the
    reports (the story's subject comes first) and named in full at least as often as any other;
    None when neither decides."""
    counts = {n: sources.count(n) for n in namesakes}
    earliest = min(sorted(namesakes), key=sources.first_seen)
    return earliest if counts[earliest] == max(counts.values()) else None


def _titled(titles: list[str], name: list[str], index: NameIndex) -> list[str] | None:
    """The personal name a titled mention means: the one the reports write after that title
    ("President Clinton" -> Bill Clinton, wherever the cluster names Hillary Rodham Clinton
    more), or None when no one with that title has that surname."""
    full = index.with_title(titles[-1].lower().rstrip("."))
    run = _given_and_surname(full) if full else []
    return run[-len(name) :] if len(run) >= 2 and run[-1] == name[-1] else None


def _a_person(full: str, index: NameIndex, before: str) -> bool:
    """Whether the cluster shows ``full`` is a person, not a place, a party or a group ("South
    Australia", "New Jersey Republican", "Basque Homeland Freedom" are capitalised words too): it
    speaks, carries a title, is "he" or "she", or is written after a word for a person's role
    ("harbour master Ines Molander", "spokeswoman Suzi Brown")."""
    if full in index.talkers or full in index.female or full in index.male:
        return True
    return any(w in TITLES for w in full.split()) or before in ROLE_WORDS


def _person(mention: Mention, index: NameIndex, sources: Sources) -> list[str] | None:
    """The personal name (given names and surname) of a person mention, or None when the sources
    do not name that person in full (a first name alone, an organisation, a place)."""
    if not mention.core or mention.kind not in ("person", "single"):
        return None
    if mention.kind == "single" and index.kind_of(mention.text) != "person":
        return None
    full = index.fullest(mention.text)
    run = _given_and_surname(full)
    if not run or run[-1] != mention.core[-1]:
        return None
    namesakes = {" ".join(_given_and_surname(m.text)[-2:]) for m in index.by_word.get(run[-1], ())}
    namesakes = {n for n in namesakes if len(n.split()) == 2}
    if len(namesakes) > 1 and _main(namesakes, sources) != " ".join(run[-2:]):
        return None  # two people share the surname (O.J. and Nicole Brown Simpson): not this one
    for size in (2, 3):  # the shortest full form the sources use: "Fabio Sementilli", not "Education Fabio…"
        before = sources.word_before(" ".join(run[-size:])) if len(run) >= size else None
        if before is not None:
            return run[-size:] if _a_person(full, index, before) else None
    return None


def _said_before(before: str, added: list[str]) -> bool:
    """Whether the words the full name would add are already written just before the mention in
    lowercase ("an early Christian basilica" is no "early Early Christian"): a phrase, not a name."""
    words = before.split()[-len(added) :]
    return [w.lower() for w in words] == [w.lower() for w in added]


#: A summary's own role for a person, after the name: an appositive, a clause, a parenthesis.
_DESCRIBED_AFTER = re.compile(r"^(?:,\s+(?:\d{1,3},\s+)?[a-z]|\s*\()")
#: A speaker tag ending the sentence after a quotation: "…,” Suzan Shown Harjo said."
_TAG_END = re.compile(r"^\s+(said|says)(\.[”\"’']?)$")
_AFTER_QUOTE = re.compile(r"[,?!][”\"’']\s+$")
#: Text before a mention that opens its sentence ("", "“").
_SENTENCE_OPENS = re.compile(r"^[“\"‘'(]?$")


def _gives_role(text: str, mention: Mention, name: Sequence[str]) -> bool:
    """Whether the summary sentence already says who the person ``name`` is: a title or other
    words before the name in the mention ("Archaeologist Giles Hamm"), an office word or an owner
    just before it ("spokeswoman Suzi Brown", "Sony's Michael Lynton", "her agents, Heather
    Holden-Brown"), an appositive or a clause after it."""
    written = [w for w in text[mention.start : mention.end].split() if w not in COURTESY]
    if len(written) > len(name) or any(w in TITLES for w in written):
        return True
    before = text[: mention.start].split()
    last = before[-1].rstrip(",") if before else ""
    if last.endswith(("'s", "’s")) or last.lower() in MODIFIERS or is_role_noun(last.removesuffix("s")):
        return True
    return bool(_DESCRIBED_AFTER.match(text[mention.end :]))


def _said(head: str, text: str) -> bool:
    """Whether the sentence, outside its quotations, already holds the role's office word ("As
    an education professor…"; not "“Some tribe members say…”")."""
    for quote in sorted(find_quote_spans(text), key=lambda q: -q.start):
        text = text[: quote.start] + " " + text[quote.end :]
    return bool(head) and re.search(rf"\b{re.escape(head)}s?\b", text, re.IGNORECASE) is not None


def _with_role(text: str, start: int, end: int, written: str, role: Role) -> tuple[int, int, str] | None:
    """The edit introducing ``written`` (the name as it will print, at ``start:end``) with
    ``role``: a title before the name, an appositive after it ("…,” said Suzan Shown Harjo,
    president of the Morning Star Institute."); None where the sentence leaves no room for it (a
    possessive, a list of names)."""
    if role.before:
        words = [w for w in written.split() if w not in COURTESY]
        title = role.text
        if _SENTENCE_OPENS.match(text[:start].strip()):
            title = title[:1].upper() + title[1:]
        return start, end, " ".join([title, *words])
    after = text[end:]
    tag = _TAG_END.match(after)
    if tag and _AFTER_QUOTE.search(text[:start]):
        return start, len(text), f"{tag.group(1)} {written}, {role.text}{tag.group(2)}"
    if re.match(r"^(?:[.;:]|,\s+[a-z“\"])", after):
        return start, end, f"{written}, {role.text}"
    if re.match(r"^\s+[\w“\"]", after):
        return start, end, f"{written}, {role.text},"
    return None


def _role_edit(
    text: str, mention: Mention, name: Sequence[str], printed: str, sources: Sources
) -> tuple[tuple[int, int, str], int] | None:
    """The edit giving the person of ``mention`` (``name``, to print as ``printed``) the role the
    reports give, and the words it adds; None when the sentence gives a role already or leaves
    no room for one."""
    if _NAME_GOES_ON.search(text[: mention.start]) or _gives_role(text, mention, name):
        return None
    role = sources.role(" ".join(name))
    if role is None or _said(role.head, text):
        return None
    edit = _with_role(text, mention.start, mention.end, printed, role)
    if edit is None:
        return None
    # Words added: the edit's, less the name as printed and what the edit takes after the name
    # (" said." of a speaker tag turned round).
    return edit, len(edit[2].split()) - len(printed.split()) - len(text[mention.end : edit[1]].split())


def introduce(
    texts: Sequence[str], index: NameIndex, sources: Sources, *, words: int | None = None
) -> list[str]:
    """``texts`` (a summary, in reading order) with people named in full at first mention and by
    surname after.

    A mention that gives only the surname (with or without a title: "Houston", "Mr. Coldham",
    "Prime Minister Netanyahu") gets the given names the cluster knows, its title kept; a later
    mention of a person already introduced becomes the surname, when the sources themselves call
    that person by surname alone. ``sources`` are the reports' texts. At first mention, a person
    the summary gives no role gets the one the reports give (``Sources.role``), in reading order
    while the summary stays within ``words`` (any number when None): a role is never worth a
    sentence.
    """
    introduced: set[str] = set()
    described: set[str] = set()  # people the summary names with a title, or in full unresolved
    planned: list[list[tuple[int, int, str]]] = []
    roles: list[tuple[int, tuple[int, int, str], int]] = []  # (text, edit, words it adds)
    for n, text in enumerate(texts):
        quoted = [(q.start, q.end) for q in find_quote_spans(text)]
        edits: list[tuple[int, int, str]] = []
        for mention in find_mentions(text, quoted):
            name = _person(mention, index, sources)
            if name is None:
                # Written in full but never mid-sentence in the reports ("Suzan Shown Harjo,
                # president of…" opens its sentences): a person only if the reports give a role.
                key = " ".join(mention.core)
                if mention.kind == "person" and len(mention.core) >= 2 and key not in described:
                    described.add(key)
                    written = text[mention.start : mention.end]
                    role = _role_edit(text, mention, mention.core, written, sources)
                    roles += [(n, role[0], role[1])] if role else []
                continue
            written = text[mention.start : mention.end].split()
            titles = [w for w in written[:-1] if w in TITLES and w not in COURTESY]
            if titles:
                described.add(" ".join(name))  # "Vice President Al Gore" is introduced, if by title
                if (name := _titled(titles, name, index)) is None:
                    continue  # "President Clinton" is not whichever Clinton the cluster names most
            key = " ".join(name)
            if key not in introduced:
                introduced.add(key)
                missing = len([w for w in written if w not in TITLES]) < len(name)
                goes_on = bool(_NAME_GOES_ON.search(text[: mention.start]))
                added = name[: max(0, len(name) - len([w for w in written if w not in TITLES]))]
                expand = missing and not goes_on and not _said_before(text[: mention.start], added)
                printed = " ".join([*titles, *name]) if expand else " ".join(written)
                if printed != " ".join(written):
                    edits.append((mention.start, mention.end, printed))
                role = (
                    None if goes_on or key in described else _role_edit(text, mention, name, printed, sources)
                )
                roles += [(n, role[0], role[1])] if role else []
            elif len(written) > 1 and {index.fullest(key), key} & (index.surnamed & index.talkers):
                edits.append((mention.start, mention.end, name[-1]))
        planned.append(edits)
    total = sum(len(text.split()) for text in texts) + sum(
        len(new.split()) - len(text[a:b].split())
        for text, edits in zip(texts, planned, strict=True)
        for a, b, new in edits
    )
    for n, edit, cost in roles:
        if words is None or total + cost <= words:
            total += cost
            planned[n] = [e for e in planned[n] if e[0] != edit[0]] + [edit]
    out = []
    for text, edits in zip(texts, planned, strict=True):
        for start, end, replacement in sorted(edits, reverse=True):
            text = text[:start] + replacement + text[end:]
        out.append(text)
    return out
