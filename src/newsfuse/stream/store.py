"""The story store: articles, stories and briefings, in SQLite (default) or PostgreSQL.

``Store`` is the protocol the runner and the ``stories`` command use; ``open_store(url)`` picks
the backend: a file path (or ``sqlite:///path``) is SQLite, ``postgresql://...`` is PostgreSQL
(psycopg 3, the ``[postgres]`` extra).

Why it is safe with concurrent writers and crashes:

* clustering happens inside ``exclusive()``, one write transaction that also holds the store's
  writer lock (SQLite ``BEGIN IMMEDIATE``; a PostgreSQL transaction-scoped advisory lock), so two
  writers never assign against stale stories and never both create the same story;
* an article is acknowledged only after that transaction commits; SQLite runs in WAL mode with
  ``synchronous=FULL``, PostgreSQL with its default durable commits, so a killed process loses
  at most the uncommitted batch and never leaves a half-written one;
* a briefing is stored with the story size it summarizes and only replaces an older one, so a
  slow summarizer cannot overwrite a newer briefing.

Schema changes are named migrations, each applied once in its own transaction and recorded in
``schema_migrations`` (as sqlite-utils' migrations do).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from newsfuse.errors import ConfigError, StoreError
from newsfuse.stream.cluster import Article, Assignment, StoryState

__all__ = [
    "MIGRATIONS",
    "POSTGRES_TYPES",
    "SQLITE_TYPES",
    "PostgresStore",
    "SqliteStore",
    "Store",
    "StoryRow",
    "open_store",
    "redact_url",
]

#: Named migrations in order: (name, script). One script serves both dialects: ``{real}`` is the
#: floating-point column type (SQLite ``REAL``, PostgreSQL ``DOUBLE PRECISION``), the one place
#: they differ here. Never edit an applied one (stores record them by name); add a new one.
MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "0001_stories_articles_briefings",
        """
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            first_date TEXT NOT NULL,
            last_date TEXT NOT NULL,
            title TEXT NOT NULL,
            terms TEXT NOT NULL
        );
        CREATE INDEX stories_last_date ON stories (last_date);
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            story_id TEXT NOT NULL REFERENCES stories (id),
            date TEXT NOT NULL,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            similarity {real} NOT NULL,
            added_at TEXT NOT NULL
        );
        CREATE INDEX articles_story ON articles (story_id);
        CREATE TABLE briefings (
            story_id TEXT PRIMARY KEY REFERENCES stories (id),
            size INTEGER NOT NULL,
            briefing TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        """,
    ),
    (
        # Junk articles (archive placeholders, paywall stubs) get a story of their own, marked here
        # with the reason, so listings and briefings can leave them out.
        "0002_story_junk",
        "ALTER TABLE stories ADD COLUMN junk TEXT",
    ),
)
#: Column types of each dialect, filled into the migration scripts.
SQLITE_TYPES = {"real": "REAL"}
POSTGRES_TYPES = {"real": "DOUBLE PRECISION"}

# Key of the PostgreSQL advisory lock that serializes writers ("newsfuse" in ASCII, as a number).
_PG_LOCK = 0x6E657773


@dataclass(frozen=True, slots=True)
class StoryRow:
    """A story as listed: its size, dates, title, the size its briefing covers (0: none), and
    why it is junk (None for a real story)."""

    id: str
    size: int
    first_date: str
    last_date: str
    title: str
    briefed_size: int
    junk: str | None = None


class Store(Protocol):
    """What the stream runner and the ``stories`` command need from a store."""

    url: str

    def migrate(self) -> list[str]:
        """Apply pending named migrations; returns the names applied."""
        ...

    def exclusive(self) -> contextlib.AbstractContextManager[None]:
        """One write transaction holding the writer lock; commits on normal exit."""
        ...

    def known_articles(self, ids: Sequence[str]) -> dict[str, str]:
        """Article id -> story id, for the given ids already stored."""
        ...

    def active_stories(self, since: str, until: str) -> list[StoryState]:
        """Stories whose dates overlap ``[since, until]`` (ISO dates)."""
        ...

    def save(
        self, assignments: Sequence[Assignment], articles: Sequence[Article], stories: Sequence[StoryState]
    ) -> None:
        """Insert the articles and upsert the stories (inside ``exclusive``)."""
        ...

    def stories(self, *, limit: int = 50, since: str | None = None, junk: bool = False) -> list[StoryRow]:
        """Most recent first; junk stories only when ``junk`` is true."""
        ...

    def story(self, story_id: str) -> StoryRow | None: ...

    def story_articles(self, story_id: str) -> list[Article]: ...

    def briefing(self, story_id: str) -> dict[str, Any] | None: ...

    def stale_stories(self, limit: int | None = None) -> list[str]:
        """Ids of stories whose briefing is missing or older than their articles."""
        ...

    def save_briefing(self, story_id: str, size: int, briefing: dict[str, Any]) -> bool:
        """Store a briefing of ``size`` articles unless a newer one is there; True if stored."""
        ...

    def counts(self) -> dict[str, int]: ...

    def check(self) -> list[str]:
        """Integrity problems found (empty when the store is sound)."""
        ...

    def close(self) -> None: ...


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class _SqlStore:
    """The SQL both backends share; subclasses supply connections, locking and placeholders."""

    url: str
    _placeholder = "?"

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def _sql(self, sql: str) -> str:
        return sql if self._placeholder == "?" else sql.replace("?", self._placeholder)

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return list(self._execute(self._sql(sql), params).fetchall())

    # --- migrations

    def _migration_scripts(self) -> list[tuple[str, str]]:
        raise NotImplementedError

    def _applied(self) -> set[str]:
        self._execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        return {row[0] for row in self._rows("SELECT name FROM schema_migrations")}

    def migrate(self) -> list[str]:
        """Apply pending migrations, each once, in its own locked transaction; returns their names."""
        applied: list[str] = []
        for name, script in self._migration_scripts():
            with self.exclusive():
                if name in self._applied():  # another process may have applied it meanwhile
                    continue
                self._run_script(script)
                self._execute(self._sql("INSERT INTO schema_migrations VALUES (?, ?)"), (name, _now()))
            applied.append(name)
        return applied

    def _run_script(self, script: str) -> None:
        for statement in script.split(";"):
            if statement.strip():
                self._execute(statement)

    def exclusive(self) -> contextlib.AbstractContextManager[None]:
        raise NotImplementedError

    # --- writes

    def known_articles(self, ids: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for begin in range(0, len(ids), 500):
            chunk = list(ids[begin : begin + 500])
            marks = ", ".join("?" * len(chunk))
            found.update(self._rows(f"SELECT id, story_id FROM articles WHERE id IN ({marks})", chunk))
        return found

    def active_stories(self, since: str, until: str) -> list[StoryState]:
        rows = self._rows(
            "SELECT id, terms, size, first_date, last_date, title FROM stories "
            "WHERE last_date >= ? AND first_date <= ? AND junk IS NULL",
            (since, until),
        )
        return [
            StoryState(
                id=row[0],
                terms=json.loads(row[1]),
                size=row[2],
                first_date=row[3],
                last_date=row[4],
                title=row[5],
            )
            for row in rows
        ]

    def save(
        self, assignments: Sequence[Assignment], articles: Sequence[Article], stories: Sequence[StoryState]
    ) -> None:
        for story in stories:
            self._execute(
                self._sql(
                    "INSERT INTO stories (id, size, first_date, last_date, title, terms, junk) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET size = excluded.size, "
                    "first_date = excluded.first_date, last_date = excluded.last_date, "
                    "terms = excluded.terms"
                ),
                (
                    story.id,
                    story.size,
                    story.first_date,
                    story.last_date,
                    story.title,
                    json.dumps(story.terms, sort_keys=True),
                    story.junk,
                ),
            )
        now = _now()
        for assignment, article in zip(assignments, articles, strict=True):
            self._execute(
                self._sql(
                    "INSERT INTO articles (id, story_id, date, title, text, similarity, added_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)"
                ),
                (article.id, assignment.story_id, article.date, article.title, article.text,
                 assignment.similarity, now),
            )  # fmt: skip

    def save_briefing(self, story_id: str, size: int, briefing: dict[str, Any]) -> bool:
        cursor = self._execute(
            self._sql(
                "INSERT INTO briefings (story_id, size, briefing, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (story_id) DO UPDATE SET size = excluded.size, briefing = excluded.briefing, "
                "updated_at = excluded.updated_at WHERE briefings.size <= excluded.size"
            ),
            (story_id, size, json.dumps(briefing, ensure_ascii=False), _now()),
        )
        return bool(cursor.rowcount)

    # --- reads

    _STORY_COLUMNS = (
        "SELECT s.id, s.size, s.first_date, s.last_date, s.title, COALESCE(b.size, 0), s.junk "
        "FROM stories s LEFT JOIN briefings b ON b.story_id = s.id "
    )

    def stories(self, *, limit: int = 50, since: str | None = None, junk: bool = False) -> list[StoryRow]:
        conditions = ([] if junk else ["s.junk IS NULL"]) + (["s.last_date >= ?"] if since else [])
        where = f"WHERE {' AND '.join(conditions)} " if conditions else ""
        params = [since] if since else []
        rows = self._rows(
            self._STORY_COLUMNS + where + "ORDER BY s.last_date DESC, s.size DESC, s.id LIMIT ?",
            (*params, limit),
        )
        return [StoryRow(*row) for row in rows]

    def story(self, story_id: str) -> StoryRow | None:
        rows = self._rows(self._STORY_COLUMNS + "WHERE s.id = ?", (story_id,))
        return StoryRow(*rows[0]) if rows else None

    def story_articles(self, story_id: str) -> list[Article]:
        rows = self._rows(
            "SELECT id, date, title, text FROM articles WHERE story_id = ? ORDER BY date, id", (story_id,)
        )
        return [Article(*row) for row in rows]

    def briefing(self, story_id: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT briefing FROM briefings WHERE story_id = ?", (story_id,))
        return json.loads(rows[0][0]) if rows else None

    def stale_stories(self, limit: int | None = None) -> list[str]:
        sql = (
            "SELECT s.id FROM stories s LEFT JOIN briefings b ON b.story_id = s.id "
            "WHERE s.junk IS NULL AND (b.size IS NULL OR b.size < s.size) ORDER BY s.last_date DESC, s.id"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [row[0] for row in self._rows(sql)]

    def counts(self) -> dict[str, int]:
        return {
            table: int(self._rows(f"SELECT COUNT(*) FROM {table}")[0][0])
            for table in ("articles", "stories", "briefings")
        }

    def check(self) -> list[str]:
        problems = []
        mismatched = self._rows(
            "SELECT s.id, s.size, COUNT(a.id) FROM stories s LEFT JOIN articles a ON a.story_id = s.id "
            "GROUP BY s.id, s.size HAVING COUNT(a.id) != s.size"
        )
        problems += [f"story {sid}: size {size} but {n} articles" for sid, size, n in mismatched]
        orphans = self._rows(
            "SELECT a.id FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE s.id IS NULL"
        )
        problems += [f"article {row[0]}: its story is missing" for row in orphans]
        return problems


class SqliteStore(_SqlStore):
    """SQLite in WAL mode: readers never block the writer; writers queue on ``BEGIN IMMEDIATE``."""

    def __init__(self, path: str | Path, *, timeout: float = 60.0, create: bool = True) -> None:
        self.path = Path(path)
        self.url = str(self.path)
        if str(path) != ":memory:" and not self.path.parent.exists():
            raise StoreError(f"{self.path}: directory {self.path.parent} does not exist")
        if not create and (str(path) == ":memory:" or not self.path.is_file()):
            raise StoreError(_no_store(self.url))
        try:
            # isolation_level=None: no implicit transactions; exclusive() opens them explicitly.
            self._db = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
            self._set_wal(timeout)
            # FULL: a commit is on disk before it returns, so acknowledged articles survive power loss.
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the story store ({exc})") from exc

    def _set_wal(self, timeout: float) -> None:
        # Switching to WAL takes a lock that SQLite does not wait for with the busy timeout: two
        # writers opening a new store at once can see "database is locked" here. Retry instead.
        deadline = time.monotonic() + timeout
        while True:
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, tuple(params))
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: {exc}") from exc

    def _migration_scripts(self) -> list[tuple[str, str]]:
        return [(name, script.format(**SQLITE_TYPES)) for name, script in MIGRATIONS]

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        self._execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._execute("COMMIT")

    def check(self) -> list[str]:
        result = self._rows("PRAGMA integrity_check")
        problems = [] if result == [("ok",)] else [f"sqlite integrity: {r[0]}" for r in result]
        return problems + super().check()

    def close(self) -> None:
        self._db.close()


class PostgresStore(_SqlStore):
    """PostgreSQL through psycopg 3; writers serialize on a transaction-scoped advisory lock."""

    _placeholder = "%s"

    def __init__(self, url: str, *, create: bool = True) -> None:
        try:
            import psycopg
        except ImportError as exc:
            raise ConfigError(
                "--db postgresql://...: psycopg is not installed; run `pip install 'newsfuse[postgres]'`"
            ) from exc
        self.url = url
        self._psycopg = psycopg
        try:
            self._db = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"{redact_url(url)}: cannot connect ({exc})") from exc
        if not create and self._rows("SELECT to_regclass('schema_migrations')")[0][0] is None:
            self._db.close()
            raise StoreError(_no_store(redact_url(url)))
        self.migrate()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self._db.execute(sql, tuple(params) if params else None)
        except self._psycopg.Error as exc:
            raise StoreError(f"{redact_url(self.url)}: {exc}") from exc

    def _migration_scripts(self) -> list[tuple[str, str]]:
        return [(name, script.format(**POSTGRES_TYPES)) for name, script in MIGRATIONS]

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._db.transaction():
            self._execute("SELECT pg_advisory_xact_lock(%s)", (_PG_LOCK,))
            yield

    def close(self) -> None:
        self._db.close()


def redact_url(url: str) -> str:
    """The URL without its password, for messages (the user name stays)."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}@{host}"


def _no_store(where: str) -> str:
    return f"{where}: no story store there; `newsfuse stream --db {where}` makes one"


def open_store(url: str | Path, *, create: bool = True) -> Store:
    """The store at ``url``: ``postgresql://...`` (or ``postgres://``), else an SQLite file path.

    ``create=False`` (read-only commands: ``stories list/show/refresh``) refuses, with a
    ``StoreError``, a store that does not exist yet instead of making an empty one: a typo in
    ``--db`` must not leave a new file behind and answer as if the store were empty.
    """
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        return PostgresStore(text, create=create)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    elif "://" in text:
        raise ConfigError(f"--db {text}: unknown scheme; give a file path or postgresql://...")
    return SqliteStore(text, create=create)
