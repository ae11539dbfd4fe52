"""Sentences of the kept documents, with character spans into ``Document.text``.

Reads ``Document.text``/``status``; returns ``Sentence`` objects. pysbd (rule-based, offline)
handles news abbreviations ("U.S.", "Dec.", "Mr.") and keeps a closing quote with its sentence;
we split paragraphs first so a paragraph break always ends a sentence and pysbd sees short inputs.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence

from newsfuse.model import Document, Sentence
from newsfuse.text import (
    SENTENCE_END_MARKS,
    count_words,
    has_spaceless_script,
    is_lowercased,
    opens_quotation,
)

__all__ = ["segment", "sentence_texts", "split_sentences"]

PARAGRAPH = re.compile(r"\n\s*\n|\n(?=[\"“A-Z0-9])")
# pysbd's English rules do not end a sentence at "。": Chinese and Japanese sentences end there
# (and at "！", "？"), with no space after, except inside a quotation ("「…。」他说。").
_SPACELESS_END = re.compile(rf"(?<=[{SENTENCE_END_MARKS}])(?![」』）”’])")
# Pieces shorter than this are headings, bylines or debris, not statements.
MIN_CHARS = 12
# A piece that opens with punctuation continues the sentence before it ("…in Pearl, Miss.; West
# Paducah, Ky.; …"): pysbd took the state's abbreviation for a sentence end.
_CONTINUES = re.compile(r"^[;,:)\]]")
# Closing quotation marks that open a piece belong to the sentence before ("…disease.'' Rheumatoid").
_LEADING_CLOSE = re.compile(r"^(?:''|’’|”|’)+\s*")
# pysbd ends a sentence at "p.m." before a capital: "…arrested at 1:30 p.m. | Sunday and charged
# with…", "…airs at 11 p.m. | EST, and…". A piece that opens with a weekday, a month, a time zone
# or a lowercase word after "a.m."/"p.m." continues the sentence.
_CLOCK_END = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
_CONTINUES_CLOCK = re.compile(
    r"^(?:[a-z]|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s|"
    r"(?:[ECMP][SD]?T|ET|GMT|UTC|BST|CET)\b|local time\b|Eastern\b|Central\b|Pacific\b|Mountain\b)"
)
# In lower-cased text (Multi-News' preprocessed form) the preprocessor capitalised the word after
# "p.m." wherever its own splitter broke ("7: 40 p.m. And went in by a back door", "10 p.m. Et
# sunday"), so case tells nothing: a weekday, month or time zone in any case continues the
# sentence, and so does a word that goes on from a time rather than opening a statement (a
# conjunction, a preposition, "that"); "The"/"A"/"By" may open one and still split.
_CONTINUES_CLOCK_UNCASED = re.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:January|February|March|April|June|July|August|"
    r"September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)|May(?= \d)|"
    r"[ECMP][SD]?T|GMT|UTC|BST|CET|local time|eastern|pacific|(?:central|mountain) time|hour|"
    r"and|or|on|in|at|to|from|for|with|when|while|after|before|as|until|near|that)(?!\w)",
    re.IGNORECASE,
)
# A page's time stamp ("Updated: monday, 6: 15 a.m.") ends where its time does.
_TIME_STAMP = re.compile(r"^(?:(?:last |first )?updated|posted|published)\b", re.IGNORECASE)

# pysbd does not end a sentence at an abbreviation of initials ("C.E.", "A.D.", "D.C.", "U.S.")
# before "But": "…dates to the sixth century C.E. The reliquary, which…" stays one sentence of two.
# A word that opens sentences and is no name after such an abbreviation starts a new one.
_INITIALS_END = re.compile(
    r"(?<=\b[A-Z]\.[A-Z]\.)(?:[A-Z]\.)?\s+(?=(?:The|It|He|She|They|We|This|These|Those|His|Her|Its|"
    r"Their|There|But|However)\s)"
)


# pysbd never ends a sentence inside a quotation, and takes apostrophes for quotation marks: one
# stray mark ("mo ' nique … the king's speech") can glue a whole paragraph into one "sentence" of
# 200 words. A piece this long is split again with its quotation marks read as spaces, but not
# inside a double quotation ("“We will not stop. We will win,” the mayor said…" stays whole).
_LONG_WORDS = 60
_QUOTE_MARKS = str.maketrans({mark: " " for mark in "'\"“”‘’«»`"})


def _split_unquoted(piece: str) -> list[str]:
    """A very long piece re-split by pysbd with its quotation marks masked (same offsets)."""
    if len(piece.split()) <= _LONG_WORDS:
        return [piece]
    masked = piece.translate(_QUOTE_MARKS)
    cuts, start = [], 0
    for part in _segmenter().segment(masked):
        at = masked.find(part.strip(), start)
        if at < 0:
            return [piece]
        if at > 0 and not opens_quotation(piece[:at]):
            cuts.append(at)
        start = at + len(part.strip())
    bounds = [0, *cuts, len(piece)]
    return [piece[a:b] for a, b in itertools.pairwise(bounds) if piece[a:b].strip()]


def _split_initials(piece: str) -> list[str]:
    """A piece split where a sentence ends at initials (``_INITIALS_END``)."""
    out, start = [], 0
    for found in _INITIALS_END.finditer(piece):
        end = found.start() + len(found.group(0).rstrip())
        out.append(piece[start:end])
        start = found.end()
    return [*out, piece[start:]] if out else [piece]


def _pieces(paragraph: str) -> list[str]:
    """Sentences of a paragraph: pysbd, except for parts in Chinese or Japanese script.

    pysbd cuts "「…。」他说。" inside the quotation; those parts are split at their own marks.
    """
    if not has_spaceless_script(paragraph):
        return [
            part
            for piece in _segmenter().segment(paragraph)
            for long in _split_unquoted(piece)
            for part in _split_initials(long)
        ]
    out: list[str] = []
    for part in _SPACELESS_END.split(paragraph):
        out += [part] if has_spaceless_script(part) else _segmenter().segment(part)
    return out


@functools.cache
def _segmenter():  # pysbd builds regex tables on creation; reuse one
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of ``text``, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    continues_clock = _CONTINUES_CLOCK_UNCASED if is_lowercased([text]) else _CONTINUES_CLOCK
    for para in PARAGRAPH.split(text):
        para_start = text.find(para, cursor)
        if para_start < 0:
            continue
        cursor = para_start + len(para)
        if not para.strip():
            continue
        local = 0
        for piece in _pieces(para):
            stripped = piece.strip()
            if not stripped:
                continue
            at = para.find(stripped, local)
            if at < 0:  # pysbd altered the piece so it is not in the text: skip it, no span to give
                continue
            local = at + len(stripped)
            start, end = para_start + at, para_start + local
            same_paragraph = bool(spans) and spans[-1][1] > para_start
            closing = _LEADING_CLOSE.match(stripped)
            if same_paragraph and closing:  # "…disease.'' Rheumatoid…": the marks end the sentence before
                spans[-1] = (spans[-1][0], start + len(closing.group(0).rstrip()))
                start += closing.end()
                stripped = stripped[closing.end() :]
                if not stripped:
                    continue
            previous = text[spans[-1][0] : spans[-1][1]] if same_paragraph else ""
            if same_paragraph and (
                (
                    _CLOCK_END.search(previous)
                    and continues_clock.match(stripped)
                    and not _TIME_STAMP.match(previous)
                )
                or _CONTINUES.match(stripped)
            ):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans


def sentence_texts(text: str) -> list[str]:
    """The sentences of ``text`` as strings (``split_sentences``), for references and baselines."""
    return [text[a:b] for a, b in split_sentences(text)]


def segment(documents: Sequence[Document]) -> tuple[Sentence, ...]:
    """Sentences of every kept document, in document order."""
    out: list[Sentence] = []
    for index, doc in enumerate(documents):
        if doc.status != "kept":
            continue
        position = 0
        for start, end in split_sentences(doc.text):
            text = doc.text[start:end]
            words = count_words(text)  # a Han or kana character is a word
            if words < 3 or (len(text) < MIN_CHARS and words == len(text.split())):
                continue
            out.append(Sentence(doc=index, position=position, text=text, start=start, end=end))
            position += 1
    return tuple(out)
