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
