"""Markdown of briefings whose every text is adversarial: no markup but our own, in a CommonMark
renderer that lets raw HTML through."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from newsfuse.model import Briefing, Document, Quote, SummarySentence, TimelineEvent
from newsfuse.render import render

from .strategies import budget, messy_text

#: The tags the markdown renderer's own structure produces.
OWN_TAGS = {"h1", "h2", "p", "ol", "ul", "li", "strong", "em"}
TAG = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9-]*)")


@budget(100)
@given(texts=st.lists(messy_text(10), min_size=6, max_size=6))
def test_markdown_shows_report_text_as_text(texts: list[str]) -> None:
    title, outlet, sentence, quote, speaker, reason = texts
    doc = Document(id="d1", source=f"feed {reason}", text="x", title=title or None, outlet=outlet or None)
    junk = Document(id="d2", source="y", text="", status="junk", reason=reason)
    briefing = Briefing(
        id=f"story {title}",
        documents=(doc, junk),
        summary=(SummarySentence(text=sentence or "x", sources=("d1",), sentence=0),),
        words=250,
        quotes=(Quote(text=quote or "x", speaker=speaker or None, doc_id="d1", start=0, end=1),),
        timeline=(TimelineEvent(date="2024-05-01", text=sentence or "x", sources=("d1",)),),
        sections=("quotes", "timeline"),
    )
    html = MarkdownIt("commonmark", {"html": True}).render(render(briefing, "markdown"))
    assert {tag.lower() for tag in TAG.findall(html)} <= OWN_TAGS, html
    assert not re.search(r"<[^>]*\s(?:href|src|on\w+)\s*=", html), html  # no link, image or handler
