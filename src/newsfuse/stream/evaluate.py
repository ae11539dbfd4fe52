"""Judging story clustering: B-cubed precision/recall/F1, and the evaluation streams.

B-cubed (Bagga & Baldwin 1998) scores each article: precision is the share of its predicted
story that shares its gold story, recall the share of its gold story that landed in its
predicted story; both averaged over articles. Unlike purity it punishes both over-merging and
over-splitting, and unlike pair counting it is not dominated by the biggest stories.
"""

from __future__ import annotations

import gzip
import json
import random
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from newsfuse.stream.cluster import Article

__all__ = ["BCubed", "bcubed", "duc_stream", "event_stream"]


@dataclass(frozen=True, slots=True)
class BCubed:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> BCubed:
    """B-cubed of a predicted item -> cluster map against a gold one (same keys)."""
    if set(predicted) != set(gold):
        missing = sorted(set(gold) ^ set(predicted))[:5]
        raise ValueError(f"predicted and gold cover different items, e.g. {missing}")
    if not gold:
        return BCubed(1.0, 1.0)
    pair = Counter((predicted[i], gold[i]) for i in gold)
    pred_size = Counter(predicted.values())
    gold_size = Counter(gold.values())
    precision = sum(n * n / pred_size[p] for (p, _), n in pair.items()) / len(gold)
    recall = sum(n * n / gold_size[g] for (_, g), n in pair.items()) / len(gold)
    return BCubed(precision, recall)


def event_stream(
    path: str | Path,
    *,
    clusters: int,
    skip: int = 0,
    days: int = 180,
    spread: int = 2,
    seed: int = 0,
    drop_irrelevant: bool = False,
) -> tuple[list[Article], dict[str, str]]:
    """An event-level stream from Multi-News clusters (each cluster one story) and its gold map.

    Multi-News has no dates, so each cluster gets a start day uniform over ``days`` days and its
    documents dates up to ``spread`` days later (news of one event arrives over a few days); the
    stream is in date order, shuffled within a day. ``skip`` clusters are passed over first, so
    a tuning stream and a held-out stream do not share clusters. Titles are empty (the data has
    none); the text is the preprocessed, lowercased Multi-News text.

    ``drop_irrelevant`` leaves out the documents that a majority of LLM votes judged unrelated to
    their cluster's summary (``llm_irrelevant_doc_indices``, about 20% of them): such a document
    is not about the story, so the gold label "same story" is wrong for it.
    """
    rng = random.Random(seed)
    origin = date(2020, 1, 1)
    dated: list[tuple[str, float, Article]] = []
    gold: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number < skip:
                continue
            if number >= skip + clusters:
                break
            record = json.loads(line)
            start = rng.randrange(days)
            irrelevant = set(record.get("llm_irrelevant_doc_indices") or ()) if drop_irrelevant else set()
            for k, text in enumerate(record["documents"]):
                if not text.strip() or k in irrelevant:
                    continue
                day = (origin + timedelta(days=start + rng.randint(0, spread))).isoformat()
                article = Article(id=f"{record['id']}/{k}", date=day, title="", text=text)
                dated.append((day, rng.random(), article))
                gold[article.id] = record["id"]
    dated.sort(key=lambda item: (item[0], item[1]))
    return [a for _, _, a in dated], gold


def duc_stream(path: str | Path, *, limit: int | None = None) -> Iterator[tuple[Article, str]]:
    """DUC newswire articles in date order with their gold topic."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                break
            record = json.loads(line)
            article = Article(
                id=record["docno"],
                date=record["date"],
                title=record.get("headline") or "",
                text=record["text"],
            )
            yield article, record["gold_label"]
