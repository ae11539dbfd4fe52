"""The data model that flows through the stages, and its JSON form.

Plain frozen dataclasses with tuple fields: stages return new objects (``dataclasses.replace``)
and never mutate their input. Vectors travel beside the model (numpy arrays indexed like the
sentences), never inside it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from newsfuse.text import count_words  # Chinese and Japanese are counted per character

__all__ = [
    "KINDS",
    "SCHEMA_VERSION",
    "STATUSES",
    "Briefing",
    "Disagreement",
    "Document",
    "Evidence",
    "Fact",
    "Quote",
    "RemovedLine",
    "Sentence",
    "SummarySentence",
    "TimelineEvent",
    "briefing_to_dict",
]

#: Version of the JSON form of a Briefing (docs/schema.md). Bump the minor for added keys,
#: the major for removed or changed ones.
SCHEMA_VERSION = "1.2"

#: Document.kind values.
KINDS = ("article", "web", "transcript", "html")
#: Document.status values (the JSON schema's enum follows them): only "kept" documents feed the
#: summary.
STATUSES = ("kept", "junk", "off-topic", "unsupported-language")


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line the cleaner took out of a document, and why."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Document:
    """One input report.

    ``text`` is the cleaned text the later stages read; ``raw`` what the reader found.
    ``raw_bytes``: an HTML file's bytes as read, so trafilatura detects their encoding itself.
    """

    id: str
    source: str
    text: str
    raw: str = ""
    title: str | None = None
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) where one was found
    outlet: str | None = None
    kind: str = "article"
    status: str = "kept"
    reason: str | None = None
    removed: tuple[RemovedLine, ...] = ()
    raw_bytes: bytes | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a kept document; ``start``/``end`` index ``Document.text``."""

    doc: int  # index of the document in the cluster
    position: int  # index of the sentence within its document
    text: str
    start: int
    end: int

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation with its speaker; ``start``/``end`` index the document's (cleaned) text.

    ``speaker`` is the fullest name the cluster gives ("President Barack Obama" for "he"), an
    unnamed speaker as written ("a neighbor"), or None when nothing attributes the quote.
    """

    text: str
    speaker: str | None
    doc_id: str
    start: int
    end: int
    sentence: int | None = None  # index into ``Briefing.sentences`` (the pool), when held there


@dataclass(frozen=True, slots=True)
class Fact:
    """Sentences of one or more sources that state the same thing."""

    text: str  # the clearest wording of the group
    sentences: tuple[int, ...]  # indices into ``Briefing.sentences`` (the pool)
    sources: tuple[str, ...]  # document ids, in cluster order


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Two aligned statements that differ in a number, date, name, or who concluded something.

    ``topic`` names what differs: the unit counted ("people"), "date", "who", or "who concluded".
    """

    topic: str
    kind: str  # "number" | "date" | "name" | "claim"
    sides: tuple[tuple[str, tuple[str, ...]], ...]  # (statement, document ids) per side


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A dated statement; ``date`` is ISO 8601 at day, month or year precision (10, 7 or 4 chars)."""

    date: str
    text: str
    sources: tuple[str, ...]
    expression: str = ""  # the date as the text writes it ("today", "Dec. 25")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a cited document states a summary sentence: a span of its cleaned ``text``."""

    doc_id: str
    start: int
    end: int
    score: float  # cosine similarity to the summary sentence; 1.0 for the sentence it prints
    exact: bool  # the very sentence the summary prints


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    sources: tuple[str, ...]  # every document that states it (ids, cluster order)
    sentence: int  # index of the chosen sentence in ``Briefing.sentences`` (the pool)
    evidence: tuple[Evidence, ...] = ()  # one per source, in the order of ``sources``


@dataclass(frozen=True, slots=True)
class Briefing:
    """What newsfuse makes of one cluster."""

    id: str
    documents: tuple[Document, ...]
    summary: tuple[SummarySentence, ...]
    words: int  # the budget asked for
    sentences: tuple[Sentence, ...] = ()  # the encoded pool, which summary, quotes and facts index
    quotes: tuple[Quote, ...] = ()
    facts: tuple[Fact, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    sections: tuple[str, ...] = field(default=())

    @property
    def summary_text(self) -> str:
        return "\n".join(s.text for s in self.summary)


def _document_dict(doc: Document) -> dict[str, Any]:

    return {
        "id": doc.id,
        "source": doc.source,
        "title": doc.title,
        "date": doc.date,
        "outlet": doc.outlet,
        "kind": doc.kind,
        "status": doc.status,
        "reason": doc.reason,
        "words": count_words(doc.text),
    }


def briefing_to_dict(briefing: Briefing) -> dict[str, Any]:
    """The versioned JSON form of a briefing (docs/schema.md describes every key)."""
    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "id": briefing.id,
        "words": briefing.words,
        "summary": [{"text": s.text, "sources": list(s.sources)} for s in briefing.summary],
        "documents": [_document_dict(d) for d in briefing.documents],
    }
    if "quotes" in briefing.sections:
        # ``sentence`` indexes the in-memory sentence list, which the JSON form does not carry. A
        # speaker is a name or null (the schema's promise), even if attribution left it blank.
        out["quotes"] = [
            {
                "text": q.text,
                "speaker": q.speaker if q.speaker and q.speaker.strip() else None,
                "doc_id": q.doc_id,
                "start": q.start,
                "end": q.end,
            }
            for q in briefing.quotes
        ]
    if "facts" in briefing.sections:
        out["facts"] = [
            {"text": f.text, "sources": list(f.sources), "support": len(f.sources)} for f in briefing.facts
        ]
    if "disagreements" in briefing.sections:
        out["disagreements"] = [
            {
                "topic": d.topic,
                "kind": d.kind,
                "sides": [{"text": t, "sources": list(ids)} for t, ids in d.sides],
            }
            for d in briefing.disagreements
        ]
    if "timeline" in briefing.sections:
        out["timeline"] = [asdict(e) for e in briefing.timeline]
    return out
