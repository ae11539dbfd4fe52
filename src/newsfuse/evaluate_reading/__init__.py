"""Reader checks: what an editor would strike in a briefing, counted automatically (issue 13).

Every check reads the summary sentences as printed (one entry of ``Briefing.summary`` is one summary
sentence) and, where it helps, the cluster's source texts: where a sentence came from, what stood
before it there, which full names the sources give. Rates are per 100 summary sentences; a sentence
counts once per category however many reasons it has. ``scripts/reader_check.py`` runs them.

- **redundant** (``repeats``): the sentence states a fact an earlier summary sentence stated. Any of:
  the same quotation (a quoted run of 5+ words, 70 % of its content words in an earlier quotation,
  or 85 % in an earlier sentence); all but a few of its content words are in an earlier sentence, or
  all of an earlier one's are in it; a near-paraphrase (MiniLM cosine >= 0.75); a close sentence
  (cosine >= 0.57) sharing 40 % of its content words; the same number with what it counts ("three
  people", "$2,500") in a related sentence (cosine >= 0.45, 20 % shared words); the same count with a
  different number ("3-year-old" / "2-year-old", cosine >= 0.55). Speaker tags are left out of the
  word comparisons. Thresholds set on 246 hand-judged pairs of dev clusters 0-39.
- **residue** (``form``): text of the page, not the story: a dateline or wire credit anywhere
  ("CHARLOTTESVILLE, Va. (AP) --", "(Reuters) -", "WOODLAND HILLS >>"), a byline, a photo credit,
  page furniture ("Click here"), a pointer at a photo or embed ("Here's...", "here's his IMDb
  listing"), a headline-shaped line (mostly Capitalised Words; with end punctuation only when small
  words are capitalised too).
- **fragment** (``form``): cut or garbled: it starts in lower case, with a closing quotation mark,
  punctuation or an ellipsis, or with a weekday/month run on from a cut ("Sunday and charged...");
  the source shows it was split just after a title or time abbreviation ("1:30 p.m." | "Sunday...")
  or cut after one; it is a caption of a list of quotations ("August 1974, speaking to..."), an
  attribution whose quotation was lost ("Trump wrote on Twitter, referring to..."), or has broken
  punctuation (".'," left by a rewritten speaker tag); its quotation marks do not balance (straight,
  curly, ``...''; a straight mark may close a curly one; 6’2” is not a quote); it ends without
  terminal punctuation or in an ellipsis.
- **dangling** (``openings``): the sentence opens, outside a quotation, with a pronoun, a
  demonstrative ("This", "Such", "Both are", "Here's"), or a context-dependent connective
  ("Instead,", "But", "Meanwhile,", "Also,", "Finally,", "First,", "A week later") — unless it
  directly follows the previous summary sentence in its source (a dropped "But" allowed between),
  or, for he/she/his/her, the person its source names just before is named in the previous summary
  sentence. "It is unclear whether..." needs no antecedent; "I", "We", "My", "Our" always dangle (a
  writer the summary never names). Conservatively, also "The X" / "In the X" as the opening phrase
  when the source introduced "a/an ... X" shortly before and the summary has not mentioned X.
- **name before introduction** (``names``): a person referred to by surname alone or title +
  surname ("Varga", "Mr. Varga", "..., Varga said.", quotations included) before the summary gives
  the full name. Full names come from the sources (``names.full_names``): a capitalised word ending
  a run of capitalised words, the word before it a plausible given name, which the sources also use
  alone as a person ("Varga said", "said Varga", "Mr. Varga"), minus words that occur in lower case,
  places and organisations. Needs cased text: on lowercased input (Multi-News' preprocessed form)
  the check is skipped and reported as not measured (and the fragment checks that read case or
  quote spacing are left out there).
- **opening R-1**: ROUGE-1 F1 (rouge-score, stemmed) of the first summary sentence against the
  reference summary's first sentence (pysbd split).
- **budget use**: words printed / words asked for, and the share of summaries under 90 % of it.

Nothing here imports a pipeline stage: the checks stay fixed while the stages they measure change.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from newsfuse.evaluate_reading.form import fragment_reasons, residue_reasons
from newsfuse.evaluate_reading.names import (
    CAP_WORD,
    full_names,
    is_lowercased,
    names_before_introduction,
    strip_possessive,
)
from newsfuse.evaluate_reading.openings import dangling_reason
from newsfuse.evaluate_reading.repeats import numbers, redundancy_reason

__all__ = [
    "CATEGORIES",
    "ClusterReading",
    "Flag",
    "Place",
    "Sources",
    "aggregate",
    "check_cluster",
    "dangling_reason",
    "fragment_reasons",
    "full_names",
    "is_lowercased",
    "names_before_introduction",
    "numbers",
    "opening_rouge1",
    "redundancy_reason",
    "residue_reasons",
]

CATEGORIES = ("redundant", "residue", "fragment", "dangling", "name")

CONTEXT_CHARS = 400


# What the summary may drop between two source sentences it prints one after the other ("But he...").
DROPPED_CONNECTIVE = re.compile(r"(?:But|And|So|Yet|However,|Still,|Also,)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Place:
    """Where a summary sentence sits in a source: document index and character span."""

    doc: int
    start: int
    end: int


class Sources:
    """The source texts of a cluster (whitespace collapsed), to find where summary sentences came from."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = [" ".join(t.split()) for t in texts]
        self.lowercased = is_lowercased(self.texts)
        self.names = {} if self.lowercased else full_names(self.texts)

    def locate(self, sentence: str) -> Place | None:
        """The sentence's place in a source: the whole sentence, else from its second word (the
        summary may drop "But" or a dateline, or re-case the first word) to the end, else from its
        second word (a speaker tag may be rewritten: the end is then unknown, -1)."""
        text = " ".join(sentence.split())
        for d, source in enumerate(self.texts):
            if (at := source.find(text)) >= 0:
                return Place(d, at, at + len(text))
        words = text.split()
        if len(words) < 5:
            return None
        rest = " ".join(words[1:])
        for probe in (rest, rest[:60]):
            for d, source in enumerate(self.texts):
                if (at := source.find(probe)) < 0:
                    continue
                head = source[:at].rstrip()
                start = at
                if head.lower().endswith(words[0].lower()):
                    start = len(head) - len(words[0])
                end = at + len(probe) if probe == rest else -1
                return Place(d, start, end)
        return None

    def before(self, place: Place) -> str:
        return self.texts[place.doc][max(0, place.start - CONTEXT_CHARS) : place.start]

    def after(self, place: Place) -> str | None:
        return self.texts[place.doc][place.end : place.end + 40] if place.end >= 0 else None

    def contiguous(self, previous: Place | None, current: Place | None) -> bool:
        """``current`` directly follows ``previous`` in one source (a dropped "But" between them allowed)."""
        if previous is None or current is None or previous.doc != current.doc or previous.end < 0:
            return False
        gap = self.texts[current.doc][previous.end : current.start].strip(' \n\t"”’)')
        return current.start >= previous.end and (not gap or DROPPED_CONNECTIVE.fullmatch(gap) is not None)

    def antecedent(self, place: Place) -> str | None:
        """The surname of the last person the source names before this place."""
        last = None
        for m in CAP_WORD.finditer(self.before(place)):
            word = strip_possessive(m.group(0))
            if word in self.names:
                last = word
        return last


@dataclass(frozen=True, slots=True)
class Flag:
    cluster: str
    index: int  # summary sentence, from 0
    category: str  # one of CATEGORIES
    reason: str
    text: str


@dataclass(slots=True)
class ClusterReading:
    id: str
    texts: tuple[str, ...]  # the summary sentences
    budget: int
    opening_rouge1: float | None
    names_checked: bool
    flags: list[Flag] = field(default_factory=list)

    @property
    def sentences(self) -> int:
        return len(self.texts)

    @property
    def words(self) -> int:
        return sum(len(t.split()) for t in self.texts)

    def flagged(self, category: str) -> int:
        return len({f.index for f in self.flags if f.category == category})


@functools.cache
def _rouge():
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)


@functools.cache
def _splitter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def opening_rouge1(opening: str, reference: str) -> float:
    """ROUGE-1 F1 (0-100, stemmed) of a summary's first sentence against the reference's first."""
    sentences = [s.strip() for s in _splitter().segment(reference.strip()) if s.strip()]
    if not sentences or not opening.strip():
        return 0.0
    return 100 * _rouge().score(sentences[0], opening)["rouge1"].fmeasure


def check_cluster(
    cluster_id: str,
    sentences: Sequence[str],
    sources: Sources,
    vectors: np.ndarray,
    *,
    budget: int,
    reference: str | None = None,
) -> ClusterReading:
    """Every reader check on one summary; ``vectors``: unit-length encodings of ``sentences``."""
    reading = ClusterReading(
        id=cluster_id,
        texts=tuple(sentences),
        budget=budget,
        opening_rouge1=opening_rouge1(sentences[0], reference) if reference and sentences else None,
        names_checked=not sources.lowercased,
    )

    def flag(index: int, category: str, reason: str) -> None:
        reading.flags.append(Flag(cluster_id, index, category, reason, sentences[index]))

    places = [sources.locate(s) for s in sentences]
    cosines = vectors @ vectors.T if len(sentences) else np.zeros((0, 0))
    for j, text in enumerate(sentences):
        for i in range(j):
            if reason := redundancy_reason(text, sentences[i], float(cosines[i, j])):
                flag(j, "redundant", f"{reason}; repeats [{i}]")
                break
        for reason in residue_reasons(text):
            flag(j, "residue", reason)
        place = places[j]
        before = sources.before(place) if place else None
        after = sources.after(place) if place else None
        for reason in fragment_reasons(text, before, after, cased=not sources.lowercased):
            flag(j, "fragment", reason)
        reason = dangling_reason(
            text,
            sentences[:j],
            contiguous=j > 0 and sources.contiguous(places[j - 1], place),
            antecedent=sources.antecedent(place) if place and sources.names else None,
            source_before=before,
        )
        if reason:
            flag(j, "dangling", reason)
    for j, surnames in names_before_introduction(sentences, sources.names):
        flag(j, "name", f"{surnames} before the full name")
    return reading


def aggregate(readings: Sequence[ClusterReading]) -> dict[str, float | int | None]:
    """Rates per 100 summary sentences and budget use over ``readings``."""
    sentences = sum(r.sentences for r in readings)
    named = [r for r in readings if r.names_checked]
    named_sentences = sum(r.sentences for r in named)
    out: dict[str, float | int | None] = {"clusters": len(readings), "sentences": sentences}
    for category in CATEGORIES:
        pool, total = (named, named_sentences) if category == "name" else (readings, sentences)
        count = sum(r.flagged(category) for r in pool)
        out[category] = round(100 * count / total, 1) if total else None
    out["residue_or_fragment"] = (
        round(
            100
            * sum(len({f.index for f in r.flags if f.category in ("residue", "fragment")}) for r in readings)
            / sentences,
            1,
        )
        if sentences
        else None
    )
    openings = [r.opening_rouge1 for r in readings if r.opening_rouge1 is not None]
    out["opening_rouge1"] = round(float(np.mean(openings)), 1) if openings else None
    budgets = [r.words / r.budget for r in readings if r.budget]
    out["budget_use"] = round(100 * float(np.mean(budgets)), 1) if budgets else None
    out["under_90"] = round(100 * float(np.mean([b < 0.9 for b in budgets])), 1) if budgets else None
    out["names_measured_on"] = len(named)
    return out
