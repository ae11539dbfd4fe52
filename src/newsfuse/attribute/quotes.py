"""Direct quotations in a document and who said them.

Reads ``Document.text``; returns ``Quote`` objects with character spans into it. News attribution
is formulaic: a speech verb next to the quote marks (“…,” Obama said / said Obama / Obama said: “…”
/ Obama said that Sony “made a mistake”). Every quotation style is read as curly marks
(``normalise_marks``) and paired per paragraph; an opening mark left open runs to the paragraph's
end, the news convention for a quote that continues in the next paragraph. The speaker is, in
order: a name written right after the quote; the subject of its speech verb in spaCy's parse
(``speech``, where the ``nlp`` extra is installed); the rules below. A quote with no attribution of
its own continues the speaker of the quote just before it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from newsfuse.attribute.nlp import DEFAULT, Parser, resolve_parser
from newsfuse.attribute.score import garbled
from newsfuse.attribute.speakers import PRONOUNS, Context, Mention, NameIndex, find_mentions, resolve
from newsfuse.attribute.speech import (
    ANTECEDENT_PARAGRAPHS,
    Frame,
    SpeakerPhrase,
    antecedent,
    frame_paragraph,
    reporting_subject,
    speaker_phrase,
)
from newsfuse.model import Document, Quote

__all__ = [
    "QUOTE_MIN_WORDS",
    "RawQuote",
    "attribute_quotes",
    "cluster_names",
    "find_quote_spans",
    "normalise_marks",
    "pronoun_referent",
]

#: Shorter quoted runs are titles or scare quotes ("The Interview", “righteous deed”).
QUOTE_MIN_WORDS = 3
#: Unattributed quotes shorter than this are dropped as likely scare quotes or titles.
UNATTRIBUTED_MIN_WORDS = 6
#: Longer paragraphs (pasted caption runs) are left to the rules: parsing them costs more than it
#: tells.
MAX_PARSED_CHARS = 2000
#: A quote with no attribution inherits the previous speaker if it starts this close after it.
CONTINUATION_CHARS = 400

VERBS = (
    r"said|says|say|told|tells|tell|added|adds|wrote|writes|stated|states|explained|explains|noted|notes|"
    r"asked|asks|recalled|recalls|continued|continues|insisted|insists|tweeted|tweets|posted|declared|"
    r"announced|announces|argued|argues|claimed|claims|warned|warns|replied|replies|responded|"
    r"acknowledged|acknowledges|admitted|admits|conceded|observed|remarked|testified|complained|"
    r"joked|jokes|quipped|quips|pointed out|points out|went on|goes on|shouted|yelled|cried|"
    r"whispered|emailed|texted|confirmed|confirms|predicted|reported|reports|concluded|suggested|"
    r"suggests|described|describes|called|calls|urged|urges|promised|vowed|boasted|demanded|"
    r"countered|cautioned|mused|sighed|laughed|agreed|agrees|speculated|captioned|shot back|reads|"
    r"saying|adding|telling|writing|explaining|noting|asking|recalling|insisting|warning|replying|"
    r"reiterated|began|chimed in|fired back|wondered|admitted|condemned|believes|believed"
)
_SPEAKER = r"[^“”\"\n;:!?]{1,70}?"
AFTER_SUBJECT_VERB = re.compile(
    rf"^[\s,—–-]*(?P<spk>{_SPEAKER})\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+|once\s+|previously\s+)?"
    rf"(?:{VERBS})\b",
)
# A word of a name phrase: an abbreviation ("Dr.", "E.", "U.S.") or a word without punctuation.
_TOKEN = r"(?:[A-Z][a-z]{0,2}\.|(?:[A-Z]\.)+|[^\s“”\"\n,;:!?.()]+)"
AFTER_VERB_SUBJECT = re.compile(rf"^[\s,—–-]*(?:{VERBS})\s+(?P<spk>{_TOKEN}(?:\s+{_TOKEN}){{0,10}})")
# A speech verb later in the clause after a quote: “…” at the school, police Lt. Mark Gagan said.
AFTER_LATE = re.compile(
    rf",\s*(?P<spk>[^,“”\"]{{2,50}}?)\s+(?:said|says|told)\b|,\s*(?:said|says|began)\s+(?P<spk2>{_TOKEN}(?:\s+{_TOKEN}){{0,6}})"
)
AFTER_ACCORDING = re.compile(r"^[\s,—–-]*according to\s+(?P<spk>[^“”\"\n,;:!?.]{2,60})")
BEFORE_VERB = re.compile(rf"\b(?:{VERBS}|according to)\b")
SUBJECT_AT_END = re.compile(
    r"(?P<spk>\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+[\w'’ -]{1,60}?|"
    r"(?:[A-Z][\w.'’-]*)(?:\s+(?:of\s+)?[A-Z][\w.'’-]*)*|\b(?:he|she|they|it|we|I|He|She|They|It|We))"
    r"\s*(?:,\s*(?:a|an|the|who|whose|which|[a-z]\w*)\b[^,]{0,80},\s*)?(?:also\s+|later\s+|then\s+|has\s+|had\s+|once\s+|previously\s+)?$"
)
ADVERB_AT_END = re.compile(
    r"(?:\s+(?:also|later|then|has|had|have|once|previously|first|has also|had also))+$"
)
ASKED_BY = re.compile(r"\b[Aa]sked by\s+(?P<spk>[^,:;]{2,60})[,:]\s*$")
PARENTHESES = re.compile(r"\s*\([^)]{0,40}\)")
NAME_IN_HEAD = re.compile(
    r"\b(?:[A-Z][a-z]{0,3}\.\s+)?[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]+)+|\b(?:he|she)\b"
)
CLAUSE_SUBJECT = re.compile(
    r"\s*(?P<spk>[Hh]e|[Ss]he|They|(?:[A-Z][a-z]{0,2}\.\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s+[a-z]"
)
TALKS_AFTER = re.compile(rf"\s*(?:\([^)]{{0,40}}\)\s*)?(?:,[^,.]{{0,80}},\s*|,\s*)?(?:also\s+)?(?:{VERBS})\b")
TALKS_BEFORE = re.compile(r"\b(?:said|says|told|added|according to)\s+(?:[A-Z][a-z]{0,2}\.\s+)?$")
# Not after "Rep." / "Dr." / "E.": abbreviations end no sentence.
SENTENCE_END = re.compile(r"(?<![A-Z][a-z])(?<![A-Z][a-z]{2})(?<![\s.][A-Z])[.!?][”\"’)]?\s+(?=[A-Z“\"])")
OBJECT_CUES = ("told", "to", "asked", "with", "by", "interviewed", "for")
PARTICIPLE = re.compile(r"ing\b")


@dataclass(frozen=True, slots=True)
class RawQuote:
    """A quoted span (``start``/``end`` exclude the marks) and whether it closes in its paragraph."""

    start: int
    end: int
    closed: bool


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    return before.isspace() or before in "([{—–-/:;,'‘"


#: Two-character newswire marks (``…'' and APW's ''…''), guillemets and low-high marks, mapped to
#: curly marks of the same length so every offset still indexes the document's own text.
_GUILLEMETS = str.maketrans({"«": "“", "»": "”", "„": "“", "‟": "“"})
_TWO_CHAR = re.compile(r"``|''")


def normalise_marks(text: str) -> str:
    """``text`` with every quotation style written as curly double marks, same length.

    ``…'' (DUC newswire) and ''…'' (APW) become “…”; an opening pair is written " “" and a
    closing one "” " so the mark touches the quoted words. A '' is opening when it follows a
    space, a line start or an opening bracket, and is followed by a word.
    """
    text = text.translate(_GUILLEMETS)
    if "``" not in text and "''" not in text:
        return text

    def mark(m: re.Match[str]) -> str:
        if m.group(0) == "``":
            return " “"
        i = m.start()
        before = text[i - 1] if i else "\n"
        after = text[m.end()] if m.end() < len(text) else "\n"
        if (before.isspace() or before in "([{—–-") and not after.isspace():
            return " “"
        return "” "

    return _TWO_CHAR.sub(mark, text)


def find_quote_spans(text: str) -> list[RawQuote]:
    """Quoted spans of ``text``, paired per paragraph (straight, curly, ``…'' and guillemet marks).

    Sources misplace marks; the pairing survives the common slips: an opening mark followed by a
    space or the line's end while a quote is open closes it (“…, “ she said), and a closing mark
    right before a word with no quote open opens one (” We …”).
    """
    return _spans(normalise_marks(text))


def _spans(text: str) -> list[RawQuote]:
    """``find_quote_spans`` of a text whose marks are already normalised (``normalise_marks``)."""
    out: list[RawQuote] = []
    para_start = 0
    for para in text.split("\n"):
        open_at: int | None = None
        for k, ch in enumerate(para):
            i = para_start + k
            nxt = para[k + 1] if k + 1 < len(para) else " "
            if open_at is not None and ch in '“"' and (nxt.isspace() or k + 1 == len(para)):
                end = i
                while end > open_at and text[end - 1] == " ":
                    end -= 1  # " “" is a newswire `` pair: the quote ends before it
                out.append(RawQuote(open_at, end, True))  # an opening mark used as the closing one
                open_at = None
                continue
            if ch == "“" or (ch == '"' and open_at is None and _opens(text, i)):
                if open_at is None:
                    open_at = i + 1
                continue
            if ch == "”" and open_at is None and _opens(text, i) and nxt.isalpha():
                open_at = i + 1  # a closing mark used as the opening one
                continue
            if (ch == "”" or ch == '"') and open_at is not None:
                out.append(RawQuote(open_at, i, True))
                open_at = None
        if open_at is not None and para[open_at - para_start :].strip():
            end = para_start + len(para.rstrip())
            out.append(RawQuote(open_at, end, False))
        para_start += len(para) + 1
    return out


def _is_title(words: Sequence[str]) -> bool:
    letters = [w for w in words if w[:1].isalpha()]
    if not letters:
        return True
    small = {"a", "an", "the", "of", "to", "in", "on", "and", "for", "at", "with", "is"}
    caps = sum(w[0].isupper() for w in letters if w.lower() not in small)
    big = sum(1 for w in letters if w.lower() not in small)
    return big > 0 and caps == big and len(letters) <= 8


def _clause_before(text: str, start: int, floor: int) -> str:
    """Text of the current sentence before position ``start`` (never before ``floor``)."""
    line_start = text.rfind("\n", 0, start) + 1
    lo = max(line_start, floor)
    chunk = text[lo:start]
    if not chunk.strip(' \t“"') and lo == line_start:
        # A quote opening its paragraph after "Schumer wrote on Instagram:" on the line before.
        previous = text[max(floor, 0) : line_start].rstrip()
        if previous.endswith((":", ",")):
            chunk = previous[previous.rfind("\n") + 1 :]
    ends = list(SENTENCE_END.finditer(chunk))
    return chunk[ends[-1].end() :] if ends else chunk


def _clause_after(text: str, end: int) -> str:
    """Text after a closing mark up to the next quote mark or line end (at most 120 chars)."""
    line_end = text.find("\n", end)
    chunk = text[end : line_end if line_end >= 0 else len(text)][:120]
    cut = min((p for p in (chunk.find("“"), chunk.find('"')) if p >= 0), default=len(chunk))
    return chunk[:cut]


def _subject_before_verb(clause: str) -> str | None:
    """The subject of the speech verb nearest the quote ("Obama told Muir, but added: “…")."""
    clause = PARENTHESES.sub("", clause)
    asked = ASKED_BY.search(clause)
    if asked:  # "Asked by TV3's Duncan Garner, “…”": the question is the asker's
        return asked.group("spk")
    verbs = list(BEFORE_VERB.finditer(clause))
    for verb in reversed(verbs):
        if PARTICIPLE.search(verb.group(0)) and verb is not verbs[0]:
            continue  # "Clinton said she hoped…, adding “…”": the subject is the main clause's
        if verb.group(0) == "according to":
            after = re.match(r"according to\s+(?P<spk>[^,;:]{2,60})", clause[verb.start() :])
            if after:
                return after.group("spk")
            continue
        head = ADVERB_AT_END.sub("", clause[: verb.start()].rstrip())
        if PARTICIPLE.search(verb.group(0)):  # "He takes offense…, saying, “…”"
            first = CLAUSE_SUBJECT.match(head)
            if first:
                return first.group("spk")
            continue
        found = SUBJECT_AT_END.search(head)
        if found:
            return found.group("spk")
    if verbs:  # "Rep. Michael Burgess had something to say about “…”": the last name before the verb
        names = NAME_IN_HEAD.findall(clause[: verbs[-1].start()])
        if names:
            return names[-1]
    return None


def _raw_speaker(text: str, quote: RawQuote, floor: int) -> str | None:
    """The speaker phrase next to a quote, as written, or None."""
    close = quote.end + 1 if quote.closed else quote.end
    after = PARENTHESES.sub("", _clause_after(text, close))
    for pattern in (AFTER_VERB_SUBJECT, AFTER_SUBJECT_VERB, AFTER_ACCORDING):
        found = pattern.match(after)
        if found:
            phrase = found.group("spk").strip()
            if pattern is AFTER_SUBJECT_VERB and not _plausible_subject(phrase):
                continue
            return phrase
    before = _subject_before_verb(_clause_before(text, quote.start - 1, floor))
    if before:
        return before
    late = AFTER_LATE.search(after.split(". ")[0])
    if late and (late.group("spk2") or _plausible_subject(late.group("spk").split(",")[-1].strip())):
        return (late.group("spk2") or late.group("spk")).strip()
    return _previous_subject(text, quote.start - 1, floor)


def _speaker_right_after(text: str, quote: RawQuote) -> str | None:
    """A named speaker written right after the closing mark ("…,” said Mark McDonald" / "…,”
    police spokesman Dana Pierce said"), or None: pronouns and anything less direct are left to
    the parse."""
    if not quote.closed:
        return None
    after = PARENTHESES.sub("", _clause_after(text, quote.end + 1))
    for pattern in (AFTER_VERB_SUBJECT, AFTER_SUBJECT_VERB):
        found = pattern.match(after)
        if found:
            phrase = found.group("spk").strip().rstrip(".,")
            words = phrase.split()
            if len(words) >= 2 and words[-1][:1].isupper() and words[-2][:1].isupper() and len(words) <= 8:
                return phrase
    return None


def _previous_subject(text: str, start: int, floor: int) -> str | None:
    """The named subject of the sentence just before a quote in its paragraph, if it is one.

    "Leary believes the purpose was status. “Avebury had the huge ditches…”": the quote
    illustrates what its paragraph's subject thinks.
    """
    line_start = max(text.rfind("\n", 0, start) + 1, floor)
    chunk = text[line_start:start].rstrip(' “"')
    if not chunk:
        return None
    ends = [m.end() for m in SENTENCE_END.finditer(chunk)]
    sentence = chunk[ends[-2] if len(ends) > 1 else 0 :] if chunk.rstrip()[-1:] in ".!?" else ""
    found = CLAUSE_SUBJECT.match(sentence)
    if not found or found.group("spk").lower() in ("he", "she", "they"):
        return None
    return found.group("spk")


def _plausible_subject(phrase: str) -> bool:
    words = phrase.split()
    if not words or len(words) > 9:
        return False
    first = words[0].lower()
    return words[0][:1].isupper() or first in (
        "he", "she", "they", "it", "we", "i", "the", "a", "an", "his", "her", "their", "its",
    )  # fmt: skip


def _objects(mentions: Sequence[Mention], text: str) -> frozenset[int]:
    """Starts of mentions in object position ("told Muir", "with Sony"): weak antecedents."""
    out = set()
    for m in mentions:
        prev = text[max(0, m.start - 14) : m.start].split()
        if prev and prev[-1].lower() in OBJECT_CUES:
            out.add(m.start)
    return frozenset(out)


GENDER_AFTER = re.compile(r"\s+(?:said|says|told\s+\w+|added|wrote)?,?\s*(?P<p>she|her|he|his)\b")


FEMALE_ROLE = re.compile(
    r"\b(?:Mrs|Ms|Miss|Lady|Queen|Princess|wife|daughter|sister|mother|girlfriend|grandmother|aunt|"
    r"niece|actress|woman|girl|widow|mom|her)\.?,?\s+(?:[a-z-]+\s+){0,2}$"
)
MALE_ROLE = re.compile(
    r"\b(?:Mr|Sir|King|Prince|husband|son|brother|father|boyfriend|grandfather|uncle|nephew|actor|"
    r"man|boy|widower|dad|his)\.?,?\s+(?:[a-z-]+\s+){0,2}$"
)
PRONOUN_AFTER = re.compile(
    r"[^.!?“”\"]{0,60}?\b(?P<p>she|her|hers|herself|he|his|him|himself)\b", re.IGNORECASE
)


def _gender_cue(text: str, m: Mention) -> str | None:
    """ "f"/"m" when the words around a person's name say which: "Crowley said she", "his
    daughter Mychelle", "Mrs. Johnson", or the first pronoun after the name in its sentence when
    no other person is named in between."""
    cue = GENDER_AFTER.match(text, m.end)
    if cue:
        return "f" if cue.group("p") in ("she", "her") else "m"
    before = text[max(0, m.start - 30) : m.start]
    words = m.text.split()
    if words[0].rstrip(".") in ("Mrs", "Ms", "Miss", "Lady") or FEMALE_ROLE.search(before):
        return "f"
    if words[0].rstrip(".") in ("Mr", "Sir") or MALE_ROLE.search(before):
        return "m"
    after = PRONOUN_AFTER.match(text, m.end)
    if after and not re.search(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+", after.group(0)):
        return "f" if after.group("p").lower() in ("she", "her", "hers", "herself") else "m"
    return None


def cluster_names(documents: Sequence[Document]) -> tuple[NameIndex, list[list[Mention]]]:
    """The cluster's ``NameIndex`` and each document's mentions (for ``attribute_quotes``)."""
    per_doc = []
    for doc in documents:
        spans = [(q.start, q.end) for q in find_quote_spans(doc.text)]
        per_doc.append((doc.text, find_mentions(doc.text, spans)))
    index = NameIndex.build([m for _, mentions in per_doc for m in mentions])
    talkers, female, male, surnamed = set(), set(), set(), set()
    for text, mentions in per_doc:
        starts = _talkers(mentions, text)
        for m in mentions:
            name = index.fullest(m.text)
            if m.kind == "single" and name != m.text:
                surnamed.add(name)
            if m.start in starts:
                talkers.add(name)
            gender = _gender_cue(text, m)
            if gender:
                (female if gender == "f" else male).add(name)
    index = replace(
        index,
        talkers=frozenset(talkers),
        female=frozenset(female - male),
        male=frozenset(male - female),
        surnamed=frozenset(surnamed),
    )
    return index, [mentions for _, mentions in per_doc]


def _talkers(mentions: Sequence[Mention], text: str) -> frozenset[int]:
    """Starts of mentions that are the subject of a speech verb ("Greco said", "said Greco")."""
    out = set()
    for m in mentions:
        if TALKS_AFTER.match(text, m.end) or TALKS_BEFORE.search(text[max(0, m.start - 30) : m.start]):
            out.add(m.start)
    return frozenset(out)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, at = [], 0
    for line in text.split("\n"):
        out.append((at, at + len(line)))
        at += len(line) + 1
    return out


class _Frames:
    """Each paragraph of a document with its quotes as placeholders, built when first asked for."""

    def __init__(self, text: str, spans: Sequence[RawQuote]) -> None:
        self.text = text
        self.paragraphs = _paragraphs(text)
        self.starts = [a for a, _ in self.paragraphs]
        self.by_paragraph: dict[int, list[int]] = {}
        for k, q in enumerate(spans):
            self.by_paragraph.setdefault(self.paragraph_of(q.start), []).append(k)
        self.spans = spans
        self._frames: dict[int, Frame] = {}

    def paragraph_of(self, position: int) -> int:
        # Paragraphs are back to back (the next starts one past this one's end): the last start
        # at or before ``position`` is the paragraph holding it.
        return bisect.bisect_right(self.starts, position) - 1

    def frame(self, paragraph: int) -> Frame:
        if paragraph not in self._frames:
            a, b = self.paragraphs[paragraph]
            quotes = [(self.spans[k].start, self.spans[k].end) for k in self.by_paragraph.get(paragraph, [])]
            found = frame_paragraph(self.text, a, b, quotes)
            previous = next(
                (k for k in range(paragraph - 1, -1, -1) if self.text[slice(*self.paragraphs[k])].strip()),
                None,
            )
            if previous is not None and self.text[slice(*self.paragraphs[previous])].rstrip().endswith(":"):
                found = replace(found, lead=self.frame(previous).text)
            self._frames[paragraph] = found
        return self._frames[paragraph]

    def texts_before(self, paragraph: int, count: int) -> list[str]:
        """The texts of the ``count`` non-empty paragraphs before ``paragraph`` (quotes as
        placeholders), in text order."""
        out: list[str] = []
        for k in range(paragraph - 1, -1, -1):
            if len(out) == count:
                break
            if self.text[slice(*self.paragraphs[k])].strip():
                out.append(self.frame(k).text)
        return out[::-1]

    def before(self, paragraph: int, position: int) -> list[str]:
        """The texts of the paragraphs before ``paragraph`` (quotes as placeholders) and of
        ``paragraph`` itself up to ``position``."""
        out = []
        for k in range(max(0, paragraph - 4), paragraph):
            if self.paragraphs[k][1] > self.paragraphs[k][0]:
                out.append(self.frame(k).text)
        a, _ = self.paragraphs[paragraph]
        quotes = [(self.spans[k].start, self.spans[k].end) for k in self.by_paragraph.get(paragraph, [])]
        out.append(frame_paragraph(self.text, a, position, [q for q in quotes if q[1] <= position]).text)
        return [t for t in out if t.strip()]


def _parsed_phrase(parser: Parser, frames: _Frames, k: int, raw: RawQuote, index: NameIndex) -> str | None:
    """The speaker phrase spaCy's parse gives quote ``k``, a pronoun resolved to a person."""
    paragraph = frames.paragraph_of(raw.start)
    found = speaker_phrase(parser, frames.frame(paragraph), frames.by_paragraph[paragraph].index(k))
    if found is None or found.garbled:
        return None
    return _person_meant(parser, frames, raw, found, index)


def _person_meant(
    parser: Parser,
    frames: _Frames,
    raw: RawQuote,
    found: SpeakerPhrase,
    index: NameIndex,
    before: list[str] | None = None,
) -> str:
    """``found``'s words, or for "he"/"she"/"it" the person (organisation) the sentences before
    quote ``raw`` (or the texts ``before``) are about, else the pronoun itself."""
    paragraph = frames.paragraph_of(raw.start)
    if not found.pronoun or found.text.lower() not in ("he", "she", "it"):
        return found.text
    pronoun = found.text.lower()
    other = index.male if pronoun == "she" else index.female if pronoun == "he" else frozenset()

    def acceptable(name: str) -> bool:
        return index.fullest(name) not in other and name not in other

    if before is None:
        before = frames.before(paragraph, raw.start)
    named = antecedent(parser, before, pronoun, acceptable, index.is_person_word, writes=found.writes)
    return named or found.text


def pronoun_referent(
    document: Document, start: int, pronoun: str, index: NameIndex, *, parser: Parser | Any | None = DEFAULT
) -> str | None:
    """The person an opening "he"/"she" of the sentence at ``start`` of ``document`` means, by
    the sentences before it (``speech.antecedent``: the nearest subject that is a named person of
    a fitting gender), or None when no parse is at hand or no one is found."""
    if pronoun not in ("he", "she"):
        return None
    # The text as written, quotations and all (no quote spans given): a placeholder for “in
    # charge,” would drop its comma and join two clauses in the parse.
    frames = _Frames(document.text, ())
    before = frames.before(frames.paragraph_of(start), start)
    if not before or sum(len(t) for t in before) > MAX_PARSED_CHARS * 4:
        return None
    same, other = (index.male, index.female) if pronoun == "he" else (index.female, index.male)
    joined = " ".join(before)
    if not any(name.split()[-1] in joined for name in same):
        return None  # no one named just before is known to be "he" ("she"): no need for a parse
    parser = resolve_parser(parser)
    if parser is None:
        return None

    def acceptable(name: str) -> bool:
        return index.fullest(name) not in other and name not in other

    found = antecedent(parser, before, pronoun, acceptable, index.is_person_word, plain=True)
    name = _NAME_AT_END.search(found) if found else None
    # Only a person the reports themselves call "he" ("she"): a wrong name is a false statement,
    # where a sentence left out costs nothing.
    if name is None or (index.fullest(name.group(0)) not in same and name.group(0) not in same):
        return None
    return name.group(0)


# The name at the end of a phrase the parse gave: "world No. 2 Kim Clijsters" -> "Kim Clijsters",
# "Canadian-born Semintelli" -> "Semintelli" (titles such as "Mr." and "Dr" are kept).
_NAME_WORD = r"(?:(?:[A-Z]\.)+|[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*)"
_NAME_AT_END = re.compile(
    rf"(?<![\w-])(?:(?:Mr|Mrs|Ms|Dr|Sir|Dame)\.?\s+)?(?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD}$"
)


#: A paragraph a reporter wrote ends a sentence (a heading or "Story Continued Below" does not).
SENTENCE_CLOSE = re.compile(r"[.!?:][”\"’)]*\s*$")


def _paragraph_before(text: str, raw: RawQuote, spans: Sequence[RawQuote]) -> tuple[int, int] | None:
    """The bounds of the paragraph just before ``raw``'s when ``raw``'s paragraph is only
    quotation (no word outside its quotes: “…,” the statement read is attributed) and the one
    before is a sentence, else None."""
    line_start = text.rfind("\n", 0, raw.start) + 1
    line_end = text.find("\n", raw.start)
    line_end = len(text) if line_end < 0 else line_end
    at, rest = line_start, []
    for q in spans:
        if line_start <= q.start < line_end:
            rest.append(text[at : q.start])
            at = q.end
    rest.append(text[at:line_end])
    if any(ch.isalnum() for part in rest for ch in part):
        return None
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            return (start, end) if SENTENCE_CLOSE.search(text[start:end]) else None
        end = start - 1
    return None


#: Verbs that report speech and nothing else: "a shop called Tribes" or "the note reads" do not.
REPORTS = re.compile(
    r"\b(?:said|says|told|tells|added|adds|explained|explains|recalled|recalls|insisted|insists|"
    r"stated|states|argued|argues|testified|acknowledged|admitted|replied|responded|declared)\b"
)


def _reporter_by_rules(paragraph: str) -> str | None:
    """The subject of the first speech verb in the last sentence of ``paragraph``, by the rules."""
    ends = list(SENTENCE_END.finditer(paragraph.rstrip()))
    sentence = paragraph[ends[-1].end() :] if ends else paragraph
    verb = REPORTS.search(sentence)
    # "X said that Y told him…" is X's report: only the first verb counts.
    return _subject_before_verb(sentence[: verb.end()]) if verb else None


def _reporter_before(
    parser: Parser | None,
    frames: _Frames | None,
    text: str,
    paragraph: tuple[int, int],
    raw: RawQuote,
    index: NameIndex,
) -> str | None:
    """Who speaks a paragraph that is only a quotation: the subject of the speech verb in the
    paragraph just before ("Simpson said in closing remarks that he had been a model prisoner." ¶
    “I've spent nine years…”), from the parse where there is one, else by the rules."""
    frame = frames.frame(frames.paragraph_of(paragraph[0])).text if frames is not None else ""
    if parser is None or frames is None or len(frame) > MAX_PARSED_CHARS:
        named = _reporter_by_rules(text[paragraph[0] : paragraph[1]])
    else:
        found = reporting_subject(parser, frame)
        if found is None or found.garbled:
            return None
        # The reporting paragraph and the ones before it, for the person its "he" means.
        before = frames.texts_before(frames.paragraph_of(raw.start), ANTECEDENT_PARAGRAPHS + 1)
        named = _person_meant(parser, frames, raw, found, index, before)
    # A "she says" the sentences before do not name is most often the last speaker's: the
    # quotation continues hers (None leaves it to the continuation rule).
    return None if named is None or named.lower() in PRONOUNS else named


def attribute_quotes(
    document: Document,
    index: NameIndex,
    mentions: Sequence[Mention] | None = None,
    *,
    parser: Parser | Any | None = DEFAULT,
) -> list[Quote]:
    """The direct quotations of one document with resolved speakers, in text order.

    ``mentions`` are the document's name mentions when already found (``cluster_names``).
    ``parser`` reads the speech verb's subject from spaCy's parse where installed (``nlp``);
    None keeps to the rules.
    """
    parser = resolve_parser(parser)
    original = document.text
    text = normalise_marks(original)  # same offsets; every quotation style as curly marks
    spans = _spans(text)
    if mentions is None:
        mentions = find_mentions(text, [(q.start, q.end) for q in spans])
    objects = _objects(mentions, text)
    talkers = _talkers(mentions, text)
    frames = _Frames(text, spans) if parser is not None and spans else None
    after = [_speaker_right_after(text, raw) for raw in spans]
    if frames is not None:
        # One batch for every paragraph whose quotes the words after them do not attribute.
        wanted = {
            frames.paragraph_of(raw.start) for raw, found in zip(spans, after, strict=True) if not found
        }
        texts = [frames.frame(p).text for p in sorted(wanted)]
        parser.pipe([t for t in texts if len(t) <= MAX_PARSED_CHARS])
    quotes: list[Quote] = []
    last_speaker: str | None = None
    last_end = -(10**9)
    previous_close = 0
    for k, raw in enumerate(spans):
        body = original[raw.start : raw.end]
        stripped = body.strip()
        words = stripped.split()
        if len(words) < QUOTE_MIN_WORDS or _is_title(words):
            continue  # a title or scare quote: the sentence's attribution may lie before it
        # “…,” X said: the words right after the quote decide first; then the parse; then rules.
        phrase = after[k]
        if (
            phrase is None
            and frames is not None
            and len(frames.frame(frames.paragraph_of(raw.start)).text) <= MAX_PARSED_CHARS
        ):
            phrase = _parsed_phrase(parser, frames, k, raw, index)
        if phrase is None:
            phrase = _raw_speaker(text, raw, previous_close)
        # A paragraph that is only a quotation: the speaker the paragraph before reports, unless
        # that paragraph is itself a quotation (its speaker goes on, below).
        paragraph = _paragraph_before(text, raw, spans) if phrase is None else None
        if paragraph is not None and (not quotes or quotes[-1].start < paragraph[0]):
            phrase = _reporter_before(parser, frames, text, paragraph, raw, index)
        speaker = None
        gap = text[last_end : raw.start]
        if phrase and phrase.lower() in PRONOUNS and last_speaker and len(gap) < 60 and "\n" not in gap:
            speaker = last_speaker  # “…,” she said. “…”: the same "she" as the quote before
        elif phrase:
            before = [m for m in mentions if m.end <= raw.start]
            near = last_speaker if raw.start - last_end < CONTINUATION_CHARS * 3 else None
            clause_start = raw.start - len(_clause_before(text, raw.start - 1, previous_close)) - 1
            context = Context(before, near, raw.start, clause_start, talkers, objects=objects)
            speaker = resolve(phrase, context=context, index=index)
            if speaker and garbled(speaker):
                speaker = None  # sentence debris is no speaker ("a card that")
        elif raw.start - last_end < CONTINUATION_CHARS and last_speaker:
            speaker = last_speaker
        if speaker is None and not phrase and len(words) < UNATTRIBUTED_MIN_WORDS:
            previous_close = raw.end
            continue
        start = raw.start + len(body) - len(body.lstrip())
        words_only = stripped.rstrip(", ")  # the comma before "he said" is not the speaker's
        quotes.append(
            Quote(
                text=words_only, speaker=speaker, doc_id=document.id, start=start, end=start + len(words_only)
            )
        )
        if speaker:
            last_speaker = speaker
        last_end = raw.end
        previous_close = raw.end
    return quotes
