"""Quality gate on the hand-labelled quotes (tests/data/quotes/labels.json).

Floors sit a little under the figures in BENCHMARKS.md (section attribution) so a change that
loses quotes or speakers fails here instead of slipping by; raise them when the figures rise,
never lower them quietly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.attribute import QuoteBook
from newsfuse.attribute.score import score_quotes
from newsfuse.ingest.clean import clean_cluster
from newsfuse.ingest.readers import documents_from_texts, read_clusters

LABELS = Path(__file__).resolve().parents[1] / "data" / "quotes" / "labels.json"
FLOORS = {"tuning": (0.97, 0.95, 0.9), "heldout": (0.95, 0.95, 0.88)}


@pytest.fixture(scope="module")
def predicted(sony_dir: Path, dev_path: Path) -> dict:
    wanted = {c["cluster"] for c in json.loads(LABELS.read_text(encoding="utf-8"))["clusters"]}
    clusters = {"sony-interview": clean_cluster(next(iter(read_clusters([sony_dir]))).documents)}
    with dev_path.open(encoding="utf-8") as lines:
        dev = [json.loads(line) for line in lines]
    for raw in dev:
        if raw["id"] in wanted:
            docs = documents_from_texts(raw["documents"], prefix="d", source=raw["id"])
            clusters[raw["id"]] = clean_cluster(docs)
    out = {}
    for cid, docs in clusters.items():
        index = {d.id: k for k, d in enumerate(docs)}
        out[cid] = [(index[q.doc_id], q) for q in QuoteBook(docs).all()]
    return out


def test_labels_cover_the_example_and_fifteen_dev_clusters() -> None:
    clusters = json.loads(LABELS.read_text(encoding="utf-8"))["clusters"]
    ids = {c["cluster"] for c in clusters}
    assert "sony-interview" in ids and len(ids - {"sony-interview"}) >= 15
    # Fragments only: no label carries more than a short piece of an article.
    assert max(len(q["fragment"].split()) for c in clusters for q in c["quotes"]) <= 10


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_quote_recall_precision_and_speakers_hold(predicted: dict, split: str) -> None:
    clusters = json.loads(LABELS.read_text(encoding="utf-8"))["clusters"]
    score = score_quotes([c for c in clusters if c.get("split", "tuning") == split], predicted)
    recall, precision, speakers = FLOORS[split]
    assert score.recall >= recall, score.misses
    assert score.precision >= precision, score.extras
    assert score.speaker_accuracy >= speakers, score.wrong
