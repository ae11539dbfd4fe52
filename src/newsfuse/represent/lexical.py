"""A model-free encoder: hashed, sublinear TF-IDF over stemmed word unigrams and bigrams.

Used to pre-filter very large clusters cheaply and as a fallback where speed matters more than
paraphrase recall. IDF is computed over the texts of each call, so vectors of different calls
are not comparable; callers encode one cluster at a time.
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections import Counter
from collections.abc import Sequence

import numpy as np

__all__ = ["HashedTfidf", "tokens"]

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
STOPWORDS = frozenset(
    (
        "a an the and or but if of to in on at by for with from as is are was were be been being it its "
        "this that these those he she they we you i his her their our your my him them us me not no so "
        "than then there here what which who whom whose when where why how all any both each few more "
        "most other some such only own same too very can will just do does did has have had would should "
        "could may might must said says say also about into over after before up down out off again"
    ).split()
)


def _stem(word: str) -> str:
    # A light suffix stripper: enough to match "attacks"/"attacked"/"attacking" without a stemmer.
    for suffix in ("'s", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> list[str]:
    """Stemmed content words of ``text``, lowercased."""
    return [_stem(w) for w in WORD.findall(text.lower()) if w not in STOPWORDS]


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
