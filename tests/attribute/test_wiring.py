"""The sections through summarize, the JSON schema and the text and markdown renderers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.config import SECTIONS, Options
from newsfuse.ingest.readers import read_clusters
from newsfuse.model import SCHEMA_VERSION
from newsfuse.pipeline import summarize
from newsfuse.render import render


@pytest.fixture(scope="module")
def briefing(sony_dir: Path):
    cluster = next(iter(read_clusters([sony_dir])))
    return summarize(cluster.documents, options=Options(words=80, sections=SECTIONS), cluster_id="sony")


def test_default_briefing_has_no_sections(sony_dir: Path, check_briefing) -> None:
    cluster = next(iter(read_clusters([sony_dir])))
    plain = summarize(cluster.documents, options=Options(words=60, encoder="lexical"))
    data = json.loads(render(plain, "json"))
    check_briefing(data)
    assert not set(SECTIONS) & set(data)
    assert plain.quotes == () and plain.timeline == ()
    assert "Quotes" not in render(plain, "text")


def test_json_carries_every_section(briefing, check_briefing) -> None:
    data = json.loads(render(briefing, "json"))
    check_briefing(data)
    assert data["schema_version"] == SCHEMA_VERSION
    assert {"quotes", "facts", "disagreements", "timeline"} <= set(data)
    quote = next(q for q in data["quotes"] if q["text"].startswith("We respect"))
    assert quote["speaker"] == "Sony Pictures Entertainment" and quote["doc_id"] == "d1"
    assert set(quote) == {"text", "speaker", "doc_id", "start", "end"}
    assert data["facts"][0]["support"] == len(data["facts"][0]["sources"]) >= 2
    assert all(set(e) == {"date", "text", "sources", "expression"} for e in data["timeline"])


def test_text_and_markdown_show_the_sections_after_the_summary(briefing) -> None:
    text = render(briefing, "text")
    assert text.index("Quotes:") < text.index("Most corroborated:") < text.index("Sources:")
    assert "President Barack Obama: “I wish they spoke to me first” [3]" in text
    assert "Timeline:" in text and "2014-12-17: Today Sony Pictures announced" in text
    markdown = render(briefing, "markdown")
    assert "## Quotes" in markdown and "## Reported by one source only" in markdown
    assert "- **FBI**: “As a result of our investigation" in markdown
