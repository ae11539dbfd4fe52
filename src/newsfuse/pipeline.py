"""The stages in order: ``prepare()`` a cluster, then ``summarize()`` it. The only module that knows
the order.

    prepare:    ingest.clean -> segment -> lexical features -> pool -> encode -> relevance -> align
    summarize:  prepare -> select.choose -> cite -> attribute -> Briefing (render is the caller's)

Only a pool of the most promising sentences (by cheap lexical features) is encoded, so cost grows
about linearly with the input however large the cluster. The encoder and the scorer are loaded
once per process unless the caller passes its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.align import align
from newsfuse.attribute import QuoteBook, attribute
from newsfuse.cite import cite
from newsfuse.config import Options
from newsfuse.errors import InputError
from newsfuse.ingest.clean import clean_cluster
from newsfuse.model import Briefing, Document, SummarySentence
from newsfuse.relevance import document_scores, flag_off_topic
from newsfuse.represent import Encoder, get_encoder
from newsfuse.represent.features import lexical_features
from newsfuse.represent.pool import choose_pool
from newsfuse.segment import segment
from newsfuse.select import choose
from newsfuse.select.scorer import Scorer, default_scorer
from newsfuse.select.wording import eligible
from newsfuse.state import Prepared

__all__ = ["prepare", "summarize"]


def prepare(
    documents: Sequence[Document],
    *,
    options: Options | None = None,
    encoder: Encoder | None = None,
    scorer: Scorer | None = None,
    cluster_id: str = "cluster",
) -> Prepared:
    """A cluster cleaned, split into sentences, pooled, encoded, checked for relevance and aligned."""
    options = options or Options()
    if not documents:
        raise InputError(f"{cluster_id}: no documents")
    encoder = encoder or get_encoder(options.encoder)
    scorer = scorer or default_scorer()
    docs = clean_cluster(documents)
    sentences = segment(docs)
    lexical = lexical_features(sentences, docs)
    pool = choose_pool(
        docs, sentences, scorer.prescore(lexical), lambda: eligible(sentences, docs), options=options
    )
    vectors = encoder.encode([sentences[i].text for i in pool])
    relevance = document_scores(docs, [sentences[i] for i in pool], vectors)
    docs = flag_off_topic(docs, relevance)
    keep = [k for k, i in enumerate(pool) if docs[sentences[i].doc].status == "kept"]
    pool, vectors = tuple(pool[k] for k in keep), vectors[keep]
    pooled = tuple(sentences[i] for i in pool)
    alignment = align(docs, pooled, vectors, threshold=options.support_threshold)
    return Prepared(options, docs, sentences, lexical, relevance, pool, pooled, vectors, alignment)


def summarize(
    documents: Sequence[Document],
    *,
    options: Options | None = None,
    cluster_id: str = "cluster",
    encoder: Encoder | None = None,
    scorer: Scorer | None = None,
) -> Briefing:
    """The briefing of one cluster of reports."""
    options = options or Options()
    encoder = encoder or get_encoder(options.encoder)
    scorer = scorer or default_scorer()
    state = prepare(documents, options=options, encoder=encoder, scorer=scorer, cluster_id=cluster_id)
    quotes = QuoteBook(state.documents)
    choice = choose(state, scorer=scorer, people=quotes)
    citations = cite(state, choice, encoder=encoder)
    summary = tuple(
        SummarySentence(
            text=choice.printed[k],
            sources=tuple(state.documents[d].id for d in citation.sources),
            sentence=k,
            evidence=citation.evidence,
        )
        for k, citation in zip(choice.chosen, citations, strict=True)
    )
    sections = attribute(state, quotes)
    return Briefing(
        id=cluster_id,
        documents=state.documents,
        summary=summary,
        words=options.words,
        sentences=state.pooled,
        quotes=sections.quotes,
        facts=sections.facts,
        disagreements=sections.disagreements,
        timeline=sections.timeline,
        sections=options.sections,
    )
