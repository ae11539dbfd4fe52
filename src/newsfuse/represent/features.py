"""Sentence features by name: cheap lexical ones for every sentence, neural ones for the encoded pool.

A ``FeatureTable`` is a matrix whose columns are named, so a scorer looks its weights up by name and
a reordered feature list can never silently pair a weight with the wrong column:

- lexical features (position, length, how widely the story's vocabulary is shared across sources,
  form) are linear in the input and need no model; they also rank sentences for the pool;
- neural features (centrality against the cluster centroid with each document weighted equally,
  graded support from other sources) need the encoded pool and its alignment.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from newsfuse.model import Document, Sentence
from newsfuse.text import QUOTE_MARKS, tokens

__all__ = [
    "FEATURES",
    "LEXICAL_FEATURES",
    "NEURAL_FEATURES",
    "FeatureTable",
    "lexical_features",
    "neural_features",
]

# Openings that lean on a previous sentence the reader will not see.
DANGLING = re.compile(
    r"^(?:[\"“‘']\s*)?(?:But|However|And|Also|Still|Yet|So|Then|Meanwhile|Instead|Moreover|"
    r"He|She|They|It|This|That|These|Those|His|Her|Their|Its|Such|There|Here)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class FeatureTable:
    """Rows of sentences, columns of named features."""

    names: tuple[str, ...]
    values: np.ndarray  # (n_rows, len(names)) float32

    def __post_init__(self) -> None:
        if self.values.shape[1:] != (len(self.names),):
            raise ValueError(f"feature table: {self.values.shape} values for {len(self.names)} names")

    def __len__(self) -> int:
        return len(self.values)

    def column(self, name: str) -> np.ndarray:
        return self.values[:, self.names.index(name)]

    def rows(self, index: Sequence[int]) -> FeatureTable:
        return FeatureTable(self.names, self.values[list(index)])

    def join(self, other: FeatureTable) -> FeatureTable:
        """The columns of both tables side by side (same rows)."""
        return FeatureTable(self.names + other.names, np.hstack([self.values, other.values]))

    def weigh(self, weights: Mapping[str, float]) -> np.ndarray:
        """The weighted sum of the columns, each weight looked up by its feature's name."""
        missing = [name for name in self.names if name not in weights]
        if missing:
            raise KeyError(f"no weight for features {missing}")
        return self.values @ np.asarray([weights[name] for name in self.names], dtype=np.float32)


def _shared_vocabulary(sentences: Sequence[Sentence]) -> list[float]:
    """Share of each sentence's content words that other sources use too (0 with one source)."""
    bags = [set(tokens(s.text)) for s in sentences]
    doc_terms: dict[int, set[str]] = {}
    for s, bag in zip(sentences, bags, strict=True):
        doc_terms.setdefault(s.doc, set()).update(bag)
    df = Counter(t for terms in doc_terms.values() for t in terms)
    n_docs = len(doc_terms)
    if n_docs < 2:
        return [0.0] * len(sentences)
    return [sum(df[t] - 1 for t in bag) / (n_docs - 1) / (len(bag) + 2) for bag in bags]


#: Lexical feature names, in the order of their columns.
LEXICAL_FEATURES = (
    "bias",
    "lead",
    "position",
    "relative_position",
    "length",
    "long",
    "shared_vocabulary",
    "dangling",
    "question",
    "quote",
    "transcript",
)
#: Neural feature names (they need the encoded pool and its alignment).
NEURAL_FEATURES = ("centrality", "support")
FEATURES = LEXICAL_FEATURES + NEURAL_FEATURES


def _lexical_columns(sentences: Sequence[Sentence], documents: Sequence[Document]) -> dict[str, object]:
    positions = np.asarray([s.position for s in sentences], dtype=np.float32)
    words = np.asarray([s.words for s in sentences], dtype=np.float32)
    length_of = Counter(s.doc for s in sentences)
    return {
        "bias": np.ones(len(sentences)),
        "lead": positions == 0,
        "position": 1.0 / np.sqrt(1.0 + positions),
        "relative_position": [1.0 - s.position / max(1, length_of[s.doc]) for s in sentences],
        "length": np.clip((words - 6) / 12, 0, 1),
        "long": np.clip((words - 45) / 30, 0, 1),
        "shared_vocabulary": _shared_vocabulary(sentences),
        "dangling": [bool(DANGLING.match(s.text)) for s in sentences],
        "question": ["?" in s.text for s in sentences],
        "quote": [bool(QUOTE_MARKS.search(s.text)) for s in sentences],
        "transcript": [documents[s.doc].kind == "transcript" for s in sentences],
    }


def lexical_features(sentences: Sequence[Sentence], documents: Sequence[Document]) -> FeatureTable:
    """``LEXICAL_FEATURES`` of every sentence; linear in the input, no model."""
    columns = _lexical_columns(sentences, documents)
    values = np.zeros((len(sentences), len(LEXICAL_FEATURES)), dtype=np.float32)
    for k, name in enumerate(LEXICAL_FEATURES):
        values[:, k] = np.asarray(columns[name], dtype=np.float32)
    return FeatureTable(LEXICAL_FEATURES, values)


def neural_features(
    sentences: Sequence[Sentence], vectors: np.ndarray, soft_support: np.ndarray
) -> FeatureTable:
    """``NEURAL_FEATURES`` of encoded sentences (rows of ``vectors``, unit length).

    ``soft_support`` is each sentence's graded support from other documents (``align``).
    """
    values = np.zeros((len(sentences), len(NEURAL_FEATURES)), dtype=np.float32)
    if len(sentences):
        own = np.asarray([s.doc for s in sentences])
        doc_ids = sorted(set(own.tolist()))
        centroids = []
        for d in doc_ids:
            c = vectors[own == d].mean(axis=0)
            centroids.append(c / max(float(np.linalg.norm(c)), 1e-12))
        centre = np.mean(centroids, axis=0)
        centre /= max(float(np.linalg.norm(centre)), 1e-12)
        values[:, 0] = vectors @ centre
        values[:, 1] = soft_support / max(1, len(doc_ids) - 1)
    return FeatureTable(NEURAL_FEATURES, values)
