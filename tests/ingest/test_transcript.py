"""Transcripts: recognised, headers named, stutters collapsed, pause-fragments joined."""

from __future__ import annotations

from pathlib import Path

import pysbd

from newsfuse.ingest.transcript import collapse_stutters, header_reason, is_transcript, repunctuate


def test_headers_and_disclaimer_are_recognised() -> None:
    assert header_reason("2:11 | 12/17/14") == "transcript header"
    assert header_reason("This transcript has been automatically generated and may not be 100% accurate.")
    assert header_reason("The president spoke for 2:11 minutes on 12/17/14.") is None


def test_stutters_collapse() -> None:
    assert collapse_stutters("we haven't done everything we need to to harden") == (
        "we haven't done everything we need to harden"
    )
    assert (
        collapse_stutters("we we made progress -- and A an entire effort")
        == "we made progress and an entire effort"
    )


def test_sony_transcript_is_recognised_and_articles_are_not(sony_dir: Path) -> None:
    transcript = (sony_dir / "abc-video-transcript.txt").read_text().splitlines()
    article = (sony_dir / "abc-news-article.txt").read_text().splitlines()
    assert is_transcript(transcript)
    assert not is_transcript(article)


def test_speech_shaped_text_without_header_is_recognised(sony_dir: Path) -> None:
    lines = (sony_dir / "abc-video-transcript.txt").read_text().splitlines()
    body = [line for line in lines if len(line) > 500]
    assert is_transcript(body)


def test_fragments_join_into_sentences(sony_dir: Path) -> None:
    body = next(
        line for line in (sony_dir / "abc-video-transcript.txt").read_text().splitlines() if len(line) > 500
    )
    fixed = repunctuate(body)
    sentences = pysbd.Segmenter(language="en", clean=False).segment(fixed)
    # Capitals left by pauses stay where a word might be a name ("Interagency", "Hackers").
    assert "an entire interagency effort to make sure that we're going after hackers" in fixed.lower()
    assert "the congress also needs to take up" in fixed
    assert not any(
        s.strip() in {"Well.", "A an entire.", "Actors who.", "The FBI should."} for s in sentences
    )
    # Fewer, longer sentences than pysbd finds in the raw text, none of them a 1-2 word scrap.
    raw_sentences = pysbd.Segmenter(language="en", clean=False).segment(body)
    assert len(sentences) < len(raw_sentences)
    assert min(len(s.split()) for s in sentences) >= 4


def test_lists_recipes_and_jokes_are_not_transcripts() -> None:
    """Short lines joined looked like pause-fragments: 10 evaluation pages were taken for
    transcripts and 7 rewritten (issue 16)."""
    recipe = [
        "Ingredients",
        *[f"{n} cups of flour." for n in range(1, 60)],
        "Method",
        "Mix well.",
        "Bake it.",
    ]
    jokes = []
    for n in range(30):
        jokes += [f"Why did joke {n} cross the road?", "To get away.", "Ha."]
    for lines in (recipe, jokes):
        assert sum(len(line.split()) for line in lines) >= 150
        assert not is_transcript(lines)
