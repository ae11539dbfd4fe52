"""Readers: files, directories, JSONL clusters, the Multi-News form and stdin -> Clusters.

Each input becomes ``Document`` objects with the raw text; cleaning happens in ``clean.py``.
Whole-input problems raise ``InputError`` naming the input; a bad JSONL line becomes a
``Cluster`` with ``error`` set so the other lines still run.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import logging
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from newsfuse.errors import InputError
from newsfuse.ingest.decoding import decode_text
from newsfuse.model import Document
from newsfuse.text import whole_characters

__all__ = [
    "MAX_DOCUMENT_CHARS",
    "MAX_HTML_BYTES",
    "Cluster",
    "cap",
    "documents_from_bytes",
    "documents_from_texts",
    "input_groups",
    "iter_jsonl_clusters",
    "looks_like_html",
    "make_document",
    "open_jsonl_lines",
    "parse_json_line",
    "read_clusters",
    "split_multinews",
]

log = logging.getLogger(__name__)
_Text = TypeVar("_Text", str, bytes)

#: Text longer than this is cut (with a note) rather than refused: ~80k words is already a book,
#: and sentence splitting is the slowest part of reading. For HTML it caps the extracted text
#: (``clean.html_to_text``), not the markup.
MAX_DOCUMENT_CHARS = 500_000
#: HTML larger than this is cut before extraction (with a note). Real article pages run to a few
#: MB of scripts, styles and inline JSON around a few thousand words: cutting the markup at
#: 500,000 characters left 11 of trafilatura's 990 evaluation pages with no text at all (issue 16).
MAX_HTML_BYTES = 10_000_000
#: The separator of documents in the Multi-News source files.
MULTINEWS_SEPARATOR = "|||||"
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")


@dataclass(frozen=True, slots=True)
class Cluster:
    """Reports about one story, as read; ``error`` is set when the input could not be read."""

    id: str
    documents: tuple[Document, ...]
    error: str | None = None


def cap(value: _Text, name: str, limit: int, unit: str = "characters") -> _Text:
    """The first ``limit`` characters (or bytes) of ``value``, with a warning naming ``name`` and
    the ``unit`` counted ("bytes of HTML") when it is longer."""
    if len(value) > limit:
        log.warning("%s: %d %s; only the first %d are read", name, len(value), unit, limit)
        return value[:limit]
    return value


def looks_like_html(text: str) -> bool:
    """Whether raw text is a web page (a doctype, an html tag, or a body with closing tags)."""
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


def make_document(
    text: str,
    *,
    id: str,
    source: str,
    title: str | None = None,
    date: str | None = None,
    html: bool | None = None,
    raw_bytes: bytes | None = None,
) -> Document:
    """A ``Document`` of raw text as a front-end received it; every reader builds documents here.

    ``html`` says whether the text is a web page; None decides by ``looks_like_html``, so a file,
    a JSONL line, an API body and a stream article are told apart the same way. A page is read up
    to ``MAX_HTML_BYTES`` (the text extracted from it is capped when it is cleaned), other text up
    to ``MAX_DOCUMENT_CHARS``; either is cut with a warning naming ``source``. ``raw_bytes`` are a
    page's bytes as read, for trafilatura's own encoding detection.
    """
    page = looks_like_html(text) if html is None else html
    text = cap(text, source, MAX_HTML_BYTES if page else MAX_DOCUMENT_CHARS)
    return Document(
        id=id,
        source=source,
        text=text,
        raw=text,
        kind="html" if page else "article",
        title=title,
        date=date,
        raw_bytes=raw_bytes if page else None,
    )


def documents_from_texts(texts: Iterable[str], *, prefix: str, source: str) -> tuple[Document, ...]:
    """Documents for raw strings (HTML recognised by its tags), ids ``{prefix}{n}`` from 1."""
    return tuple(
        make_document(text, id=f"{prefix}{n}", source=f"{source}#{n}")
        for n, text in enumerate(texts, start=1)
    )


def split_multinews(text: str) -> list[str]:
    """The documents of Multi-News' source form: one string, ``|||||`` between documents."""
    return [part.strip() for part in text.split(MULTINEWS_SEPARATOR) if part.strip()]


def _page_document(data: bytes, name: str, text: str | None = None) -> Document:
    """A web page's document: its bytes capped at ``MAX_HTML_BYTES``, and their text (``text``
    when the caller decoded them already and the cap left them whole)."""
    page = cap(data, name, MAX_HTML_BYTES, "bytes of HTML")
    if text is None or len(page) < len(data):
        text = decode_text(page, name)
    return make_document(text, id="", source=name, html=True, raw_bytes=page)


def documents_from_bytes(data: bytes, name: str, *, html: bool = False) -> list[Document]:
    """Documents of one file's bytes (several for the Multi-News form), ids left for the caller.

    HTML keeps its bytes (capped at ``MAX_HTML_BYTES``) for trafilatura, which detects their
    encoding itself; ``raw`` holds them decoded for display. Text is decoded here and capped.
    ``InputError`` for an empty or binary file.
    """
    if not data.strip():
        raise InputError(f"{name}: empty file")
    if html:
        return [_page_document(data, name)]
    text = decode_text(data, name)
    if MULTINEWS_SEPARATOR in text:
        named = [(f"{name}#{i}", part) for i, part in enumerate(split_multinews(text), start=1)]
    elif looks_like_html(text):
        return [_page_document(data, name, text)]
    else:
        named = [(name, text)]
    return [make_document(part, id="", source=source) for source, part in named]


def _is_jsonl(path: Path) -> bool:
    return path.name.endswith(JSONL_SUFFIXES)


def _check_suffix(path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES and not _is_jsonl(path):
        known = ", ".join(sorted(s for s in TEXT_SUFFIXES | HTML_SUFFIXES if s)) + ", .jsonl[.gz]"
        raise InputError(f"{path}: unknown format {suffix!r}; newsfuse reads {known}")


def parse_json_line(line: str, where: str) -> tuple[Any, str | None]:
    """(the value, None) of one JSONL line, or (None, the problem) naming ``where`` (``file:line``)."""
    try:
        return json.loads(line), None
    except json.JSONDecodeError as exc:
        return None, f"{where}: not JSON ({exc.msg})"
    except (ValueError, RecursionError) as exc:  # a 5,000-digit number; nesting deeper than Python's stack
        return None, f"{where}: not usable JSON ({type(exc).__name__})"


def _parse_cluster_line(line: str, where: str, number: int) -> Cluster:
    record, problem = parse_json_line(line, where)
    if problem:
        return Cluster(id=f"line-{number}", documents=(), error=problem)
    if not isinstance(record, dict):
        return Cluster(id=f"line-{number}", documents=(), error=f"{where}: expected a JSON object")
    raw_id = record.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, str | int | float)):
        return Cluster(id=f"line-{number}", documents=(), error=f"{where}: 'id' must be a string or a number")
    # A missing, null or blank id is the line's number, never the text "None".
    cluster_id = (
        whole_characters(str(raw_id)) if raw_id is not None and str(raw_id).strip() else f"line-{number}"
    )
    documents = record.get("documents")
    if isinstance(documents, str):
        documents = split_multinews(documents)
    if not isinstance(documents, list) or not all(isinstance(d, str) for d in documents):
        return Cluster(
            id=cluster_id,
            documents=(),
            error=f"{where}: 'documents' must be a list of strings",
        )
    if not documents:
        return Cluster(
            id=cluster_id, documents=(), error=f"{where}: 'documents' is empty; give at least one report"
        )
    docs = documents_from_texts([whole_characters(d) for d in documents], prefix="d", source=f"{cluster_id}")
    return Cluster(id=cluster_id, documents=docs)


def iter_jsonl_clusters(lines: Iterable[str], name: str) -> Iterator[Cluster]:
    """Clusters of JSONL lines ``{"id", "documents": [str, ...]}``; bad lines become errors."""
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _parse_cluster_line(line, f"{name}:{number}", number)


def open_jsonl_lines(path: Path) -> Iterator[str]:
    """Lines of a JSONL file, gzip-compressed when its name ends in .gz; unreadable: InputError.

    A ``.gz`` cut short or damaged part-way gives every complete line before the damage, then an
    ``InputError`` naming the file and the last line read (gzip raises ``EOFError`` or
    ``zlib.error`` there, not ``OSError``).
    """
    opener = gzip.open if path.name.endswith(".gz") else open
    number = 0
    try:
        with opener(path, "rt", encoding="utf-8", errors="replace") as handle:  # type: ignore[operator]
            for number, line in enumerate(handle, start=1):  # noqa: B007 - number is reported below
                yield line
    except (EOFError, zlib.error) as exc:
        raise InputError(
            f"{path}: the file ends early or is damaged after line {number} ({exc}); "
            "the lines before it were read"
        ) from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc})") from exc


def _directory_files(path: Path) -> list[Path]:
    return sorted(
        p
        for p in path.iterdir()
        if p.is_file() and not p.name.startswith(".") and (p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES)
    )


def _cluster_of_files(files: list[Path], cluster_id: str) -> Cluster:
    docs: list[Document] = []
    for path in files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{whole_characters(str(path))}: cannot read ({exc.strerror})") from exc
        html = path.suffix.lower() in HTML_SUFFIXES
        for doc in documents_from_bytes(data, whole_characters(str(path)), html=html):
            docs.append(dataclasses.replace(doc, id=f"d{len(docs) + 1}"))
    return Cluster(id=whole_characters(cluster_id), documents=tuple(docs))


def _read_stdin() -> Iterator[Cluster]:
    # The bytes, decoded as a file's are: Python's own stdin decoding fails on one bad byte in a
    # UTF-8 locale (and passes it through as a lone surrogate in the C locale).
    buffer = getattr(sys.stdin, "buffer", None)
    data = buffer.read() if buffer is not None else whole_characters(sys.stdin.read()).encode("utf-8")
    if not data.strip():
        raise InputError("<stdin>: empty input")
    text = decode_text(data, "<stdin>")
    if text.lstrip().startswith("{"):
        yield from iter_jsonl_clusters(text.splitlines(), "<stdin>")
        return
    parts = split_multinews(text) if MULTINEWS_SEPARATOR in text else [text]
    yield Cluster(id="stdin", documents=documents_from_texts(parts, prefix="d", source="<stdin>"))


def input_groups(paths: Iterable[str]) -> list[list[str]]:
    """``paths`` in groups that ``read_clusters`` may read one at a time, so one that fails does not
    stop the others: stdin, each directory, each JSONL file and each missing path on its own, loose
    text/HTML files together last (they form one cluster)."""
    alone: list[list[str]] = []
    loose: list[str] = []
    for raw in paths:
        path = Path(raw)
        if raw == "-" or not path.exists() or path.is_dir() or path.name.endswith(JSONL_SUFFIXES):
            alone.append([raw])
        else:
            loose.append(raw)
    return alone + ([loose] if loose else [])


def read_clusters(paths: Iterable[str | Path]) -> Iterator[Cluster]:
    """Clusters of the given inputs.

    A directory is one cluster; loose text/HTML files given together are one cluster; each
    line of a JSONL file is one cluster; ``-`` reads stdin (JSONL, Multi-News or plain text).
    """
    loose: list[Path] = []
    for raw in paths:
        if str(raw) == "-":
            yield from _read_stdin()
            continue
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
        if path.is_dir():
            files = _directory_files(path)
            if not files:
                raise InputError(f"{path}: directory holds no readable .txt, .md or .html files")
            yield _cluster_of_files(files, path.resolve().name or "cluster")
        elif _is_jsonl(path):
            yield from iter_jsonl_clusters(open_jsonl_lines(path), str(path))
        else:
            _check_suffix(path)
            loose.append(path)
    if loose:
        cluster_id = loose[0].resolve().parent.name if len(loose) > 1 else loose[0].stem
        yield _cluster_of_files(loose, cluster_id or "cluster")
