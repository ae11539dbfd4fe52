"""The story store on SQLite and on a real PostgreSQL: migrations, ingest, briefings, concurrent
writers, and a SIGKILL mid-ingest."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsfuse.errors import ConfigError
from newsfuse.stream.cluster import Article, ClusterOptions
from newsfuse.stream.evaluate import duc_stream
from newsfuse.stream.runner import StreamReport, ingest, run_stream
from newsfuse.stream.store import MIGRATIONS, SQLITE_TYPES, Store, open_store

POSTGRES = os.environ.get("NEWSFUSE_TEST_POSTGRES")
TABLES = ("briefings", "articles", "stories", "schema_migrations")


def _reset_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as db:
        db.execute(f"DROP TABLE IF EXISTS {', '.join(TABLES)}")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty store location on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "stories.db")
        return
    if not POSTGRES:
        pytest.skip("NEWSFUSE_TEST_POSTGRES is unset; .ci/run starts a PostgreSQL and sets it")
    pytest.importorskip("psycopg", reason="psycopg is the optional extra [postgres]")
    _reset_postgres(POSTGRES)
    yield POSTGRES
    _reset_postgres(POSTGRES)


@pytest.fixture(scope="module")
def duc_articles(duc_path: Path) -> list[Article]:
    return [a for a, _ in duc_stream(duc_path, limit=240)]


def _jsonl(path: Path, articles: list[Article]) -> Path:
    lines = [json.dumps({"id": a.id, "date": a.date, "title": a.title, "text": a.text}) for a in articles]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _stream_command(source: Path, db: str, batch: int = 8) -> list[str]:
    return [
        sys.executable, "-m", "newsfuse.cli", "stream", str(source), "--db", db,
        "--batch", str(batch), "--no-briefings",
    ]  # fmt: skip


def test_migrations_are_applied_once_and_recorded(db_url: str) -> None:
    store = open_store(db_url)
    store.close()
    store = open_store(db_url)
    try:
        assert store.migrate() == []
        names = store._rows("SELECT name FROM schema_migrations")  # type: ignore[attr-defined]
        assert [n for (n,) in names] == [m[0] for m in MIGRATIONS]
    finally:
        store.close()


def test_ingest_is_idempotent_and_consistent(db_url: str, duc_articles: list[Article]) -> None:
    store = open_store(db_url)
    try:
        report = run_stream(duc_articles[:60], store, batch_size=16, briefings=False)
        assert report.articles == 60 and report.repeated == 0
        again = StreamReport()
        assignments, changed = ingest(store, duc_articles[:20], ClusterOptions(), again)
        assert (again.articles, again.repeated, changed) == (0, 20, set())
        assert all(store.known_articles([a.article_id])[a.article_id] == a.story_id for a in assignments)
        counts = store.counts()
        assert counts["articles"] == 60
        assert sum(row.size for row in store.stories(limit=1000)) == 60
        assert store.check() == []
    finally:
        store.close()


def test_an_older_briefing_never_replaces_a_newer_one(db_url: str, duc_articles: list[Article]) -> None:
    store = open_store(db_url)
    try:
        run_stream(duc_articles[:3], store, briefings=False)
        story_id = store.stories(limit=1)[0].id
        assert store.stale_stories() and story_id in store.stale_stories()
        assert store.save_briefing(story_id, 2, {"summary": ["new"]})
        assert not store.save_briefing(story_id, 1, {"summary": ["old"]})
        assert store.briefing(story_id) == {"summary": ["new"]}
    finally:
        store.close()


def test_a_store_made_before_the_junk_column_is_migrated_in_place(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.db"
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[0][1].format(**SQLITE_TYPES))
    old.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    old.execute("INSERT INTO schema_migrations VALUES (?, 'then')", (MIGRATIONS[0][0],))
    old.execute("INSERT INTO stories VALUES ('s-1', 1, '2026-03-12', '2026-03-12', 'Old story', '{}')")
    old.commit()
    old.close()
    store = open_store(path)
    try:
        assert [row.id for row in store.stories()] == ["s-1"]
        assert store.story("s-1").junk is None  # type: ignore[union-attr]
    finally:
        store.close()


def test_junk_is_stored_apart_from_stories(db_url: str, bundled_example: Path) -> None:
    not_found = (bundled_example / "page-not-found.txt").read_text(encoding="utf-8")
    report = (bundled_example / "coastal-herald-article.txt").read_text(encoding="utf-8")
    articles = [
        Article(id="404", date="2026-03-12", title="", text=not_found),
        Article(id="herald", date="2026-03-12", title="Cyclone", text=report),
    ]
    store = open_store(db_url)
    try:
        _, changed = ingest(store, articles, ClusterOptions())
        assert changed == {"s-herald"}, "only the real story is due a briefing"
        assert [row.id for row in store.stories()] == ["s-herald"]
        everything = {row.id: row for row in store.stories(junk=True)}
        assert set(everything) == {"s-404", "s-herald"}
        assert "error page" in (everything["s-404"].junk or "")
        assert store.stale_stories() == ["s-herald"]
        assert [s.id for s in store.active_stories("2026-03-01", "2026-03-31")] == ["s-herald"]
        assert store.check() == []
    finally:
        store.close()


def test_an_unknown_store_scheme_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="mysql://x: unknown scheme"):
        open_store("mysql://x")


def _check_store(url: str, expected_ids: set[str]) -> Store:
    store = open_store(url)
    assert store.check() == []
    assert set(store.known_articles(sorted(expected_ids))) == expected_ids
    return store


def test_two_concurrent_writers_lose_nothing(
    db_url: str, duc_articles: list[Article], tmp_path: Path
) -> None:
    # Both writers also race to create the schema: migrations run under the writer lock.
    halves = (duc_articles[:120], duc_articles[120:])
    sources = [_jsonl(tmp_path / f"half{k}.jsonl", half) for k, half in enumerate(halves)]
    writers = [subprocess.Popen(_stream_command(s, db_url, batch=4), stdout=subprocess.PIPE) for s in sources]
    outputs = [w.communicate(timeout=300)[0] for w in writers]
    assert [w.returncode for w in writers] == [0, 0]
    acknowledged = {json.loads(line)["id"] for out in outputs for line in out.splitlines()}
    assert acknowledged == {a.id for a in duc_articles}
    store = _check_store(db_url, acknowledged)
    try:
        assert store.counts()["articles"] == len(duc_articles)
        assert sum(row.size for row in store.stories(limit=10_000)) == len(duc_articles)
    finally:
        store.close()


def test_sigkill_mid_ingest_keeps_every_acknowledged_article(
    db_url: str, duc_articles: list[Article], tmp_path: Path
) -> None:
    source = _jsonl(tmp_path / "in.jsonl", duc_articles)
    process = subprocess.Popen(_stream_command(source, db_url, batch=4), stdout=subprocess.PIPE)
    assert process.stdout is not None
    acknowledged: list[str] = []
    deadline = time.monotonic() + 120
    while len(acknowledged) < 40 and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        acknowledged.append(json.loads(line)["id"])
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    process.stdout.close()
    assert 40 <= len(acknowledged) < len(duc_articles), "the writer should have been killed mid-stream"
    store = _check_store(db_url, set(acknowledged))
    store.close()
    # Re-running the stream completes it without duplicating anything.
    subprocess.run(_stream_command(source, db_url), check=True, capture_output=True, timeout=300)
    store = _check_store(db_url, {a.id for a in duc_articles})
    try:
        assert store.counts()["articles"] == len(duc_articles)
    finally:
        store.close()


def test_the_refresher_skips_a_story_it_cannot_summarize_and_drains(
    tmp_path: Path, duc_articles: list[Article]
) -> None:
    """A story that cannot be summarized (here its articles are missing, as in a damaged store)
    must not keep the refresher busy forever; the other stories get their briefings."""
    from newsfuse.config import Options
    from newsfuse.stream.cluster import StoryState
    from newsfuse.stream.refresh import Refresher

    store = open_store(tmp_path / "stories.db")
    try:
        run_stream(duc_articles[:4], store, briefings=False)
        with store.exclusive():
            store.save([], [], [StoryState("s-empty", {"x": 1.0}, 1, "1996-01-02", "1996-01-02", "Lost")])
        stale = set(store.stale_stories())
        assert "s-empty" in stale and len(stale) >= 2

        refresher = Refresher(store.url, Options()).start()
        finisher = threading.Thread(target=refresher.finish, daemon=True)
        finisher.start()
        finisher.join(timeout=120)
        assert not finisher.is_alive(), "the refresher did not drain"
        assert store.stale_stories() == ["s-empty"]
        assert refresher.briefings == len(stale) - 1
    finally:
        store.close()


def test_nul_and_broken_characters_never_stop_a_stream(db_url: str, caplog: pytest.LogCaptureFixture) -> None:
    """Issue 15.2: a NUL (valid JSON ``\\u0000``) stopped a PostgreSQL stream for good, and a lone
    surrogate (``\\ud800``) stopped both stores. Both stores now get the same text: NUL removed,
    a lone surrogate replaced by U+FFFD, each with a warning naming the line and the article; an
    id holding them is refused, naming its line. Every other article is stored."""
    from newsfuse.stream.runner import read_articles

    records = [
        {
            "id": f"n{k}",
            "date": "2024-05-01",
            "title": f"Flood report {k}",
            "text": f"Officials said the river flooded {k} homes in the valley on Monday night.",
        }
        for k in range(70)
    ]
    records[30]["text"] += " Crews\u0000 kept working."
    records[31]["title"] = "Flood\u0000 report"
    records[32]["text"] += " Residents \ud83d waited."
    records[33]["id"] = "n33\u0000"
    lines = [json.dumps(r) for r in records]
    report = StreamReport()
    store = open_store(db_url)
    try:
        run_stream(
            read_articles(lines, "feed.jsonl", report), store, batch_size=64, briefings=False, report=report
        )
        assert (report.articles, report.rejected) == (69, 1)
        assert report.problems == [
            "feed.jsonl:34: 'id' holds a NUL or a broken (lone surrogate) character; give a plain text id"
        ]
        stored = {a.id: a for s in store.stories(limit=100, junk=True) for a in store.story_articles(s.id)}
        assert len(stored) == 69
        assert stored["n30"].text.endswith("Crews kept working.")
        assert stored["n31"].title == "Flood report"
        assert stored["n32"].text.endswith("Residents \ufffd waited.")
    finally:
        store.close()
    assert "feed.jsonl:31: article n30: 'text': removed 1 NUL character" in caplog.text
    assert "feed.jsonl:33: article n32: 'text': replaced 1 lone surrogate" in caplog.text


def test_a_read_only_open_never_creates_a_store(db_url: str) -> None:
    """Issue 15.17: `stories list --db typo.db` made an empty store; read-only opens refuse."""
    from newsfuse.errors import StoreError

    with pytest.raises(StoreError, match="no story store there"):
        open_store(db_url, create=False)
    if "://" not in db_url:
        assert not Path(db_url).exists()
    open_store(db_url).close()  # a writer creates it
    open_store(db_url, create=False).close()


def test_a_bug_on_one_article_costs_only_that_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The class of issue 15.1/15.2: anything unexpected while clustering or storing one article
    (simulated here) used to fail its whole batch, and every re-run stopped at the same place.
    The batch is retried article by article; only the one that fails is rejected, by name."""
    import newsfuse.stream.cluster
    from newsfuse.stream.runner import read_articles

    real = newsfuse.stream.cluster.article_junk

    def broken_on_one(article: Article) -> str | None:
        if article.id == "n7":
            raise OverflowError("simulated bug")
        return real(article)

    monkeypatch.setattr(newsfuse.stream.cluster, "article_junk", broken_on_one)
    lines = [
        json.dumps(
            {"id": f"n{k}", "date": "2024-05-01", "title": f"Flood {k}", "text": f"River flooded {k} homes."}
        )
        for k in range(20)
    ]
    report = StreamReport()
    store = open_store(tmp_path / "stories.db")
    try:
        run_stream(
            read_articles(lines, "feed.jsonl", report), store, batch_size=8, briefings=False, report=report
        )
        assert (report.articles, report.rejected) == (19, 1)
        assert set(store.known_articles([f"n{k}" for k in range(20)])) == {f"n{k}" for k in range(20)} - {
            "n7"
        }
        assert store.check() == []
    finally:
        store.close()
    assert report.problems == [
        "feed.jsonl:8: article n7: not stored, internal error (OverflowError: simulated bug); "
        "this is a bug in newsfuse, please report it with the article"
    ]


def test_a_bug_on_one_story_does_not_stop_the_other_briefings(
    tmp_path: Path, duc_articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unexpected exception summarizing one story stopped the refresher thread for all."""
    import newsfuse.pipeline
    from newsfuse.config import Options
    from newsfuse.stream.refresh import Refresher

    store = open_store(tmp_path / "stories.db")
    try:
        run_stream(duc_articles[:6], store, briefings=False)
        stale = store.stale_stories()
        assert len(stale) >= 2
        real = newsfuse.pipeline.summarize

        def broken_on_one(documents: object, *, options: object, cluster_id: str = "cluster") -> object:
            if cluster_id == stale[0]:
                raise ZeroDivisionError("simulated bug")
            return real(documents, options=options, cluster_id=cluster_id)

        monkeypatch.setattr(newsfuse.pipeline, "summarize", broken_on_one)
        refresher = Refresher(store.url, Options(encoder="lexical")).start()
        refresher.finish()
        assert store.stale_stories() == [stale[0]]
        assert refresher.briefings == len(stale) - 1
    finally:
        store.close()


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://ann:s3cret@db.example/news",
        "postgresql://ann:s3cret@db.example/news?sslrootcert=file:///etc/ca.pem",
        "postgresql://ann:s3cret://x@db.example/news",
    ],
)
def test_messages_and_error_lines_never_show_a_store_password(url: str) -> None:
    """The CLI's error line names the command and its --db; the store's messages name the URL.
    Neither may show the password, however the URL is written (a second "://" in a query or a
    password once split the CLI's own copy of the redaction at the wrong place)."""
    import argparse

    from newsfuse.cli import _invocation
    from newsfuse.stream.store import redact_url

    args = argparse.Namespace(command="stories", action="list", db=url)
    for shown in (redact_url(url), _invocation(args)):
        assert "s3cret" not in shown and "ann@db.example/news" in shown
