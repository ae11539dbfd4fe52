"""ROUGE evaluation and the lead baseline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.errors import ConfigError, InputError
from newsfuse.evaluate import evaluate, lead_summary
from newsfuse.ingest.readers import documents_from_texts

REFERENCE = "The storm hit the coast on Monday. Thousands of homes lost power. Shelters opened overnight."


def write(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "data.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_lead_takes_sentences_in_order_and_cuts_at_the_budget() -> None:
    docs = documents_from_texts(
        ["One two three four. Five six seven eight.", "Nine ten eleven."], prefix="d", source="t"
    )
    assert lead_summary(docs, 6) == ["One two three four.", "Five six"]
    assert lead_summary(docs, 100) == ["One two three four.", "Five six seven eight.", "Nine ten eleven."]


def test_a_perfect_summary_scores_100(tmp_path: Path) -> None:
    path = write(tmp_path, [{"id": "a", "documents": [REFERENCE], "summary": REFERENCE}])
    result = evaluate(path, system="lead", words=250)
    assert result.rouge1 == pytest.approx(100.0) and result.rougeLsum == pytest.approx(100.0)


def test_several_references_are_averaged(tmp_path: Path) -> None:
    other = "Completely different words about a football match in another city entirely."
    one = evaluate(
        write(tmp_path, [{"id": "a", "documents": [REFERENCE], "summary": REFERENCE}]), system="lead"
    )
    two = evaluate(
        write(tmp_path, [{"id": "a", "documents": [REFERENCE], "summary": [REFERENCE, other]}]), system="lead"
    )
    assert two.rouge1 < one.rouge1 and two.rouge1 > 40


def test_skip_and_limit_choose_the_clusters_scored(tmp_path: Path) -> None:
    other = "Completely different words about a football match in another city entirely."
    rows = [
        {"id": "a", "documents": [other], "summary": REFERENCE},
        {"id": "b", "documents": [REFERENCE], "summary": REFERENCE},
        {"id": "c", "documents": [other], "summary": REFERENCE},
    ]
    path = write(tmp_path, rows)
    assert evaluate(path, system="lead").clusters == 3
    held_out = evaluate(path, system="lead", skip=1, limit=1)
    assert held_out.clusters == 1 and held_out.rouge1 == pytest.approx(100.0)  # cluster "b" only
    with pytest.raises(InputError, match="no clusters"):
        evaluate(path, system="lead", skip=3)


def test_bad_data_and_unknown_system(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"data\.jsonl:1"):
        evaluate(write(tmp_path, [{"id": "a", "documents": ["x"]}]), system="lead")
    with pytest.raises(ConfigError, match="lexrank"):
        evaluate(write(tmp_path, [{"id": "a", "documents": ["x"], "summary": "x"}]), system="gpt")


@pytest.mark.slow
def test_newsfuse_beats_lead_on_dev(dev_path: Path) -> None:
    lead = evaluate(dev_path, system="lead")
    ours = evaluate(dev_path, system="newsfuse")
    assert ours.rouge1 > lead.rouge1 and ours.rouge2 > lead.rouge2


def test_documents_in_the_multinews_string_form(tmp_path: Path) -> None:
    text = REFERENCE + " ||||| Another report entirely about the storm and the shelters."
    result = evaluate(write(tmp_path, [{"id": "a", "documents": text, "summary": REFERENCE}]), system="lead")
    assert result.rouge1 > 50  # read as two documents; as one character each it would be near 0
