"""Selection: score sentences, fill the word budget without repeating, put them in reading order.

Two kinds of features, so cost stays about linear in the input:
- lexical features for every sentence (position, length, how widely the story's vocabulary is
  shared across sources, form): cheap, and they also pick the pool worth encoding;
- neural features for the encoded pool (centrality against the cluster centroid with each
  document weighted equally, and graded support from other sources).
A linear model over both gives the score (weights in ``select_data/weights.json``, trained by
``scripts/train_scorer.py``; the defaults below are the hand-set starting point).
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from newsfuse.align import Alignment
from newsfuse.model import Document, Sentence
from newsfuse.text import tokens

__all__ = [
    "FEATURES",
    "LEXICAL_FEATURES",
    "NEURAL_FEATURES",
    "eligible",
    "lexical_features",
    "neural_features",
    "select",
    "tidy",
    "weights",
]

# Openings that lean on a previous sentence the reader will not see.
DANGLING = re.compile(
    r"^(?:[\"“‘']\s*)?(?:But|However|And|Also|Still|Yet|So|Then|Meanwhile|Instead|Moreover|"
    r"He|She|They|It|This|That|These|Those|His|Her|Their|Its|Such|There|Here)\b",
    re.IGNORECASE,
)
# "CAIRO (Reuters) -", "WASHINGTON (AP) —", "NEW YORK —": datelines add words, not content.
DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}(?:\([A-Za-z .]+\))?\s*[-—–]+\s*")
LEADING_DEBRIS = re.compile(r"^(?:[-—–]+\s*)+")
# A connective that ties a sentence to one the reader will not see: "But what we saw..." reads
# as "What we saw..." out of its context.
LEADING_CONNECTIVE = re.compile(r"^([\"“‘']?)(?:But|And|Yet|So|However,|Still,)\s+([a-z])")
QUOTE_MARKS = re.compile(r"[\"“”]")

LEXICAL_FEATURES = (
    "bias",
    "lead",
    "position",
    "relative_position",
    "length",
    "long",
    "shared_vocabulary",
    "dangling",
    "question",
    "quote",
    "transcript",
)
NEURAL_FEATURES = ("centrality", "support")
FEATURES = LEXICAL_FEATURES + NEURAL_FEATURES

DEFAULT_WEIGHTS: Mapping[str, float] = {
    "bias": 0.0,
    "lead": 0.35,
    "position": 0.25,
    "relative_position": 0.0,
    "length": 0.3,
    "long": -0.3,
    "shared_vocabulary": 1.0,
    "dangling": -0.2,
    "question": -0.4,
    "quote": 0.0,
    "transcript": -0.3,
    "centrality": 1.0,
    "support": 0.6,
}
WEIGHTS_FILE = Path(__file__).with_name("select_data") / "weights.json"


@functools.cache
def weights() -> np.ndarray:
    """Weight vector over FEATURES: the trained file when present, else the defaults."""
    values = dict(DEFAULT_WEIGHTS)
    if WEIGHTS_FILE.is_file():
        values.update(json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))["weights"])
    return np.asarray([values[name] for name in FEATURES], dtype=np.float32)


def tidy(text: str) -> str:
    """A sentence as it should read in a summary: no dateline, no leading dash debris."""
    text = LEADING_DEBRIS.sub("", text.strip())
    trimmed = DATELINE.sub("", text, count=1)
    text = trimmed if len(trimmed.split()) >= 4 else text
    return LEADING_CONNECTIVE.sub(lambda m: m.group(1) + m.group(2).upper(), text, count=1)


def lexical_features(sentences: Sequence[Sentence], documents: Sequence[Document]) -> np.ndarray:
    """(n_sentences, len(LEXICAL_FEATURES)); linear in the input, no model."""
    n = len(sentences)
    out = np.zeros((n, len(LEXICAL_FEATURES)), dtype=np.float32)
    if not n:
        return out
    bags = [set(tokens(s.text)) for s in sentences]
    doc_terms: dict[int, set[str]] = {}
    doc_length: Counter[int] = Counter()
    for s, bag in zip(sentences, bags, strict=True):
        doc_terms.setdefault(s.doc, set()).update(bag)
        doc_length[s.doc] += 1
    df = Counter(t for terms in doc_terms.values() for t in terms)
    n_docs = len(doc_terms)
    positions = np.asarray([s.position for s in sentences], dtype=np.float32)
    words = np.asarray([s.words for s in sentences], dtype=np.float32)
    out[:, 0] = 1.0
    out[:, 1] = positions == 0
    out[:, 2] = 1.0 / np.sqrt(1.0 + positions)
    out[:, 3] = [1.0 - s.position / max(1, doc_length[s.doc]) for s in sentences]
    out[:, 4] = np.clip((words - 6) / 12, 0, 1)
    out[:, 5] = np.clip((words - 45) / 30, 0, 1)
    # Share of the sentence's content words that other sources use too (0 with one source).
    out[:, 6] = [
        sum(df[t] - 1 for t in bag) / max(1, n_docs - 1) / (len(bag) + 2) if n_docs > 1 else 0.0
        for bag in bags
    ]
    out[:, 7] = [bool(DANGLING.match(s.text)) for s in sentences]
    out[:, 8] = ["?" in s.text for s in sentences]
    out[:, 9] = [bool(QUOTE_MARKS.search(s.text)) for s in sentences]
    out[:, 10] = [documents[s.doc].kind == "transcript" for s in sentences]
    return out


def neural_features(sentences: Sequence[Sentence], vectors: np.ndarray, alignment: Alignment) -> np.ndarray:
    """(n_sentences, len(NEURAL_FEATURES)) for encoded sentences."""
    n = len(sentences)
    out = np.zeros((n, len(NEURAL_FEATURES)), dtype=np.float32)
    if not n:
        return out
    own = np.asarray([s.doc for s in sentences])
    doc_ids = sorted(set(own.tolist()))
    centroids = []
    for d in doc_ids:
        c = vectors[own == d].mean(axis=0)
        centroids.append(c / max(float(np.linalg.norm(c)), 1e-12))
    centre = np.mean(centroids, axis=0)
    centre /= max(float(np.linalg.norm(centre)), 1e-12)
    out[:, 0] = vectors @ centre
    out[:, 1] = alignment.soft_support / max(1, len(doc_ids) - 1)
    return out


# A statement ends like one: headlines, captions and menu lines usually do not.
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
# A sentence that opens with a personal pronoun names its subject in a sentence the reader of a
# summary will not see ("He said up to 300 millimetres of rain could fall").
PRONOUN_OPENING = re.compile(r"^(?:He|She|They|It|His|Her|Their|Its|Him|Them)\b")
# "About 9,000 travellers were stranded, it said.": who "it" is was in a sentence the reader of a
# summary will not see. (Quotations said by a pronoun get the speaker's name: attribute.speaking.)
PRONOUN_SOURCE = re.compile(
    r",\s+(?:it|he|she|they)\s+(?:said|says|added|adds|reported|reports|wrote|writes|told [^,.“”\"]{1,40})\.$"
)
# A question states nothing ("What is the deadly VX nerve agent?" is an explainer's subheading).
QUESTION_END = re.compile(r"\?[\"'”’)\]]*$")
# Fewer words than this is a fragment or a scene-setter ("They waited.", "Saturday, police said.").
MIN_WORDS = 5
# A short exclamation outside quotation marks is a promotion or a headline ("Happy LOOK Tuesday!").
SHOUT_MAX_WORDS = 8


def _quotable(text: str) -> bool:
    words = len(text.split())
    return (
        bool(SENTENCE_END.search(text))
        and not QUESTION_END.search(text)
        and not PRONOUN_OPENING.match(text)
        and not (PRONOUN_SOURCE.search(text) and not QUOTE_MARKS.search(text))
        and words >= MIN_WORDS
        and not (text.endswith("!") and words <= SHOUT_MAX_WORDS and not QUOTE_MARKS.search(text))
    )


def eligible(sentences: Sequence[Sentence], documents: Sequence[Document]) -> np.ndarray:
    """Which sentences may appear in a summary (the others still count as support).

    Judged on the sentence as the summary would print it (``tidy``: "But he said..." becomes
    "He said..."). A line that does not end like a statement is a headline, caption or page
    furniture; a question, a short fragment or a short exclamation says nothing on its own; one
    that opens with a personal pronoun, or ends "..., it said.", leans on a sentence the summary
    may not have. A transcript's wording, with its recognition errors and interviewer's
    questions, is used only when no clean report is in the cluster: otherwise the clean wording
    is chosen and the transcript is cited beside it.
    """
    clean = any(d.status == "kept" and d.kind != "transcript" for d in documents)
    return np.asarray(
        [
            _quotable(tidy(s.text)) and not (clean and documents[s.doc].kind == "transcript")
            for s in sentences
        ],
        dtype=bool,
    )


def select(
    sentences: Sequence[Sentence],
    vectors: np.ndarray,
    scores: np.ndarray,
    *,
    words: int,
    redundancy: float,
    allowed: np.ndarray | None = None,
    printed: Sequence[str] | None = None,
) -> list[int]:
    """Indices of the chosen sentences, in reading order.

    Greedy by score under the budget: a sentence too similar to one already chosen is skipped,
    one that would overflow the budget is passed over for a shorter one further down. Only
    ``allowed`` sentences (all by default) are chosen; lengths are counted on ``printed``, the
    sentences as the summary prints them (``tidy`` of each by default).
    """
    chosen: list[int] = []
    total = 0
    for i in np.argsort(-scores, kind="stable"):
        i = int(i)
        if allowed is not None and not allowed[i]:
            continue
        length = len((printed[i] if printed is not None else tidy(sentences[i].text)).split())
        if total + length > words:
            continue
        if chosen and float(np.max(vectors[chosen] @ vectors[i])) >= redundancy:
            continue
        chosen.append(i)
        total += length
        if total >= words - 5:
            break
    # Reading order: earlier in its document first (news puts the key facts up top); the first
    # document wins ties, so one source's story line is kept together where it can be.
    return sorted(chosen, key=lambda i: (sentences[i].position, sentences[i].doc))
