"""HTML extraction around trafilatura: captions pruned for every stage, a rescue for empty pages.

Small hand-written pages; the figures that chose each rule come from ``scripts/bench_html.py``
on the tuning half of trafilatura's own evaluation pages (BENCHMARKS.md, issue 16).
"""

from __future__ import annotations

import json

import pytest

from newsfuse.ingest.clean import clean_document
from newsfuse.ingest.extraction import html_to_text
from newsfuse.ingest.readers import documents_from_bytes
from newsfuse.model import Document

PARAGRAPHS = [
    "Divers cleared the channel on Friday and the port of Port Aldren reopened to cargo ships, "
    "four days after Cyclone Mara made landfall on the Verran coast, the port authority said.",
    "The harbour master said fourteen vessels had waited offshore and would be unloaded in turn "
    "over the coming week, starting with fuel.",
    "Shipping agents said the delay had cost exporters of fruit and timber several million "
    "dollars, and insurers were counting the damage.",
    "The airport reopened on Thursday, and the first flights to the capital left on time, "
    "although the coastal road remained closed.",
]
CAPTION = "A crane lifts a container onto the quay at Port Aldren on Friday morning."
PHOTO = (
    "Cargo ships wait outside the harbour of Port Aldren on Thursday before the channel was "
    "cleared of debris by navy divers. Photo: AP"
)


def _page(body: str) -> bytes:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Port reopens</title></head>"
        f"<body>{body}</body></html>"
    ).encode()


def _clean(data: bytes) -> Document:
    return clean_document(documents_from_bytes(data, "page.html", html=True)[0])


def test_a_caption_is_pruned_when_trafilatura_reads_the_page_another_way() -> None:
    """Text in bare ``<div><span>`` runs: trafilatura's caption rule did not reach the caption
    (as on two tuning pages, where readability or the baseline had taken over)."""
    runs = "".join(f"<div><span>{p}</span></div>" for p in PARAGRAPHS)
    data = _page(f"<div>{runs}<div class='wp-caption-text'>{CAPTION}</div></div>")
    text, _ = html_to_text(data)
    assert all(p in text for p in PARAGRAPHS)
    assert CAPTION not in text


def test_a_caption_class_on_the_whole_article_is_not_a_caption() -> None:
    """A wrapper named for its captions (``has-caption``) that holds the article stays."""
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    text, _ = html_to_text(_page(f"<div class='post has-caption'>{paragraphs}</div>"))
    assert all(p in text for p in PARAGRAPHS)


@pytest.mark.parametrize("container", ["footer", "aside"])
def test_a_page_with_only_a_caption_extracted_is_read_again(container: str) -> None:
    """trafilatura returns only the photo caption (newsfuse then set the page aside as a "photo or
    video page"), while the page plainly holds an article: recall mode finds it in a
    ``<footer>``, the page's own paragraphs in an ``<aside>``."""
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    doc = _clean(_page(f"<main><p>{PHOTO}</p></main><{container}>{paragraphs}</{container}>"))
    assert doc.status == "kept", doc.reason
    assert all(p in doc.text for p in PARAGRAPHS)
    assert "Photo: AP" not in doc.text


def test_an_article_body_declared_in_json_ld_is_read_when_the_page_shows_only_furniture() -> None:
    """A paywalled page shows a caption and prompts; its JSON-LD declares the article body, as
    one paragraph ending in the author's bio without a full stop. The rescue counts sentences
    that end like sentences, not paragraphs that do, so the body is taken."""
    bio = "Jane Doe is the Island Times shipping correspondent"
    article = json.dumps({"@type": "NewsArticle", "articleBody": " ".join([*PARAGRAPHS, bio])})
    shown = (
        f"<main><p>{PHOTO}</p><p>Never miss the latest news by signing up for our daily newsletter.</p>"
        "<p>To view the full story, please subscribe to the Island Times.</p></main>"
    )
    data = _page(shown).replace(
        b"</head>", f"<script type='application/ld+json'>{article}</script></head>".encode()
    )
    doc = _clean(data)
    assert doc.status == "kept", doc.reason
    assert all(p in doc.text for p in PARAGRAPHS)
    assert "subscribe" not in doc.text and "Photo: AP" not in doc.text


NOT_ARTICLES = {
    "photo or video page": f"<main><p>{PHOTO}</p></main><aside><p>Share this gallery</p>"
    "<ul><li><a href='/a'>More photos</a></li><li><a href='/b'>Weather</a></li></ul></aside>",
    "error page": "<main><h1>404</h1><p>Sorry, the page you were looking for could not be found. "
    "It may have been moved or deleted.</p><p>Go back to the <a href='/'>home page</a>.</p></main>",
}


@pytest.mark.parametrize(("reason", "body"), NOT_ARTICLES.items())
def test_a_page_without_an_article_stays_set_aside(reason: str, body: str) -> None:
    """The rescue needs paragraphs of sentences: a caption, an apology and links are no article."""
    doc = _clean(_page(body))
    assert doc.status == "junk"
    assert doc.reason is not None and doc.reason.startswith(reason), doc.reason
