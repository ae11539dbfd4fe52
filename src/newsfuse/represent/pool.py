"""The pool: which sentences are worth encoding, so cost stays about linear however big the cluster.

Encoding is most of a briefing's cost, so only the sentences ranked best by cheap lexical features
are encoded. The ranking itself (``prescore``) and which sentences a summary may print
(``printable``) come from the caller: they belong to ``select``, which this stage precedes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from newsfuse.config import Options
from newsfuse.model import Document, Sentence

__all__ = ["PER_DOCUMENT_MINIMUM", "POOL_BUDGET_SHARE", "choose_pool"]

#: Words of printable sentences the pool holds, as a multiple of the word budget (redundant and
#: overflowing candidates are passed over, so the budget alone is not enough).
POOL_BUDGET_SHARE = 1.2
#: Every document's best sentences are in: the off-topic check and support need every document
#: represented, and an off-topic report scores low on shared vocabulary.
PER_DOCUMENT_MINIMUM = 2


def choose_pool(
    documents: Sequence[Document],
    sentences: Sequence[Sentence],
    prescore: np.ndarray,
    printable: Callable[[], np.ndarray],
    *,
    options: Options,
) -> tuple[int, ...]:
    """Sentence indices (ascending) worth encoding, as many as ``options`` allow.

    Each document's ``PER_DOCUMENT_MINIMUM`` best sentences by ``prescore`` are always in; the rest
    of the pool goes to the best scores overall. When the pool's printable sentences (``printable()``,
    asked only when the cluster is bigger than the pool) hold fewer than ``POOL_BUDGET_SHARE`` times
    the word budget, the next best printable ones join, so a feature story told in "He…"/"It…"
    sentences still gets a full summary.
    """
    n_docs = sum(d.status == "kept" for d in documents)
    limit = min(options.max_encoded_sentences, options.pool_sentences + options.pool_per_document * n_docs)
    if len(sentences) <= limit:
        return tuple(range(len(sentences)))
    order = [int(i) for i in np.argsort(-prescore, kind="stable")]
    chosen: set[int] = set()
    per_doc: dict[int, int] = {}
    for i in order:
        doc = sentences[i].doc
        if per_doc.get(doc, 0) < PER_DOCUMENT_MINIMUM:
            per_doc[doc] = per_doc.get(doc, 0) + 1
            chosen.add(i)
    for i in order:
        if len(chosen) >= limit:
            break
        chosen.add(i)
    allowed = printable()
    have = sum(sentences[i].words for i in chosen if allowed[i])
    for i in order:
        if have >= POOL_BUDGET_SHARE * options.words or len(chosen) >= options.max_encoded_sentences:
            break
        if allowed[i] and i not in chosen:
            chosen.add(i)
            have += sentences[i].words
    return tuple(sorted(chosen))
