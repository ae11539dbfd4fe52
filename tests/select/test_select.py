"""Selection: the budget, redundancy and reading order; choose() on a prepared cluster."""

from __future__ import annotations

import numpy as np

from newsfuse.model import Sentence
from newsfuse.select import select
from newsfuse.select.wording import tidy


def sentences(lengths: list[int]) -> list[Sentence]:
    out, start = [], 0
    for n, length in enumerate(lengths):
        text = " ".join(["word"] * length) + "."
        out.append(Sentence(doc=n % 2, position=n // 2, text=text, start=start, end=start + len(text)))
        start += len(text) + 1
    return out


def test_budget_redundancy_and_order() -> None:
    items = sentences([10, 10, 10, 30])
    vectors = np.eye(4, dtype=np.float32)
    vectors[1] = vectors[0]  # sentence 1 repeats sentence 0
    scores = np.asarray([0.9, 0.8, 0.5, 0.7], dtype=np.float32)
    chosen = select(items, vectors, scores, words=45, redundancy=0.6)
    # 0 first by score; 1 is redundant; 3 (30 words) fits beside 0; 2 would pass 45 words.
    assert sorted(chosen) == [0, 3]
    assert chosen == sorted(chosen, key=lambda i: (items[i].position, items[i].doc))


def test_selection_never_passes_the_budget() -> None:
    rng = np.random.default_rng(7)
    for words in (20, 60, 250):
        items = sentences(rng.integers(3, 40, size=30).tolist())
        vectors = rng.normal(size=(30, 8)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        chosen = select(items, vectors, rng.random(30), words=words, redundancy=0.9)
        assert chosen and sum(len(tidy(items[i].text).split()) for i in chosen) <= words
