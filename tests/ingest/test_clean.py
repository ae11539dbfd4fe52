"""clean_document / clean_cluster on the sony example, crafted junk and the raw dev clusters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.ingest.clean import clean_cluster, clean_document
from newsfuse.ingest.readers import documents_from_texts, read_clusters
from newsfuse.model import Document


@pytest.fixture(scope="module")
def dev_clusters(dev_path: Path) -> list[dict]:
    """The raw dev clusters (read here: the shared fixture leaves its file open)."""
    with dev_path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


@pytest.fixture(scope="module")
def sony(sony_dir: Path) -> dict[str, Document]:
    docs = clean_cluster(next(read_clusters([sony_dir])).documents)
    return {Path(d.source).stem: d for d in docs}


def test_article_metadata_moves_out_of_the_text(sony: dict[str, Document]) -> None:
    doc = sony["abc-news-article"]
    assert doc.kind == "article" and doc.status == "kept"
    assert (
        doc.title == "Obama: Sony Hack Proves U.S. Needs to Do 'A Lot More' to Protect Against Cyber Threats"
    )
    assert doc.outlet == "ABC News"
    assert doc.date == "2014-12-17"
    for gone in (doc.title, "ByABC News", "8:28 PM"):
        assert gone not in doc.text
    assert "Today Sony Pictures announced it was cancelling the film’s Dec. 25 release." in doc.text


def test_transcript_is_recognised_and_cleaned(sony: dict[str, Document]) -> None:
    doc = sony["abc-video-transcript"]
    assert doc.kind == "transcript"
    assert doc.title == "Obama Wants America To 'Go To The Movies'"
    assert doc.date == "2014-12-17"
    for gone in ("2:11 |", "automatically generated", "to to", "A an entire", " -- "):
        assert gone not in doc.text
    reasons = {r.reason for r in doc.removed}
    assert {"transcript header", "transcript disclaimer"} <= reasons
    assert "We see no credible evidence" in doc.text or "we see no credible evidence" in doc.text


def test_web_page_furniture_goes_and_the_story_stays(sony: dict[str, Document], sony_dir: Path) -> None:
    doc = sony["laist-web-page"]
    assert doc.kind == "web"
    assert doc.title == "Obama: Sony Made A Mistake In Pulling 'The Interview' Theatrical Release"
    assert doc.outlet == "LAist"
    for gone in (
        "Support for LAist",
        "Stay Connected",
        "Share This",
        "archival",
        "Dear reader",
        "Thank you for investing",
        "George Clooney Calls Out",
        "6 More Juicy Leaks",
        "We Explain L.A.",
    ):
        assert gone not in doc.text, gone
    # Every paragraph of the story itself survives, word for word.
    raw = (sony_dir / "laist-web-page.txt").read_text()
    story = raw[raw.index("President Barack Obama announced") : raw.index("George Clooney Calls Out")]
    paragraphs = [p.strip() for p in story.split("\n\n") if p.strip() and "Support for LAist" not in p]
    assert len(paragraphs) >= 10
    for paragraph in paragraphs:
        assert paragraph in doc.text
    # And every removal is on record with a reason, for `newsfuse inspect`.
    assert all(r.reason for r in doc.removed) and len(doc.removed) >= 20


JUNK = {
    "wayback": "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive. "
    "Flowing in every day, these data are added to the Wayback Machine after an embargo period.",
    "404": "Page not found\n\nSorry, the page you were looking for could not be found. Return to the homepage.",
    "javascript": "JavaScript is disabled\n\nPlease enable JavaScript in your browser to view this site.",
    "player": "The interactive transcript could not be loaded.\n\nRating is available when the video has been "
    "rented.\n\nThis feature is not available right now. Please try again later.",
    "paywall": "Subscribe to continue reading\n\nAlready a subscriber? Sign in\n\nYou have reached your free article limit.",
    "empty": "Photo\n\nShare\n\nThe mayor spoke on Tuesday.",
}


@pytest.mark.parametrize("name", sorted(JUNK))
def test_junk_documents_are_set_aside_with_a_reason(name: str) -> None:
    doc = clean_document(documents_from_texts([JUNK[name]], prefix="d", source=name)[0])
    assert doc.status == "junk"
    assert doc.reason and "words" in doc.reason


def test_junk_reasons_name_the_kind_of_page() -> None:
    docs = clean_cluster(documents_from_texts([JUNK["wayback"], JUNK["404"]], prefix="d", source="x"))
    assert docs[0].reason.startswith("web-archive")
    assert docs[1].reason.startswith("error page")


def test_html_goes_through_trafilatura() -> None:
    body = "".join(
        f"<p>The council voted on the new budget plan, sentence number {n} of the report.</p>"
        for n in range(8)
    )
    html = f"<html><head><title>Council passes budget</title></head><body><nav>Home | Share</nav><article>{body}</article></body></html>"
    doc = clean_document(documents_from_texts([html], prefix="d", source="page")[0])
    assert doc.kind == "html" and doc.status == "kept"
    assert "sentence number 7" in doc.text
    assert "<p>" not in doc.text


def test_dev_clusters_lose_no_article_text(dev_clusters: list[dict]) -> None:
    """Nothing real is lost: every removed line of the dev set is short or carries a furniture cue.

    A removed line over 40 words must say why in its own words (caption credit, plea, archive
    text); long plain paragraphs must never be removed.
    """
    cues = ("caption", "photo", "file", "(", "image", "autoplay", "close", "getty", "reuters", "credit")
    for cluster in dev_clusters:
        docs = clean_cluster(documents_from_texts(cluster["documents"], prefix="d", source=cluster["id"]))
        for doc in docs:
            for line in doc.removed:
                if len(line.text.split()) > 40 and line.reason != "web-archive placeholder":
                    assert any(c in line.text.lower() for c in cues), (cluster["id"], line)


DEV_JUNK = {  # every page of the dev set without news in it, and nothing else
    ("multinews-test-1138", 1): "sign-in",  # Dow Jones reprint stub
    ("multinews-test-2810", 3): "JavaScript",  # video-player chrome
    ("multinews-test-1827", 0): "web-archive",
    ("multinews-test-3670", 0): "web-archive",
    ("multinews-test-57", 1): "web-archive",
    ("multinews-test-57", 2): "JavaScript",  # "Tweet with a location" widget
    ("multinews-test-3060", 1): "web-archive",
    ("multinews-test-3512", 0): "sign-in",  # "spreading the word about Science" form
    ("multinews-test-632", 1): "near-empty",  # one headline repeated three times
    ("multinews-test-5119", 0): "web-archive",
    ("multinews-test-870", 1): "web-archive",
    ("multinews-test-3205", 0): "web-archive",
    ("multinews-test-1997", 2): "web-archive",
    ("multinews-test-3690", 2): "web-archive",
}


def test_dev_junk_is_exactly_the_pages_without_news(dev_clusters: list[dict]) -> None:
    found = {}
    for cluster in dev_clusters:
        docs = clean_cluster(documents_from_texts(cluster["documents"], prefix="d", source=cluster["id"]))
        found.update({(cluster["id"], i): d.reason for i, d in enumerate(docs) if d.status != "kept"})
    assert set(found) == set(DEV_JUNK)
    for key, start in DEV_JUNK.items():
        assert found[key].startswith(start), (key, found[key])


def _unpunctuated(words: int) -> str:
    vocabulary = "storm coast river city people water road power wind rain officials homes".split()
    return " ".join(vocabulary[(n * 7) % len(vocabulary)] for n in range(words))


def test_a_line_without_sentence_ends_says_what_happened(tmp_path: Path) -> None:
    """Issue 15, item 14: 100,000 characters without punctuation were "kept" with 13,558 words,
    and the briefing then said only "no usable text"."""
    path = tmp_path / "dump.txt"
    path.write_text(_unpunctuated(13_558))
    assert len(path.read_text()) > 80_000
    doc = clean_cluster(next(read_clusters([path])).documents)[0]
    assert doc.status == "junk"
    assert doc.reason and doc.reason.startswith("no sentences: 13,558 words without sentence punctuation")
    assert [r.reason for r in doc.removed] == ["run-on text without sentence ends"]


def test_a_run_on_line_goes_and_the_story_stays() -> None:
    story = " ".join(
        f"The harbour reopened on day {n} after divers cleared the channel of boats." for n in range(4)
    )
    doc = clean_document(
        documents_from_texts([f"{story}\n\n{_unpunctuated(400)}"], prefix="d", source="x")[0]
    )
    assert doc.status == "kept" and doc.text == story
    # Long lines that are many sentences, even lowercase ones, are not run-on.
    lowercase = "the river rose overnight. " * 60
    assert (
        clean_document(documents_from_texts([lowercase], prefix="d", source="y")[0]).text == lowercase.strip()
    )
