"""Cleaning: HTML to text, boilerplate lines out, transcripts recognised, junk documents set aside.

Reads ``Document.raw``/``kind``; sets ``text`` (cleaned), ``kind`` ("article" | "web" |
"transcript" | "html"), ``status``/``reason`` (junk only; off-topic is decided later, in
``relevance``, once sentences are encoded), ``removed`` (every line taken out, with its reason:
what ``newsfuse inspect`` shows), ``title``, ``date`` (ISO) and ``outlet``.

Order of the judgements: furniture lines (``boilerplate``) and transcript headers first, then
repeated lines, then metadata lines (byline, date) and the headline at the top, which move from
the text into ``title``/``date``/``outlet``; transcripts are re-punctuated last; a document with
too little text left is junk (``junk``).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

from newsfuse.ingest import boilerplate, junk, transcript
from newsfuse.ingest.metadata import document_date, metadata_line
from newsfuse.model import Document, RemovedLine

__all__ = ["clean_cluster", "clean_document", "html_to_text"]

TITLE_REASON = "headline (kept as the title)"
HEADER_SCRAP = "page header scrap"
DECK = "sub-headline"
REPEATED = "repeated line"
#: Furniture that runs on past what its pattern matched; and how much unmatched text may go with it.
_RUNS_ON = frozenset({boilerplate.SUPPORT, boilerplate.DISCLAIMER, boilerplate.ARCHIVE, boilerplate.SIGNUP})
SPREAD_MAX_WORDS = 30
BYLINE = "byline (kept as the outlet)"
DATE_LINE = "date line (kept as the date)"
#: Removals that are metadata or page-top shape, not furniture: they do not make a report "web".
_NOT_FURNITURE = frozenset({TITLE_REASON, HEADER_SCRAP, DECK, REPEATED, BYLINE, DATE_LINE})
# The top of a page, where headline, deck, byline and date live: lines before the first
# paragraph, and never more than this many.
HEADER_LINES = 8
PARAGRAPH_WORDS = 20
# Characters scraped text carries that are not text: zero-width spaces, BOMs, the cp1252 em dash.
_INVISIBLE = str.maketrans({"\u200b": "", "\ufeff": "", "\xa0": " ", "\x97": "—", "\r": ""})
_SPACES = re.compile(r"[ \t]+")


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


@dataclasses.dataclass(slots=True)
class _Unit:
    """A line, or one sentence of a long line; ``reason`` set when it is removed."""

    line: int
    text: str
    reason: str | None = None
    part: bool = False  # one sentence of a long line, not a whole line


def _units(lines: Sequence[str]) -> tuple[list[_Unit], list[RemovedLine]]:
    """Units of the text, and the labels and post attributions cut from the front/end of lines."""
    out: list[_Unit] = []
    cut: list[RemovedLine] = []
    for number, line in enumerate(lines):
        stripped, removed, why = boilerplate.split_label(_SPACES.sub(" ", line).strip())
        if removed and why:
            cut.append(RemovedLine(removed, why))
        if stripped:
            parts = boilerplate.split_long_line(stripped)
            out.extend(_Unit(number, p.strip(), part=len(parts) > 1) for p in parts)
    return out, cut


#: Reasons the page top may override: shape guesses, not furniture patterns.
_SHAPE_REASONS = frozenset({None, boilerplate.SCRAP, boilerplate.HEADLINE_LIST})


def _header_zone(units: Sequence[_Unit]) -> list[_Unit]:
    """Units above the first paragraph (a line of 20+ words ending like a sentence).

    Furniture lines (sharing buttons, disclaimers) are skipped, not counted: on scraped pages
    the headline often comes after them.
    """
    zone: list[_Unit] = []
    for unit in units:
        if unit.reason not in _SHAPE_REASONS:
            continue
        if unit.part:
            return zone
        words = len(unit.text.split())
        ends = not boilerplate.is_fragment(unit.text, 10**6)
        if len(zone) >= HEADER_LINES or words >= 2 * PARAGRAPH_WORDS or (words >= PARAGRAPH_WORDS and ends):
            return zone
        zone.append(unit)
    return []


def _take_head(units: Sequence[_Unit], known_title: str | None) -> dict[str, str | None]:
    """Move headline, byline and date lines of the page top out of the text; return them."""
    found: dict[str, str | None] = {"title": None, "date": None, "outlet": None}
    for unit in units[: 2 * HEADER_LINES]:
        hit = metadata_line(unit.text)
        if hit and (unit.reason in _SHAPE_REASONS or unit.reason == transcript.HEADER_REASON):
            found[hit[0]] = found[hit[0]] or hit[1]
            if unit.reason in _SHAPE_REASONS:
                unit.reason = BYLINE if hit[0] == "outlet" else DATE_LINE
    for unit in units:
        if unit.reason is None and known_title and unit.text.strip() == known_title.strip():
            unit.reason = TITLE_REASON
            found["title"] = known_title
    for unit in _header_zone(units):
        words = len(unit.text.split())
        if found["title"] is None and words >= 4 and boilerplate.is_fragment(unit.text):
            found["title"] = unit.text
            unit.reason = TITLE_REASON
        elif words <= 4:
            unit.reason = HEADER_SCRAP
        elif boilerplate.is_fragment(unit.text):
            unit.reason = DECK
    return found


def _spread_line_reasons(units: Sequence[_Unit]) -> None:
    """A long line whose sentences are mostly furniture is furniture throughout.

    Donation pleas and disclaimers run on for a sentence or two the patterns do not know
    ("Thank you for investing in your neighborhood."); half the line matching is enough, for
    these kinds only and only when the rest is short: captions sit beside real text, and
    Multi-News puts a whole report on one line.
    """
    by_line: dict[int, list[_Unit]] = {}
    for unit in units:
        by_line.setdefault(unit.line, []).append(unit)
    for parts in by_line.values():
        furniture = [u.reason for u in parts if u.reason in _RUNS_ON]
        rest = sum(len(u.text.split()) for u in parts if u.reason in _SHAPE_REASONS)
        if len(parts) > 1 and 2 * len(furniture) >= len(parts) and rest <= SPREAD_MAX_WORDS:
            reason = Counter(furniture).most_common(1)[0][0]
            for unit in parts:
                if unit.reason in _SHAPE_REASONS:
                    unit.reason = reason


def _outlet_from_support(removed: Sequence[RemovedLine]) -> str | None:
    for line in removed:
        match = re.match(r"^Support for (\S.*?) comes from\b", line.text)
        if match:
            return match.group(1)
    return None


def clean_text(
    text: str, *, known_title: str | None = None
) -> tuple[str, dict[str, str | None], tuple[RemovedLine, ...], bool]:
    """(clean text, metadata, removed lines, is a transcript) of one report's plain text."""
    lines = text.translate(_INVISIBLE).split("\n")
    is_transcript = transcript.is_transcript(lines)
    units, cut = _units(lines)
    for unit, reason in zip(units, boilerplate.mark_lines([u.text for u in units]), strict=True):
        unit.reason = transcript.header_reason(unit.text) or reason
    _spread_line_reasons(units)
    seen: set[str] = set()
    for unit in units:
        key = unit.text.lower()
        if unit.reason is None and len(key.split()) >= 3 and key in seen:
            unit.reason = REPEATED
        seen.add(key)
    meta = _take_head(units, known_title)
    removed = (*cut, *(RemovedLine(u.text, u.reason) for u in units if u.reason))
    kept_lines: dict[int, list[str]] = {}
    for unit in units:
        if unit.reason is None:
            kept_lines.setdefault(unit.line, []).append(unit.text)
    paragraphs = [" ".join(parts) for _, parts in sorted(kept_lines.items())]
    if is_transcript:
        paragraphs = [transcript.repunctuate(p) for p in paragraphs]
    meta["outlet"] = meta["outlet"] or _outlet_from_support(removed)
    return "\n\n".join(paragraphs), meta, removed, is_transcript


def clean_document(doc: Document) -> Document:
    """The document with clean text, its removed lines, kind, metadata and junk status."""
    text = doc.raw or doc.text
    meta: dict[str, str | None] = {}
    if doc.kind == "html":
        text, meta = html_to_text(text)
    cleaned, found, removed, is_transcript = clean_text(text, known_title=doc.title or meta.get("title"))
    if is_transcript:
        kind = "transcript"
    elif doc.kind == "html":
        kind = "html"
    elif any(r.reason not in _NOT_FURNITURE for r in removed):
        kind = "web"
    else:
        kind = doc.kind
    status, reason = doc.status, doc.reason
    why = junk.junk_reason(cleaned, removed)
    if why and status == "kept":
        status, reason = "junk", why
    return dataclasses.replace(
        doc,
        text=cleaned,
        kind=kind,
        title=doc.title or meta.get("title") or found.get("title"),
        date=doc.date or meta.get("date") or found.get("date") or document_date(text),
        outlet=doc.outlet or meta.get("outlet") or found.get("outlet"),
        status=status,
        reason=reason,
        removed=removed,
    )


def clean_cluster(documents: Sequence[Document]) -> tuple[Document, ...]:
    """Every document cleaned; off-topic documents are flagged later by ``relevance``."""
    return tuple(clean_document(d) for d in documents)
