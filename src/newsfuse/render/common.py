"""What the text and markdown renderers share: citation numbers and source descriptions."""

from __future__ import annotations

from newsfuse.model import Briefing, Document

__all__ = ["citation_numbers", "describe_source", "markers"]


def citation_numbers(briefing: Briefing) -> dict[str, int]:
    """Document id -> its number in the source list (1-based, input order)."""
    return {doc.id: n for n, doc in enumerate(briefing.documents, start=1)}


def markers(sources: tuple[str, ...], numbers: dict[str, int]) -> str:
    return "".join(f"[{numbers[s]}]" for s in sources)


def describe_source(doc: Document) -> str:
    """One line: title or source name, then kind, outlet and date where known."""
    parts = [doc.title or doc.source]
    details = [doc.kind] + [x for x in (doc.outlet, doc.date) if x]
    if doc.title and doc.source != doc.title:
        details.append(doc.source)
    return f"{parts[0]} ({', '.join(details)})"
