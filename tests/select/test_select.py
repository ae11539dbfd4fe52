"""Selection: the budget, redundancy and reading order; choose() on a prepared cluster."""

from __future__ import annotations

import numpy as np

from newsfuse.model import Sentence
from newsfuse.select import select
from newsfuse.select.wording import tidy


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


def _prepared(texts: list[str], dates: list[str | None] | None = None):
    import dataclasses

    from newsfuse.ingest.readers import documents_from_texts
    from newsfuse.pipeline import prepare

    docs = documents_from_texts(texts, prefix="d", source="t")
    if dates:
        docs = tuple(dataclasses.replace(d, date=date) for d, date in zip(docs, dates, strict=True))
    return prepare(docs)


STORY = [
    "A pretrial hearing for the former mayor is expected to be held on Monday in Dayton. "
    "The former mayor was charged last month with taking bribes from two developers. "
    "Prosecutors say the payments were made over three years through a consulting firm.",
    "At a pretrial hearing on Monday in Dayton, a judge set a trial date for the former mayor. "
    "The former mayor was charged last month with taking bribes from two developers in the city. "
    "His lawyer said he would plead not guilty to every charge at the trial in the spring.",
]


def test_a_preview_overtaken_by_another_report_is_not_chosen() -> None:
    from newsfuse.select import overtaken
    from newsfuse.select.wording import tidy

    state = _prepared(STORY, ["2019-03-01", "2019-03-04"])
    flags = overtaken(state, [tidy(s.text) for s in state.pooled])
    previews = [s.text for s, flag in zip(state.pooled, flags, strict=True) if flag]
    assert previews == ["A pretrial hearing for the former mayor is expected to be held on Monday in Dayton."]
    # A preview no report overtakes stays (the later report is the older one here).
    older = _prepared(STORY, ["2019-03-04", "2019-03-01"])
    assert not overtaken(older, [tidy(s.text) for s in older.pooled]).any()


def test_the_opening_is_a_report_lead_told_plainly() -> None:
    from newsfuse.attribute import QuoteBook
    from newsfuse.select import choose
    from newsfuse.select.scorer import default_scorer

    texts = [
        '"We are heartbroken," the club said on its website after the news broke late on Sunday night. '
        "The Dayton Rivers football club fired its coach on Sunday after a ninth straight defeat at home. "
        "The coach had led the team for four seasons and won one regional title.",
        "Dayton Rivers dismissed coach Mark Eller on Sunday after the team lost its ninth game in a row. "
        "Club officials said a replacement would be named within two weeks of the dismissal.",
    ]
    state = _prepared(texts)
    choice = choose(state, scorer=default_scorer(), people=QuoteBook(state.documents))
    first = choice.printed[choice.chosen[0]]
    assert not first.startswith('"') and "Sunday" in first and "coach" in first
