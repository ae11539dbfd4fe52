"""Date expressions resolved against the document's date."""

from __future__ import annotations

from datetime import date

import pytest

from newsfuse.dates import find_dates
from newsfuse.ingest.metadata import document_date

ANCHOR = date(2014, 12, 17)  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Today Sony Pictures announced it was cancelling the film.", ["2014-12-17"]),
        ("The studio cancelled the Dec. 25 release.", ["2014-12-25"]),
        ("The attack began as early as Nov. 24, officials said.", ["2014-11-24"]),
        ("They said earlier this month they thought so.", ["2014-12"]),
        ("He was arrested yesterday and charged tomorrow.", ["2014-12-16", "2014-12-18"]),
        ("Police said on Monday the man fled.", ["2014-12-15"]),
        ("The law was passed on December 3, 2013.", ["2013-12-03"]),
        ("Talks stalled in March 2012 and resumed in 2013.", ["2012-03", "2013"]),
        ("A story in a January paper mentions Dec. 28.", ["2013-12-28"]),
    ],
)
def test_resolves_against_the_document_date(sentence: str, expected: list[str]) -> None:
    assert [
        d.iso for d in find_dates(sentence, ANCHOR if "January" not in sentence else date(2014, 1, 5))
    ] == (expected)


def test_relative_dates_need_a_document_date() -> None:
    assert find_dates("Today Sony Pictures announced it.", None) == []
    assert find_dates("It opens Dec. 25.", None) == []
    assert [d.iso for d in find_dates("It opened on December 25, 2014.", None)] == ["2014-12-25"]


def test_names_and_styles_are_not_dates() -> None:
    assert find_dates("He told ABC “World News Tonight” anchor David Muir.", ANCHOR) == []
    assert find_dates("They threatened a Sept. 11, 2001-style attack.", ANCHOR) == []


def test_expression_is_the_date_as_written() -> None:
    found = find_dates("Talks stalled in March 2012 and resumed in 2013.", None)
    assert [(d.expression, d.precision) for d in found] == [("March 2012", "month"), ("2013", "year")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 2026-03-12 is a Thursday.
        ("The airport operator said it hoped to reopen on Monday.", "2026-03-16"),
        ("Up to 300 millimetres of rain could fall by Saturday.", "2026-03-14"),
        ("Officials said on Monday that the bridge will reopen soon.", "2026-03-09"),
        ("The fisherman died on Wednesday evening.", "2026-03-11"),
    ],
)
def test_weekday_direction_follows_the_words_before_it(sentence: str, expected: str) -> None:
    (mention,) = find_dates(sentence, date(2026, 3, 12))
    assert mention.iso == expected


@pytest.mark.parametrize(
    ("sentence", "anchor"),
    [
        ("The storm will reach the coast tomorrow, forecasters said.", date.max),
        ("The council will vote on Monday, the mayor said.", date.max),
        ("The council meets next Friday to decide.", date.max),
        ("The bridge was closed yesterday after the flood.", date.min),
        ("The bridge was closed on Sunday after the flood.", date.min),
        ("Sales fell last month and last year.", date.min),
        ("The ruling on Dec. 28 surprised everyone.", date.min),
    ],
)
def test_dates_past_the_ends_of_the_calendar_are_left_out(sentence: str, anchor: date) -> None:
    """Issue 15.4: a report dated 9999-12-31 saying "tomorrow" raised OverflowError (a traceback
    in the CLI, HTTP 500 in the API). A date the calendar cannot hold is left out, not guessed."""
    found = find_dates(sentence, anchor)
    assert all(1 <= int(m.iso[:4]) <= 9999 for m in found), found
    assert all(m.expression.lower() not in ("tomorrow", "yesterday", "last year") for m in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "MONDAY, Jan. 25, 2016 (HealthDay News) -- Teens who sleep less eat more, a study says.",
            "2016-01-25",
        ),
        (
            "Dog deaths probed\n\nPosted: Monday, June 23, 2014\n\nPolice said the kennel was closed.",
            "2014-06-23",
        ),
        ("By Jane Doe\nJuly 15, 2014 at 2:54 PM\n\nThe council voted on Tuesday.", "2014-07-15"),
        ("CHICAGO, Nov. 30, 2018 /PRNewswire/ -- United Airlines today announced a deal.", "2018-11-30"),
        ("a man was shot early friday. ( published sunday, sept. 9, 2018 ) police said", "2018-09-09"),
        ("By alexis simendinger - january 21, 2013 four years ago during his address", "2013-01-21"),
        ("this article was published 22/6/2015 ( 752 days ago ), so information may be old", "2015-06-22"),
        (
            "The story.\n\n" + "Filler text here. " * 40 + "\nThis story was updated on March 21, 2018.",
            "2018-03-21",
        ),
    ],
)
def test_document_date_from_its_stamp(text: str, expected: str) -> None:
    assert document_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "FILE - In this Aug. 15, 2014 file photo, Robert Durst leaves a Houston courtroom.",
        "Debris left by protesters in a square, sunday, feb. 5, 2012, in washington.",
        "a photo posted by lily-rose depp ( @lilyrose_depp ) on jul 16, 2015 at 9: 00am pdt we saw her",
        "Bush was born June 12, 1924, in Milton, Mass. He went to Yale.",
        "A Chinese satellite captured this image, released on March 22, 2014, of an object.",
    ],
)
def test_dates_of_other_things_do_not_date_the_report(text: str) -> None:
    assert document_date(text) is None
