"""``Prepared``: one cluster after ``pipeline.prepare``, the state every later stage reads.

Two index spaces, named wherever an index is taken or given:

- a *sentence index* points into ``sentences``: every sentence of the documents that cleaning
  kept, in document order (``segment``'s output); ``lexical`` has one row per sentence;
- a *pool index* points into ``pooled``: the encoded sentences of documents still kept after the
  off-topic check. ``vectors`` and the alignment's rows run parallel to ``pooled``, and
  ``pool[k]`` is the sentence index of ``pooled[k]``.

A summary, its citations, quotes and facts index the pool (``Briefing.sentences`` is ``pooled``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from newsfuse.config import Options
from newsfuse.model import Document, Sentence

if TYPE_CHECKING:
    from newsfuse.align import Alignment
    from newsfuse.represent.features import FeatureTable

__all__ = ["Prepared"]


@dataclass(frozen=True, slots=True)
class Prepared:
    """A cluster cleaned, split, pooled, encoded, checked for relevance and aligned."""

    options: Options
    documents: tuple[Document, ...]  # cleaned; junk and off-topic ones marked, not removed
    sentences: tuple[Sentence, ...]  # by sentence index
    lexical: FeatureTable  # rows by sentence index
    relevance: Mapping[int, float]  # kept document index -> its best centroid match (relevance.py)
    pool: tuple[int, ...]  # pool index -> sentence index
    pooled: tuple[Sentence, ...]  # by pool index
    vectors: np.ndarray  # (len(pooled), dim) unit rows, by pool index
    alignment: Alignment  # rows by pool index

    @property
    def pooled_docs(self) -> np.ndarray:
        """Document index of each pooled sentence."""
        return np.asarray([s.doc for s in self.pooled], dtype=np.intp)
