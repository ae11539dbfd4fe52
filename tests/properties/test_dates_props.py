"""The date parsers on random text and anchors over the whole calendar: valid dates or nothing."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from newsfuse.dates import find_dates, parse_date
from newsfuse.errors import InputError
from newsfuse.ingest.metadata import extract_metadata, metadata_line
from newsfuse.stream.cluster import article_from_dict

from .strategies import DATE_STRINGS, budget, messy_text, news_text


def _valid_iso(value: str) -> None:
    if len(value) == 10:
        dt.date.fromisoformat(value)
    elif len(value) == 7:
        assert int(value[:4]) >= 1 and 1 <= int(value[5:]) <= 12
    else:
        assert len(value) == 4 and 1 <= int(value) <= 9999


@budget(300)
@given(
    text=st.one_of(messy_text(), news_text()),
    anchor=st.one_of(st.none(), st.dates(), st.sampled_from([dt.date.min, dt.date.max])),
)
def test_find_dates_gives_real_dates_at_their_place(text: str, anchor: dt.date | None) -> None:
    for mention in find_dates(text, anchor):
        _valid_iso(mention.iso)
        assert text[mention.start : mention.end] == mention.expression


@budget(200)
@given(text=st.one_of(messy_text(), news_text()))
def test_metadata_dates_are_real_dates(text: str) -> None:
    found = parse_date(text)
    assert found is None or dt.date.fromisoformat(found)
    line = metadata_line(text.split("\n")[0])
    assert line is None or line[0] in ("outlet", "date")
    meta = extract_metadata(text)
    assert meta["date"] is None or dt.date.fromisoformat(meta["date"])


@budget(200)
@given(date=DATE_STRINGS)
def test_an_article_date_is_an_iso_date_or_a_named_error(date: str) -> None:
    try:
        article = article_from_dict({"id": "a1", "date": date, "text": "Storm hits coast."}, "feed.jsonl:1")
    except InputError as exc:
        assert str(exc).startswith("feed.jsonl:1: article a1: ")
    else:
        dt.date.fromisoformat(article.date)
