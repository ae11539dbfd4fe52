"""Direct quotations in a document and who said them.

Reads ``Document.text``; returns ``Quote`` objects with character spans into it. Rule-based and
stdlib only, because news attribution is formulaic: a speech verb next to the quote marks
(“…,” Obama said / said Obama / Obama said: “…” / Obama said that Sony “made a mistake”).
Quote marks are paired per paragraph; an opening mark left open runs to the paragraph's end,
the news convention for a quote that continues in the next paragraph. A quote with no
attribution of its own continues the speaker of the quote just before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsfuse.attribute.speakers import Mention, NameIndex, find_mentions, resolve
from newsfuse.model import Document, Quote

__all__ = ["QUOTE_MIN_WORDS", "RawQuote", "attribute_quotes", "find_quote_spans"]

#: Shorter quoted runs are titles or scare quotes ("The Interview", “righteous deed”).
QUOTE_MIN_WORDS = 3
#: Unattributed quotes shorter than this are dropped as likely scare quotes or titles.
UNATTRIBUTED_MIN_WORDS = 6
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
    r"countered|cautioned|mused|sighed|laughed|agreed|agrees|speculated|added in a statement"
)
_SPEAKER = r"[^“”\"\n;:!?]{1,70}?"
AFTER_SUBJECT_VERB = re.compile(
    rf"^[\s,—–-]*(?P<spk>{_SPEAKER})\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+|once\s+|previously\s+)?"
    rf"(?:{VERBS})\b",
)
AFTER_VERB_SUBJECT = re.compile(
    rf"^[\s,—–-]*(?:{VERBS})\s+(?P<spk>(?:[A-Z]\.|[^“”\"\n,;:!?.])(?:[A-Z][a-z]{{0,3}}\.|[^“”\"\n,;:!?.]){{0,70}})"
)
AFTER_ACCORDING = re.compile(r"^[\s,—–-]*according to\s+(?P<spk>[^“”\"\n,;:!?.]{2,60})")
BEFORE_VERB = re.compile(rf"\b(?:{VERBS}|according to)\b")
SUBJECT_AT_END = re.compile(
    r"(?P<spk>\b(?:the|a|an|his|her|their|its)\s+[\w'’ -]{1,40}?|"
    r"(?:[A-Z][\w.'’-]*)(?:\s+(?:of\s+)?[A-Z][\w.'’-]*)*|\b(?:he|she|they|it|we|I|He|She|They|It|We))"
    r"\s*(?:,[^,]{1,80},\s*)?(?:also\s+|later\s+|then\s+|has\s+|had\s+|once\s+|previously\s+)?$"
)
ADVERB_AT_END = re.compile(
    r"(?:\s+(?:also|later|then|has|had|have|once|previously|first|has also|had also))+$"
)
SENTENCE_END = re.compile(r"[.!?][”\"’)]?\s+(?=[A-Z“\"])")
OBJECT_CUES = ("told", "to", "asked", "with", "by", "interviewed", "for", "and")


@dataclass(frozen=True, slots=True)
class RawQuote:
    """A quoted span (``start``/``end`` exclude the marks) and whether it closes in its paragraph."""

    start: int
    end: int
    closed: bool


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    return before.isspace() or before in "([{—–-/:;,'‘"


def find_quote_spans(text: str) -> list[RawQuote]:
    """Quoted spans of ``text``, paired per paragraph (straight and curly marks)."""
    out: list[RawQuote] = []
    para_start = 0
    for para in text.split("\n"):
        open_at: int | None = None
        for k, ch in enumerate(para):
            i = para_start + k
            if ch == "“" or (ch == '"' and open_at is None and _opens(text, i)):
                if open_at is None:
                    open_at = i + 1
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
    ends = list(SENTENCE_END.finditer(chunk))
    return chunk[ends[-1].end() :] if ends else chunk


def _clause_after(text: str, end: int) -> str:
    """Text after a closing mark up to the next quote mark or line end (at most 120 chars)."""
    line_end = text.find("\n", end)
    chunk = text[end : line_end if line_end >= 0 else len(text)][:120]
    cut = min((p for p in (chunk.find("“"), chunk.find('"')) if p >= 0), default=len(chunk))
    return chunk[:cut]


def _subject_before_verb(clause: str) -> str | None:
    verb = BEFORE_VERB.search(clause)
    if not verb:
        return None
    if verb.group(0) == "according to":
        after = re.match(r"according to\s+(?P<spk>[^,;:]{2,60})", clause[verb.start() :])
        return after.group("spk") if after else None
    head = ADVERB_AT_END.sub("", clause[: verb.start()].rstrip())
    found = SUBJECT_AT_END.search(head)
    return found.group("spk") if found else None


def _raw_speaker(text: str, quote: RawQuote, floor: int) -> str | None:
    """The speaker phrase next to a quote, as written, or None."""
    close = quote.end + 1 if quote.closed else quote.end
    after = _clause_after(text, close)
    for pattern in (AFTER_VERB_SUBJECT, AFTER_SUBJECT_VERB, AFTER_ACCORDING):
        found = pattern.match(after)
        if found:
            phrase = found.group("spk").strip()
            if pattern is AFTER_SUBJECT_VERB and not _plausible_subject(phrase):
                continue
            return phrase
    return _subject_before_verb(_clause_before(text, quote.start - 1, floor))


def _plausible_subject(phrase: str) -> bool:
    words = phrase.split()
    if not words or len(words) > 9:
        return False
    first = words[0].lower()
    return words[0][:1].isupper() or first in (
        "he", "she", "they", "it", "we", "i", "the", "a", "an", "his", "her", "their", "its",
    )  # fmt: skip


def _subjects(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """Mentions not in object position ("told Muir", "with Sony")."""
    out = []
    for m in mentions:
        prev = text[max(0, m.start - 14) : m.start].split()
        if prev and prev[-1].lower() in OBJECT_CUES:
            continue
        out.append(m)
    return out


def attribute_quotes(document: Document, index: NameIndex) -> list[Quote]:
    """The direct quotations of one document with resolved speakers, in text order."""
    text = document.text
    spans = find_quote_spans(text)
    mentions = _subjects(find_mentions(text, [(q.start, q.end) for q in spans]), text)
    quotes: list[Quote] = []
    last_speaker: str | None = None
    last_end = -(10**9)
    previous_close = 0
    for raw in spans:
        body = text[raw.start : raw.end]
        stripped = body.strip()
        words = stripped.split()
        if len(words) < QUOTE_MIN_WORDS or _is_title(words):
            previous_close = raw.end
            continue
        phrase = _raw_speaker(text, raw, previous_close)
        speaker = None
        if phrase:
            before = [m for m in mentions if m.end <= raw.start]
            near = last_speaker if raw.start - last_end < CONTINUATION_CHARS * 3 else None
            speaker = resolve(phrase, before=before, last_speaker=near, index=index)
        elif raw.start - last_end < CONTINUATION_CHARS and last_speaker:
            speaker = last_speaker
        if speaker is None and not phrase and len(words) < UNATTRIBUTED_MIN_WORDS:
            previous_close = raw.end
            continue
        lead = len(body) - len(body.lstrip())
        start = raw.start + lead
        quotes.append(
            Quote(
                text=stripped.rstrip(",").strip(),
                speaker=speaker,
                doc_id=document.id,
                start=start,
                end=start + len(stripped),
            )
        )
        if speaker:
            last_speaker = speaker
        last_end = raw.end
        previous_close = raw.end
    return quotes
