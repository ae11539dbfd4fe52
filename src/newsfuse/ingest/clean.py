"""Cleaning: HTML to text, boilerplate lines out, transcripts recognised, junk documents set aside.

Reads ``Document.raw``/``kind``; sets ``text``, ``kind``, ``status``, ``reason``, ``removed``,
``title``, ``date``, ``outlet``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from newsfuse.ingest.metadata import extract_metadata
from newsfuse.model import Document

__all__ = ["clean_cluster", "clean_document", "html_to_text"]


def html_to_text(html: str) -> tuple[str, dict[str, str | None]]:
    """Main text of an HTML page (trafilatura, comments excluded) and its title/date/author."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
    )
    if extracted is None:
        return "", {}
    text = extracted.text or ""
    return text, {"title": extracted.title, "date": extracted.date, "outlet": extracted.sitename}


def clean_document(doc: Document) -> Document:
    """The document with clean text and its metadata filled in."""
    text = doc.raw or doc.text
    meta: dict[str, str | None] = {}
    if doc.kind == "html":
        text, meta = html_to_text(text)
    found = extract_metadata(text)
    status, reason = doc.status, doc.reason
    if len(text.split()) < 20:
        status, reason = "junk", "near-empty document (fewer than 20 words of text)"
    return dataclasses.replace(
        doc,
        text=text,
        title=doc.title or meta.get("title") or found.get("title"),
        date=doc.date or meta.get("date") or found.get("date"),
        outlet=doc.outlet or meta.get("outlet") or found.get("outlet"),
        status=status,
        reason=reason,
    )


def clean_cluster(documents: Sequence[Document]) -> tuple[Document, ...]:
    """Every document cleaned (cluster-level, embedding-based off-topic checks live in align)."""
    return tuple(clean_document(d) for d in documents)
