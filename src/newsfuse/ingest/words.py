"""Words and sentence ends in scripts with and without spaces between words.

Chinese and Japanese do not put spaces between words, so counting by spaces made a whole
paragraph one "word" and the cleaner removed it as a short scrap (issue 16). Each Han
character, kana and fullwidth letter counts as one word here, the usual convention for word
counts in these scripts (a Chinese word averages about 1.5 characters, so this counts high
rather than low; no dictionary segmenter is needed for thresholds of "a few words" and "20
words"). Text in other scripts is counted by spaces. Thai, Lao, Khmer and Burmese also write
without spaces and are still counted by spaces: too few words, not too many.
"""

from __future__ import annotations

import re

__all__ = ["SENTENCE_END_MARKS", "count_words", "has_spaceless_script"]

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
