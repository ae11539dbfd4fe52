"""Options that used to be taken at face value (issue 15.17): eval --limit/--skip, stories list
--since, and read-only stories commands on a store that does not exist."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.cli import main


@pytest.fixture()
def eval_data(tmp_path: Path) -> Path:
    path = tmp_path / "data.jsonl"
    path.write_text(
        '{"id": "c1", "documents": ["The storm hit the coast on Monday and cut power to homes."], '
        '"summary": "A storm cut power."}\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--limit", "0"], "--limit 0: must be at least 1 (leave it out to score every cluster)"),
        (["--limit", "-3"], "--limit -3: must be at least 1 (leave it out to score every cluster)"),
        (["--skip", "-1"], "--skip -1: must be 0 or more"),
    ],
)
def test_eval_refuses_counts_that_mean_nothing(
    eval_data: Path, flags: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """--limit 0 scored everything and --limit -3 one cluster."""
    assert main(["eval", str(eval_data), "--system", "lead", *flags]) == 1
    assert capsys.readouterr().err == f"newsfuse: error: {message}\n"


def test_evaluate_checks_its_counts_too(eval_data: Path) -> None:
    from newsfuse.errors import ConfigError
    from newsfuse.evaluate import evaluate

    with pytest.raises(ConfigError, match="limit: 0 must be at least 1"):
        evaluate(eval_data, system="lead", limit=0)
    with pytest.raises(ConfigError, match="skip: -2 must be 0 or more"):
        evaluate(eval_data, system="lead", skip=-2)


def test_stories_list_since_must_be_an_iso_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--since yesterday returned nothing, exit 0."""
    db = tmp_path / "stories.db"
    assert main(["stream", "--db", str(db), "--no-briefings", "/dev/null"]) == 0
    capsys.readouterr()
    for since in ("yesterday", "2024-13-01", "2024-05-01junk"):
        assert main(["stories", "list", "--db", str(db), "--since", since]) == 1
        assert capsys.readouterr().err == f"newsfuse: error: --since {since}: not an ISO date (YYYY-MM-DD)\n"
    assert main(["stories", "list", "--db", str(db), "--since", "2024-05-01"]) == 0
    assert main(["stories", "list", "--db", str(db), "--limit", "0"]) == 1
    assert "--limit 0: must be at least 1" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["stories", "list"], ["stories", "show", "s-1"], ["stories", "refresh"]])
def test_read_only_commands_never_create_a_store(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """stories list --db typo.db created an empty store (and answered as if it were one)."""
    typo = tmp_path / "typo.db"
    assert main([*command, "--db", str(typo)]) == 1
    assert capsys.readouterr().err == (
        f"newsfuse: error: {typo}: no story store there; `newsfuse stream --db {typo}` makes one\n"
    )
    assert list(tmp_path.iterdir()) == []
