"""summarize(): runs the stages in order; the only module that knows that order.

    ingest.clean -> segment -> [lexical features -> pool] -> represent -> relevance -> align
    -> select -> (render, by the caller)

Only a pool of the most promising sentences (by cheap lexical features) is encoded, so cost
grows about linearly with the input however large the cluster.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsfuse.align import align
from newsfuse.attribute import attribute
from newsfuse.config import Options
from newsfuse.errors import InputError
from newsfuse.ingest.clean import clean_cluster
from newsfuse.model import Briefing, Document, Sentence, SummarySentence
from newsfuse.relevance import flag_off_topic
from newsfuse.represent import get_encoder
from newsfuse.represent.lexical import tokens
from newsfuse.segment import segment
from newsfuse.select import LEXICAL_FEATURES, lexical_features, neural_features, select, tidy, weights

__all__ = ["summarize"]

# A sentence outside the pool whose content words cover this share of a summary sentence's is
# encoded and checked as a possible paraphrase, so citations stay complete for big clusters.
CITATION_OVERLAP = 0.4


def _pool(lexical: np.ndarray, n_docs: int, options: Options) -> list[int]:
    """Indices (ascending) of the sentences with the best lexical score, as many as options allow."""
    limit = min(options.max_encoded_sentences, options.pool_sentences + options.pool_per_document * n_docs)
    if len(lexical) <= limit:
        return list(range(len(lexical)))
    prescore = lexical @ weights()[: len(LEXICAL_FEATURES)]
    return sorted(int(i) for i in np.argsort(-prescore, kind="stable")[:limit])


def _citations(
    chosen: Sequence[int],
    pool: Sequence[int],
    sentences: Sequence[Sentence],
    documents: Sequence[Document],
    vectors: np.ndarray,
    support: Sequence[frozenset[int]],
    options: Options,
) -> list[frozenset[int]]:
    """Documents stating each chosen pool sentence, checking sentences outside the pool too."""
    cited = [set(support[i]) for i in chosen]
    if len(pool) == len(sentences):
        return [frozenset(c) for c in cited]
    in_pool = set(pool)
    bags = {
        j: set(tokens(s.text))
        for j, s in enumerate(sentences)
        if j not in in_pool and documents[s.doc].status == "kept"
    }
    wanted: dict[int, list[int]] = {}  # outside sentence -> chosen slots it may support
    for slot, i in enumerate(chosen):
        mine = set(tokens(sentences[pool[i]].text))
        for j, bag in bags.items():
            if (
                mine
                and sentences[j].doc not in cited[slot]
                and len(mine & bag) >= CITATION_OVERLAP * len(mine)
            ):
                wanted.setdefault(j, []).append(slot)
    if wanted:
        outside = sorted(wanted)
        found = get_encoder(options.encoder).encode([sentences[j].text for j in outside])
        for j, vector in zip(outside, found, strict=True):
            for slot in wanted[j]:
                if float(vector @ vectors[chosen[slot]]) >= options.support_threshold:
                    cited[slot].add(sentences[j].doc)
    return [frozenset(c) for c in cited]


def summarize(
    documents: Sequence[Document], *, options: Options | None = None, cluster_id: str = "cluster"
) -> Briefing:
    """The briefing of one cluster of reports."""
    options = options or Options()
    if not documents:
        raise InputError(f"{cluster_id}: no documents")
    docs = clean_cluster(documents)
    sentences = segment(docs)
    lexical = lexical_features(sentences, docs)
    pool = _pool(lexical, sum(d.status == "kept" for d in docs), options)
    vectors = get_encoder(options.encoder).encode([sentences[i].text for i in pool])
    docs = flag_off_topic(docs, [sentences[i] for i in pool], vectors)
    if any(d.status != "kept" for d in docs):  # drop what relevance set aside
        keep = [k for k, i in enumerate(pool) if docs[sentences[i].doc].status == "kept"]
        pool, vectors = [pool[k] for k in keep], vectors[keep]
    pooled = [sentences[i] for i in pool]
    alignment = align(pooled, vectors, docs, threshold=options.support_threshold)
    features = np.hstack([lexical[pool], neural_features(pooled, vectors, alignment)])
    scores = features @ weights()
    chosen = select(pooled, vectors, scores, words=options.words, redundancy=options.redundancy_threshold)
    cited = _citations(chosen, pool, sentences, docs, vectors, alignment.support, options)
    summary = tuple(
        SummarySentence(
            text=tidy(pooled[i].text),
            sources=tuple(docs[d].id for d in sorted(sources)),
            sentence=i,
        )
        for i, sources in zip(chosen, cited, strict=True)
    )
    extra = attribute(docs, pooled, vectors, alignment, options)  # empty unless options.sections
    return Briefing(
        id=cluster_id,
        documents=docs,
        summary=summary,
        words=options.words,
        sentences=tuple(pooled),
        facts=alignment.facts,
        quotes=extra.quotes,
        disagreements=extra.disagreements,
        timeline=extra.timeline,
        sections=options.sections,
    )
