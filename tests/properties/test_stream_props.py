"""The stream's article lines: bad lines anywhere never cost a good article, and never raise."""

from __future__ import annotations

import json

from hypothesis import event, given
from hypothesis import strategies as st

from newsfuse.stream.runner import StreamReport, read_articles, run_stream
from newsfuse.stream.store import open_store

from .strategies import DATE_STRINGS, JSON_VALUES, budget, messy_text

GOOD_TEXT = st.lists(st.from_regex(r"[A-Z][a-z]{2,9}", fullmatch=True), min_size=3, max_size=40).map(" ".join)

BAD_LINE = st.one_of(
    JSON_VALUES.map(json.dumps),
    messy_text(6),
    st.fixed_dictionaries(
        {},
        optional={
            "id": st.one_of(messy_text(3), JSON_VALUES),
            "date": st.one_of(DATE_STRINGS, JSON_VALUES),
            "title": st.one_of(messy_text(4), JSON_VALUES),
            "text": st.one_of(messy_text(), JSON_VALUES),
        },
    ).map(json.dumps),
    st.sampled_from(["[" * 5000, "1" * 5000, "{", "\x00"]),
)


@st.composite
def feeds(draw: st.DrawFn) -> tuple[list[str], dict[str, dict[str, str]]]:
    """Lines of a feed: good articles mixed with bad lines. Good ids ("good-0-ø") are of a form
    the bad lines' ids (built from other pieces) do not take, so a bad line never claims one."""
    good: dict[str, dict[str, str]] = {}
    lines: list[str] = []
    for n in range(draw(st.integers(1, 8))):
        article = {
            "id": f"good-{n}-ø",
            "date": draw(st.dates()).isoformat(),
            "title": draw(st.one_of(st.just(""), messy_text(4))),
            "text": draw(GOOD_TEXT) + draw(st.sampled_from(["", "\x00", "\ud800", " <b>x</b>"])),
        }
        good[article["id"]] = article
        lines += [*draw(st.lists(BAD_LINE, max_size=2)), json.dumps(article)]
    lines += draw(st.lists(BAD_LINE, max_size=2))
    return lines, good


@budget(25)
@given(feed=feeds(), batch_size=st.integers(1, 6))
def test_a_bad_line_never_costs_a_good_article(
    feed: tuple[list[str], dict[str, dict[str, str]]], batch_size: int
) -> None:
    lines, good = feed
    report = StreamReport()
    store = open_store(":memory:")
    try:
        run_stream(
            read_articles(lines, "feed.jsonl", report),
            store,
            batch_size=batch_size,
            briefings=False,
            report=report,
        )
        event(f"{report.rejected} bad lines rejected")
        stored = store.known_articles(sorted(good))
        assert set(stored) == set(good), "every good article is stored"
        assert report.articles + report.repeated + report.rejected == sum(1 for line in lines if line.strip())
        assert store.check() == []
        for story in store.stories(limit=1000, junk=True):
            for article in store.story_articles(story.id):
                assert "\x00" not in article.text and "\ud800" not in article.text
    finally:
        store.close()
