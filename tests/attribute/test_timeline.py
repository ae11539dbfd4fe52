"""Timeline of the example cluster: dated events in order, each citing its sources."""

from __future__ import annotations

from newsfuse.attribute.timeline import timeline
from newsfuse.model import Document
from newsfuse.segment import segment


def test_example_cluster_events_are_ordered_and_resolved(sony_docs) -> None:
    sentences = segment(sony_docs)
    events = timeline(sentences, sony_docs, facts=())
    assert [e.date for e in events] == sorted(e.date for e in events)
    cancelled = [e for e in events if e.text.startswith("Today Sony Pictures announced")]
    assert [(e.date, e.sources, e.expression) for e in cancelled] == [("2014-12-17", ("d1",), "Today")]
    # The LAist page has no date, so its "today" stays unresolved rather than guessed.
    assert not [e for e in events if e.sources == ("d3",) and e.expression.lower() == "today"]


def test_same_dated_statement_of_two_sources_is_one_event() -> None:
    from newsfuse.model import Fact

    docs = (
        Document(
            id="a",
            source="a",
            text="Officials said on Monday that the bridge will reopen soon.",
            date="2020-03-04",
        ),
        Document(
            id="b",
            source="b",
            text="The bridge will reopen soon, officials announced on Monday.",
            date="2020-03-04",
        ),
    )
    sentences = segment(docs)
    fact = Fact(text=sentences[0].text, sentences=(0, 1), sources=("a", "b"))
    events = timeline(sentences, docs, facts=(fact,))
    assert [(e.date, e.sources) for e in events] == [("2020-03-02", ("a", "b"))]


def test_a_planned_date_does_not_date_the_statement(sony_docs) -> None:
    # "...we have decided not to move forward with the planned December 25 theatrical release,"
    # was said on December 17: December 25 is when the release was meant to be.
    events = timeline(segment(sony_docs), sony_docs, facts=())
    assert not [e for e in events if "planned December 25" in e.text]
    docs = (
        Document(
            id="a",
            source="a",
            text="The launch, scheduled for Friday, was called off on Tuesday.",
            date="2020-03-04",
        ),
    )
    (event,) = timeline(segment(docs), docs, facts=())
    assert (event.date, event.expression) == ("2020-03-03", "Tuesday")


def _events(*texts: str, date: str = "1999-07-30"):
    docs = tuple(Document(id=f"d{n}", source=f"s{n}", text=t, date=date) for n, t in enumerate(texts, 1))
    return timeline(segment(docs), docs, facts=())


def test_absolute_dates_at_the_precision_written() -> None:
    events = _events(
        "In 1987, the lawyer won a $7 million verdict against the group.\n\n"
        "Coty Inc. acquired the salon chain Wella in October of 2016.\n\n"
        "The September 2014 disappearance of a student shocked the small town.\n\n"
        "In a formal adoption ceremony Jan. 5, 1998, the couple took in two brothers."
    )
    assert [(e.date, e.expression) for e in events] == [
        ("1987", "1987"),
        ("1998-01-05", "Jan. 5, 1998"),
        ("2014-09", "September 2014"),
        ("2016-10", "October of 2016"),
    ]


def test_a_year_a_sentence_only_mentions_does_not_date_it() -> None:
    events = _events(
        "The quake was the largest recorded in Turkey since 1934, officials said.\n\n"
        "The statement cites the Private Securities Litigation Reform Act of 1995 at length.\n\n"
        "Jurors found the group negligent in hiring guards who assaulted a woman in 1998.\n\n"
        "The blue 1977 Nissan pickup truck was recovered near a campground.\n\n"
        "Investors Life, which filed suit in 1994, settled with Barton in September 1997.\n\n"
        "A 1967 quake east of the city increased the stress on the fault line."
    )
    assert [e.date for e in events] == ["1967", "1997-09"]


def test_restatements_of_one_fact_are_one_event() -> None:
    events = _events(
        "The ring was bought in 1946 by her grandfather in a small shop.",
        "Her grandfather bought the ring in 1946 in a small shop, the family said.",
    )
    assert [(e.date, e.sources) for e in events] == [("1946", ("d1", "d2"))]


def test_an_event_reads_as_a_summary_sentence_does() -> None:
    # The wire's bullet and dateline and its typewriter quotation marks are not the event's words.
    (event,) = _events("_ BONN _ The council voted on July 12, 1999, to close the ``old'' plant.")
    assert event.text == "The council voted on July 12, 1999, to close the “old” plant."
