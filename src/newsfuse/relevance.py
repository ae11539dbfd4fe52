"""Relevance: documents about something else than the rest of the cluster, marked off-topic.

Runs after represent and before align: reads kept documents, their sentences and vectors; sets
``status``/``reason`` of the documents it sets aside.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

import numpy as np

from newsfuse.model import Document, Sentence

__all__ = ["OFF_TOPIC_THRESHOLD", "document_scores", "flag_off_topic"]

#: A document whose centroid's best cosine with another kept document's stays under this is
#: off-topic. Swept on Multi-News validation clusters of 3+ documents against the LLM labels
#: (scripts/bench_cleaning.py validation; BENCHMARKS.md "cleaning"): precision is about 0.7 up
#: to 0.40 and falls to 0.55 at 0.45; a wrongly dropped report costs more than a stray one kept.
#: (Best match beat mean-of-others, centroid-of-the-rest and sentence-level matching there.)
OFF_TOPIC_THRESHOLD = 0.40
#: Two documents cannot outvote each other, so the check needs at least this many kept ones.
MIN_KEPT = 3


def _centroids(
    documents: Sequence[Document], sentences: Sequence[Sentence], vectors: np.ndarray
) -> dict[int, np.ndarray]:
    own = np.asarray([s.doc for s in sentences])
    out = {}
    for i, doc in enumerate(documents):
        if doc.status != "kept":
            continue
        rows = vectors[own == i]
        if len(rows):
            c = rows.mean(axis=0)
            out[i] = c / max(float(np.linalg.norm(c)), 1e-12)
    return out


def document_scores(
    documents: Sequence[Document], sentences: Sequence[Sentence], vectors: np.ndarray
) -> dict[int, float]:
    """Kept document index -> best cosine of its centroid with another kept document's.

    Empty when fewer than ``MIN_KEPT`` kept documents have sentences.
    """
    if not len(sentences):
        return {}
    centroids = _centroids(documents, sentences, vectors)
    if len(centroids) < MIN_KEPT:
        return {}
    return {
        i: max(float(c @ other) for j, other in centroids.items() if j != i) for i, c in centroids.items()
    }


def flag_off_topic(
    documents: Sequence[Document],
    scores: Mapping[int, float],
    *,
    threshold: float = OFF_TOPIC_THRESHOLD,
) -> tuple[Document, ...]:
    """Documents whose content matches no other kept document's, marked ``off-topic``.

    ``scores`` are ``document_scores``: each kept document's centroid (mean of its sentence
    vectors) against every other kept document's; with three or more kept documents, one whose
    best match stays under ``threshold`` is about something else. Best match rather than mean: a
    cluster may hold two angles on one story, and a report close to any other is on topic.
    """
    out = list(documents)
    for i, best in scores.items():
        if best < threshold:
            out[i] = dataclasses.replace(
                documents[i],
                status="off-topic",
                reason=f"unrelated to the other reports (closest similarity {best:.3f} < {threshold:.2f})",
            )
    return tuple(out)
