"""Online story clustering on real articles: grouping quality, time awareness, input checks."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from newsfuse.errors import ConfigError, InputError
from newsfuse.stream.cluster import Article, ClusterOptions, article_from_dict, assign
from newsfuse.stream.evaluate import bcubed, duc_stream, event_stream


def test_bcubed_matches_a_hand_computed_case() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    perfect = bcubed({"a": "1", "b": "1", "c": "2"}, gold)
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)
    merged = bcubed({"a": "1", "b": "1", "c": "1"}, gold)
    # precision: a, b see 2/3 of their cluster right, c 1/3 -> 5/9; recall is 1.
    assert merged.precision == pytest.approx(5 / 9)
    assert merged.recall == 1.0
    with pytest.raises(ValueError, match="different items"):
        bcubed({"a": "1"}, gold)


def test_event_stream_groups_documents_of_the_same_event(validation_path: Path) -> None:
    articles, gold = event_stream(validation_path, clusters=150, skip=3000, drop_irrelevant=True)
    assignments, _ = assign(articles, [], ClusterOptions())
    score = bcubed({a.article_id: a.story_id for a in assignments}, gold)
    singletons = bcubed({k: k for k in gold}, gold)
    assert score.f1 > 0.85, score
    assert score.f1 > singletons.f1 + 0.2


def test_a_story_outside_the_window_does_not_swallow_a_new_event(duc_path: Path) -> None:
    article = next(a for a, _ in duc_stream(duc_path, limit=1))
    options = ClusterOptions()
    _, stories = assign([article], [], options)
    story = next(iter(stories.values()))
    follow_up = replace(article, id="next-day", date="1996-01-05")
    much_later = replace(article, id="months-later", date="1996-03-04")
    near, _ = assign([follow_up], [story], options)
    far, _ = assign([much_later], [story], options)
    assert near[0].story_id == story.id and not near[0].new_story
    assert far[0].new_story


def test_assign_does_not_modify_the_stories_it_is_given(duc_path: Path) -> None:
    first = next(a for a, _ in duc_stream(duc_path, limit=1))
    _, stories = assign([first], [], ClusterOptions(threshold=0.0))
    story = next(iter(stories.values()))
    before = (dict(story.terms), story.size)
    assign([replace(first, id="copy")], [story], ClusterOptions(threshold=0.0))
    assert (story.terms, story.size) == before


def test_article_records_are_checked_and_named() -> None:
    good = article_from_dict({"id": 7, "date": "1996-01-04 11:05", "headline": "H", "text": "T"}, "f:1")
    assert good == Article(id="7", date="1996-01-04", title="H", text="T")
    with pytest.raises(InputError, match=r"f:2: article a: 'date' is missing"):
        article_from_dict({"id": "a", "text": "t"}, "f:2")
    with pytest.raises(InputError, match=r"f:3: article a: date 'soon' is not an ISO date"):
        article_from_dict({"id": "a", "text": "t", "date": "soon"}, "f:3")
    with pytest.raises(InputError, match=r"f:4: article a: 'text' is missing"):
        article_from_dict({"id": "a", "date": "2020-01-01"}, "f:4")
    with pytest.raises(ConfigError, match="threshold"):
        ClusterOptions(threshold=2.0)


def test_junk_articles_get_stories_of_their_own_that_nothing_joins(bundled_example: Path) -> None:
    """The same 404 page in three feeds must not become one "story" (nor swallow a real report)."""
    not_found = (bundled_example / "page-not-found.txt").read_text(encoding="utf-8")
    report = (bundled_example / "coastal-herald-article.txt").read_text(encoding="utf-8")
    junk = [Article(id=f"404-{k}", date="2026-03-12", title="", text=not_found) for k in range(3)]
    real = [Article(id=f"real-{k}", date="2026-03-12", title="", text=report) for k in range(2)]
    assignments, stories = assign([*junk, real[0]], [], ClusterOptions())
    junk_stories = {a.story_id for a in assignments[:3]}
    assert len(junk_stories) == 3 and all(a.new_story for a in assignments)
    assert all("error page" in (stories[s].junk or "") and not stories[s].terms for s in junk_stories)
    assert stories[assignments[3].story_id].junk is None

    later, _ = assign([real[1], replace(junk[0], id="404-again")], list(stories.values()), ClusterOptions())
    assert later[0].story_id == assignments[3].story_id, "the real report joins the real story"
    assert later[1].new_story, "a junk page joins nothing"


def test_an_article_in_a_language_newsfuse_cannot_read_gets_a_story_of_its_own() -> None:
    from newsfuse.stream.cluster import Article, article_junk

    chinese = Article("zh1", "2024-05-01", "暴雨", "暴雨袭击了沿海城市，数千人被迫撤离家园。" * 20)
    assert "Chinese" in (article_junk(chinese) or "")
    english = Article(
        "en1",
        "2024-05-01",
        "Storm",
        "Heavy rain hit the coastal city on Monday and thousands of people left their homes. "
        "The mayor said shelters had opened in three schools and the town hall before nightfall.",
    )
    assert article_junk(english) is None
