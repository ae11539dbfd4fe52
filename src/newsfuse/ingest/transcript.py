"""Video transcripts: recognise them, drop their headers, collapse stutters, re-punctuate.

Automatic transcripts put a period wherever the speaker paused ("A an entire. Interagency effort
to make sure that we're going after. Hackers both state sponsors..."), so a sentence splitter
cuts them into fragments that cannot stand alone in a summary. ``repunctuate`` joins a fragment
to the next one when it is too short or ends on a word that cannot end a sentence, so the
segmenter downstream sees whole clauses. The transcript keeps its weaker standing: the document
is marked ``kind="transcript"`` and the selector prefers clean wording of the same content.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfuse.text import count_words

__all__ = ["collapse_stutters", "header_reason", "is_transcript", "repunctuate"]

#: Header lines of video pages: "2:11 | 12/17/14", "This transcript has been automatically ...".
_DURATION_HEADER = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})? \| \d{1,2}/\d{1,2}/\d{2,4}$")
_DISCLAIMER = re.compile(
    r"\btranscript (?:has been|was|is) (?:automatically|auto-?|machine[- ])generated\b|"
    r"\bmay not be 100% accurate\b|^transcript(?: for)?:?$|^\[?(?:auto-generated|automatic) (?:transcript|captions)\]?$",
    re.IGNORECASE,
)
HEADER_REASON = "transcript header"
DISCLAIMER_REASON = "transcript disclaimer"


def header_reason(line: str) -> str | None:
    """Why a line is a transcript header or disclaimer, or None."""
    text = line.strip()
    if _DURATION_HEADER.match(text):
        return HEADER_REASON
    if _DISCLAIMER.search(text):
        return DISCLAIMER_REASON
    return None


_FRAGMENTS = re.compile(r"(?<=[.?!])\s+")
_COMMA = re.compile(r",")


#: Speech shape is judged on run-on lines of at least this many words, which must hold most of
#: the text: a transcript is a few long paragraphs, while lists, recipes and jokes are many short
#: lines whose short items looked like pause-fragments once the lines were joined (issue 16).
SPEECH_LINE_WORDS = 40


def is_transcript(lines: Sequence[str]) -> bool:
    """True for a video transcript: a header/disclaimer line, or speech-shaped text.

    Speech shape (checked only when no header says so), on the lines of 40+ words: at least 150
    words in them and 60% of the text, almost no commas, and one period-terminated fragment in
    eight of three words or fewer, which written news never has.
    """
    if any(header_reason(line) for line in lines):
        return True
    counts = [count_words(line) for line in lines]
    prose = [line.strip() for line, n in zip(lines, counts, strict=True) if n >= SPEECH_LINE_WORDS]
    words = sum(n for n in counts if n >= SPEECH_LINE_WORDS)
    if words < 150 or words < 0.6 * sum(counts):
        return False
    fragments = [f for line in prose for f in _FRAGMENTS.split(line) if f.strip()]
    tiny = sum(count_words(f) <= 3 for f in fragments)
    commas = sum(len(_COMMA.findall(line)) for line in prose)
    return commas * 40 < words and tiny * 8 >= len(fragments)


_REPEAT = re.compile(r"\b([\w']+)(?:\s+\1\b)+", re.IGNORECASE)
_ARTICLES = re.compile(r"\b(?:a|an|the)\s+(an?|the)\b", re.IGNORECASE)
_HESITATION = re.compile(r"\s+(?:--|—|–)\s+|\s+(?:uh|um|uh-huh)[,.]?\s+", re.IGNORECASE)


def collapse_stutters(text: str) -> str:
    """ "to to" -> "to", "we we" -> "we", "A an" -> "an"; hesitation dashes and "um" dropped."""
    text = _HESITATION.sub(" ", text)
    text = _REPEAT.sub(lambda m: m.group(1), text)
    return _ARTICLES.sub(lambda m: m.group(1), text)


#: Words a sentence cannot end on: a fragment ending on one continues in the next fragment.
_DANGLING = frozenset(
    """a an the to of for with from by at in on into onto about than as and or but so because if
    when while where whether that which who whom whose our their my your his her its is are was
    were be been being should would could can will must may might have has had do does did very
    more most not no this these those some any every both either neither such after before
    against through toward towards like even also just going trying being""".split()
)
#: Words that open a continuation of the previous fragment ("... the congress. Also needs to").
_CONTINUES = frozenset("also and but or because which who whom whose than to of".split())
MIN_SENTENCE_WORDS = 4


def _last_word(fragment: str) -> str:
    words = fragment.rstrip(".?! ").split()
    return words[-1].lower() if words else ""


def _first_word(fragment: str) -> str:
    words = fragment.split()
    return words[0].lower().strip("\"'“”,") if words else ""


def _join(left: str, right: str) -> str:
    """Two fragments as one: the pause's period dropped, the next word's capital lowered."""
    left = left.rstrip()
    if left.endswith("."):
        left = left[:-1]
    first = right.split(" ", 1)[0]
    if first not in ("I", "I'm", "I've", "I'll", "I'd") and first[:1].isupper() and first[1:].islower():
        lowered = first.lower()
        if lowered in _DANGLING or lowered in _CONTINUES or lowered in _COMMON_OPENERS:
            right = lowered + right[len(first) :]
    return f"{left} {right}"


# Capitalised only because a period came before: safe to lower when fragments are joined.
_COMMON_OPENERS = frozenset(
    """there here it we they you he she what how well now then just one all we'll we're we've
    they're they'll you're it's there's that's""".split()
)


def _unfinished(sentence: str) -> bool:
    return len(sentence.split()) < MIN_SENTENCE_WORDS or _last_word(sentence) in _DANGLING


def repunctuate(paragraph: str) -> str:
    """The paragraph with pause-fragments joined into sentences (see the module docstring).

    A fragment joins the one before it when that one is unfinished (under four words, or ending
    on a word like "the", "to", "about") or when it opens with a continuing word ("also", "and").
    """
    fragments = [f.strip() for f in _FRAGMENTS.split(collapse_stutters(paragraph)) if f.strip()]
    merged: list[str] = []
    for fragment in fragments:
        ends_question = merged and merged[-1].endswith(("?", "!"))
        if merged and not ends_question and (_unfinished(merged[-1]) or _first_word(fragment) in _CONTINUES):
            merged[-1] = _join(merged[-1], fragment)
        else:
            merged.append(fragment)
    return " ".join(_capitalise(s) for s in merged)


def _capitalise(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]
