"""``newsfuse inspect`` through its own door: the CLI, on the sony example and a junk page."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def _inspect(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsfuse.cli", "inspect", *args], capture_output=True, text=True, check=False
    )


def test_text_shows_every_removed_line_with_its_reason(sony_dir: Path) -> None:
    result = _inspect(str(sony_dir), "--no-off-topic")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "[transcript]" in out and "[web]" in out
    assert "- [transcript header] 2:11 | 12/17/14" in out
    assert "- [navigation or sharing link] Share This" in out
    assert "- [sponsorship or donation plea] Support for LAist comes from" in out
    assert "- [byline (kept as the outlet)] ByABC News" in out
    assert "+ President Barack Obama announced today" in out


def test_json_lists_status_reason_and_removed_lines(tmp_path: Path, sony_dir: Path) -> None:
    junk = tmp_path / "wayback.txt"
    junk.write_text(
        "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive. "
        "Flowing in every day, these data are added to the Wayback Machine after an embargo period.\n"
    )
    article = sony_dir / "abc-news-article.txt"
    result = _inspect(str(article), str(junk), "--format", "json")
    assert result.returncode == 0, result.stderr
    cluster = json.loads(result.stdout)
    first, second = cluster["documents"]
    assert first["status"] == "kept" and first["outlet"] == "ABC News"
    assert second["status"] == "junk" and second["reason"].startswith("web-archive")
    assert second["removed"][0]["reason"] == "web-archive placeholder"


def test_missing_input_is_one_line_error() -> None:
    result = _inspect("no/such/dir")
    assert result.returncode == 1
    assert result.stderr.strip() == "newsfuse: error: no/such/dir: no such file or directory"
