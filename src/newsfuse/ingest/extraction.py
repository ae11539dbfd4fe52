"""HTML page -> main text: trafilatura, with captions pruned first and a rescue for empty pages.

``html_to_text`` is what the cleaner calls for an HTML report. Two things around trafilatura,
both chosen on the tuning half of its own evaluation pages (``scripts/bench_html.py``;
BENCHMARKS.md, "HTML extraction"):

* Caption containers are pruned from the page before extraction. trafilatura prunes them itself
  when images are not kept, but only in its own extractor: when readability, jusText or its
  baseline take over (a page its extractor reads badly), the captions come back as paragraphs.
  Pruning them first, with trafilatura's own rule, means every stage sees the page without them
  (tuning half: 3 caption snippets fewer, no article text lost; two pages change).
* ``rescue_texts``: other readings of a page whose extraction left no article (a lone photo
  caption), for the cleaner to try before it sets the page aside.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lxml.etree import XPath

from newsfuse.ingest.decoding import html_for_extraction
from newsfuse.ingest.readers import MAX_DOCUMENT_CHARS, cap

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["EXTRACTION", "html_to_text", "rescue_texts"]

#: trafilatura's settings, chosen on the tuning half of its own evaluation pages: its balanced
#: default with tables kept (F1 0.932, recall 0.960) beat ``favor_precision`` without tables
#: (0.917, and 5 pages left empty), ``favor_recall`` (0.921) and ``fast`` (0.925).
EXTRACTION = {"include_comments": False, "include_tables": True, "favor_precision": False}

#: trafilatura's ``DISCARD_IMAGE_ELEMENTS`` (applied by its own extractor when images are off),
#: on the raw page's tag names.
_CAPTIONS = XPath(
    ".//*[self::div or self::p or self::section or self::span]"
    "[contains(@id, 'caption') or contains(@class, 'caption')]"
)
#: A "caption" element holding more than this share of the page's text is a layout wrapper
#: (class="has-caption"), not a caption: it stays.
CAPTION_MAX_SHARE = 0.5


def _prune_captions(tree: HtmlElement) -> HtmlElement:
    total = len(tree.text_content()) or 1
    for element in _CAPTIONS(tree):
        # An element inside a caption already dropped is detached: its parent chain ends early.
        if element.getparent() is not None and len(element.text_content()) <= CAPTION_MAX_SHARE * total:
            element.drop_tree()  # keeps the tail text, which belongs to the parent
    return tree


def _load(html: bytes | str) -> HtmlElement | None:
    import trafilatura

    if isinstance(html, bytes):
        html = html_for_extraction(html)
    return trafilatura.load_html(html)


def _finish(text: str | None, name: str) -> str:
    """NFC-normalised (as ``trafilatura.extract`` does; ``bare_extraction`` does not) and capped."""
    text = unicodedata.normalize("NFC", text or "")
    return cap(text, name, MAX_DOCUMENT_CHARS, "characters of text in the page")


def html_to_text(html: bytes | str, name: str = "") -> tuple[str, dict[str, str | None]]:
    """Main text of an HTML page (trafilatura) and its title/date/site name.

    Give the file's bytes where there are any: trafilatura then detects the encoding itself. The
    text is NFC-normalised and capped at ``MAX_DOCUMENT_CHARS``.
    """
    import trafilatura

    tree = _load(html)
    if tree is None:
        return "", {}
    extracted = trafilatura.bare_extraction(_prune_captions(tree), with_metadata=True, **EXTRACTION)
    if extracted is None:
        return "", {}
    meta = {"title": extracted.title, "date": extracted.date, "outlet": extracted.sitename}
    return _finish(extracted.text, name), meta


def _paragraphs(tree: HtmlElement) -> str:
    """Every paragraph of the page, wherever it sits (an ``<aside>``, a ``<footer>``)."""
    texts = (" ".join(p.text_content().split()) for p in tree.iter("p"))
    return "\n".join(t for t in texts if t)


def rescue_texts(html: bytes | str, name: str = "") -> Iterator[str]:
    """Other readings of a page, most selective first, for when ``html_to_text`` found no article.

    trafilatura in recall mode; its baseline (the article body the page declares in its JSON-LD,
    else an ``<article>``, else every ``<p>``); every ``<p>`` of the page (the baseline stops at a
    JSON-LD teaser when there is one). Each is computed only when asked for.
    """
    import trafilatura

    readers = (
        lambda tree: trafilatura.extract(tree, **{**EXTRACTION, "favor_recall": True}),
        lambda tree: trafilatura.baseline(tree)[1],
        _paragraphs,
    )
    for read in readers:
        tree = _load(html)  # each reader gets a fresh tree: trafilatura prunes in place
        if tree is None:
            return
        try:
            text = read(_prune_captions(tree))
        except Exception:  # a reader failing on one page is no reason to stop
            continue
        if text:
            yield _finish(text, name)
