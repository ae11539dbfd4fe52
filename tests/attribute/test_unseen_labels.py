"""The labelled set of issue 14 (tests/data/attribution/labels.json): its size, its halves (tuning,
locked, and the second locked set of pairs, locked2), that it holds only ids, offsets and labels, and
that every offset lands in the shared texts."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsfuse.attribute.score import garbled, speaker_matches

LABELS = Path(__file__).resolve().parents[1] / "data" / "attribution" / "labels.json"


@pytest.fixture(scope="module")
def labels() -> dict:
    return json.loads(LABELS.read_text(encoding="utf-8"))


def test_sizes_and_halves(labels: dict) -> None:
    assert len(labels["quotes"]) >= 200
    assert sum(p["conflict"] for p in labels["pairs"]) >= 40
    assert sum(not p["conflict"] for p in labels["pairs"]) >= 40
    assert sum(d["date"] is not None for d in labels["dated"]) >= 100
    for part in ("quotes", "dated", "docdates"):
        assert {x["split"] for x in labels[part]} == {"tuning", "locked"}
    assert {p["split"] for p in labels["pairs"]} == {"tuning", "locked", "locked2"}
    # A cluster is in one half only, so nothing tuned on leaks into the locked half.
    for part in ("quotes", "pairs", "dated"):
        for x in labels[part]:
            assert x["split"] == labels["clusters"][x["cluster"]]["split"]


def test_locked2_is_fresh(labels: dict) -> None:
    """The second locked set: 20+ conflicts and 20+ look-alikes, on documents no other label uses."""
    pairs = [p for p in labels["pairs"] if p["split"] == "locked2"]
    assert sum(p["conflict"] for p in pairs) >= 20
    assert sum(not p["conflict"] for p in pairs) >= 20
    docs = {
        split: {d for c in labels["clusters"].values() if c["split"] == split for d in c.get("docs", ())}
        for split in ("tuning", "locked", "locked2")
    }
    assert not docs["locked2"] & (docs["tuning"] | docs["locked"])
    used = {x["doc"] for part in ("quotes", "dated", "docdates") for x in labels[part]}
    used |= {p[s][0] for p in labels["pairs"] if p["split"] != "locked2" for s in ("a", "b")}
    assert not {f"duc:{d}" for d in docs["locked2"]} & used


def test_only_ids_offsets_and_labels(labels: dict) -> None:
    """No copied text: every string is an id, a label (a name, an ISO date, a kind) or short."""
    for part in ("quotes", "pairs", "dated", "docdates"):
        for x in labels[part]:
            for key, value in x.items():
                if isinstance(value, str) and key != "judged_from":
                    assert len(value) <= 60, (part, key, value)


def _texts(duc_path: Path, dev_path: Path) -> dict[str, str]:
    with gzip.open(duc_path, "rt", encoding="utf-8") as lines:
        out = {f"duc:{r['docno']}": r["text"] for r in map(json.loads, lines)}
    with dev_path.open(encoding="utf-8") as lines:
        for r in map(json.loads, lines):
            out.update({f"dev:{r['id']}:{k}": d for k, d in enumerate(r["documents"])})
    return out


def test_offsets_land_in_the_shared_texts(labels: dict, duc_path: Path, dev_path: Path) -> None:
    texts = _texts(duc_path, dev_path)
    for q in labels["quotes"]:
        span = texts[q["doc"]][q["start"] : q["end"]]
        assert len(span.split()) >= 3 and not span.startswith(('"', "“", "`")), q
    for p in labels["pairs"]:
        for ref, start, end in (p["a"], p["b"]):
            assert len(texts[ref][start:end].split()) >= 3, p
    for d in labels["dated"]:
        assert texts[d["doc"]][d["start"] : d["end"]].strip(), d


@pytest.mark.parametrize(
    ("speaker", "debris"),
    [
        ("Sometimes Cruz", True),
        ("So", True),
        ("His notorious antics led Hooper to", True),
        ("a card that", True),
        ("Marsha Jean DeFreese", False),
        ("a neighbor", False),
        ("another member of the Lakeside Trading Club", False),
        ("police", False),
        ("she", False),
    ],
)
def test_garbled_speakers(speaker: str, debris: bool) -> None:
    assert garbled(speaker) is debris


def test_speaker_must_hold_every_word_of_the_label() -> None:
    assert speaker_matches(["Barack Obama"], "President Barack Obama")
    assert not speaker_matches(["Barack Obama"], "Obama")
    assert speaker_matches(["Lori Woodward", "Woodard"], "Woodard")
    assert not speaker_matches(["Mark O. Barton"], None)
