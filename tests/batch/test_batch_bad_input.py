"""batch on bad output paths and on resumes that would mix options (issue 15.6, 15.15, 15.16)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from newsfuse.batch import run_batch
from newsfuse.cli import main
from newsfuse.config import Options
from newsfuse.errors import ConfigError


@pytest.fixture()
def source(tmp_path: Path, bundled_example: Path) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sorted(bundled_example.glob("*.txt"))]
    path = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": f"c{k}", "documents": texts[k:] + texts[:k]}) for k in range(2)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_output_in_a_missing_folder_is_one_clear_line(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 15.6: a FileNotFoundError traceback."""
    out = tmp_path / "missing-folder" / "out.jsonl"
    assert main(["batch", str(source), "-o", str(out), "--encoder", "lexical"]) == 1
    err = capsys.readouterr().err
    assert err == f"newsfuse: error: {out}: cannot write there: folder {out.parent} does not exist\n"
    assert not out.parent.exists()


def test_the_output_may_not_be_an_input(source: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 15.16: the input counted as already done (its ids are in it) and nothing ran."""
    before = source.read_bytes()
    assert main(["batch", str(source), "-o", str(source), "--encoder", "lexical"]) == 1
    assert capsys.readouterr().err == (
        f"newsfuse: error: {source}: the output is also an input; choose another output file\n"
    )
    assert source.read_bytes() == before


def test_records_carry_their_options_and_a_resume_with_others_is_refused(
    source: Path, tmp_path: Path, check_briefing: Callable[..., None]
) -> None:
    """Issue 15.15: resuming with --words 60 on 250-word output silently mixed both."""
    out = tmp_path / "out.jsonl"
    first = Options(encoder="lexical", words=100)
    run_batch([source], out, options=Options(encoder="lexical", words=100), workers=1)
    (record, *_) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["options"]["words"] == 100 and record["options"]["encoder"] == "lexical"
    check_briefing(record["briefing"])
    # Keep only the first record, as a run stopped after one cluster would.
    out.write_text(out.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    written = out.read_bytes()
    with pytest.raises(ConfigError) as refused:
        run_batch([source], out, options=Options(encoder="lexical", words=60, sections=("quotes",)))
    assert str(refused.value) == (
        f"{out}: was written with other options (words 100, this run 60; sections [], this run "
        '["quotes"]); resume with the same options or write to another file'
    )
    assert out.read_bytes() == written
    resumed = run_batch([source], out, options=first)
    assert (resumed.written, resumed.skipped) == (1, 1)
    options = {
        json.dumps(json.loads(line)["options"]) for line in out.read_text(encoding="utf-8").splitlines()
    }
    assert len(options) == 1


def test_an_error_record_for_an_id_with_half_a_character_is_written(tmp_path: Path) -> None:
    """The id of a cluster that fails is written too: half a character in it must not break the line."""
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "s\ud800", "documents": []})
        + "\n"
        + json.dumps({"id": "t\ud800", "documents": 5})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    report = run_batch([source], out, options=Options(encoder="lexical"))
    assert (report.written, report.errors) == (2, 2)
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == [
        "s\ufffd",
        "t\ufffd",
    ]


def test_an_input_name_that_is_not_utf8_still_gives_error_records(tmp_path: Path) -> None:
    """Error records name their line (``path:line``); a path of raw bytes must not break them."""
    import os

    try:
        with open(os.fsencode(tmp_path) + b"/caf\xe9.jsonl", "w", encoding="utf-8") as handle:
            handle.write("{not json\n")
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    (source,) = tmp_path.glob("caf*.jsonl")
    out = tmp_path / "out.jsonl"
    report = run_batch([source], out, options=Options(encoder="lexical"))
    assert (report.written, report.errors) == (1, 1)
    assert "not JSON" in json.loads(out.read_text(encoding="utf-8"))["error"]


def test_loose_text_files_are_one_cluster_as_summarize_reads_them(
    tmp_path: Path, bundled_example: Path
) -> None:
    """Reading input by input (so one bad input spares the others) must not split loose files
    given together into one cluster each: a directory's reports are one story. A missing path
    beside them is reported, and the loose files are still read."""
    files = sorted(str(p) for p in bundled_example.glob("*.txt"))
    out = tmp_path / "out.jsonl"
    report = run_batch([*files, str(tmp_path / "nowhere.txt")], out, options=Options(encoder="lexical"))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 1 and "error" not in records[0]
    assert len(records[0]["briefing"]["documents"]) == len(files)
    assert report.input_errors == [f"{tmp_path / 'nowhere.txt'}: no such file or directory"]
