"""The optional sections (quotes, facts, disagreements, timeline) as headed lists of cited items.

Shared by the text and markdown renderers, which differ only in how they print a heading, an
item and its [n] markers. Long sections are cut for reading; the JSON form keeps everything.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.model import Briefing

__all__ = ["Item", "Section", "sections"]

#: Items shown per facts list (most corroborated, single-source); JSON keeps all facts.
TOP_FACTS = 8
SINGLE_FACTS = 5
#: Single-source facts shorter than this are captions or fragments, not worth showing.
MIN_FACT_WORDS = 8


@dataclass(frozen=True, slots=True)
class Item:
    text: str
    sources: tuple[str, ...]
    lead: str = ""  # a label printed before the text (a date, a speaker, "side 1")
    children: tuple[Item, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    items: tuple[Item, ...]
    empty: str  # what to print when there are no items


def _quotes(briefing: Briefing) -> Section:
    """One item per distinct quote (sources merged), in order of first appearance."""
    merged: dict[str, tuple[str, str, list[str]]] = {}
    for q in briefing.quotes:
        key = " ".join(q.text.lower().rstrip(".,").split())
        _, _, sources = merged.setdefault(key, (q.text, q.speaker or "unattributed", []))
        if q.doc_id not in sources:
            sources.append(q.doc_id)
    items = tuple(Item(f"“{t}”", tuple(s), lead=speaker) for t, speaker, s in merged.values())
    return Section("Quotes", items, "No direct quotations found.")


def _facts(briefing: Briefing) -> list[Section]:
    shared = [f for f in briefing.facts if len(f.sources) > 1][:TOP_FACTS]
    single = [f for f in briefing.facts if len(f.sources) == 1 and len(f.text.split()) >= MIN_FACT_WORDS][
        :SINGLE_FACTS
    ]
    return [
        Section(
            "Most corroborated",
            tuple(Item(f.text, f.sources, lead=f"{len(f.sources)} sources") for f in shared),
            "No statement is made by more than one source.",
        ),
        Section(
            "Reported by one source only",
            tuple(Item(f.text, f.sources) for f in single),
            "Every statement has more than one source.",
        ),
    ]


def _disagreements(briefing: Briefing) -> Section:
    items = tuple(
        Item(
            f"{d.kind}: {d.topic}",
            (),
            children=tuple(Item(text, ids) for text, ids in d.sides),
        )
        for d in briefing.disagreements
    )
    return Section("Where sources differ", items, "No disagreements found between the sources.")


def _timeline(briefing: Briefing) -> Section:
    items = tuple(Item(e.text, e.sources, lead=e.date) for e in briefing.timeline)
    return Section("Timeline", items, "No dated events found.")


def sections(briefing: Briefing) -> list[Section]:
    """The sections the briefing was asked for, in the order of ``config.SECTIONS``."""
    out: list[Section] = []
    if "quotes" in briefing.sections:
        out.append(_quotes(briefing))
    if "facts" in briefing.sections:
        out.extend(_facts(briefing))
    if "disagreements" in briefing.sections:
        out.append(_disagreements(briefing))
    if "timeline" in briefing.sections:
        out.append(_timeline(briefing))
    return out
