"""Readers on random bytes, encodings, file names and JSON shapes: clusters or newsfuse errors only."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

from hypothesis import event, given
from hypothesis import strategies as st

from newsfuse.errors import NewsfuseError
from newsfuse.ingest.readers import Cluster, iter_jsonl_clusters, read_clusters

from .strategies import budget, jsonl_line, messy_text

ENCODINGS = (
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-32",
    "cp1252",
    "latin-1",
    "gb18030",
    "shift_jis",
)
SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".ndjson", ".jsonl.gz", ".pdf", "")


def _check(clusters: list[Cluster]) -> None:
    for cluster in clusters:
        assert isinstance(cluster.id, str) and cluster.id
        if cluster.error:
            assert cluster.documents == ()
            continue
        assert [d.id for d in cluster.documents] == [f"d{n}" for n in range(1, len(cluster.documents) + 1)]
        for doc in cluster.documents:
            assert isinstance(doc.text, str) and not any(0xD800 <= ord(c) <= 0xDFFF for c in doc.text)


@st.composite
def file_bytes(draw: st.DrawFn) -> tuple[str, bytes]:
    suffix = draw(st.sampled_from(SUFFIXES))
    if suffix in (".jsonl", ".ndjson", ".jsonl.gz"):
        lines = draw(st.lists(jsonl_line(), max_size=4))
        text = "\n".join(lines)
    else:
        text = draw(messy_text())
    encoding = draw(st.sampled_from(ENCODINGS))
    data = draw(st.one_of(st.just(text.encode(encoding, errors="replace")), st.binary(max_size=300)))
    if suffix.endswith(".gz") and draw(st.booleans()):
        data = gzip.compress(data)
        data = data[: draw(st.integers(0, len(data)))]  # cut anywhere, or not at all
    return suffix, data


@budget(80)
@given(files=st.lists(file_bytes(), min_size=1, max_size=3), as_directory=st.booleans())
def test_files_give_clusters_or_newsfuse_errors(files: list[tuple[str, bytes]], as_directory: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for n, (suffix, data) in enumerate(files):
            path = Path(folder) / f"input{n}{suffix}"
            path.write_bytes(data)
            paths.append(path)
        try:
            clusters = list(read_clusters([folder] if as_directory else paths))
        except NewsfuseError as exc:
            assert str(exc)
            event(f"refused: {type(exc).__name__}")
        else:
            _check(clusters)
            event("read" if all(c.error is None for c in clusters) else "read, with bad lines")


@budget(200)
@given(lines=st.lists(jsonl_line(), max_size=6))
def test_jsonl_lines_give_one_cluster_each(lines: list[str]) -> None:
    """A bad line is an error cluster naming it; it never stops the lines after it."""
    clusters = list(iter_jsonl_clusters(lines, "in.jsonl"))
    assert len(clusters) == sum(1 for line in lines if line.strip())
    _check(clusters)
    event(f"{sum(c.error is None for c in clusters)} of {len(clusters)} lines are clusters")
    for cluster in clusters:
        assert cluster.error is None or cluster.error.startswith("in.jsonl:")
