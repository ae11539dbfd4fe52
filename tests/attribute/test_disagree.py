"""Disagreements: real differences in numbers, dates and names are flagged; paraphrase is not."""

from __future__ import annotations

import numpy as np
import pytest

from newsfuse.attribute.disagree import disagreements, numbers
from newsfuse.model import Document
from newsfuse.represent import get_encoder
from newsfuse.segment import segment


def _run(*texts: str, dates: tuple[str | None, ...] = ()):
    docs = tuple(
        Document(id=f"d{n}", source=f"t{n}", text=t, date=dates[n - 1] if dates else None)
        for n, t in enumerate(texts, 1)
    )
    sentences = segment(docs)
    vectors = get_encoder("onnx").encode([s.text for s in sentences])
    return disagreements(sentences, np.asarray(vectors), docs)


def test_numbers_by_unit_with_hedges_and_ranges() -> None:
    found = numbers("At least 12 people died and 40 homes burned, from 3 to 5 days after 2019.")
    assert {unit: [(a.value, a.fuzzy) for a in amounts] for unit, amounts in found.items()} == {
        "people": [(12.0, True)],
        "home": [(40.0, False)],
        "day": [(5.0, True)],
    }


def test_different_death_tolls_are_flagged() -> None:
    found = _run(
        "The ferry capsized off the coast and 12 people died in the accident.",
        "The ferry capsized off the coast and 15 people died in the accident, police said.",
    )
    assert [(d.kind, d.topic) for d in found] == [("number", "people")]
    assert [ids for _, ids in found[0].sides] == [("d1",), ("d2",)]


@pytest.mark.parametrize(
    "second",
    [
        "Twelve people died when the ferry capsized off the coast in the accident.",  # paraphrase
        "The ferry capsized off the coast and more than 10 people died in the accident.",  # a bound
        "The ferry capsized off the coast and 15 people were injured in the accident.",  # other count
    ],
)
def test_paraphrase_bounds_and_other_counts_are_not_flagged(second: str) -> None:
    assert _run("The ferry capsized off the coast and 12 people died in the accident.", second) == ()


def test_different_dates_of_the_same_event_are_flagged() -> None:
    found = _run(
        "The senator announced her resignation on March 3, 2021, in a short statement.",
        "The senator announced her resignation on March 5, 2021, in a short statement.",
    )
    assert [d.kind for d in found] == ["date"]


def test_example_cluster_has_no_false_disagreement(sony_docs) -> None:
    sentences = segment(sony_docs)
    vectors = get_encoder("onnx").encode([s.text for s in sentences])
    assert disagreements(sentences, np.asarray(vectors), sony_docs) == ()
