"""Shared fixtures: the canonical example cluster and the shared dev data (skipped when absent)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


BRIEFING_SCHEMA = ROOT / "docs" / "briefing.schema.json"


@pytest.fixture(scope="session")
def check_briefing() -> Callable[..., None]:
    """Validate one JSON briefing against the published JSON Schema (docs/briefing.schema.json),
    dates checked as calendar dates; ``numbered`` (summarize, batch, the API) also checks that
    documents are d1, d2, ... in order and that every cited id is one of them."""
    from jsonschema import Draft202012Validator

    schema = json.loads(BRIEFING_SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)

    def check(briefing: dict[str, Any], *, numbered: bool = True) -> None:
        errors = sorted(validator.iter_errors(briefing), key=lambda e: list(e.absolute_path))
        assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
        ids = [d["id"] for d in briefing["documents"]]
        if numbered:
            assert ids == [f"d{n}" for n in range(1, len(ids) + 1)], ids
        cited = [
            s
            for key in ("summary", "facts", "timeline")
            for item in briefing.get(key, [])
            for s in item["sources"]
        ]
        cited += [q["doc_id"] for q in briefing.get("quotes", [])]
        cited += [
            s for d in briefing.get("disagreements", []) for side in d["sides"] for s in side["sources"]
        ]
        assert set(cited) <= set(ids), set(cited) - set(ids)

    return check
