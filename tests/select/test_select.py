"""Selection: the budget, redundancy and reading order; choose() on a prepared cluster."""

from __future__ import annotations

from pathlib import Path

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


def test_words_a_sentence_gains_when_printed_count_against_the_budget() -> None:
    # Sentence 3 introduces someone with a role (+6 words): beside 0 it would pass 45 words, so
    # the shorter 2 takes its place.
    items = sentences([10, 10, 10, 30])
    scores = np.asarray([0.9, 0.1, 0.5, 0.7], dtype=np.float32)
    chosen = select(items, np.eye(4, dtype=np.float32), scores, words=45, redundancy=0.6, extra=[0, 0, 0, 6])
    assert sorted(chosen) == [0, 1, 2]


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


def test_one_death_toll_told_two_ways_is_printed_once(bundled_example: Path) -> None:
    """The bundled example's reports give the toll as "Three people were killed, officials
    said, …" and "Three deaths have been confirmed.": one fact, which the briefing printed twice.
    The sentence kept is cited to both reports that give the toll."""
    from newsfuse.ingest.readers import read_clusters
    from newsfuse.numbers import happenings
    from newsfuse.pipeline import summarize

    (cluster,) = read_clusters([bundled_example])
    briefing = summarize(cluster.documents, cluster_id=cluster.id)
    tolls = [s for s in briefing.summary if (3.0, "death") in happenings(s.text)]
    assert len(tolls) == 1
    giving = {
        d.id
        for d in briefing.documents
        if "Three deaths have been confirmed" in d.text or "Three people were killed" in d.text
    }
    assert len(giving) == 2 and giving <= set(tolls[0].sources)


def test_counts_of_one_happening_match_whatever_word_counts_them() -> None:
    from newsfuse.numbers import happenings

    assert happenings("Three people were killed in the crash.") == {(3.0, "death")}
    assert happenings("Three deaths have been confirmed.") == {(3.0, "death")}
    assert happenings("The quake left 4,179 dead.") == {(4179.0, "death")}
    assert happenings("Police made 12 arrests on Friday.") == {(12.0, "arrest")}
    assert happenings("More than 40 people were injured.") == set()  # a bound, not a count
    assert happenings("The city has 300 buses.") == set()  # nothing happened to them


def test_an_opening_he_or_she_is_printed_as_the_person_the_report_means() -> None:
    from newsfuse.attribute import QuoteBook
    from newsfuse.ingest.readers import documents_from_texts
    from newsfuse.pipeline import prepare
    from newsfuse.select import choose
    from newsfuse.select.scorer import default_scorer

    report = (
        "Maria Lopez, 34, said she had been driving home from work when the crash on Main Street happened.\n\n"
        "She was booked into the county jail on Tuesday and released on bail the same evening.\n\n"
        "Police said the crash closed the road for three hours and sent two people to hospital."
    )
    other = (
        "A crash on Main Street closed the road for three hours on Monday, police said.\n\n"
        "Two people were taken to hospital with injuries that were not life-threatening."
    )
    docs = documents_from_texts([report, other], prefix="d", source="t")
    state = prepare(docs)
    choice = choose(state, scorer=default_scorer(), people=QuoteBook(state.documents))
    booked = next(k for k, s in enumerate(state.pooled) if s.text.startswith("She was booked"))
    assert choice.printed[booked].split(" was booked")[0] in ("Lopez", "Maria Lopez"), choice.printed[booked]
