"""Markdown output never lets HTML from a report through (issue 15.8): escaped text, checked by
rendering it with a CommonMark renderer that allows raw HTML, as many Markdown viewers do."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from newsfuse.cli import main
from newsfuse.model import Briefing, Document, Quote, SummarySentence, TimelineEvent
from newsfuse.render import render

ATTACKS = (
    "<img src=x onerror=alert(1)>",
    "<script>alert(document.cookie)</script>",
    '<a href="javascript:alert(1)">click</a>',
    "<javascript:alert(1)>",
    "[link](javascript:alert(1))",
    "&lt;script&gt; stays text &amp; <b>bold</b>",
    "a backslash \\<script>x</script>",
)


def _html(markdown: str) -> str:
    return MarkdownIt("commonmark", {"html": True}).render(markdown)


def _briefing(attack: str) -> Briefing:
    doc = Document(
        id="d1",
        source=f"feed/{attack}",
        text="text",
        title=f"Title {attack}",
        outlet=attack,
        date="2024-05-01",
    )
    junk = Document(id="d2", source="x", text="", status="junk", reason=f"reason {attack}")
    return Briefing(
        id=f"story {attack}",
        documents=(doc, junk),
        summary=(SummarySentence(text=f"The mayor said {attack} on Monday.", sources=("d1",), sentence=0),),
        words=250,
        quotes=(
            Quote(text=f"We will rebuild {attack}", speaker=f"Mayor {attack}", doc_id="d1", start=0, end=4),
        ),
        timeline=(TimelineEvent(date="2024-05-01", text=f"It happened {attack}.", sources=("d1",)),),
        sections=("quotes", "timeline"),
    )


@pytest.mark.parametrize("attack", ATTACKS)
def test_markup_in_reports_stays_text(attack: str) -> None:
    markdown = render(_briefing(attack), "markdown")
    html = _html(markdown)
    for tag in ("<img", "<script", "<b>", "<a "):
        assert tag not in html, (tag, markdown)
    assert 'href="javascript' not in html


def test_what_the_reader_sees_is_the_original_text() -> None:
    """Escaping must not change what is read: the rendered page shows the characters as written."""
    attack = "<script>alert(1)</script> & *stars* _under_ [brackets] `tick` \\ back"
    html = _html(render(_briefing(attack), "markdown"))
    shown = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; *stars* _under_ [brackets] `tick` \\ back"
    assert f"The mayor said {shown} on Monday." in html


def test_the_cli_escapes_a_report_title(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        "<img src=x onerror=alert(1)> Storm hits coast\n\n"
        "The storm reached the coast on Monday night and cut power to thousands of homes, officials said. "
        "Crews worked through the night <script>alert(1)</script> to restore the lines before morning.\n",
        encoding="utf-8",
    )
    assert main(["summarize", str(report), "--format", "markdown"]) == 0
    html = _html(capsys.readouterr().out)
    assert "<img" not in html and "<script" not in html
