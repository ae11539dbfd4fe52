"""Batch runs: one line per cluster id, torn-line repair, resume, determinism, SIGKILL, Ray."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from newsfuse.batch import ResultWriter, run_batch
from newsfuse.config import Options
from newsfuse.errors import ConfigError, InputError

# The lexical encoder keeps most runs fast: they test the bookkeeping, not the briefings.
LEXICAL = Options(encoder="lexical")


@pytest.fixture(scope="module")
def dev_rows(dev_path: Path) -> list[dict]:
    # Not conftest's dev_clusters: it leaves its file open, an error under filterwarnings=error.
    with dev_path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle][:10]


def _write_input(path: Path, clusters: list[dict], *, bad_line: bool = False) -> Path:
    lines = [json.dumps({"id": c["id"], "documents": c["documents"]}) for c in clusters]
    if bad_line:
        lines.insert(1, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_writer_drops_torn_last_line_and_collects_done_ids(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id": "a", "error": "x"}\n{"id": "b", "brief')
    with ResultWriter(out) as writer:
        assert writer.done == {"a"}
        writer.write({"id": "c", "error": "y"})
    assert out.read_bytes() == b'{"id": "a", "error": "x"}\n{"id": "c", "error": "y"}\n'


def test_writer_refuses_a_file_that_is_not_batch_output(tmp_path: Path) -> None:
    out = tmp_path / "notes.jsonl"
    out.write_text("hello\n")
    with pytest.raises(InputError, match=r"notes\.jsonl:1: not a newsfuse batch record"):
        ResultWriter(out)


def test_batch_writes_briefings_and_errors_then_resumes(
    tmp_path: Path, dev_rows: list[dict], check_briefing: Callable[..., None]
) -> None:
    clusters = [*dev_rows[:3], {"id": "empty", "documents": []}]
    source = _write_input(tmp_path / "in.jsonl", clusters, bad_line=True)
    out = tmp_path / "out.jsonl"
    report = run_batch([source], out)  # the real default pipeline, bundled MiniLM included
    records = _records(out)
    assert [r["id"] for r in records] == [clusters[0]["id"], "line-2", *[c["id"] for c in clusters[1:]]]
    assert "not JSON" in records[1]["error"]
    assert records[-1]["error"] == f"{source}:5: 'documents' is empty; give at least one report"
    assert records[-1]["options"]["words"] == Options().words
    for record in (records[0], records[2], records[3]):
        assert record["briefing"]["id"] == record["id"]
        assert record["briefing"]["summary"], record["id"]
        check_briefing(record["briefing"])
        assert set(record) == {"id", "options", "briefing"}
    assert (report.written, report.errors, report.skipped) == (5, 2, 0)

    again = run_batch([source], out)
    assert (again.written, again.skipped) == (0, 5)
    assert _records(out) == records


def test_repeated_ids_are_written_once(tmp_path: Path, dev_rows: list[dict]) -> None:
    source = _write_input(tmp_path / "in.jsonl", [dev_rows[0], dev_rows[0]])
    report = run_batch([source], tmp_path / "out.jsonl", options=LEXICAL)
    assert (report.written, report.duplicates) == (1, 1)


def test_pool_output_equals_single_process_output(tmp_path: Path, dev_rows: list[dict]) -> None:
    source = _write_input(tmp_path / "in.jsonl", dev_rows[:4])
    run_batch([source], tmp_path / "one.jsonl", options=LEXICAL, workers=1)
    run_batch([source], tmp_path / "two.jsonl", options=LEXICAL, workers=2)
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()


def test_bad_engine_and_workers_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown engine 'spark'"):
        run_batch([tmp_path / "x.jsonl"], tmp_path / "o.jsonl", engine="spark")
    with pytest.raises(ConfigError, match="workers: 0"):
        run_batch([tmp_path / "x.jsonl"], tmp_path / "o.jsonl", workers=0)


def _batch_command(source: Path, out: Path) -> list[str]:
    return [
        sys.executable, "-m", "newsfuse.cli", "batch", str(source), "-o", str(out),
        "--encoder", "lexical",
    ]  # fmt: skip


def test_sigkill_loses_nothing_and_resume_matches_an_uninterrupted_run(
    tmp_path: Path, dev_rows: list[dict]
) -> None:
    source = _write_input(tmp_path / "in.jsonl", dev_rows[:8])
    reference = tmp_path / "reference.jsonl"
    run_batch([source], reference, options=LEXICAL)

    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(_batch_command(source, out), stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 2):
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = out.read_bytes()
    lines = partial.count(b"\n")
    assert 2 <= lines < 8, "the run should have been killed mid-way"
    # Every complete line is valid JSON; a torn tail, if any, is repaired on the next start.
    for line in partial[: partial.rfind(b"\n")].splitlines():
        json.loads(line)

    subprocess.run(_batch_command(source, out), check=True, capture_output=True, timeout=300)
    assert out.read_bytes() == reference.read_bytes()


@pytest.mark.ray
def test_ray_engine_matches_the_local_engine(tmp_path: Path, dev_rows: list[dict]) -> None:
    pytest.importorskip("ray", reason="Ray is the optional extra [ray]")
    source = _write_input(tmp_path / "in.jsonl", dev_rows[:3], bad_line=True)
    run_batch([source], tmp_path / "local.jsonl", options=LEXICAL)
    report = run_batch([source], tmp_path / "ray.jsonl", options=LEXICAL, engine="ray", workers=2)
    assert report.written == 4
    assert (tmp_path / "ray.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
