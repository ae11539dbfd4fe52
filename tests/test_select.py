"""Selection: tidying sentences, the budget, redundancy and reading order."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from newsfuse.model import Sentence
from newsfuse.select import FEATURES, WEIGHTS_FILE, select, tidy, weights


@pytest.mark.parametrize(
    ("raw", "tidied"),
    [
        ("CAIRO (Reuters) - Egypt said on Monday it would act.", "Egypt said on Monday it would act."),
        (
            "WASHINGTON (AP) — The Senate passed the bill late on Friday.",
            "The Senate passed the bill late on Friday.",
        ),
        (
            "— -- The actions of hackers were serious, he said.",
            "The actions of hackers were serious, he said.",
        ),
        (
            "“But what we just saw with Sony shows more work is needed.",
            "“What we just saw with Sony shows more work is needed.",
        ),
        ("However, the plan failed in court on Tuesday.", "The plan failed in court on Tuesday."),
        ("Butter prices rose sharply this year.", "Butter prices rose sharply this year."),
        ("NASA launched the probe on Monday.", "NASA launched the probe on Monday."),
    ],
)
def test_tidy(raw: str, tidied: str) -> None:
    assert tidy(raw) == tidied


def sentences(lengths: list[int]) -> list[Sentence]:
    out, start = [], 0
    for n, length in enumerate(lengths):
        text = " ".join(["word"] * length) + "."
        out.append(Sentence(doc=n % 2, position=n // 2, text=text, start=start, end=start + len(text)))
        start += len(text) + 1
    return out


def test_budget_redundancy_and_order() -> None:
    items = sentences([10, 10, 10, 30])
    vectors = np.eye(4, dtype=np.float32)
    vectors[1] = vectors[0]  # sentence 1 repeats sentence 0
    scores = np.asarray([0.9, 0.8, 0.5, 0.7], dtype=np.float32)
    chosen = select(items, vectors, scores, words=45, redundancy=0.6)
    # 0 first by score; 1 is redundant; 3 (30 words) fits beside 0; 2 would pass 45 words.
    assert sorted(chosen) == [0, 3]
    assert chosen == sorted(chosen, key=lambda i: (items[i].position, items[i].doc))


def test_selection_never_passes_the_budget() -> None:
    rng = np.random.default_rng(7)
    for words in (20, 60, 250):
        items = sentences(rng.integers(3, 40, size=30).tolist())
        vectors = rng.normal(size=(30, 8)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        chosen = select(items, vectors, rng.random(30), words=words, redundancy=0.9)
        assert chosen and sum(len(tidy(items[i].text).split()) for i in chosen) <= words


def test_trained_weights_cover_every_feature_and_state_their_terms() -> None:
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert set(data["weights"]) == set(FEATURES)
    assert "non-commercial" in data["terms"]
    assert weights().shape == (len(FEATURES),)


def test_eligible_keeps_statements_from_clean_reports() -> None:
    from newsfuse.ingest.readers import documents_from_texts
    from newsfuse.select import eligible

    article, transcript = documents_from_texts(["a", "b"], prefix="d", source="t")
    transcript = dataclasses.replace(transcript, kind="transcript")
    items = [
        Sentence(doc=0, position=0, text="Storm Hits Coast, Thousands Flee", start=0, end=1),
        Sentence(doc=0, position=1, text="The storm hit the coast on Monday.", start=0, end=1),
        Sentence(doc=0, position=2, text="“We moved early,” the governor said.”", start=0, end=1),
        Sentence(doc=1, position=0, text="we moved early and we moved everyone.", start=0, end=1),
        Sentence(doc=0, position=3, text="He said more rain could fall by Saturday.", start=0, end=1),
        Sentence(doc=0, position=4, text="Helen Reyes said more rain could fall.", start=0, end=1),
    ]
    assert eligible(items, [article, transcript]).tolist() == [False, True, True, False, False, True]
    # Judged as printed: "But he said..." reads "He said..."; questions, fragments and short
    # exclamations outside quotation marks say nothing on their own.
    more = [
        "But he said more rain could fall by Saturday.",
        "What is the deadly VX nerve agent?",
        "They waited.",
        "Happy LOOK Tuesday!",
        "“We will rebuild this town, every street of it!”",
        "Officials asked why the warning came so late.",
        "About 9,000 travellers were stranded, it said.",
        "About 9,000 travellers were stranded, the airport operator said.",
    ]
    extra = [Sentence(doc=0, position=5 + k, text=t, start=0, end=1) for k, t in enumerate(more)]
    assert eligible(extra, [article, transcript]).tolist() == [
        False,
        False,
        False,
        False,
        True,
        True,
        False,
        True,
    ]
    # With no clean report, the transcript's wording is all there is.
    assert eligible(items[3:4], [article, transcript]).tolist() == [False]
    assert eligible([dataclasses.replace(items[3], doc=0)], [transcript]).tolist() == [True]
