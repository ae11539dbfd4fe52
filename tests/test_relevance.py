"""Off-topic documents: flagged with the real bundled encoder on the sony example plus a stray."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsfuse.ingest.clean import clean_cluster
from newsfuse.ingest.readers import documents_from_texts, read_clusters
from newsfuse.relevance import OFF_TOPIC_THRESHOLD, document_scores, flag_off_topic
from newsfuse.represent import get_encoder
from newsfuse.segment import segment

STRAY = """Local bakery wins national bread award

A family bakery in Dayton, Ohio, won first prize at the national bread championship on Saturday.
The judges praised its sourdough loaf for a crisp crust and an open, chewy crumb.
The bakery's owner said she started baking with her grandmother's recipes twenty years ago.
She plans to use the prize money to buy a second oven and hire two apprentices.
Customers lined up around the block on Sunday morning to buy the winning bread.
The championship drew more than 300 entries from bakers in 40 states this year.
"""


def _flag(docs):
    sentences = segment(docs)
    vectors = get_encoder("onnx").encode([s.text for s in sentences])
    scores = document_scores(docs, sentences, vectors)
    return flag_off_topic(docs, scores), scores


@pytest.fixture(scope="module")
def sony_docs(sony_dir: Path):
    return next(read_clusters([sony_dir])).documents


def test_stray_article_is_off_topic_and_the_story_is_kept(sony_docs) -> None:
    stray = documents_from_texts([STRAY], prefix="stray", source="stray")
    docs = clean_cluster((*sony_docs, *stray))
    flagged, scores = _flag(docs)
    assert [d.status for d in flagged] == ["kept", "kept", "kept", "off-topic"]
    assert "unrelated to the other reports" in flagged[3].reason
    assert scores[3] < OFF_TOPIC_THRESHOLD < min(scores[i] for i in range(3))


def test_two_documents_cannot_outvote_each_other(sony_docs) -> None:
    stray = documents_from_texts([STRAY], prefix="stray", source="stray")
    docs = clean_cluster((sony_docs[0], *stray))
    flagged, scores = _flag(docs)
    assert [d.status for d in flagged] == ["kept", "kept"]
    assert scores == {}


def test_junk_documents_neither_vote_nor_change(sony_docs) -> None:
    stray = documents_from_texts([STRAY], prefix="stray", source="stray")
    docs = list(clean_cluster((*sony_docs[:2], *stray)))
    docs[1] = dataclasses.replace(docs[1], status="junk", reason="crafted")
    flagged, _ = _flag(tuple(docs))
    # Only two kept documents remain, so nothing is judged off-topic; the junk one stays junk.
    assert [d.status for d in flagged] == ["kept", "junk", "kept"]
    assert flagged[1].reason == "crafted"


def test_prepare_judges_relevance_on_the_encoded_pool(sony_docs) -> None:
    from newsfuse.pipeline import prepare

    stray = documents_from_texts([STRAY], prefix="stray", source="stray")
    state = prepare((*sony_docs, *stray))
    assert [d.status for d in state.documents] == ["kept", "kept", "kept", "off-topic"]
    assert set(state.relevance) == {0, 1, 2, 3} and state.relevance[3] < OFF_TOPIC_THRESHOLD
    # The off-topic report's sentences leave the pool: nothing downstream reads them.
    assert all(s.doc != 3 for s in state.pooled)
