"""Reports newsfuse cannot read: text mostly outside the Latin alphabet, named by its language.

newsfuse's sentence encoder (all-MiniLM-L6-v2, trained on English), its sentence splitter (pysbd,
English rules) and its attribution and timeline rules are built for English. Other languages
written in the Latin alphabet still work after a fashion (shared names, numbers and cognates
carry the similarity; README, "Languages"); in other scripts the encoder sees a string of
single-character tokens and cites and chooses at random, so such a report is set aside with
``status: "unsupported-language"`` instead of being summarized badly or, as before, thrown
away as "page scrap" with no word about language (issue 15, item 10).

The decision is by script, which cannot mistake an English report for something else; the
language is named by py3langid (a naive Bayes model shipped inside its wheel), loaded only when
a report is not in the Latin alphabet.
"""

from __future__ import annotations

import functools
import re

__all__ = ["LANGUAGE_NAMES", "language_of", "latin_share", "unsupported_language"]

#: Characters of a report looked at (the start says what language it is in).
SAMPLE_CHARS = 5000
#: A report is read when at least this share of its letters is Latin.
MIN_LATIN_SHARE = 0.5

_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")

#: Names of the languages py3langid knows that are not written in the Latin alphabet.
LANGUAGE_NAMES = {
    "am": "Amharic", "ar": "Arabic", "as": "Assamese", "be": "Belarusian", "bg": "Bulgarian",
    "bn": "Bengali", "dz": "Dzongkha", "el": "Greek", "fa": "Persian", "gu": "Gujarati",
    "he": "Hebrew", "hi": "Hindi", "hy": "Armenian", "ja": "Japanese", "ka": "Georgian",
    "kk": "Kazakh", "km": "Khmer", "kn": "Kannada", "ko": "Korean", "ky": "Kyrgyz", "lo": "Lao",
    "mk": "Macedonian", "ml": "Malayalam", "mn": "Mongolian", "mr": "Marathi", "ne": "Nepali",
    "or": "Odia", "pa": "Punjabi", "ps": "Pashto", "ru": "Russian", "si": "Sinhala",
    "sr": "Serbian", "ta": "Tamil", "te": "Telugu", "th": "Thai", "ug": "Uyghur",
    "uk": "Ukrainian", "ur": "Urdu", "zh": "Chinese", "wuu": "Chinese (Wu)", "yue": "Chinese (Cantonese)",
}  # fmt: skip


@functools.cache
def _identifier():  # loading the model takes about half a second: once, and only when needed
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_of(text: str) -> str:
    """ISO 639-1 code of the language of ``text`` (py3langid), e.g. "zh", "es", "en"."""
    code, _ = _identifier().classify(text[:SAMPLE_CHARS])
    return str(code)


def latin_share(text: str) -> float | None:
    """Share of the letters of the report's start in the Latin alphabet (None: no letters)."""
    sample = text[:SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    return len(_LATIN.findall(sample)) / letters if letters else None


def unsupported_language(text: str) -> str | None:
    """Why newsfuse cannot summarize ``text`` ("written in Chinese (zh); ..."), or None when it can."""
    share = latin_share(text)
    if share is None or share >= MIN_LATIN_SHARE:
        return None
    code = language_of(text)
    name = LANGUAGE_NAMES.get(code)
    written = f"written in {name} ({code})" if name else f"written outside the Latin alphabet ({code}?)"
    return f"{written}; newsfuse reads only languages in the Latin alphabet (its sentence encoder and rules are built for English)"
