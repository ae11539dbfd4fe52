"""The published JSON Schema (docs/briefing.schema.json) and the JSON newsfuse writes (issue 15.20).

Every other test that produces a briefing as JSON checks it with the ``check_briefing`` fixture
(conftest.py); these tests keep the schema in step with the code and cover the two ways the
output broke it: document ids of JSONL clusters, and empty-string quote speakers.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from newsfuse.cli import main
from newsfuse.config import SECTIONS
from newsfuse.model import KINDS, SCHEMA_VERSION, STATUSES, Briefing, Document, Quote, briefing_to_dict

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "docs" / "briefing.schema.json").read_text("utf-8")
)


def test_the_schema_follows_the_model() -> None:
    assert SCHEMA["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    document = SCHEMA["$defs"]["document"]["properties"]
    assert tuple(document["kind"]["enum"]) == KINDS
    assert tuple(document["status"]["enum"]) == STATUSES, "a new status needs the schema and docs/schema.md"
    assert set(SECTIONS) <= set(SCHEMA["properties"])


def test_the_schema_is_described_in_schema_md() -> None:
    words = (Path(__file__).resolve().parents[1] / "docs" / "schema.md").read_text("utf-8")
    assert "briefing.schema.json" in words
    for key in SCHEMA["properties"]:
        assert f"`{key}`" in words, key


def test_jsonl_clusters_number_their_documents_d1_d2(
    tmp_path: Path,
    bundled_example: Path,
    capsys: pytest.CaptureFixture[str],
    check_briefing: Callable[..., None],
) -> None:
    """For JSONL input the ids came out as "story-7/d1" where docs/schema.md promises "d1"."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(bundled_example.glob("*.txt"))]
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "story-7", "documents": texts}) + "\n", encoding="utf-8")
    assert main(["summarize", str(path), "--format", "json", "--sections", "all"]) == 0
    briefing = json.loads(capsys.readouterr().out)
    check_briefing(briefing)
    assert [d["id"] for d in briefing["documents"]] == [f"d{n}" for n in range(1, len(texts) + 1)]
    assert [d["source"] for d in briefing["documents"]] == [f"story-7#{n}" for n in range(1, len(texts) + 1)]
    assert briefing["summary"] and briefing["quotes"]


def test_a_quote_speaker_is_a_name_or_null() -> None:
    doc = Document(id="d1", source="x", text="“We will rebuild,” the mayor said.")
    quote = Quote(text="We will rebuild", speaker="", doc_id="d1", start=1, end=16)
    briefing = Briefing(
        id="b", documents=(doc,), summary=(), words=250, quotes=(quote,), sections=("quotes",)
    )
    assert briefing_to_dict(briefing)["quotes"][0]["speaker"] is None


def test_a_real_cluster_whose_quote_had_an_empty_speaker(
    validation_path: Path, check_briefing: Callable[..., None]
) -> None:
    """multinews-validation-3: a quote's speaker phrase "The" resolved to the empty string."""
    import itertools

    from newsfuse.config import Options
    from newsfuse.ingest.readers import iter_jsonl_clusters, open_jsonl_lines
    from newsfuse.pipeline import summarize

    lines = itertools.islice(open_jsonl_lines(validation_path), 10)
    cluster = next(c for c in iter_jsonl_clusters(lines, "validation") if c.id == "multinews-validation-3")
    briefing = summarize(cluster.documents, options=Options(sections=("quotes",)), cluster_id=cluster.id)
    data = json.loads(json.dumps(briefing_to_dict(briefing)))
    check_briefing(data)
    assert any(q["speaker"] is None for q in data["quotes"])
