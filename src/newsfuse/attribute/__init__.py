"""Attribution: who said what, what sources agree on, where they differ, when things happened.

The last stage before rendering. Reads a ``Prepared`` state and fills the optional sections of a
briefing (``quotes``, ``facts``, ``disagreements``, ``timeline``); only those asked for in
``Options.sections`` are computed. Quotes come from the briefing's one ``QuoteBook``, which the
summary also reads for the speakers it names, so both say the same.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfuse.model import Disagreement, Document, Fact, Quote, Sentence, TimelineEvent
from newsfuse.select.wording import tidy
from newsfuse.state import Prepared

if TYPE_CHECKING:
    from newsfuse.attribute.introductions import Sources

__all__ = ["QuoteBook", "Sections", "attribute"]


@dataclass(frozen=True, slots=True)
class Sections:
    """The optional parts of a briefing; a section not asked for stays empty."""

    quotes: tuple[Quote, ...] = ()
    facts: tuple[Fact, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()


class QuoteBook:
    """Every quotation of a cluster with its speaker, attributed once per briefing.

    Speakers resolve against one name index of all kept documents (one report writes "the
    president" where another gives "President Barack Obama"), built on first use; each
    document's quotes are attributed on first use. On a big story the summary asks for a few
    documents' quotes only, and the Quotes section for all.
    """

    def __init__(self, documents: Sequence[Document]) -> None:
        self.documents = tuple(documents)
        self._kept = [i for i, d in enumerate(self.documents) if d.status == "kept"]
        self._names: tuple | None = None
        self._quotes: dict[int, tuple[Quote, ...]] = {}
        self._texts: Sources | None = None

    def _sources(self) -> Sources:
        from newsfuse.attribute.introductions import Sources

        if self._texts is None:
            self._texts = Sources([self.documents[i].text for i in self._kept])
        return self._texts

    def _build_index(self) -> None:
        if self._names is None:
            from newsfuse.attribute.quotes import cluster_names

            index, mentions = cluster_names([self.documents[i] for i in self._kept])
            self._names = (index, dict(zip(self._kept, mentions, strict=True)))

    def of(self, doc: int) -> tuple[Quote, ...]:
        """The quotes of document ``doc`` (an index into ``documents``), in text order."""
        if doc not in self._quotes:
            from newsfuse.attribute.quotes import attribute_quotes

            self._build_index()
            assert self._names is not None
            index, mentions = self._names
            found = attribute_quotes(self.documents[doc], index, mentions.get(doc))
            self._quotes[doc] = tuple(found)
        return self._quotes[doc]

    def speaker(self, sentence: Sentence) -> str | None:
        """The speaker of the first attributed quote overlapping ``sentence``, if any."""
        return next(
            (
                q.speaker
                for q in self.of(sentence.doc)
                if q.start < sentence.end and q.end > sentence.start and q.speaker
            ),
            None,
        )

    def referent(self, sentence: Sentence, pronoun: str) -> str | None:
        """The person the ``pronoun`` ("he"/"she") opening ``sentence`` means in its report."""
        from newsfuse.attribute.quotes import pronoun_referent

        self._build_index()
        assert self._names is not None
        return pronoun_referent(self.documents[sentence.doc], sentence.start, pronoun, self._names[0])

    def introduce(self, texts: Sequence[str], *, words: int | None = None) -> list[str]:
        """A summary's sentences with its people named in full at first mention, with the role the
        reports give where it fits in ``words``, by surname after (``attribute.introductions``),
        by the same name index as the quotes' speakers."""
        from newsfuse.attribute.introductions import introduce

        self._build_index()
        assert self._names is not None
        return introduce(texts, self._names[0], self._sources(), words=words)

    def all(self) -> tuple[Quote, ...]:
        """The quotes of every kept document, in document order."""
        return tuple(q for doc in self._kept for q in self.of(doc))


def _with_sentences(quotes: Sequence[Quote], state: Prepared) -> tuple[Quote, ...]:
    """Quotes with ``sentence`` set to the pool index of the sentence holding their start, if any."""
    by_doc: dict[str, list[tuple[int, int, int]]] = {}
    for k, s in enumerate(state.pooled):
        by_doc.setdefault(state.documents[s.doc].id, []).append((s.start, s.end, k))
    out = []
    for q in quotes:
        runs = by_doc.get(q.doc_id, [])
        at = bisect.bisect_right(runs, (q.start, 1 << 62, 0)) - 1
        hit = runs[at][2] if at >= 0 and runs[at][0] <= q.start < runs[at][1] else None
        out.append(dataclasses.replace(q, sentence=hit))
    return tuple(out)


def attribute(state: Prepared, quotes: QuoteBook) -> Sections:
    """The sections named in ``state.options.sections``."""
    wanted = set(state.options.sections)
    sections = Sections()
    if "quotes" in wanted:
        sections = dataclasses.replace(sections, quotes=_with_sentences(quotes.all(), state))
    if "facts" in wanted:
        facts = tuple(dataclasses.replace(f, text=tidy(f.text)) for f in state.alignment.facts)
        sections = dataclasses.replace(sections, facts=facts)
    if "disagreements" in wanted:
        from newsfuse.attribute.disagree import disagreements

        found = disagreements(state.pooled, state.vectors, state.documents)
        sections = dataclasses.replace(sections, disagreements=found)
    if "timeline" in wanted:
        from newsfuse.attribute.timeline import timeline

        events = timeline(state.pooled, state.documents, state.alignment.facts)
        sections = dataclasses.replace(sections, timeline=events)
    return sections
