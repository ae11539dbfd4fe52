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

__all__ = ["QuoteScore", "garbled", "normalise", "score_quotes", "speaker_matches"]

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


#: Words that start a clause, never a name: a speaker beginning with one is sentence debris
#: ("Sometimes Cruz", "So", "His notorious antics led Hooper to").
DEBRIS = frozenset(
    """so yet of suddenly sometimes his her their its but and or then also still when while after before
    if as in on at for with from by to this that these those there here it we i you they he she them him
    however meanwhile now later instead because although though since until what who how why where
    which one some many most all both each every another other no not just only even once again
    asked told said says according""".split()
)
_DETERMINERS = ("a", "an", "the", "another")
_NAME_PARTICLES = frozenset("of de van von bin al la le del da di du for and".split())


def garbled(speaker: str) -> bool:
    """Whether a speaker string is sentence debris rather than a name, a role or a pronoun.

    Names are capitalised words (with particles: "Bank of England"); roles start with a
    determiner ("a neighbor", "the researchers") or are a plain noun phrase ("police",
    "protesters"). Debris starts with a clause word, ends with a function word, holds digits or
    mixes lower-case words into a capitalised name.
    """
    tokens = speaker.replace("’", "'").split()
    if not tokens or len(tokens) > 9:
        return True
    low = [t.lower().strip(".,;:") for t in tokens]
    if low[0] in DEBRIS and low[0] not in _DETERMINERS and len(tokens) > 1:
        return True
    if low[-1] in DEBRIS | _NAME_PARTICLES | set(_DETERMINERS):
        return len(tokens) > 1 or low[0] not in ("he", "she", "they", "we", "i", "it")
    if any(ch.isdigit() for ch in speaker):
        return True
    if low[0] in _DETERMINERS:
        return False  # a role: "the researchers", "a spokesman for the company"
    capitals = [t[:1].isupper() for t in tokens]
    if any(capitals) and not all(capitals):
        # "Office Detective Buck Garner" passes; "Hooper to", "Cruz said" do not.
        return any(not c and w not in _NAME_PARTICLES for c, w in zip(capitals, low, strict=True))
    return False


def speaker_matches(labelled: Sequence[str], predicted: str | None) -> bool:
    """Whether ``predicted`` names the labelled speaker: it holds every word of one labelled form
    (articles aside), so "President Barack Obama" is right for "Barack Obama" but "Obama" is not."""
    if not predicted:
        return False
    have = _words(predicted)
    return any((_words(name) - {"a", "an", "the"}) <= have for name in labelled)
