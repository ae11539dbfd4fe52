"""summarize and inspect on inputs with bad clusters: the good ones are written, each bad one is
one line on stderr naming it, and both commands exit 1 when anything failed (issue 15.3)."""

from __future__ import annotations

import json
from collections.abc import Callable
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
    mixed_jsonl: Path, capsys: pytest.CaptureFixture[str], check_briefing: Callable[..., None]
) -> None:
    code = main(["summarize", str(mixed_jsonl), "--format", "json", "--words", "60", "--encoder", "lexical"])
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == ["first", "last"]
    for line in captured.out.splitlines():
        check_briefing(json.loads(line))
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


def _truncated_gzip(path: Path, records: list[dict], complete: int) -> Path:
    """``records`` as gzipped JSONL cut short: the first ``complete`` lines can be read whole,
    then the data stops in the middle of the next line (as a copy interrupted part-way does)."""
    import zlib

    lines = [(json.dumps(r) + "\n").encode("utf-8") for r in records]
    gzip_stream = zlib.compressobj(9, zlib.DEFLATED, 31)
    head = gzip_stream.compress(b"".join(lines[:complete])) + gzip_stream.flush(zlib.Z_FULL_FLUSH)
    tail = gzip_stream.compress(b"".join(lines[complete:])) + gzip_stream.flush()
    path.write_bytes(head + tail[: len(tail) // 4])
    return path


@pytest.fixture()
def truncated_gz(tmp_path: Path, bundled_example: Path) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sorted(bundled_example.glob("*.txt"))]
    summary = "A cyclone made landfall and thousands of people were evacuated from the coast."
    records = [{"id": f"c{k}", "documents": texts[k:] + texts[:k], "summary": summary} for k in range(4)]
    return _truncated_gzip(tmp_path / "clusters.jsonl.gz", records, complete=2)


TRUNCATED = "the file ends early or is damaged after line 2"


@pytest.mark.parametrize("command", ["summarize", "inspect"])
def test_a_truncated_gzip_gives_the_clusters_before_the_cut(
    truncated_gz: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 15.5: an EOFError traceback, and summarize wrote nothing at all."""
    options = ["--encoder", "lexical", "--words", "60"] if command == "summarize" else ["--no-off-topic"]
    code = main([command, str(truncated_gz), "--format", "json", *options])
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == ["c0", "c1"]
    assert captured.err.startswith(f"newsfuse: error: {truncated_gz}: {TRUNCATED}")
    assert len(captured.err.splitlines()) == 1 and code == 1


def test_batch_writes_the_clusters_before_the_cut(
    truncated_gz: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    code = main(["batch", str(truncated_gz), "-o", str(out), "--encoder", "lexical", "--words", "60"])
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["c0", "c1"]
    err = capsys.readouterr().err
    assert f"newsfuse: error: {truncated_gz}: {TRUNCATED}" in err and "Traceback" not in err
    assert code == 1


def test_eval_names_the_truncated_file(truncated_gz: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["eval", str(truncated_gz), "--system", "lead"])
    assert capsys.readouterr().err.startswith(f"newsfuse: error: {truncated_gz}: {TRUNCATED}")
    assert code == 1


FAR_FUTURE_REPORT = """Storm expected on the coast
December 31, 9999

The storm will reach the coast tomorrow, forecasters said in their evening bulletin.
Residents of the low-lying districts were told to leave their homes before nightfall.
Shelters opened in three schools and the town hall, and buses will run all night.
"""


def test_a_far_dated_report_with_a_timeline_is_summarized(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], check_briefing: Callable[..., None]
) -> None:
    """Issue 15.4: a report dated 9999-12-31 saying "tomorrow" gave an OverflowError traceback."""
    report = tmp_path / "far.txt"
    report.write_text(FAR_FUTURE_REPORT, encoding="utf-8")
    assert main(["summarize", str(report), "--sections", "timeline", "--format", "json"]) == 0
    briefing = json.loads(capsys.readouterr().out)
    check_briefing(briefing)
    # The date parser reads years of news (1900-2099) only, so the report is undated and nothing
    # relative is resolved; the API test gives the far date explicitly and reaches the overflow.
    assert briefing["documents"][0]["date"] in (None, "9999-12-31")
    assert briefing["summary"] and all(event["expression"] != "tomorrow" for event in briefing["timeline"])


@pytest.mark.parametrize("command", ["summarize", "batch"])
def test_half_a_character_in_json_input_is_written_out(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A lone surrogate ("\\ud800") in a JSONL cluster made summarize and batch fail on writing."""
    path = tmp_path / "in.jsonl"
    text = FAR_FUTURE_REPORT.replace("forecasters", "forecasters \ud800")
    path.write_text(json.dumps({"id": "s\ud800", "documents": [text]}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = ["-o", str(out)] if command == "batch" else ["--format", "json"]
    assert main([command, str(path), "--encoder", "lexical", *args]) == 0
    written = out.read_text(encoding="utf-8") if command == "batch" else capsys.readouterr().out
    assert json.loads(written)["id"] == "s\ufffd"
