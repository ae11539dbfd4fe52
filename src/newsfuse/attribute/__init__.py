"""Attribution: who said what, what sources agree on, where they differ, when things happened.

Runs after align (reads documents, sentences, their vectors and the ``Alignment``) and fills the
optional sections of a Briefing: ``quotes``, ``facts``, ``disagreements``, ``timeline``. Only the
sections asked for in ``Options.sections`` are computed. Stdlib + numpy, no model beyond the
sentence vectors align already made.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from newsfuse.align import Alignment
from newsfuse.config import Options
from newsfuse.model import Disagreement, Document, Fact, Quote, Sentence, TimelineEvent

__all__ = ["Sections", "attribute", "cluster_quotes"]


@dataclass(frozen=True, slots=True)
class Sections:
    """The optional parts of a briefing; a section not asked for stays empty."""

    quotes: tuple[Quote, ...] = ()
    facts: tuple[Fact, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()


def cluster_quotes(documents: Sequence[Document]) -> tuple[Quote, ...]:
    """Quotes of every kept document, speakers resolved with names from the whole cluster.

    Names come from all documents because one report often writes "the president" where another
    gives "President Barack Obama".
    """
    from newsfuse.attribute.quotes import attribute_quotes, cluster_names

    kept = [d for d in documents if d.status == "kept"]
    index, mentions = cluster_names(kept)
    return tuple(
        q for doc, found in zip(kept, mentions, strict=True) for q in attribute_quotes(doc, index, found)
    )


def _with_sentences(
    quotes: Sequence[Quote], sentences: Sequence[Sentence], documents: Sequence[Document]
) -> tuple[Quote, ...]:
    """Quotes with ``sentence`` set to the index of the sentence holding their start, if any."""
    by_doc: dict[str, list[tuple[int, int, int]]] = {}
    for k, s in enumerate(sentences):
        by_doc.setdefault(documents[s.doc].id, []).append((s.start, s.end, k))
    out = []
    for q in quotes:
        runs = by_doc.get(q.doc_id, [])
        at = bisect.bisect_right(runs, (q.start, 1 << 62, 0)) - 1
        hit = runs[at][2] if at >= 0 and runs[at][0] <= q.start < runs[at][1] else None
        out.append(replace(q, sentence=hit))
    return tuple(out)


def attribute(
    documents: Sequence[Document],
    sentences: Sequence[Sentence],
    vectors: np.ndarray,
    alignment: Alignment,
    options: Options,
) -> Sections:
    """The sections named in ``options.sections`` for one cluster."""
    wanted = set(options.sections)
    quotes: tuple[Quote, ...] = ()
    found: tuple[Disagreement, ...] = ()
    events: tuple[TimelineEvent, ...] = ()
    if "quotes" in wanted:
        quotes = _with_sentences(cluster_quotes(documents), sentences, documents)
    if "disagreements" in wanted:
        from newsfuse.attribute.disagree import disagreements

        found = disagreements(sentences, vectors, documents)
    if "timeline" in wanted:
        from newsfuse.attribute.timeline import timeline

        events = timeline(sentences, documents, alignment.facts)
    return Sections(
        quotes=quotes,
        facts=alignment.facts if "facts" in wanted else (),
        disagreements=found,
        timeline=events,
    )
