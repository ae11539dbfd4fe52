"""Text primitives every stage shares: words, stems, stopwords, overlap, title case, sentence breaks.

Stdlib only. One home, so that two stages comparing words compare the same words. Where two
stages deliberately differ (a stopword list for retrieval against a shorter one that keeps
"said", "not" and "will" out of disagreement overlaps), both variants live here under names that
say what each is for.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Sequence

__all__ = [
    "CASED_WORD",
    "LONE_SURROGATE",
    "OVERLAP_STOPWORDS",
    "OVERLAP_WORD",
    "QUOTE_MARKS",
    "SENTENCE_BREAK",
    "SENTENCE_END_MARKS",
    "SMALL_WORDS",
    "STOPWORDS",
    "WORD",
    "content_words",
    "contradicts",
    "count_words",
    "has_spaceless_script",
    "is_lowercased",
    "is_title_case",
    "mixed_runs",
    "negated_words",
    "opens_quotation",
    "rough_sentences",
    "stem",
    "title_case_share",
    "tokens",
    "whole_characters",
    "word_overlap",
]

#: A lowercased word for retrieval: letters and digits, with an apostrophe suffix ("don't", "u.s" no).
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# The same words with their case kept (``mixed_runs`` tells names by it).
CASED_WORD = re.compile(WORD.pattern, re.IGNORECASE)
#: Function words left out of retrieval bags (lexical features, citations, clustering).
STOPWORDS = frozenset(
    (
        "a an the and or but if of to in on at by for with from as is are was were be been being it its "
        "this that these those he she they we you i his her their our your my him them us me not no so "
        "than then there here what which who whom whose when where why how all any both each few more "
        "most other some such only own same too very can will just do does did has have had would should "
        "could may might must said says say also about into over after before up down out off again"
    ).split()
)
#: A cased word or number for comparing two statements (disagreements): "U.S.-led" stays one word.
OVERLAP_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+|\d+")
#: The shorter list used when two statements are compared word by word: it keeps quantifiers
#: ("more", "all", "other") and question words, which decide whether two numbers count one thing.
OVERLAP_STOPWORDS = frozenset(
    "the a an of to in on at and or for from with by as is are was were be been has have had that this "
    "it its he she they his her their said says will would could not no but also who which".split()
)
#: Words a headline leaves in lower case ("Storm of the Century Hits Coast").
SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with vs via is are".split())
#: A double quotation mark, straight or curly: the sentence quotes someone.
QUOTE_MARKS = re.compile(r"[\"“”]")
_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
#: Where a sentence ends inside running text: terminal punctuation, space, then a capital or quote.
#: Good enough to cut long pasted lines and scan whole documents; ``segment`` (pysbd) is the
#: careful splitter the summary uses.
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z])")
#: Half of a UTF-16 pair: JSON may escape one ("\ud800") and json.loads keeps it, but no UTF-8
#: output (stdout, a batch file, a store) can hold it.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def whole_characters(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD, as a decoder with errors="replace" does."""
    return LONE_SURROGATE.sub("\ufffd", text)


def stem(word: str) -> str:
    """A light suffix stripper: enough to match "attacks"/"attacked"/"attacking" without a stemmer."""
    for suffix in ("'s", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> list[str]:
    """Stemmed content words of ``text``, lowercased, in order (repeats kept)."""
    return [stem(w) for w in WORD.findall(text.lower()) if w not in STOPWORDS]


def mixed_runs(words: Sequence[str], length: int, mix: int = 2) -> Iterator[tuple[int, tuple[str, ...]]]:
    """(start, run) of every run of ``length`` consecutive ``words`` (``WORD`` or ``CASED_WORD``,
    lowercased in the runs) holding at least ``mix`` content words and ``mix`` function words
    (``STOPWORDS``): a shared run of these is a statement or quotation two texts both carry, where
    a long name alone ("North Korean leader Kim Jong-Un") has no function words and does not
    count. Nor does a name with function words in it, when ``words`` keep their case: content
    words written with a capital are not counted ("…of Human Rights and Democratic Movement in
    China reported" is a name every report on the topic may carry, and one verb)."""
    lowered = [w.lower() for w in words]
    for start in range(len(words) - length + 1):
        run = tuple(lowered[start : start + length])
        content = [words[start + n] for n, w in enumerate(run) if w not in STOPWORDS]
        named = sum(w[:1].isupper() for w in content)
        if len(content) - named >= mix and length - len(content) >= mix:
            yield start, run


def opens_quotation(text: str) -> bool:
    """Whether ``text`` opens a double quotation it does not close (curly marks counted in pairs
    when there are any, else straight ones by parity): what follows it is inside the quotation."""
    if "“" in text or "”" in text:
        return text.count("“") > text.count("”")
    return text.count('"') % 2 == 1


def content_words(text: str) -> set[str]:
    """Lowercased words of ``text`` outside ``OVERLAP_STOPWORDS`` (no stemming): for comparing two
    statements slot by slot, where "killed" and "kills" may well differ."""
    return {w.lower() for w in OVERLAP_WORD.findall(text) if w.lower() not in OVERLAP_STOPWORDS}


def word_overlap(a: Collection[str], b: Collection[str]) -> float:
    """Shared words as a share of the smaller set (0 when either is empty)."""
    return len(set(a) & set(b)) / max(1, min(len(a), len(b)))


def title_case_share(words: Iterable[str], small: Collection[str] = SMALL_WORDS) -> tuple[int, int]:
    """(capitalised, counted): how many of the words that a headline would capitalise are."""
    counted = [w for w in words if w[:1].isalpha() and w.lower() not in small]
    return sum(w[0].isupper() for w in counted), len(counted)


def is_title_case(line: str, *, share: float = 0.75, min_words: int = 2) -> bool:
    """Most words capitalised, as headlines, link lists and caption credits are written.

    ``share`` of the words a headline capitalises (small words like "of" aside) must be, among at
    least ``min_words`` such words.
    """
    capitalised, counted = title_case_share(_TITLE_WORD.findall(line))
    return counted >= min_words and capitalised >= share * counted


#: A word inside a sentence: after a lower-case word or a comma (names and headings aside, lower
#: case in cased text).
_INNER_WORD = re.compile(r"(?<=[a-z,;] )([A-Za-z][a-z]+)\b")


def is_lowercased(texts: Sequence[str]) -> bool:
    """True for text lower-cased apart from sentence starts (Multi-News' preprocessed form).

    There a capital says only that a sentence (by the preprocessor's splitter) starts: names are
    lower case ("john smith") and a word after "p.m." or "u.s." may be capitalised. Rules that
    read case (names, sentence starts, weekdays) must not trust it.
    """
    inner = capitalised = 0
    for text in texts:
        for m in _INNER_WORD.finditer(text):
            inner += 1
            capitalised += m.group(1)[0].isupper()
    return inner >= 50 and capitalised / inner < 0.02


def rough_sentences(text: str) -> list[str]:
    """Lines of ``text`` cut at ``SENTENCE_BREAK``: a cheap scan of a whole document."""
    return [part for line in text.split("\n") for part in SENTENCE_BREAK.split(line) if part.strip()]


#: Words that deny or negate what follows them in a sentence ("did not", "never", "denied").
_NEGATION = re.compile(
    r"\b(?:not|never|no|nobody|nothing|neither|nor|none|cannot|without|den(?:y|ies|ied|ying|ial)|"
    r"refut\w*|rebut\w*)\b|n['’]t\b",
    re.IGNORECASE,
)
#: A negation covers at most this many words after it, and never past a clause break.
NEGATION_SCOPE = 5
_CLAUSE_BREAK = re.compile(
    r"[,;:.!?“”\"()]|\b(?:after|before|when|while|because|as|but|and|or|although|since|until|if|where)\b",
    re.IGNORECASE,
)


def negated_words(text: str) -> tuple[bool, set[str]]:
    """(whether ``text`` negates anything, the stemmed content words its negations cover)."""
    covered: set[str] = set()
    found = False
    for match in _NEGATION.finditer(text):
        found = True
        rest = text[match.end() :]
        stop = _CLAUSE_BREAK.search(rest)
        covered.update(tokens(" ".join(rest[: stop.start() if stop else len(rest)].split()[:NEGATION_SCOPE])))
    return found, covered


def contradicts(statement: str, other: str) -> bool:
    """Whether ``other`` denies or negates what ``statement`` plainly asserts.

    Only a plain statement (no negation of its own) is contradicted, and only by a negation that
    covers two or more of its content words within one clause: "The company denied recalling the
    cars" against "The company recalled 10,000 cars". Two sentences that both negate ("never
    signed" / "has not signed") may say one thing in other words, so they are left alone.
    """
    if negated_words(statement)[0]:
        return False
    found, covered = negated_words(other)
    return found and len(covered & set(tokens(statement))) >= 2


# --- words of scripts written without spaces -------------------------------------------------
# Chinese and Japanese do not put spaces between words, so counting by spaces made a whole
# paragraph one "word" and the cleaner removed it as a short scrap (issue 16). Each Han
# character, kana and fullwidth letter counts as one word here, the usual convention for word
# counts in these scripts (a Chinese word averages about 1.5 characters, so this counts high
# rather than low; no dictionary segmenter is needed for thresholds of "a few words" and "20
# words"). Text in other scripts is counted by spaces. Thai, Lao, Khmer and Burmese also write
# without spaces and are still counted by spaces: too few words, not too many.

# Han (CJK unified ideographs and extensions A, compatibility), hiragana, katakana (and its
# phonetic extensions, halfwidth forms).
_SPACELESS = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
# Ideographic punctuation and fullwidth symbols: not words, and no space around them either.
_WIDE_PUNCTUATION = re.compile(r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]")
#: Full stops, question and exclamation marks that end a sentence without a space after them.
SENTENCE_END_MARKS = "。！？｡"


def count_words(text: str) -> int:
    """Words of ``text``: space-separated tokens, plus one per Han or kana character."""
    spaceless = len(_SPACELESS.findall(text))
    if not spaceless:
        return len(text.split())
    rest = _WIDE_PUNCTUATION.sub(" ", _SPACELESS.sub(" ", text))
    return spaceless + len(rest.split())


def has_spaceless_script(text: str) -> bool:
    return _SPACELESS.search(text) is not None
