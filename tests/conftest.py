"""Shared fixtures: the canonical example cluster and the shared dev data (skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SONY = SHARED / "examples" / "sony-interview"
DEV = SHARED / "data" / "multinews-raw-dev.jsonl"
VALIDATION = SHARED / "data" / "multinews-validation-truncated.jsonl.gz"
DUC = SHARED / "data" / "duc-news-stream.jsonl.gz"
BUNDLED_EXAMPLE = ROOT / "examples" / "cyclone-landfall"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared data lives beside the repository in ../shared)")
    return path


@pytest.fixture(scope="session")
def sony_dir() -> Path:
    """The canonical example: an article, a video transcript and a scraped web page."""
    return _need(SONY)


@pytest.fixture(scope="session")
def dev_path() -> Path:
    return _need(DEV)


@pytest.fixture(scope="session")
def dev_clusters(dev_path: Path) -> list[dict]:
    with dev_path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


@pytest.fixture(scope="session")
def validation_path() -> Path:
    return _need(VALIDATION)


@pytest.fixture(scope="session")
def duc_path() -> Path:
    return _need(DUC)


@pytest.fixture(scope="session")
def bundled_example() -> Path:
    return BUNDLED_EXAMPLE
