"""summarize(): runs the stages in order; the only module that knows that order.

ingest.clean -> segment -> represent -> align -> select -> (render, by the caller)
"""

from __future__ import annotations

from collections import Counter
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
from newsfuse.select import Weights, features, select, tidy

__all__ = ["summarize"]

# A sentence whose content words overlap a summary sentence's this much is checked with the
# encoder as a possible paraphrase (for citations in pre-filtered big clusters).
CITATION_OVERLAP = 0.3


def _prefilter(sentences: Sequence[Sentence], documents: Sequence[Document], limit: int) -> list[int]:
    """Indices (in order) of the ``limit`` sentences most worth encoding, by cheap lexical cues.

    A word's weight is the share of documents that use it, so a sentence that uses the story's
    common vocabulary scores high; early sentences get a bonus. Linear in the input.
    """
    if len(sentences) <= limit:
        return list(range(len(sentences)))
    bags = [set(tokens(s.text)) for s in sentences]
    doc_terms: dict[int, set[str]] = {}
    for s, bag in zip(sentences, bags, strict=True):
        doc_terms.setdefault(s.doc, set()).update(bag)
    df = Counter(t for terms in doc_terms.values() for t in terms)
    n_docs = max(1, len(doc_terms))
    scores = np.asarray(
        [
            (sum(df[t] for t in bag) / n_docs / (len(bag) + 3)) + 0.3 / np.sqrt(1 + s.position)
            for s, bag in zip(sentences, bags, strict=True)
        ]
    )
    keep = np.argsort(-scores, kind="stable")[:limit]
    return sorted(int(i) for i in keep)


def _citations(
    chosen: Sequence[int],
    pool: Sequence[Sentence],
    pool_vectors: np.ndarray,
    all_sentences: Sequence[Sentence],
    in_pool: set[int],
    support: Sequence[frozenset[int]],
    options: Options,
) -> list[frozenset[int]]:
    """Documents stating each chosen sentence, including sentences left out of the pool."""
    if len(pool) == len(all_sentences):
        return [support[i] for i in chosen]
    encoder = get_encoder(options.encoder)
    out = []
    bags = [set(tokens(s.text)) for s in all_sentences]
    for i in chosen:
        mine = set(tokens(pool[i].text))
        candidates = [
            j
            for j, bag in enumerate(bags)
            if j not in in_pool
            and mine
            and len(mine & bag) / len(mine) >= CITATION_OVERLAP
            and all_sentences[j].doc not in support[i]
        ]
        docs = set(support[i])
        if candidates:
            vecs = encoder.encode([all_sentences[j].text for j in candidates])
            sims = vecs @ pool_vectors[i]
            docs.update(
                all_sentences[j].doc
                for j, s in zip(candidates, sims, strict=True)
                if s >= options.support_threshold
            )
        out.append(frozenset(docs))
    return out


def summarize(
    documents: Sequence[Document], *, options: Options | None = None, cluster_id: str = "cluster"
) -> Briefing:
    """The briefing of one cluster of reports."""
    options = options or Options()
    if not documents:
        raise InputError(f"{cluster_id}: no documents")
    docs = clean_cluster(documents)
    all_sentences = segment(docs)
    pool_index = _prefilter(all_sentences, docs, options.max_encoded_sentences)
    pool = [all_sentences[i] for i in pool_index]
    encoder = get_encoder(options.encoder)
    vectors = encoder.encode([s.text for s in pool])
    docs = flag_off_topic(docs, pool, vectors)
    keep = [i for i, s in enumerate(pool) if docs[s.doc].status == "kept"]
    pool = [pool[i] for i in keep]
    vectors = vectors[keep]
    all_sentences = tuple(s for s in all_sentences if docs[s.doc].status == "kept")
    alignment = align(pool, vectors, docs, threshold=options.support_threshold)
    scores = features(pool, vectors, alignment, docs) @ Weights().vector()
    chosen = select(pool, vectors, scores, words=options.words, redundancy=options.redundancy_threshold)
    position_of = {(s.doc, s.start): k for k, s in enumerate(all_sentences)}
    in_pool = {position_of[(s.doc, s.start)] for s in pool}
    cited = _citations(chosen, pool, vectors, all_sentences, in_pool, alignment.support, options)
    summary = tuple(
        SummarySentence(
            text=tidy(pool[i].text),
            sources=tuple(docs[d].id for d in sorted(sources)),
            sentence=i,
        )
        for i, sources in zip(chosen, cited, strict=True)
    )
    extra = attribute(docs, pool, vectors, alignment, options)  # empty unless options.sections
    return Briefing(
        id=cluster_id,
        documents=docs,
        summary=summary,
        words=options.words,
        sentences=tuple(pool),
        facts=alignment.facts,
        quotes=extra.quotes,
        disagreements=extra.disagreements,
        timeline=extra.timeline,
        sections=options.sections,
    )
