"""ROUGE evaluation of newsfuse and baselines on JSONL clusters with reference summaries.

ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 from ``rouge-score`` with stemming; ROUGE-Lsum reads
newline-separated sentences (both sides split with the same splitter); with several references
(a list in ``summary``) the score is the mean over them. Every system sees the same clusters in
the same run, so figures are comparable side by side.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfuse.config import Options
from newsfuse.errors import ConfigError, InputError
from newsfuse.ingest.readers import documents_from_texts, open_jsonl_lines, split_multinews
from newsfuse.model import Document
from newsfuse.segment import sentence_texts

__all__ = [
    "ROUGE_KEYS",
    "SYSTEMS",
    "EvalResult",
    "available_systems",
    "evaluate",
    "lead_summary",
    "reference_rouge",
]

SYSTEMS = ("newsfuse", "lead")
ROUGE_KEYS = ("rouge1", "rouge2", "rougeLsum")


@dataclass(frozen=True, slots=True)
class EvalResult:
    system: str
    words: int
    rouge1: float
    rouge2: float
    rougeLsum: float  # noqa: N815 - the metric's own name
    clusters: int
    seconds: float

    def as_dict(self) -> dict[str, float | int | str]:
        return {
            "system": self.system,
            "words": self.words,
            "rouge1": round(self.rouge1, 2),
            "rouge2": round(self.rouge2, 2),
            "rougeLsum": round(self.rougeLsum, 2),
            "clusters": self.clusters,
            "seconds": round(self.seconds, 2),
            "clusters_per_second": round(self.clusters / self.seconds, 2) if self.seconds else 0.0,
        }


def lead_summary(documents: Sequence[Document], words: int) -> list[str]:
    """Each document's sentences in order, documents concatenated, cut at ``words`` words."""
    out: list[str] = []
    left = words
    for doc in documents:
        for sentence in sentence_texts(doc.raw or doc.text):
            if left <= 0:
                return out
            tokens = sentence.split()
            out.append(" ".join(tokens[:left]))
            left -= len(tokens)
    return out


def reference_rouge(scorer: Any, reference: str, summary: str) -> tuple[float, ...]:
    """F1 (0-1) of ``summary`` (one sentence a line) against one reference, per ``ROUGE_KEYS``.

    ``scorer``: a ``rouge_score`` ``RougeScorer`` for those keys; the reference is split into lines
    by the same sentence splitter.
    """
    scores = scorer.score("\n".join(sentence_texts(reference)), summary)
    return tuple(scores[key].fmeasure for key in ROUGE_KEYS)


def _newsfuse_summary(documents: Sequence[Document], words: int, options: Options) -> list[str]:
    from newsfuse.pipeline import summarize

    briefing = summarize(documents, options=dataclasses.replace(options, words=words))
    return [s.text for s in briefing.summary]


def _system(name: str, options: Options) -> Callable[[Sequence[Document], int], list[str]]:
    if name == "lead":
        return lead_summary
    if name == "newsfuse":
        return lambda docs, words: _newsfuse_summary(docs, words, options)
    if name in ("lexrank", "textrank"):
        from newsfuse.baselines import sumy_summary

        return lambda docs, words: sumy_summary(name, docs, words)
    raise ConfigError(f"system: unknown system {name!r}; available: {', '.join(available_systems())}")


def available_systems() -> tuple[str, ...]:
    return (*SYSTEMS, "lexrank", "textrank")


def _clusters(
    path: Path, limit: int | None, skip: int = 0
) -> Iterator[tuple[str, tuple[Document, ...], list[str]]]:
    count = 0
    seen = 0
    for number, line in enumerate(open_jsonl_lines(path), start=1):
        if not line.strip():
            continue
        seen += 1
        if seen <= skip:
            continue
        try:
            record = json.loads(line)
            references = record["summary"]
            texts = record["documents"]
            if isinstance(texts, str):  # the Multi-News source form: one string, "|||||" between
                texts = split_multinews(texts)
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(
                f"{path}:{number}: not a cluster with 'documents' and 'summary' ({exc})"
            ) from exc
        references = [references] if isinstance(references, str) else list(references)
        cluster_id = str(record.get("id", number))
        yield cluster_id, documents_from_texts(texts, prefix="d", source=cluster_id), references
        count += 1
        if limit and count >= limit:
            return


def evaluate(
    path: str | Path,
    *,
    system: str = "newsfuse",
    words: int = 250,
    limit: int | None = None,
    skip: int = 0,
    options: Options | None = None,
) -> EvalResult:
    """Mean ROUGE F1 (0-100) of ``system`` over the clusters of ``path``.

    ``skip`` passes over the first clusters (those a scorer was trained on, say), ``limit`` stops
    after that many scored clusters.
    """
    from rouge_score import rouge_scorer

    if limit is not None and limit < 1:
        raise ConfigError(f"limit: {limit} must be at least 1 (None scores every cluster)")
    if skip < 0:
        raise ConfigError(f"skip: {skip} must be 0 or more")
    options = options or Options()
    summarize_fn = _system(system, options)
    scorer = rouge_scorer.RougeScorer(list(ROUGE_KEYS), use_stemmer=True)
    totals = dict.fromkeys(ROUGE_KEYS, 0.0)
    n = 0
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    elapsed = 0.0
    for _cluster_id, documents, references in _clusters(path, limit, skip):
        t0 = time.perf_counter()
        summary = "\n".join(summarize_fn(documents, words))
        elapsed += time.perf_counter() - t0
        per_reference = [reference_rouge(scorer, ref, summary) for ref in references]
        for k, key in enumerate(ROUGE_KEYS):
            totals[key] += sum(scores[k] for scores in per_reference) / len(references)
        n += 1
    if not n:
        raise InputError(f"{path}: no clusters")
    return EvalResult(
        system=system,
        words=words,
        rouge1=100 * totals["rouge1"] / n,
        rouge2=100 * totals["rouge2"] / n,
        rougeLsum=100 * totals["rougeLsum"] / n,
        clusters=n,
        seconds=elapsed,
    )
