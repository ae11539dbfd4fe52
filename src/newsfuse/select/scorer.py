"""The sentence scorer: how likely a sentence belongs in the summary, from its named features.

``Scorer`` is the interface (two methods); ``LinearScorer`` is the shipped one: a weight per
feature name (``represent.features.FEATURES``), trained by ``scripts/train_scorer.py`` on the
features ``pool_features`` computes here, the same call the run makes, and stored in
``select/data/weights.json`` with the terms of the data it was trained on. ``DEFAULT_WEIGHTS`` are
the hand-set starting point and fill any weight the file does not give. Pass a scorer to
``pipeline.summarize(..., scorer=...)`` to try other weights without touching globals.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Protocol

import numpy as np

from newsfuse.errors import ModelError
from newsfuse.represent.features import FEATURES, FeatureTable, neural_features
from newsfuse.state import Prepared

__all__ = [
    "DEFAULT_WEIGHTS",
    "WEIGHTS_FILE",
    "LinearScorer",
    "Scorer",
    "default_scorer",
    "pool_features",
]

DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "bias": 0.0,
        "lead": 0.35,
        "position": 0.25,
        "relative_position": 0.0,
        "length": 0.3,
        "long": -0.3,
        "shared_vocabulary": 1.0,
        "dangling": -0.2,
        "question": -0.4,
        "quote": 0.0,
        "transcript": -0.3,
        "centrality": 1.0,
        "support": 0.6,
    }
)
WEIGHTS_FILE = Path(__file__).with_name("data") / "weights.json"


class Scorer(Protocol):
    """Scores sentences: higher is more worth a place in the summary."""

    def prescore(self, lexical: FeatureTable) -> np.ndarray:
        """A score per row from lexical features alone (which sentences to encode)."""
        ...

    def score(self, state: Prepared) -> np.ndarray:
        """A score per pooled sentence (pool index)."""
        ...


def pool_features(state: Prepared) -> FeatureTable:
    """Every feature (``FEATURES``) of the pooled sentences: lexical rows of the pool beside the
    neural ones. Training reads exactly this, so it sees what the run sees."""
    lexical = state.lexical.rows(state.pool)
    neural = neural_features(state.pooled, state.vectors, state.alignment.soft_support)
    return lexical.join(neural)


@dataclass(frozen=True, slots=True)
class LinearScorer:
    """A weighted sum of named features."""

    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))

    def __post_init__(self) -> None:
        missing = [name for name in FEATURES if name not in self.weights]
        if missing:
            raise ModelError(f"scorer: no weight for features {missing}")

    @classmethod
    def load(cls, path: str | Path = WEIGHTS_FILE) -> LinearScorer:
        """The weights of a file written by ``scripts/train_scorer.py`` over ``DEFAULT_WEIGHTS``."""
        weights = dict(DEFAULT_WEIGHTS)
        try:
            weights.update(json.loads(Path(path).read_text(encoding="utf-8"))["weights"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"scorer: cannot read weights from {path} ({exc})") from exc
        return cls(weights)

    def prescore(self, lexical: FeatureTable) -> np.ndarray:
        return lexical.weigh(self.weights)

    def score(self, state: Prepared) -> np.ndarray:
        return pool_features(state).weigh(self.weights)


@functools.cache
def default_scorer() -> LinearScorer:
    """The shipped scorer (trained weights), loaded once per process."""
    return LinearScorer.load()
