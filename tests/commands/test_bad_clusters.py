"""summarize and inspect on inputs with bad clusters: the good ones are written, each bad one is
one line on stderr naming it, and both commands exit 1 when anything failed (issue 15.3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.cli import main


@pytest.fixture()
def mixed_jsonl(tmp_path: Path, bundled_example: Path) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sorted(bundled_example.glob("*.txt"))]
    lines = [
        json.dumps({"id": "first", "documents": texts}),
        json.dumps({"id": "emptylist", "documents": []}),
        "{not json",
        json.dumps({"id": "last", "documents": texts[:2]}),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_summarize_keeps_going_after_a_cluster_without_documents(
    mixed_jsonl: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["summarize", str(mixed_jsonl), "--format", "json", "--words", "60", "--encoder", "lexical"])
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == ["first", "last"]
    errors = captured.err.splitlines()
    assert errors == [
        f"newsfuse: error: {mixed_jsonl}:2: 'documents' is empty; give at least one report",
        f"newsfuse: error: {mixed_jsonl}:3: not JSON (Expecting property name enclosed in double quotes)",
    ]
    assert code == 1, "some clusters failed"


def test_inspect_reports_like_summarize(mixed_jsonl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["inspect", str(mixed_jsonl), "--format", "json", "--no-off-topic"])
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == ["first", "last"]
    assert len(captured.err.splitlines()) == 2 and "mixed.jsonl:2" in captured.err
    assert code == 1


def test_one_bad_path_does_not_stop_the_others(
    bundled_example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty-dir"
    empty.mkdir()
    code = main(["summarize", str(empty), str(bundled_example), "--format", "json", "--encoder", "lexical"])
    captured = capsys.readouterr()
    assert json.loads(captured.out.splitlines()[0])["id"] == "cyclone-landfall"
    assert (
        captured.err.strip()
        == f"newsfuse: error: {empty}: directory holds no readable .txt, .md or .html files"
    )
    assert code == 1


def test_all_good_inputs_exit_zero(bundled_example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", str(bundled_example), "--encoder", "lexical", "--words", "60"]) == 0
    assert main(["inspect", str(bundled_example), "--no-off-topic", "--removed-only"]) == 0
    assert capsys.readouterr().err == ""
