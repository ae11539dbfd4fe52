"""A model-free encoder: hashed, sublinear TF-IDF over stemmed word unigrams and bigrams.

Used to pre-filter very large clusters cheaply and as a fallback where speed matters more than
paraphrase recall. IDF is computed over the texts of each call, so vectors of different calls
are not comparable; callers encode one cluster at a time.
"""

from __future__ import annotations

import itertools
import zlib
from collections import Counter
from collections.abc import Sequence

import numpy as np

from newsfuse.text import tokens

__all__ = ["HashedTfidf"]


class HashedTfidf:
    name = "lexical"

    def __init__(self, dim: int = 2**16) -> None:
        self.dim = dim

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        bags = []
        for text in texts:
            words = tokens(text)
            bags.append(Counter(words + [a + " " + b for a, b in itertools.pairwise(words)]))
        df: Counter[str] = Counter()
        for bag in bags:
            df.update(bag.keys())
        n = len(texts)
        out = np.zeros((n, self.dim), dtype=np.float32)
        for row, bag in enumerate(bags):
            for term, count in bag.items():
                idf = np.log((1 + n) / (1 + df[term])) + 1.0
                out[row, zlib.crc32(term.encode()) % self.dim] += (1.0 + np.log(count)) * idf
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)
