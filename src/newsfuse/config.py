"""Options: every setting that changes a briefing, in one place.

Front-ends (CLI flags, HTTP request bodies) build an ``Options``; stages receive it and never read
environment variables or files themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from newsfuse.errors import ConfigError

__all__ = ["SECTIONS", "Options", "options_from", "parse_sections"]

#: Optional parts of a briefing beyond the summary (asked for with ``--sections``).
SECTIONS = ("quotes", "facts", "disagreements", "timeline")


@dataclass(frozen=True, slots=True)
class Options:
    """Settings of one briefing run."""

    # newser.com summaries, the house style we imitate, run about 250 words.
    words: int = 250
    # "onnx" is the bundled MiniLM sentence encoder; "lexical" is a fast TF-IDF fallback.
    encoder: str = "onnx"
    # Cosine similarity above which two sentences of different sources say the same thing
    # (tuned on the example cluster and dev clusters: paraphrases score 0.65-0.85, same-topic
    # but different statements 0.4-0.6).
    support_threshold: float = 0.62
    # Above this similarity a candidate repeats a sentence already in the summary.
    redundancy_threshold: float = 0.6
    # Extra sections to compute and render (see SECTIONS).
    sections: tuple[str, ...] = field(default=())
    # Only a pool of the sentences ranked best by cheap lexical features is encoded: at least
    # pool_sentences, pool_per_document more per document, never more than max_encoded_sentences.
    # Encoding is most of the cost. On the dev set (3 documents, 76 sentences a cluster) pools of
    # 24 to 63 sentences score within 0.3 ROUGE of each other (scripts/tune_selector.py), and the
    # cap keeps a 500-document story (~12k sentences) well under a minute.
    pool_sentences: int = 16
    pool_per_document: int = 4
    max_encoded_sentences: int = 2500
    # Sentences outside the pool checked as possible paraphrases of summary sentences (citations).
    max_citation_checks: int = 2000

    def __post_init__(self) -> None:
        if not 10 <= self.words <= 5000:
            raise ConfigError(f"words: {self.words} is out of range (10 to 5000)")
        if self.encoder not in ("onnx", "lexical"):
            raise ConfigError(f"encoder: unknown encoder {self.encoder!r}; choose onnx or lexical")
        unknown = [s for s in self.sections if s not in SECTIONS]
        if unknown:
            raise ConfigError(f"sections: unknown {unknown}; available: {', '.join(SECTIONS)}")


def parse_sections(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Section names from "quotes,timeline", ["quotes", "timeline"] or "all" (every section).

    Duplicates go; order follows ``SECTIONS`` for "all" and the input otherwise. Unknown names
    are left for ``Options`` to refuse with the list of valid ones.
    """
    if value is None:
        return ()
    names = value.split(",") if isinstance(value, str) else list(value)
    names = [n.strip() for n in names if n.strip()]
    if "all" in names:
        return SECTIONS
    return tuple(dict.fromkeys(names))


def options_from(
    *,
    words: int | None = None,
    sections: str | Iterable[str] | None = None,
    encoder: str | None = None,
) -> Options:
    """The ``Options`` a front-end asks for (CLI arguments, an API body); ``None`` keeps a default.

    The one place front-end input becomes options, so every front-end reads "all", a
    comma-separated string or a list of sections the same way and gets the same errors.
    """
    given: dict[str, object] = {"sections": parse_sections(sections)}
    if words is not None:
        given["words"] = words
    if encoder is not None:
        given["encoder"] = encoder
    return Options(**given)  # type: ignore[arg-type]
