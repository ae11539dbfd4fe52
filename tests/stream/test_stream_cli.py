"""``newsfuse stream`` and ``newsfuse stories`` through their own door: briefings kept current."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from newsfuse.cli import main
from newsfuse.stream.evaluate import event_stream


def test_stream_then_stories_list_and_show(
    tmp_path: Path,
    validation_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    check_briefing: Callable[..., None],
) -> None:
    articles, gold = event_stream(validation_path, clusters=3, skip=4000, drop_irrelevant=True)
    source = tmp_path / "articles.jsonl"
    lines = [json.dumps({"id": a.id, "date": a.date, "title": a.title, "text": a.text}) for a in articles]
    source.write_text("\n".join([*lines, "{broken"]) + "\n", encoding="utf-8")
    db = str(tmp_path / "stories.db")

    assert main(["stream", str(source), "--db", db]) == 0
    captured = capsys.readouterr()
    acks = [json.loads(line) for line in captured.out.splitlines()]
    assert [a["id"] for a in acks] == [a.id for a in articles]
    assert "1 rejected" in captured.err
    assert "articles.jsonl:7: not JSON" in caplog.text
    stories = {a["story"] for a in acks}
    assert len(set(gold.values())) <= len(stories) < len(articles)  # grouping quality: test_stream_cluster

    assert main(["stories", "list", "--db", db, "--json"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {row["id"] for row in listed} == stories
    assert all(row["briefed_size"] == row["size"] for row in listed), "every briefing is current"

    story = max(listed, key=lambda row: row["size"])
    assert main(["stories", "show", story["id"], "--db", db, "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    check_briefing(shown["briefing"], numbered=False)  # a story's briefing cites its articles by id
    assert shown["briefing"]["summary"], "the story has a briefing with a summary"
    cited = {source for sentence in shown["briefing"]["summary"] for source in sentence["sources"]}
    assert cited <= {a["id"] for a in shown["articles"]}

    assert main(["stories", "show", "no-such-story", "--db", db]) == 1
    assert "story no-such-story: not in" in capsys.readouterr().err


def test_stories_list_shows_junk_only_when_asked(
    tmp_path: Path, bundled_example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(bundled_example.glob("*.txt"))}
    source = tmp_path / "articles.jsonl"
    lines = [
        json.dumps({"id": name, "date": "2026-03-12", "title": "", "text": text})
        for name, text in texts.items()
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "stories.db")
    assert main(["stream", str(source), "--db", db, "--no-briefings"]) == 0
    acks = {ack["id"]: ack for ack in map(json.loads, capsys.readouterr().out.splitlines())}
    assert acks["page-not-found"]["junk"].startswith("error page")
    assert "junk" not in acks["coastal-herald-article"]

    assert main(["stories", "list", "--db", db]) == 0
    assert "page-not-found" not in capsys.readouterr().out
    assert main(["stories", "list", "--db", db, "--junk"]) == 0
    listed = capsys.readouterr().out
    assert "s-page-not-found" in listed and "(junk: error page" in listed
    assert main(["stories", "show", "s-page-not-found", "--db", db]) == 0
    assert "(junk, no briefing: error page" in capsys.readouterr().out

    assert main(["stories", "list", "--db", db, "--json"]) == 0
    pending = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert pending and all(row["briefed_size"] == 0 for row in pending), "--no-briefings left them stale"
    assert main(["stories", "refresh", "--db", db]) == 0
    assert f"briefings saved for {len(pending)} stale stories" in capsys.readouterr().err
    assert main(["stories", "list", "--db", db, "--json"]) == 0
    refreshed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all(row["briefed_size"] == row["size"] for row in refreshed)


def _synthetic_articles(count: int) -> list[dict[str, str]]:
    """Short made-up reports about ten places, dated over four weeks of May 2024."""
    return [
        {
            "id": f"a{n}",
            "date": f"2024-05-{n % 28 + 1:02d}",
            "title": f"Flooding in river town {n % 10}",
            "text": (
                f"Officials in river town {n % 10} said the flood reached {n} homes on Main Street. "
                f"Rescue crews moved {n + 3} families to the school gym before the levee gave way. "
                "The mayor asked residents to stay away from the bridge until engineers inspect it."
            ),
        }
        for n in range(count)
    ]


@pytest.mark.parametrize("far_date", ["0001-01-01", "9999-12-31"])
def test_a_far_dated_article_does_not_stop_the_stream(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], far_date: str
) -> None:
    """Issue 15.1: one article dated at the edge of the calendar after the 100th of 200 stopped
    the stream for good (OverflowError in the story window); every article must be stored."""
    articles = _synthetic_articles(200)
    articles[120]["date"] = far_date
    source = tmp_path / "articles.jsonl"
    source.write_text("\n".join(json.dumps(a) for a in articles) + "\n", encoding="utf-8")
    db = str(tmp_path / "stories.db")
    assert main(["stream", str(source), "--db", db, "--no-briefings", "--quiet"]) == 0
    assert "200 new articles" in capsys.readouterr().err
    assert main(["stream", str(source), "--db", db, "--no-briefings", "--quiet"]) == 0
    assert "0 new articles" in (rerun := capsys.readouterr().err) and "200 already stored" in rerun
    assert main(["stories", "list", "--db", db, "--json", "--limit", "1000"]) == 0
    stories = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sum(row["size"] for row in stories) == 200
    assert any(row["first_date"] == far_date for row in stories)


def test_json_that_python_cannot_hold_is_a_rejected_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """A line nested 100,000 deep or holding a 5,000-digit number raised past the line check."""
    articles = _synthetic_articles(3)
    lines = [
        json.dumps(articles[0]),
        "[" * 100_000,
        json.dumps(articles[1]),
        "1" * 5000,
        json.dumps(articles[2]),
    ]
    source = tmp_path / "articles.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["stream", str(source), "--db", str(tmp_path / "s.db"), "--no-briefings", "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "articles.jsonl:2: not usable JSON (RecursionError)" in caplog.text
    assert "articles.jsonl:4: not usable JSON (ValueError)" in caplog.text
    assert re.search(r"3 new articles \(.*\), 0 already stored, 2 rejected", err), err
