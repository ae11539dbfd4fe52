"""The newsfuse command through its own door (a subprocess), as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from newsfuse.cli import build_parser
from newsfuse.commands import COMMANDS


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsfuse.cli", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=300,
    )


def test_every_command_has_help() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    assert set(subparsers.choices) == set(COMMANDS)
    for name, sub in subparsers.choices.items():
        assert sub.description or sub.format_help(), name
        assert any(name == c.dest for c in subparsers._choices_actions), name
        assert next(c for c in subparsers._choices_actions if c.dest == name).help, name


def test_help_loads_no_model() -> None:
    code = "import sys; from newsfuse.cli import build_parser; build_parser(); print(sorted(sys.modules))"
    modules = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    for heavy in ("onnxruntime", "numpy", "pysbd", "trafilatura", "fastapi", "ray"):
        assert f"'{heavy}'" not in modules, heavy


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_summarize_example_in_every_format(
    sony_dir: Path, fmt: str, check_briefing: Callable[..., None]
) -> None:
    result = run("summarize", str(sony_dir), "--format", fmt)
    assert result.returncode == 0, result.stderr
    if fmt == "json":
        data = json.loads(result.stdout)
        check_briefing(data)
        assert data["schema_version"]
        assert data["summary"] and all(s["sources"] for s in data["summary"])
        ids = {d["id"] for d in data["documents"]}
        assert all(set(s["sources"]) <= ids for s in data["summary"])
        assert {"id", "title", "kind", "status", "reason"} <= set(data["documents"][0])
    else:
        assert "[1]" in result.stdout and ("Sources" in result.stdout)


def test_jsonl_with_a_bad_line_reports_it_and_goes_on(
    tmp_path: Path, dev_clusters: list[dict], check_briefing: Callable[..., None]
) -> None:
    path = tmp_path / "in.jsonl"
    good = {"id": dev_clusters[0]["id"], "documents": dev_clusters[0]["documents"]}
    path.write_text("{broken\n" + json.dumps(good) + "\n")
    result = run("summarize", str(path), "--format", "json", "--words", "100")
    assert result.returncode == 1, "a line failed (the good one is still written)"
    assert "in.jsonl:1" in result.stderr and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["id"] == good["id"]
    check_briefing(json.loads(result.stdout))


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty file"), (b"\x00\x01\x02binary", "binary file")],
)
def test_bad_input_is_one_clear_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("summarize", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert str(path) in result.stderr and message in result.stderr


def test_stdin_multinews_form(check_briefing: Callable[..., None]) -> None:
    stdin = (
        "The storm hit the coast on Monday and cut power to thousands of homes. Officials opened shelters. "
        "||||| Thousands of homes lost power when the storm reached the coast on Monday, officials said."
    )
    result = run("summarize", "-", "--format", "json", stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["documents"]) == 2
    check_briefing(json.loads(result.stdout))


def test_eval_json_reports_both_systems(dev_path: Path) -> None:
    result = run("eval", str(dev_path), "--limit", "3", "--system", "newsfuse", "--system", "lead", "--json")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["system"] for r in rows] == ["newsfuse", "lead"]
    for row in rows:
        assert {"rouge1", "rouge2", "rougeLsum", "clusters", "seconds"} <= set(row)
        assert 10 < row["rouge1"] < 80 and row["clusters"] == 3


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"newsfuse {name}" in readme, name


def test_an_unexpected_error_is_one_line_naming_the_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The last resort: a bug anywhere in a command (simulated here) is one line naming the
    command and its input, exit 70, never a traceback."""
    import newsfuse.stream.store
    from newsfuse.cli import main

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(newsfuse.stream.store, "open_store", broken)
    db = tmp_path / "stories.db"
    assert main(["stories", "list", "--db", str(db)]) == 70
    assert capsys.readouterr().err == (
        f"newsfuse: error: stories list --db {db}: internal error (RuntimeError: simulated bug); this is a "
        "bug in newsfuse, please report it with the input (run with -v for the traceback)\n"
    )


def test_an_unexpected_error_on_one_cluster_does_not_stop_the_others(
    tmp_path: Path, bundled_example: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import newsfuse.pipeline
    from newsfuse.cli import main

    real = newsfuse.pipeline.summarize

    def broken_on_one(documents: object, *, options: object, cluster_id: str = "cluster") -> object:
        if cluster_id == "bad":
            raise KeyError("simulated bug")
        return real(documents, options=options, cluster_id=cluster_id)

    monkeypatch.setattr(newsfuse.pipeline, "summarize", broken_on_one)
    texts = [p.read_text(encoding="utf-8") for p in sorted(bundled_example.glob("*.txt"))]
    path = tmp_path / "in.jsonl"
    path.write_text(
        "\n".join(json.dumps({"id": name, "documents": texts}) for name in ("good", "bad", "also-good"))
        + "\n",
        encoding="utf-8",
    )
    assert main(["summarize", str(path), "--format", "json", "--encoder", "lexical"]) == 1
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == ["good", "also-good"]
    assert captured.err.startswith("newsfuse: error: cluster bad: internal error (KeyError: 'simulated bug')")


def test_stdin_that_is_not_utf8_is_read_like_a_file(check_briefing: Callable[..., None]) -> None:
    """stdin was decoded by Python's own rules: in a UTF-8 locale, one bad byte was a crash."""
    report = (
        "The storm hit the coast on Monday night and cut power to thousands of homes, officials said. "
        "Crews worked through the night to restore the lines before morning, the utility said.\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "newsfuse.cli", "summarize", "-", "--format", "json", "--encoder", "lexical"],
        input=report.replace("storm", "storm \xe9").encode("cp1252"),
        capture_output=True,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"},
    )
    assert result.returncode == 0, result.stderr
    briefing = json.loads(result.stdout.decode("utf-8"))
    check_briefing(briefing)
    assert "storm é hit" in briefing["summary"][0]["text"]


def test_a_file_name_that_is_not_utf8_is_shown_not_fatal(tmp_path: Path) -> None:
    """A name of raw bytes (Linux allows them) reached the JSON output as a lone surrogate, which
    a UTF-8 terminal cannot print: an internal error instead of a briefing."""
    folder = tmp_path / "reports"
    folder.mkdir()
    try:
        with open(os.fsencode(folder) + b"/caf\xe9.txt", "w", encoding="utf-8") as handle:
            handle.write(
                "The storm reached the coast on Monday night and cut power to thousands of homes, officials "
                "said. Crews worked through the night to restore the lines before morning, the utility said.\n"
            )
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsfuse.cli",
            "summarize",
            str(folder),
            "--format",
            "json",
            "--encoder",
            "lexical",
        ],
        capture_output=True,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["documents"][0]["source"].endswith("caf\ufffd.txt")
