"""Repeats: whether a candidate states a fact the summary already has, even in other words.

A summary fed by several reports meets the same fact many times: each report's lead states the
event ("launched a new tirade against the media" / "lashed out at the media on Sunday"), a
quotation restates what a report said in its own words, a tweet comes in part and then whole,
a number comes back with another noun ("left three people dead" / "Three deaths have been
confirmed"). Sentence similarity alone misses these (they sit at cosine 0.45–0.6, among many
different statements about one story), so the facts the sentences carry decide with it:

- near paraphrase: cosine at least the redundancy threshold (``Options.redundancy_threshold``);
- two leads: both open their reports (each report's first statement is the story's main event)
  and are similar (``LEAD_SIMILARITY``);
- a shared verbatim run of ``RUN_WORDS`` words mixing content and function words: a quotation
  in part and whole, or one report's sentence copied into another;
- the same number of the same thing, or of the same happening ("Three people were killed" /
  "Three deaths have been confirmed"), or the same age or day (``numbers``, ``dates``), in
  sentences about the same matter (``FACT_SIMILARITY``); a different number of the same thing
  ("a 3-year-old" / "a 2-year-old") is the same fact told two ways: one is enough, and the
  disagreements section reports the difference;
- one sentence holding most of the other's content words (``CONTAINED``): a follow-up that
  restates the main clause and adds a detail.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsfuse.dates import find_dates
from newsfuse.model import Sentence
from newsfuse.numbers import amounts_conflict, happenings, numbers
from newsfuse.text import CASED_WORD, mixed_runs, tokens

__all__ = ["CONTAINED", "FACT_SIMILARITY", "LEAD_SIMILARITY", "RUN_WORDS", "Repeats"]

#: Two report leads this similar state the same main event.
LEAD_SIMILARITY = 0.5
#: Sentences sharing a number or date fact are about the same matter from this similarity.
FACT_SIMILARITY = 0.45
#: Verbatim run length (and at least two content and two function words in it).
RUN_WORDS = 5
#: Share of the shorter sentence's content words found in the other, with FACT_SIMILARITY.
CONTAINED = 0.75


@dataclass(frozen=True, slots=True)
class _Facts:
    runs: frozenset[tuple[str, ...]]
    amounts: dict[str, list]  # unit -> exact amounts (numbers.numbers, hedged ones left out)
    days: frozenset[str]
    happenings: frozenset[tuple[float, str]]  # (value, what happened): numbers.happenings
    words: frozenset[str]
    lead: bool


def _facts(sentence: Sentence, text: str) -> _Facts:
    runs = {run for _, run in mixed_runs(CASED_WORD.findall(text), RUN_WORDS)}
    amounts = {
        unit: exact for unit, found in numbers(text).items() if (exact := [a for a in found if not a.fuzzy])
    }
    days = frozenset(d.iso for d in find_dates(text, None) if d.precision == "day")
    return _Facts(
        frozenset(runs),
        amounts,
        days,
        frozenset(happenings(text)),
        frozenset(tokens(text)),
        sentence.position == 0,
    )


class Repeats:
    """The repeat test of one cluster's pooled sentences (``printed``: their wording as printed)."""

    def __init__(
        self, sentences: Sequence[Sentence], printed: Sequence[str], vectors: np.ndarray, threshold: float
    ) -> None:
        self.sentences = sentences
        self.vectors = vectors
        self.threshold = threshold
        self._facts = [_facts(s, t) for s, t in zip(sentences, printed, strict=True)]

    def of(self, candidate: int, chosen: Sequence[int]) -> int | None:
        """The first chosen sentence that ``candidate`` repeats, or None."""
        if not chosen:
            return None
        similarity = self.vectors[list(chosen)] @ self.vectors[candidate]
        mine = self._facts[candidate]
        for k, other in enumerate(chosen):
            if self._repeats(mine, self._facts[other], float(similarity[k]), candidate, other):
                return other
        return None

    def _repeats(self, a: _Facts, b: _Facts, similarity: float, i: int, j: int) -> bool:
        if similarity >= self.threshold:
            return True
        if a.runs & b.runs:
            return True
        if (
            a.lead
            and b.lead
            and self.sentences[i].doc != self.sentences[j].doc
            and similarity >= LEAD_SIMILARITY
        ):
            return True
        if similarity < FACT_SIMILARITY:
            return False
        if a.days & b.days or a.happenings & b.happenings or self._same_or_conflicting(a, b):
            return True
        shorter, longer = (a.words, b.words) if len(a.words) <= len(b.words) else (b.words, a.words)
        return bool(shorter) and len(shorter & longer) >= CONTAINED * len(shorter)

    @staticmethod
    def _same_or_conflicting(a: _Facts, b: _Facts) -> bool:
        """The two give an amount of one unit: the same value, or different exact values."""
        for unit in a.amounts.keys() & b.amounts.keys():
            mine, theirs = a.amounts[unit], b.amounts[unit]
            if {x.value for x in mine} & {y.value for y in theirs} or amounts_conflict(mine, theirs):
                return True
        return False
