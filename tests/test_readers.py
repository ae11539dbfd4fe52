"""Readers: every input form, and bad inputs that must give a clear error naming the input."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from newsfuse.errors import InputError
from newsfuse.ingest.clean import clean_document
from newsfuse.ingest.readers import MAX_DOCUMENT_CHARS, MAX_HTML_BYTES, read_clusters


def test_directory_is_one_cluster_of_its_files(sony_dir: Path) -> None:
    (cluster,) = read_clusters([sony_dir])
    assert cluster.id == "sony-interview"
    assert [Path(d.source).name for d in cluster.documents] == [
        "abc-news-article.txt",
        "abc-video-transcript.txt",
        "laist-web-page.txt",
    ]
    assert all(d.raw.strip() for d in cluster.documents)


def test_loose_files_form_one_cluster(sony_dir: Path) -> None:
    files = sorted(sony_dir.glob("*.txt"))[:2]
    (cluster,) = read_clusters(files)
    assert len(cluster.documents) == 2


def test_html_file_is_marked_html(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text("<html><body><p>Hello there, this is news.</p></body></html>")
    (cluster,) = read_clusters([page])
    assert cluster.documents[0].kind == "html"


def test_multinews_separator_splits_documents(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("First report about the storm. ||||| Second report about the storm.")
    (cluster,) = read_clusters([path])
    assert [d.raw for d in cluster.documents] == [
        "First report about the storm.",
        "Second report about the storm.",
    ]


def test_jsonl_bad_line_does_not_sink_the_others(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        json.dumps({"id": "a", "documents": ["one", "two"]})
        + "\n{not json\n"
        + json.dumps({"id": "c", "documents": "x"})  # a string is read as Multi-News form
        + "\n"
        + json.dumps({"id": "d", "documents": [1, 2]})
        + "\n"
    )
    clusters = list(read_clusters([path]))
    assert [c.id for c in clusters] == ["a", "line-2", "c", "d"]
    assert clusters[0].error is None and len(clusters[0].documents) == 2
    assert "c.jsonl:2" in clusters[1].error and "not JSON" in clusters[1].error
    assert clusters[2].error is None
    assert "list of strings" in clusters[3].error


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl.gz"
    with gzip.open(path, "wt") as handle:
        handle.write(json.dumps({"id": "z", "documents": ["a report", "another"]}) + "\n")
    (cluster,) = read_clusters([path])
    assert cluster.id == "z" and len(cluster.documents) == 2


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("A report read from standard input."))
    (cluster,) = read_clusters(["-"])
    assert cluster.documents[0].raw == "A report read from standard input."


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("sheet.xlsx", b"PK\x03\x04", "unknown format '.xlsx'"),
    ],
)
def test_bad_files_name_the_input(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        list(read_clusters([path]))
    assert str(path) in str(caught.value) and message in str(caught.value)


def test_missing_path_and_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_clusters([tmp_path / "nope.txt"]))
    (tmp_path / "notes.bin").write_bytes(b"\x00")
    with pytest.raises(InputError, match="no readable"):
        list(read_clusters([tmp_path]))


def test_huge_document_is_cut_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("The storm hit the coast. " * (MAX_DOCUMENT_CHARS // 10))
    (cluster,) = read_clusters([path])
    assert len(cluster.documents[0].raw) == MAX_DOCUMENT_CHARS


@pytest.mark.parametrize(
    ("line", "cluster_id", "error"),
    [
        ('{"id": null, "documents": ["a report"]}', "line-3", None),
        ('{"documents": ["a report"]}', "line-3", None),
        ('{"id": "  ", "documents": ["a report"]}', "line-3", None),
        ('{"id": 7, "documents": ["a report"]}', "7", None),
        ('{"id": " story 1 ", "documents": ["a report"]}', " story 1 ", None),
        ('{"id": ["a"], "documents": ["a report"]}', "line-3", "'id' must be a string or a number"),
        ('{"id": true, "documents": ["a report"]}', "line-3", "'id' must be a string or a number"),
        ('{"id": {"x": 1}, "documents": ["a report"]}', "line-3", "'id' must be a string or a number"),
    ],
)
def test_cluster_ids_are_strings_or_the_line_number(line: str, cluster_id: str, error: str | None) -> None:
    """Issue 15.18: ``"id": null`` became the id "None"."""
    from newsfuse.ingest.readers import iter_jsonl_clusters

    (cluster,) = iter_jsonl_clusters(["", "", line], "in.jsonl")
    assert cluster.id == cluster_id
    if error is None:
        assert cluster.error is None and cluster.documents
    else:
        assert cluster.error == f"in.jsonl:3: {error}"


@pytest.mark.parametrize(
    ("line", "error"),
    [("[" * 100_000, "not usable JSON (RecursionError)"), ("1" * 5000, "not usable JSON (ValueError)")],
)
def test_json_that_python_cannot_hold_is_a_bad_line(line: str, error: str) -> None:
    """Valid-looking JSON that json.loads refuses with other exceptions than JSONDecodeError."""
    from newsfuse.ingest.readers import iter_jsonl_clusters

    (cluster,) = iter_jsonl_clusters([line], "in.jsonl")
    assert cluster.error == f"in.jsonl:1: {error}"


def test_lone_surrogates_become_replacement_characters() -> None:
    """JSON may escape half a character ("\\ud800"); Python keeps it as a lone surrogate, which no
    UTF-8 output can hold (summarize and batch then failed on writing). Found by the property tests."""
    from newsfuse.ingest.readers import iter_jsonl_clusters

    (cluster,) = iter_jsonl_clusters(
        ['{"id": "s\\ud800", "documents": ["a \\ud800 b \\ud83d\\ude00"]}'], "in.jsonl"
    )
    assert cluster.id == "s\ufffd"
    assert cluster.documents[0].text == "a \ufffd b \U0001f600"


# --- encodings (issue 15 item 11, issue 16) ---------------------------------------------------

STORY = "Die Brücke über die Straße ist schön, sagte der Bürgermeister am Dienstag in Köln."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_byte_order_marks_are_honoured(tmp_path: Path, encoding: str) -> None:
    """A UTF-16 file with a BOM was refused as "binary (contains NUL bytes)"."""
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path = tmp_path / "report.txt"
    path.write_bytes(bom + STORY.encode(encoding))
    (cluster,) = read_clusters([path])
    assert cluster.documents[0].raw == STORY


def test_nul_bytes_without_a_bom_are_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(STORY.encode("utf-16-le"))
    with pytest.raises(InputError, match="binary file"):
        list(read_clusters([path]))


def test_polish_in_iso_8859_2_is_read(tmp_path: Path) -> None:
    """Neither UTF-8 nor Windows-1252: refused before, now charset-normalizer finds it."""
    text = (
        "Rada miasta zdecydowała w czwartek, że żółta linia tramwajowa zostanie przedłużona do dworca. "
        "Mieszkańcy źle przyjęli tę decyzję, bo prace potrwają dwa lata."
    )
    path = tmp_path / "raport.txt"
    path.write_bytes(text.encode("iso-8859-2"))
    (cluster,) = read_clusters([path])
    assert cluster.documents[0].raw == text


def test_utf8_with_one_bad_byte_stays_utf8(tmp_path: Path) -> None:
    """One stray byte used to send the whole file through cp1252 ("schÃ¶n")."""
    path = tmp_path / "bericht.txt"
    path.write_bytes(STORY.encode("utf-8") + b" \xff " + STORY.encode("utf-8"))
    (cluster,) = read_clusters([path])
    raw = cluster.documents[0].raw
    assert raw.count(STORY) == 2 and "Ã" not in raw


def test_windows_1252_still_reads(tmp_path: Path) -> None:
    text = "The mayor said “the storm is over” — and the café reopened on Tuesday after the flood."
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode("cp1252"))
    (cluster,) = read_clusters([path])
    assert cluster.documents[0].raw == text


# --- HTML size (issue 16) -----------------------------------------------------------------------

ARTICLE = "".join(
    f"<p>The harbour reopened on Friday after divers cleared the channel, report line {n}.</p>"
    for n in range(30)
)


def _big_page() -> str:
    """An article after 2 MB of inline script, as real news pages carry."""
    script = "<script>" + "window.state = {'k': 'v'};\n" * 80_000 + "</script>"
    return (
        f"<html><head><title>Harbour</title>{script}</head><body><article>{ARTICLE}</article></body></html>"
    )


def test_html_file_keeps_its_bytes_and_is_not_cut_at_the_text_limit(tmp_path: Path) -> None:
    page = _big_page()
    assert len(page) > 4 * MAX_DOCUMENT_CHARS
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    (cluster,) = read_clusters([path])
    doc = cluster.documents[0]
    assert doc.kind == "html" and doc.raw_bytes == page.encode("utf-8")
    cleaned = clean_document(doc)
    assert cleaned.status == "kept" and "report line 29" in cleaned.text


def test_html_in_jsonl_is_not_cut_at_the_text_limit(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "big", "documents": [_big_page()]}) + "\n")
    (cluster,) = read_clusters([path])
    cleaned = clean_document(cluster.documents[0])
    assert "report line 29" in cleaned.text


def test_html_larger_than_the_html_limit_is_cut_with_a_note(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "huge.html"
    path.write_bytes(b"<html><body><p>" + b"x" * MAX_HTML_BYTES + b"</p></body></html>")
    (cluster,) = read_clusters([path])
    assert len(cluster.documents[0].raw_bytes or b"") == MAX_HTML_BYTES
    assert "only the first" in caplog.text
