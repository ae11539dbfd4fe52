"""summarize(): runs the stages in order; the only module that knows that order.

    ingest.clean -> segment -> [lexical features -> pool] -> represent -> relevance -> align
    -> [speakers of bare quotes] -> select -> (render, by the caller)

Only a pool of the most promising sentences (by cheap lexical features) is encoded, so cost
grows about linearly with the input however large the cluster.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np

from newsfuse.align import align, verbatim_support
from newsfuse.attribute import attribute
from newsfuse.attribute.speaking import needs_speaker, with_speakers
from newsfuse.config import Options
from newsfuse.errors import InputError
from newsfuse.ingest.clean import clean_cluster
from newsfuse.model import Briefing, Document, Sentence, SummarySentence
from newsfuse.numbers import numbers_conflict
from newsfuse.relevance import flag_off_topic
from newsfuse.represent import get_encoder
from newsfuse.segment import segment
from newsfuse.select import (
    LEXICAL_FEATURES,
    eligible,
    lexical_features,
    neural_features,
    select,
    tidy,
    weights,
)
from newsfuse.text import tokens

__all__ = ["summarize"]

# A sentence outside the pool whose content words cover this share of a summary sentence's is
# encoded and checked as a possible paraphrase, so citations stay complete for big clusters.
CITATION_OVERLAP = 0.4
# Words of summary-eligible sentences the encoded pool holds, as a multiple of the word budget
# (redundant and overflowing candidates are passed over, so the budget alone is not enough).
POOL_BUDGET_SHARE = 1.2
# With a single source there is no support or shared vocabulary to go by, and the reporter's own
# order (most important first) is the best guide: each sentence further down loses this much
# score, enough for order to decide. Dev (6 one-source clusters): +0.12 R-1 at 250 words, +0.31
# at 100; 500 validation clusters: about +0.05 and +0.15.
SINGLE_SOURCE_POSITION = 0.15
# Recognition errors and run-on punctuation lower a transcript's similarity to a clean wording of
# the same statement. A transcript passage supports a sentence at a lower similarity, and lower
# still when it also shares at least half of the sentence's content words (two signals agreeing).
TRANSCRIPT_SLACK = 0.07
TRANSCRIPT_SLACK_WITH_OVERLAP = 0.15


def _pool(
    lexical: np.ndarray, sentences: Sequence[Sentence], documents: Sequence[Document], options: Options
) -> list[int]:
    """Indices (ascending) of the sentences worth encoding, as many as options allow.

    Each document's two best sentences are always in (the off-topic check and support need every
    document represented, and an off-topic report scores low on shared vocabulary); the rest of
    the pool goes to the best lexical scores overall. When the pool's sentences that may be
    quoted in a summary (``select.eligible``) hold fewer than ``POOL_BUDGET_SHARE`` times the word
    budget, the next best of those join, so a feature story told in "He…"/"It…" sentences still
    gets a full summary.
    """
    n_docs = sum(d.status == "kept" for d in documents)
    limit = min(options.max_encoded_sentences, options.pool_sentences + options.pool_per_document * n_docs)
    if len(lexical) <= limit:
        return list(range(len(lexical)))
    prescore = lexical @ weights()[: len(LEXICAL_FEATURES)]
    order = np.argsort(-prescore, kind="stable")
    chosen: set[int] = set()
    per_doc: dict[int, int] = {}
    for i in order:
        doc = sentences[int(i)].doc
        if per_doc.get(doc, 0) < 2:
            per_doc[doc] = per_doc.get(doc, 0) + 1
            chosen.add(int(i))
    for i in order:
        if len(chosen) >= limit:
            break
        chosen.add(int(i))
    allowed = eligible(sentences, documents)
    have = sum(sentences[i].words for i in chosen if allowed[i])
    for i in order:
        if have >= POOL_BUDGET_SHARE * options.words or len(chosen) >= options.max_encoded_sentences:
            break
        if allowed[i] and int(i) not in chosen:
            chosen.add(int(i))
            have += sentences[int(i)].words
    return sorted(chosen)


def _citations(
    chosen: Sequence[int],
    pool: Sequence[int],
    sentences: Sequence[Sentence],
    documents: Sequence[Document],
    vectors: np.ndarray,
    support: Sequence[frozenset[int]],
    options: Options,
) -> list[frozenset[int]]:
    """Documents stating each chosen pool sentence, checking sentences outside the pool too.

    Candidates outside the pool are found by shared content words: per chosen sentence and
    document only the best-overlapping one, best first, at most ``options.max_citation_checks``.
    In a transcript a statement is often cut across two "sentences" by unreliable punctuation,
    so each transcript sentence is also checked joined with the one after it. A document that
    shares a verbatim run of words with the sentence (``align.verbatim_support``) states it too.
    """
    verbatim = verbatim_support([sentences[pool[i]].text for i in chosen], documents)
    cited = [set(support[i]) | set(shared) for i, shared in zip(chosen, verbatim, strict=True)]
    in_pool = set(pool)
    texts: dict[int, str] = {}
    for j, s in enumerate(sentences):
        if documents[s.doc].status != "kept":
            continue
        if j not in in_pool:
            texts[j] = s.text
        if documents[s.doc].kind == "transcript" and j + 1 < len(sentences) and sentences[j + 1].doc == s.doc:
            texts[-1 - j] = s.text + " " + sentences[j + 1].text  # negative key: a joined window
    bags = {key: set(tokens(text)) for key, text in texts.items()}
    best: dict[tuple[int, int], tuple[float, int]] = {}
    for slot, i in enumerate(chosen):
        mine = set(tokens(sentences[pool[i]].text))
        if not mine:
            continue
        for key, bag in bags.items():
            doc = sentences[key if key >= 0 else -1 - key].doc
            if doc in cited[slot]:
                continue
            overlap = len(mine & bag) / len(mine)
            if overlap >= CITATION_OVERLAP and overlap > best.get((slot, doc), (0.0, 0))[0]:
                best[(slot, doc)] = (overlap, key)
    ranked = sorted(best.items(), key=lambda item: -item[1][0])[: options.max_citation_checks]
    wanted: dict[int, list[tuple[int, float]]] = {}  # candidate -> (chosen slot, word overlap)
    for (slot, _doc), (overlap, key) in ranked:
        wanted.setdefault(key, []).append((slot, overlap))
    if wanted:
        keys = sorted(wanted)
        found = get_encoder(options.encoder).encode([texts[k] for k in keys])
        for key, vector in zip(keys, found, strict=True):
            doc = sentences[key if key >= 0 else -1 - key].doc
            transcript = documents[doc].kind == "transcript"
            for slot, overlap in wanted[key]:
                threshold = options.support_threshold
                if transcript:
                    threshold -= TRANSCRIPT_SLACK_WITH_OVERLAP if overlap >= 0.5 else TRANSCRIPT_SLACK
                if float(vector @ vectors[chosen[slot]]) >= threshold:
                    cited[slot].add(doc)
    return [frozenset(c) for c in cited]


def _choose(
    pooled: Sequence[Sentence],
    documents: Sequence[Document],
    vectors: np.ndarray,
    scores: np.ndarray,
    options: Options,
) -> tuple[list[int], list[str]]:
    """The summary's sentences (``select``) and every pooled sentence as it would be printed.

    A chosen quotation that does not name its speaker gets the name from its document's quote
    attribution (``attribute.speaking``), or is ruled out, and the choice is made again (the
    printed sentence is longer). Attribution thus runs only on documents whose quotations win a
    place, not on every document of a big story.
    """
    printed = [tidy(s.text) for s in pooled]
    allowed = eligible(pooled, documents)
    looked_up: set[int] = set()
    while True:
        chosen = select(
            pooled,
            vectors,
            scores,
            words=options.words,
            redundancy=options.redundancy_threshold,
            allowed=allowed,
            printed=printed,
        )
        ask = [i for i in chosen if i not in looked_up and needs_speaker(printed[i])]
        if not ask:
            return chosen, printed
        # Look up every quotation of the same documents at once: one attribution pass each.
        ask_docs = {pooled[i].doc for i in ask}
        among = [k for k, s in enumerate(pooled) if s.doc in ask_docs and k not in looked_up]
        printed, speaks = with_speakers(printed, pooled, documents, among=among)
        looked_up.update(among)
        allowed = allowed & np.asarray(speaks, dtype=bool)


def _drop_contradicting(
    chosen: Sequence[int],
    pooled: Sequence[Sentence],
    vectors: np.ndarray,
    cited: Sequence[frozenset[int]],
) -> list[frozenset[int]]:
    """Citations without the documents whose matching sentence gives a different exact number.

    "Varga said 42,000 people had been evacuated" is a close paraphrase of "...evacuated 40,000
    people", but it does not support it: the disagreements section reports such pairs instead.
    """
    own = np.asarray([s.doc for s in pooled])
    out = []
    for i, docs in zip(chosen, cited, strict=True):
        keep = set(docs)
        for doc in docs - {pooled[i].doc}:
            rows = np.flatnonzero(own == doc)
            if len(rows):
                match = int(rows[np.argmax(vectors[rows] @ vectors[i])])
                if numbers_conflict(pooled[i].text, pooled[match].text):
                    keep.discard(doc)
        out.append(frozenset(keep))
    return out


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
    pool = _pool(lexical, sentences, docs, options)
    vectors = get_encoder(options.encoder).encode([sentences[i].text for i in pool])
    docs = flag_off_topic(docs, [sentences[i] for i in pool], vectors)
    if any(d.status != "kept" for d in docs):  # drop what relevance set aside
        keep = [k for k, i in enumerate(pool) if docs[sentences[i].doc].status == "kept"]
        pool, vectors = [pool[k] for k in keep], vectors[keep]
    pooled = [sentences[i] for i in pool]
    alignment = align(pooled, vectors, docs, threshold=options.support_threshold)
    features = np.hstack([lexical[pool], neural_features(pooled, vectors, alignment)])
    scores = features @ weights()
    if len({s.doc for s in pooled}) == 1:  # one source: no cross-source signal, trust its order
        scores = scores - SINGLE_SOURCE_POSITION * np.asarray([s.position for s in pooled], dtype=np.float32)
    chosen, printed = _choose(pooled, docs, vectors, scores, options)
    # A sentence's fact group (align) and its pairwise support agree almost always; where the
    # greedy grouping added a source, it is cited too.
    fact_of = {m: f for f in alignment.facts for m in f.sentences}
    index_of = {d.id: n for n, d in enumerate(docs)}
    support = [
        alignment.support[i] | {index_of[x] for x in fact_of[i].sources}
        if i in fact_of
        else alignment.support[i]
        for i in range(len(pooled))
    ]
    cited = _citations(chosen, pool, sentences, docs, vectors, support, options)
    cited = _drop_contradicting(chosen, pooled, vectors, cited)
    summary = tuple(
        SummarySentence(
            text=printed[i],
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
        facts=tuple(dataclasses.replace(f, text=tidy(f.text)) for f in alignment.facts),
        quotes=extra.quotes,
        disagreements=extra.disagreements,
        timeline=extra.timeline,
        sections=options.sections,
    )
