"""Relevance: documents about something else than the rest of the cluster, marked off-topic.

Runs after represent and before align: reads kept documents, their sentences and vectors; sets
``status``/``reason`` of the documents it sets aside.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np

from newsfuse.model import Document, Sentence

__all__ = ["flag_off_topic"]


def flag_off_topic(
    documents: Sequence[Document],
    sentences: Sequence[Sentence],
    vectors: np.ndarray,
    *,
    threshold: float = 0.45,
) -> tuple[Document, ...]:
    """Documents whose content matches no other kept document's, marked ``off-topic``.

    A document's centroid (mean of its sentence vectors) is compared with every other kept
    document's; with three or more kept documents, one whose best match stays under ``threshold``
    is about something else. Two documents cannot outvote each other, so they are left alone.
    """
    kept = [i for i, d in enumerate(documents) if d.status == "kept"]
    if len(kept) < 3 or not len(sentences):
        return tuple(documents)
    own = np.asarray([s.doc for s in sentences])
    centroids = {}
    for i in kept:
        rows = vectors[own == i]
        if len(rows):
            c = rows.mean(axis=0)
            centroids[i] = c / max(float(np.linalg.norm(c)), 1e-12)
    out = list(documents)
    for i, c in centroids.items():
        best = max((float(c @ other) for j, other in centroids.items() if j != i), default=1.0)
        if best < threshold:
            out[i] = dataclasses.replace(
                documents[i],
                status="off-topic",
                reason=f"unrelated to the other reports (best similarity {best:.2f} < {threshold})",
            )
    return tuple(out)
