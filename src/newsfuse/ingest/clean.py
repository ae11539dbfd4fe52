"""Cleaning: HTML to text, boilerplate lines out, transcripts recognised, junk documents set aside.

Reads ``Document.raw``/``kind``; sets ``text`` (cleaned), ``kind`` ("article" | "web" |
"transcript" | "html"), ``status``/``reason`` (junk, or unsupported-language for a report not
in the Latin alphabet; off-topic is decided later, in ``relevance``, once sentences are encoded), ``removed`` (every line taken out, with its reason:
what ``newsfuse inspect`` shows), ``title``, ``date`` (ISO) and ``outlet``.

Order of the judgements: markup inside the words first (``markup``: entities, wire codes and
dashes, an interview's "Q." / "A."), then furniture lines (``boilerplate``) and transcript headers first, then
repeated lines, then metadata lines (byline, date) and the headline at the top, which move from
the text into ``title``/``date``/``outlet``; transcripts are re-punctuated last; a document with
too little text left is junk (``junk``), an HTML page only once other readings of it
(``extraction.rescue_texts``) found no article either.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

import ftfy

from newsfuse.ingest import boilerplate, junk, language, markup, transcript
from newsfuse.ingest.extraction import EXTRACTION, html_to_text, rescue_texts
from newsfuse.ingest.metadata import document_date, metadata_line
from newsfuse.model import Document, RemovedLine
from newsfuse.text import SENTENCE_END_MARKS, count_words, rough_sentences

__all__ = ["EXTRACTION", "clean_cluster", "clean_document", "clean_text", "html_to_text"]

TITLE_REASON = "headline (kept as the title)"
HEADER_SCRAP = "page header scrap"
DECK = "sub-headline"
REPEATED = "repeated line"
#: Furniture that runs on past what its pattern matched; and how much unmatched text may go with it.
_RUNS_ON = frozenset({boilerplate.SUPPORT, boilerplate.DISCLAIMER, boilerplate.ARCHIVE, boilerplate.SIGNUP})
SPREAD_MAX_WORDS = 30
BYLINE = "byline (kept as the outlet)"
DATELINE = "dateline (place and date)"
#: A dateline is looked for in this many first lines (headline, byline, then the dateline).
DATELINE_LINES = 4
DATE_LINE = "date line (kept as the date)"
INTERVIEW = "interview marker (Q. / A.)"
#: Removals that are metadata or page-top shape, not furniture: they do not make a report "web".
_NOT_FURNITURE = frozenset(
    {TITLE_REASON, HEADER_SCRAP, DECK, REPEATED, BYLINE, DATE_LINE, DATELINE, INTERVIEW, boilerplate.RUN_ON}
)
# The top of a page, where headline, deck, byline and date live: lines before the first
# paragraph, and never more than this many.
HEADER_LINES = 8
PARAGRAPH_WORDS = 20
#: An HTML page whose extraction leaves no article (a lone photo caption) is read again
#: (``extraction.rescue_texts``); the new reading is taken only when it has this many sentences
#: (ending like sentences) in paragraphs of ``PARAGRAPH_WORDS``+ words, so a 404 or video page
#: stays set aside. Sentences, not paragraphs: an article body declared in JSON-LD is one paragraph.
RESCUE_SENTENCES = 3
#: Rule families beyond the word patterns, byline/date lines, datelines, transcript headers and
#: the known title (a line that is the page's <title>, or a title given with the report, moves
#: into ``title``), which apply to every text. SHAPE: runs of headline-like lines and lone short
#: fragments (``boilerplate.mark_lines``); PAGE_TOP: the headline, deck and scraps guessed above
#: the first paragraph; REPEATS: a line seen before; LABELS: "Story highlights" and social-post
#: attributions cut from lines.
SHAPE, PAGE_TOP, REPEATS, LABELS = "shape", "page top", "repeats", "labels"
#: Where a report's text came from, and the families it gets. Pasted page text ("text") keeps
#: them all: its headlines, link lists and page-top scraps are lines like any other. trafilatura's
#: output ("html") is already the article's paragraphs: on the tuning half of trafilatura's
#: evaluation pages each shape family removed as much article text as boilerplate or more
#: (``scripts/bench_html.py --rules``; BENCHMARKS.md, "HTML extraction"), so it gets none: only
#: the move of its own headline into ``title``, which loses nothing.
RULES: dict[str, frozenset[str]] = {
    "text": frozenset({SHAPE, PAGE_TOP, REPEATS, LABELS}),
    "html": frozenset(),
}
# Characters scraped text carries that are not text: zero-width spaces, BOMs, the cp1252 em dash.
_INVISIBLE = str.maketrans({"\u200b": "", "\ufeff": "", "\xa0": " ", "\x97": "—", "\r": ""})
_SPACES = re.compile(r"[ \t]+")


@dataclasses.dataclass(slots=True)
class _Unit:
    """A line, or one sentence of a long line; ``reason`` set when it is removed."""

    line: int
    text: str
    reason: str | None = None
    part: bool = False  # one sentence of a long line, not a whole line
    words: int = dataclasses.field(init=False)  # count_words(text), read by several rules

    def __post_init__(self) -> None:
        self.words = count_words(self.text)


def _units(lines: Sequence[str], labels: bool) -> tuple[list[_Unit], list[RemovedLine]]:
    """Units of the text, and the labels and post attributions cut from the front/end of lines."""
    out: list[_Unit] = []
    cut: list[RemovedLine] = []
    opening = 0  # non-empty lines so far: a dateline opens a report
    for number, line in enumerate(lines):
        stripped, removed, why = _SPACES.sub(" ", line).strip(), None, None
        if stripped and opening < DATELINE_LINES:
            opening += 1
            stripped, dateline = boilerplate.split_dateline(stripped)
            if dateline:
                cut.append(RemovedLine(dateline, DATELINE))
        if labels:
            stripped, removed, why = boilerplate.split_label(stripped)
            stripped, links = boilerplate.split_links(stripped)
            cut.extend(RemovedLine(link, boilerplate.RELATED) for link in links)
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
        words = unit.words
        ends = not boilerplate.is_fragment(unit.text, 10**6)
        if len(zone) >= HEADER_LINES or words >= 2 * PARAGRAPH_WORDS or (words >= PARAGRAPH_WORDS and ends):
            return zone
        zone.append(unit)
    return []


def _take_head(
    units: Sequence[_Unit], known_title: str | None, rules: frozenset[str]
) -> dict[str, str | None]:
    """Move byline and date lines, the known title and the headline (``PAGE_TOP``) out of the text."""
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
    for unit in _header_zone(units) if PAGE_TOP in rules else ():
        words = unit.words
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
        rest = sum(u.words for u in parts if u.reason in _SHAPE_REASONS)
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


def _join(parts: Sequence[str]) -> str:
    """Sentences of one line back together: with a space, except after "。" and the like."""
    out = parts[0]
    for part in parts[1:]:
        out += part if out.endswith(tuple(SENTENCE_END_MARKS)) else f" {part}"
    return out


def clean_text(
    text: str, *, known_title: str | None = None, origin: str = "text"
) -> tuple[str, dict[str, str | None], tuple[RemovedLine, ...], bool]:
    """(clean text, metadata, removed lines, is a transcript) of one report's plain text.

    ``origin`` says where the text came from (a key of ``RULES``) and so which rule families apply.
    """
    rules = RULES[origin]
    text = markup.wire_dashes(markup.decode_entities(ftfy.fix_encoding(text).translate(_INVISIBLE)))
    lines = text.split("\n")
    is_transcript = transcript.is_transcript(lines)
    lines, markers = markup.interview_markers(lines)
    units, cut = _units(lines, labels=LABELS in rules)
    cut = [*(RemovedLine(m, INTERVIEW) for m in markers), *cut]
    marks = boilerplate.mark_lines([u.text for u in units], shape=SHAPE in rules)
    for unit, reason in zip(units, marks, strict=True):
        unit.reason = transcript.header_reason(unit.text) or reason
        if unit.reason is None and boilerplate.is_run_on(unit.text):
            unit.reason = boilerplate.RUN_ON
    _spread_line_reasons(units)
    seen: set[str] = set()
    for unit in units:
        key = unit.text.lower()
        if REPEATS in rules and unit.reason is None and unit.words >= 3 and key in seen:
            unit.reason = REPEATED
        seen.add(key)
    meta = _take_head(units, known_title, rules)
    removed = (*cut, *(RemovedLine(u.text, u.reason) for u in units if u.reason))
    kept_lines: dict[int, list[str]] = {}
    for unit in units:
        if unit.reason is None:
            kept_lines.setdefault(unit.line, []).append(unit.text)
    paragraphs = [_join(parts) for _, parts in sorted(kept_lines.items())]
    if is_transcript:
        paragraphs = [transcript.repunctuate(p) for p in paragraphs]
    meta["outlet"] = meta["outlet"] or _outlet_from_support(removed)
    return "\n\n".join(paragraphs), meta, removed, is_transcript


def _is_article(text: str) -> bool:
    """Text that is unmistakably an article: ``RESCUE_SENTENCES`` sentences in paragraphs of prose."""
    paragraphs = "\n".join(p for p in text.split("\n") if count_words(p) >= PARAGRAPH_WORDS)
    # Each sentence must end like one; the paragraph need not (a body ending in an unpunctuated bio).
    sentences = [s for s in rough_sentences(paragraphs) if not boilerplate.is_fragment(s, 10**6)]
    return len(sentences) >= RESCUE_SENTENCES


def clean_document(doc: Document) -> Document:
    """The document with clean text, its removed lines, kind, metadata and junk status."""
    text = doc.raw or doc.text
    meta: dict[str, str | None] = {}
    origin = "html" if doc.kind == "html" else "text"
    if origin == "html":
        text, meta = html_to_text(doc.raw_bytes or text, doc.source)
    cleaned, found, removed, is_transcript = clean_text(
        text, known_title=doc.title or meta.get("title"), origin=origin
    )
    if origin == "html" and junk.junk_reason(cleaned, removed):
        for other in rescue_texts(doc.raw_bytes or doc.raw or doc.text, doc.source):
            result = clean_text(other, known_title=doc.title or meta.get("title"), origin=origin)
            if _is_article(result[0]):
                text, (cleaned, found, removed, is_transcript) = other, result
                break
    if is_transcript:
        kind = "transcript"
    elif doc.kind == "html":
        kind = "html"
    elif any(r.reason not in _NOT_FURNITURE for r in removed):
        kind = "web"
    else:
        kind = doc.kind
    status, reason = doc.status, doc.reason
    if status == "kept":
        unreadable = language.unsupported_language(cleaned)
        if unreadable:
            status, reason = "unsupported-language", unreadable
        elif why := junk.junk_reason(cleaned, removed):
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
