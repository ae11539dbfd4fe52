"""Cross-source alignment: which documents state each pooled sentence, and the facts they form.

Reads the pooled sentences, their vectors (rows of unit length, indexed like the sentences) and
the documents; ``Alignment`` rows run parallel to the sentences (pool indices).
Sentences arrive grouped by document, so the per-document maximum similarity of every sentence
is one ``np.maximum.reduceat`` over a similarity block; blocks keep memory flat on big pools.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsfuse.model import Document, Fact, Sentence

__all__ = ["Alignment", "align"]

# Similarity at which another source's sentence starts to count as partial support, and at which
# it counts fully (soft support scales linearly between the two).
SOFT_LOW, SOFT_HIGH = 0.45, 0.8
BLOCK = 1024


@dataclass(frozen=True, slots=True)
class Alignment:
    """Per-sentence support, beside the sentences aligned (row i is sentence i: pool indices)."""

    support: tuple[frozenset[int], ...]  # documents (indices) stating each sentence, own included
    soft_support: np.ndarray  # (n_sentences,) graded support from other documents, 0..n_docs-1
    facts: tuple[Fact, ...]


def _doc_bounds(sentences: Sequence[Sentence]) -> tuple[np.ndarray, np.ndarray]:
    """Start offsets of each document's run of sentences, and the document index of each run."""
    starts, owners = [], []
    for i, s in enumerate(sentences):
        if i == 0 or s.doc != sentences[i - 1].doc:
            starts.append(i)
            owners.append(s.doc)
    return np.asarray(starts, dtype=np.intp), np.asarray(owners, dtype=np.intp)


def _doc_max_similarity(
    queries: np.ndarray, sentences: Sequence[Sentence], vectors: np.ndarray, n_docs: int
) -> np.ndarray:
    """(len(queries), n_docs): each query's best cosine similarity to each document's sentences."""
    out = np.full((len(queries), n_docs), -1.0, dtype=np.float32)
    if not len(sentences) or not len(queries):
        return out
    starts, owners = _doc_bounds(sentences)
    for begin in range(0, len(queries), BLOCK):
        sims = queries[begin : begin + BLOCK] @ vectors.T
        out[begin : begin + BLOCK, owners] = np.maximum.reduceat(sims, starts, axis=1)
    return out


def _facts(
    documents: Sequence[Document],
    sentences: Sequence[Sentence],
    vectors: np.ndarray,
    support: Sequence[frozenset[int]],
    threshold: float,
) -> tuple[Fact, ...]:
    """Greedy grouping: the most-supported unassigned sentence gathers its closest match in each
    other document. Linear in the sentences times the documents that support them."""
    if not len(sentences):
        return ()
    order = sorted(range(len(sentences)), key=lambda i: (-len(support[i]), i))
    assigned = np.zeros(len(sentences), dtype=bool)
    starts, owners = _doc_bounds(sentences)
    ends = np.append(starts[1:], len(sentences))
    run_of = {int(d): (int(a), int(b)) for d, a, b in zip(owners, starts, ends, strict=True)}
    facts = []
    for i in order:
        if assigned[i]:
            continue
        members = [i]
        assigned[i] = True
        for d in sorted(support[i] - {sentences[i].doc}):
            a, b = run_of[d]
            sims = vectors[a:b] @ vectors[i]
            sims[assigned[a:b]] = -1.0
            j = int(np.argmax(sims))
            if sims[j] >= threshold:
                members.append(a + j)
                assigned[a + j] = True
        members.sort()
        docs = sorted({sentences[m].doc for m in members})
        # Prefer a clean source's wording over a transcript's.
        lead = min(members, key=lambda m: (documents[sentences[m].doc].kind == "transcript", m))
        facts.append(
            Fact(
                text=sentences[lead].text,
                sentences=tuple(members),
                sources=tuple(documents[d].id for d in docs),
            )
        )
    facts.sort(key=lambda f: -len(f.sources))
    return tuple(facts)


def align(
    documents: Sequence[Document],
    sentences: Sequence[Sentence],
    vectors: np.ndarray,
    *,
    threshold: float,
) -> Alignment:
    """Support of every sentence across the documents, and the facts they form."""
    doc_max = _doc_max_similarity(vectors, sentences, vectors, len(documents))
    own = np.asarray([s.doc for s in sentences], dtype=np.intp)
    others = doc_max.copy()
    if len(sentences):
        others[np.arange(len(sentences)), own] = -1.0
    soft = np.clip((others - SOFT_LOW) / (SOFT_HIGH - SOFT_LOW), 0.0, 1.0).sum(axis=1)
    support = tuple(
        frozenset(np.flatnonzero(others[i] >= threshold).tolist()) | {int(own[i])}
        for i in range(len(sentences))
    )
    facts = _facts(documents, sentences, vectors, support, threshold)
    return Alignment(support=support, soft_support=soft, facts=facts)
