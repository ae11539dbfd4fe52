"""Selection: score sentences, fill the word budget without repeating, put them in reading order.

Reads sentences, their vectors, the alignment and documents; returns the indices of the chosen
sentences in reading order. Scores combine centrality (similarity to the cluster centroid, each
document weighted equally), cross-source support, position in the document and form (length,
dangling openings, questions).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsfuse.align import Alignment
from newsfuse.model import Document, Sentence

__all__ = ["Weights", "features", "select", "tidy"]

# Openings that lean on a previous sentence the reader will not see.
DANGLING = re.compile(
    r"^(?:[\"“‘']\s*)?(?:But|However|And|Also|Still|Yet|So|Then|Meanwhile|Instead|Moreover|"
    r"He|She|They|It|This|That|These|Those|His|Her|Their|Its|Such|There|Here)\b"
)
# "CAIRO (Reuters) -", "WASHINGTON (AP) —", "NEW YORK —": datelines add words, not content.
DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}(?:\([A-Za-z .]+\))?\s*[-—–]+\s*")
LEADING_DEBRIS = re.compile(r"^(?:[-—–]+\s*)+")
FEATURES = ("centrality", "support", "lead", "position", "length", "dangling", "question", "transcript")


@dataclass(frozen=True, slots=True)
class Weights:
    """Linear weights of the sentence features (tuned on the dev set; see BENCHMARKS.md)."""

    centrality: float = 1.0
    support: float = 0.6
    lead: float = 0.35
    position: float = 0.25
    length: float = 0.3
    dangling: float = -0.2
    question: float = -0.4
    transcript: float = -0.3

    def vector(self) -> np.ndarray:
        return np.asarray([getattr(self, name) for name in FEATURES], dtype=np.float32)


def tidy(text: str) -> str:
    """A sentence as it should read in a summary: no dateline, no leading dash debris."""
    text = LEADING_DEBRIS.sub("", text.strip())
    trimmed = DATELINE.sub("", text, count=1)
    return trimmed if len(trimmed.split()) >= 4 else text


def features(
    sentences: Sequence[Sentence],
    vectors: np.ndarray,
    alignment: Alignment,
    documents: Sequence[Document],
) -> np.ndarray:
    """(n_sentences, len(FEATURES)) feature matrix, each column roughly in 0..1."""
    n = len(sentences)
    out = np.zeros((n, len(FEATURES)), dtype=np.float32)
    if not n:
        return out
    own = np.asarray([s.doc for s in sentences])
    doc_ids = sorted(set(own.tolist()))
    centroids = []
    for d in doc_ids:
        c = vectors[own == d].mean(axis=0)
        centroids.append(c / max(float(np.linalg.norm(c)), 1e-12))
    centre = np.mean(centroids, axis=0)
    centre /= max(float(np.linalg.norm(centre)), 1e-12)
    out[:, 0] = vectors @ centre
    out[:, 1] = alignment.soft_support / max(1, len(doc_ids) - 1)
    positions = np.asarray([s.position for s in sentences], dtype=np.float32)
    out[:, 2] = positions == 0
    out[:, 3] = 1.0 / np.sqrt(1.0 + positions)
    words = np.asarray([s.words for s in sentences], dtype=np.float32)
    out[:, 4] = np.clip((words - 6) / 12, 0, 1) - np.clip((words - 50) / 30, 0, 1)
    out[:, 5] = [bool(DANGLING.match(s.text)) for s in sentences]
    out[:, 6] = ["?" in s.text for s in sentences]
    out[:, 7] = [documents[s.doc].kind == "transcript" for s in sentences]
    return out


def select(
    sentences: Sequence[Sentence],
    vectors: np.ndarray,
    scores: np.ndarray,
    *,
    words: int,
    redundancy: float,
) -> list[int]:
    """Indices of the chosen sentences, in reading order.

    Greedy by score under the budget: a sentence too similar to one already chosen is skipped,
    one that would overflow the budget is passed over for a shorter one further down.
    """
    chosen: list[int] = []
    total = 0
    for i in np.argsort(-scores, kind="stable"):
        i = int(i)
        length = len(tidy(sentences[i].text).split())
        if total + length > words:
            continue
        if chosen and float(np.max(vectors[chosen] @ vectors[i])) >= redundancy:
            continue
        chosen.append(i)
        total += length
        if total >= words - 5:
            break
    # Reading order: earlier in its document first (news puts the key facts up top); the first
    # document wins ties, so one source's story line is kept together where it can be.
    return sorted(chosen, key=lambda i: (sentences[i].position, sentences[i].doc))
