"""Bylines and date lines are recognised; sentences that mention dates are not."""

from __future__ import annotations

from newsfuse.dates import parse_date
from newsfuse.ingest.metadata import extract_metadata, metadata_line


def test_byline_and_date_lines() -> None:
    assert metadata_line("ByABC News") == ("outlet", "ABC News")
    assert metadata_line("By Yuliya Talmazan") == ("outlet", "Yuliya Talmazan")
    assert metadata_line("December 17, 2014, 8:28 PM") == ("date", "2014-12-17")
    assert metadata_line("Updated Dec. 3, 2017 at 9:04 PM ET") == ("date", "2017-12-03")
    assert metadata_line("He was born on December 3, 2001, in Ohio.") is None
    assert metadata_line("By the time police arrived, the men had fled.") is None


def test_parse_date_formats() -> None:
    assert parse_date("2:11 | 12/17/14") == "2014-12-17"
    assert parse_date("posted 2016-08-14") == "2016-08-14"
    assert parse_date("no date here") is None


def test_extract_metadata_reads_the_head() -> None:
    found = extract_metadata("Obama Wants America To Go\n\nByABC News\nDecember 17, 2014, 8:28 PM\n\nText.")
    assert found == {"title": "Obama Wants America To Go", "date": "2014-12-17", "outlet": "ABC News"}
