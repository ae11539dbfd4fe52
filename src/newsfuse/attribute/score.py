"""Quote recall/precision and speaker accuracy against hand labels (tests/data/quotes/labels.json).

A label is (document index, short fragment of the quote, speaker). A found quote matches a label
when it is in the same document and contains the fragment (case, quote marks and spacing
ignored). Its speaker is right when it contains every word of the labelled speaker, so
"President Barack Obama" is right for "Barack Obama" but "Obama" is not: the issue asks for the
fullest name the cluster gives. Labels marked ``optional`` (scare quotes, link teasers) count
neither for recall nor against precision.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsfuse.model import Quote

__all__ = ["QuoteScore", "normalise", "score_quotes"]

_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-"})


def normalise(text: str) -> str:
    return " ".join(text.translate(_MARKS).lower().split())


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\w'-]+", normalise(text).replace(".", "")))


@dataclass
class QuoteScore:
    """Counts over all labelled clusters; ``misses``/``wrong`` list examples for reading."""

    labelled: int = 0
    found: int = 0
    predicted: int = 0
    correct_predicted: int = 0
    right_speaker: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / max(1, self.labelled)

    @property
    def precision(self) -> float:
        return self.correct_predicted / max(1, self.predicted)

    @property
    def speaker_accuracy(self) -> float:
        return self.right_speaker / max(1, self.found)


def score_quotes(
    labels: Sequence[Mapping[str, Any]],
    predicted: Mapping[str, Sequence[tuple[int, Quote]]],
) -> QuoteScore:
    """Score ``predicted`` (cluster id -> (document index, quote) pairs) against ``labels``."""
    score = QuoteScore()
    for cluster in labels:
        cid = cluster["cluster"]
        found = [(doc, q, normalise(q.text)) for doc, q in predicted.get(cid, ())]
        used: set[int] = set()
        for label in cluster["quotes"]:
            fragment = normalise(label["fragment"])
            hits = [k for k, (doc, _, text) in enumerate(found) if doc == label["doc"] and fragment in text]
            used.update(hits)
            if label.get("optional"):
                continue
            score.labelled += 1
            if not hits:
                score.misses.append(f"{cid} [{label['doc']}] {label['fragment']!r} ({label['speaker']})")
                continue
            score.found += 1
            speaker = found[hits[0]][1].speaker or ""
            if _words(label["speaker"]) <= _words(speaker):
                score.right_speaker += 1
            else:
                score.wrong.append(f"{cid} {label['fragment']!r}: {speaker!r}, labelled {label['speaker']!r}")
        score.predicted += len(found)
        score.correct_predicted += len(used)
        score.extras += [
            f"{cid} [{doc}] {q.text[:70]!r}" for k, (doc, q, _) in enumerate(found) if k not in used
        ]
    return score
