"""The cleaners and the sentence splitter on adversarial text: a cleaned document, never an exception."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsfuse.ingest.clean import clean_cluster
from newsfuse.model import KINDS, STATUSES, Document
from newsfuse.segment import segment

from .strategies import budget, messy_text, news_text


@budget(60)
@given(
    texts=st.lists(st.one_of(messy_text(), news_text()), min_size=1, max_size=3),
    kinds=st.lists(st.sampled_from(["article", "html"])),
)
def test_cleaning_and_splitting_never_fail(texts: list[str], kinds: list[str]) -> None:
    documents = [
        Document(
            id=f"d{n}",
            source=f"s{n}",
            text=text,
            raw=text,
            kind=(kinds[n - 1] if n <= len(kinds) else "article"),
        )
        for n, text in enumerate(texts, start=1)
    ]
    cleaned = clean_cluster(documents)
    assert [d.id for d in cleaned] == [d.id for d in documents]
    for doc in cleaned:
        assert isinstance(doc.text, str)
        assert doc.kind in KINDS and doc.status in STATUSES
        assert (doc.status == "kept") == (doc.reason is None)
    for sentence in segment(cleaned):
        text = cleaned[sentence.doc].text
        assert 0 <= sentence.start <= sentence.end <= len(text)
        assert sentence.text.strip()
