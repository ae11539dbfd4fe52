"""Citations: every document that states each summary sentence, and where it says it.

Reads a ``Prepared`` state and the ``Choice`` of ``select``; returns one ``Citation`` per chosen
sentence: the documents that state it (its own included) and, for each, the passage that does
(the span and its cosine similarity, which the web page highlights). A document states a summary
sentence when

1. the alignment found a sentence of it similar enough (``Options.support_threshold``), or it is
   in the sentence's fact group (``align``'s greedy grouping may add a source pairwise support
   missed);
2. it shares a verbatim run of ``RUN_WORDS`` words with it, mixing content and function words:
   that finds a transcript whose recognition garbled the rest ("…that people who smokes" for
   "…that people go to the movies"); a shared long name alone does not count;
3. a passage outside the encoded pool (a sentence, or in a transcript two sentences joined, since
   its punctuation is unreliable) shares enough content words with it, and is similar enough once
   encoded (a little less for transcripts, whose recognition errors lower similarity).

Then a document whose best-matching passage carries less than ``SUPPORT_COVERAGE`` of the
sentence's specific words is not cited, unless it shares a verbatim run or counts the same
happening ("Three deaths" for "Three people were killed"): reports on one topic
("smoking bans in China") are close in meaning to each other's sentences without stating them,
and the passage a reader is shown must say what the sentence says. A document whose
best-matching passage gives a different exact number ("42,000 people"
against "40,000 people") is not cited: that pair is a disagreement, not support; nor is one whose
passage denies or negates what the sentence states ("The mayor denied that…"), however close
their wording; nor one whose passage gives only other figures than the sentence's; and a
sentence that quotes someone is stated only by the sources that carry the quotation.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsfuse.model import Document, Evidence
from newsfuse.numbers import happenings, numbers, numbers_conflict
from newsfuse.represent import Encoder
from newsfuse.select import LEAD_POSITIONS, Choice
from newsfuse.state import Prepared
from newsfuse.text import CASED_WORD, WORD, contradicts, is_lowercased, mixed_runs, tokens

__all__ = [
    "CITATION_OVERLAP",
    "RUN_WORDS",
    "SUPPORT_COVERAGE",
    "Citation",
    "Passage",
    "cite",
    "verbatim_support",
]

# A passage outside the pool whose content words cover this share of a summary sentence's is
# encoded and checked as a possible paraphrase, so citations stay complete for big clusters.
CITATION_OVERLAP = 0.4
# Recognition errors and run-on punctuation lower a transcript's similarity to a clean wording of
# the same statement. A transcript passage supports a sentence at a lower similarity, and lower
# still when it also shares at least half of the sentence's content words (two signals agreeing).
TRANSCRIPT_SLACK = 0.07
TRANSCRIPT_SLACK_WITH_OVERLAP = 0.15
# A run of this many words, in order, shared with another source is a quotation or statement both
# carry, whatever the rest of their wording, when it mixes content words and function words
# (at least RUN_MIX of each): a long name ("North Korean leader Kim Jong-Un") has no function words.
RUN_WORDS, RUN_MIX = 7, 2
# A summary sentence quoting someone (at least QUOTATION_WORDS words inside the marks) is stated
# by a source only when the source carries the quotation: QUOTE_RUN of its words in order. Other
# quotations of the same speaker and reports of what was said are about it, not it.
QUOTATION_WORDS, QUOTE_RUN = 6, 5
QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")
# Leads (a report's first ``select.LEAD_POSITIONS`` statements) this similar state one main event;
# passages this similar giving the same figure of the same thing state one fact.
LEAD_SUPPORT, FIGURE_SUPPORT = 0.5, 0.45
# The share of a summary sentence's content words, each weighted by its rarity in the cluster
# (inverse document frequency over the pooled sentences), that a supporting passage must carry.
# Chosen on hand labels of 8 DUC topic clusters and 8 raw Multi-News dev clusters (BENCHMARKS,
# "Citations"): topic-sharing passages reach the similarity threshold with a fifth of the words.
SUPPORT_COVERAGE = 0.35


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of a document (``start``/``end`` index its text) that may state a summary sentence."""

    doc: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Citation:
    """The documents stating one summary sentence and, for each, where: the sentence's own report
    first (its wording is printed), then the others, the closest passage first."""

    sources: tuple[int, ...]
    evidence: tuple[Evidence, ...]  # one per source, same order


def verbatim_support(texts: Sequence[str], documents: Sequence[Document]) -> list[dict[int, tuple[int, int]]]:
    """For each text, the kept documents sharing a run of ``RUN_WORDS`` words with it, and where:
    document index -> (start, end) of the first such run in its text.

    Embedding similarity misses a source whose wording around a shared statement is garbled or
    different. The run is matched across the document's whole text, so a transcript's unreliable
    sentence breaks do not hide it. One pass over each document's words; memory holds only the
    runs of ``texts``.
    """
    wanted: dict[tuple[str, ...], set[int]] = {}
    for k, text in enumerate(texts):
        for _, run in mixed_runs(CASED_WORD.findall(text), RUN_WORDS, RUN_MIX):
            wanted.setdefault(run, set()).add(k)
    found: list[dict[int, tuple[int, int]]] = [{} for _ in texts]
    if not wanted:
        return found
    for d, doc in enumerate(documents):
        if doc.status != "kept":
            continue
        matches = list(WORD.finditer(doc.text.lower()))
        words = [m.group() for m in matches]
        for start in range(len(words) - RUN_WORDS + 1):
            for k in wanted.get(tuple(words[start : start + RUN_WORDS]), ()):
                found[k].setdefault(d, (matches[start].start(), matches[start + RUN_WORDS - 1].end()))
    return found


def _outside_pool(state: Prepared) -> list[Passage]:
    """Passages of kept documents the pool does not hold: sentences, and in a transcript every
    sentence joined with the next (a statement often runs across its unreliable breaks)."""
    in_pool = set(state.pool)
    documents, sentences = state.documents, state.sentences
    out = []
    for j, s in enumerate(sentences):
        if documents[s.doc].status != "kept":
            continue
        if j not in in_pool:
            out.append(Passage(s.doc, s.start, s.end, s.text))
        following = sentences[j + 1] if j + 1 < len(sentences) else None
        if documents[s.doc].kind == "transcript" and following is not None and following.doc == s.doc:
            out.append(Passage(s.doc, s.start, following.end, f"{s.text} {following.text}"))
    return out


def _candidates(
    state: Prepared, chosen: Sequence[int], cited: Sequence[set[int]]
) -> dict[Passage, list[tuple[int, float]]]:
    """Passages worth encoding -> the (chosen slot, word overlap) pairs they may support.

    Per chosen sentence and uncited document only the best-overlapping passage, best first, at
    most ``Options.max_citation_checks`` in all.
    """
    passages = _outside_pool(state)
    bags = [set(tokens(p.text)) for p in passages]
    best: dict[tuple[int, int], tuple[float, int]] = {}
    for slot, k in enumerate(chosen):
        mine = set(tokens(state.pooled[k].text))
        if not mine:
            continue
        for n, (passage, bag) in enumerate(zip(passages, bags, strict=True)):
            if passage.doc in cited[slot]:
                continue
            overlap = len(mine & bag) / len(mine)
            if overlap >= CITATION_OVERLAP and overlap > best.get((slot, passage.doc), (0.0, 0))[0]:
                best[(slot, passage.doc)] = (overlap, n)
    ranked = sorted(best.items(), key=lambda item: -item[1][0])[: state.options.max_citation_checks]
    wanted: dict[Passage, list[tuple[int, float]]] = {}
    for (slot, _doc), (overlap, n) in ranked:
        wanted.setdefault(passages[n], []).append((slot, overlap))
    return wanted


def _location(state: Prepared, doc: int, span: tuple[int, int]) -> Passage:
    """The sentence of ``doc`` holding a verbatim run, or the run itself when no sentence does."""
    for s in state.sentences:
        if s.doc == doc and s.start <= span[0] < s.end:
            return Passage(doc, s.start, s.end, s.text)
    text = state.documents[doc].text
    return Passage(doc, span[0], span[1], text[span[0] : span[1]])


def cite(state: Prepared, choice: Choice, *, encoder: Encoder) -> tuple[Citation, ...]:
    """The citation of each chosen sentence (``choice.chosen`` order); see the module docstring."""
    chosen, pooled, documents = choice.chosen, state.pooled, state.documents
    index_of = {d.id: n for n, d in enumerate(documents)}
    fact_of = {m: f for f in state.alignment.facts for m in f.sentences}
    verbatim = verbatim_support([pooled[k].text for k in chosen], documents)
    cited = [
        set(state.alignment.support[k])
        | ({index_of[x] for x in fact_of[k].sources} if k in fact_of else set())
        | set(runs)
        for k, runs in zip(chosen, verbatim, strict=True)
    ]
    # Names are lower case in Multi-News' preprocessed form: two leads sharing only names would
    # pass for leads telling one action ("jane doe", "acme" / "doe", "acme"), so there only
    # figures count.
    leads = not is_lowercased([d.text for d in documents if d.status == "kept"])
    for slot, k in enumerate(chosen):
        cited[slot] |= _leads_and_figures(state, k, cited[slot], leads=leads)
    checks = _candidates(state, chosen, cited)
    # Passages encoded for each slot: candidates, and where a verbatim run lies outside the pool.
    heard: list[dict[Passage, float]] = [{} for _ in chosen]
    in_pool = {(s.doc, s.start) for s in pooled}
    located = {
        (slot, passage)
        for slot, runs in enumerate(verbatim)
        for passage in (_location(state, d, span) for d, span in runs.items())
        if (passage.doc, passage.start) not in in_pool
    }
    texts = list(dict.fromkeys([*checks, *(p for _, p in located)]))
    found = encoder.encode([p.text for p in texts]) if texts else np.zeros((0, 0), dtype=np.float32)
    vector_of = dict(zip(texts, found, strict=True))
    for passage, pairs in checks.items():
        transcript = documents[passage.doc].kind == "transcript"
        for slot, overlap in pairs:
            similarity = float(vector_of[passage] @ state.vectors[chosen[slot]])
            heard[slot][passage] = similarity
            threshold = state.options.support_threshold
            if transcript:
                threshold -= TRANSCRIPT_SLACK_WITH_OVERLAP if overlap >= 0.5 else TRANSCRIPT_SLACK
            if similarity >= threshold:
                cited[slot].add(passage.doc)
    for slot, passage in located:
        heard[slot][passage] = float(vector_of[passage] @ state.vectors[chosen[slot]])
    rarity = _rarity(state)
    return tuple(
        _citation(state, k, sources, heard[slot], set(verbatim[slot]), rarity)
        for slot, (k, sources) in enumerate(zip(chosen, cited, strict=True))
    )


def _rarity(state: Prepared) -> dict[str, float]:
    """Inverse document frequency of each content word over the pooled sentences (a word the
    whole cluster uses says little about which fact a passage states)."""
    frequency = Counter(word for s in state.pooled for word in set(tokens(s.text)))
    total = len(state.pooled) + 1
    return {word: math.log(total / (n + 1)) + 1.0 for word, n in frequency.items()}


def _coverage(weight: dict[str, float], passage: str) -> float:
    """The share of a statement's content words (``weight``: each word's rarity) that ``passage``
    carries."""
    total = sum(weight.values())
    carried = set(tokens(passage))
    return sum(w for word, w in weight.items() if word in carried) / total if total else 1.0


def _action_words(text: str) -> set[str]:
    """Stemmed words of ``text`` that are neither names nor function words: what happened, not to
    whom ("picked up a pulse signal" -> pick, pulse, signal)."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return {found[0] for n, w in enumerate(words) if (n == 0 or w[0].islower()) and (found := tokens(w))}


def _exact_figures(text: str) -> set[tuple[str, float]]:
    """(unit, value) of every exact number of ``text`` (hedged numbers and ranges left out)."""
    return {(unit, a.value) for unit, found in numbers(text).items() for a in found if not a.fuzzy}


def _facts_of_figures(text: str) -> set[tuple[str, float]]:
    """What the exact figures of ``text`` count: each by its unit word, and a count of what
    happened by the happening ("Three people were killed" and "Three deaths" both count deaths)."""
    return _exact_figures(text) | {(what, value) for value, what in happenings(text)}


def _leads_and_figures(state: Prepared, k: int, cited: set[int], *, leads: bool = True) -> set[int]:
    """Documents that state pooled sentence ``k`` in other words than the alignment hears.

    Two reports' leads about one story state its main event, each in its own words ("A Chinese
    ship … has picked up a pulse signal" / "A Chinese ship reported picking up electronic
    signals"): a lead is stated by another report whose lead is ``LEAD_SUPPORT`` similar and tells
    the same action in two or more of the same words (reports on one topic but different events,
    as newswire topics gather, share names, not actions). And a
    sentence giving an exact figure ("There were 239 people on board") is stated by a passage
    giving the same figure of the same thing ("Three deaths" / "Three people were killed") that is
    ``FIGURE_SUPPORT`` similar. ``leads=False`` leaves the leads out: on text whose names are
    lower case, ``_action_words`` cannot tell names from actions.
    """
    own = state.pooled[k]
    similarity = state.vectors @ state.vectors[k]
    mine = _facts_of_figures(own.text)
    actions = _action_words(own.text)
    out: set[int] = set()
    for j, other in enumerate(state.pooled):
        if other.doc in cited or other.doc in out:
            continue
        both_leads = leads and own.position < LEAD_POSITIONS and other.position < LEAD_POSITIONS
        same_event = (
            both_leads and similarity[j] >= LEAD_SUPPORT and len(actions & _action_words(other.text)) >= 2
        )
        if same_event or (mine and similarity[j] >= FIGURE_SUPPORT and mine & _facts_of_figures(other.text)):
            out.add(other.doc)
    return out


def _quotation_words(text: str) -> set[tuple[str, ...]]:
    """Runs of ``QUOTE_RUN`` words of each quotation in ``text`` (a quoted span of at least
    ``QUOTATION_WORDS`` words: titles and scare quotes are not quotations)."""
    runs: set[tuple[str, ...]] = set()
    for span in QUOTED.findall(text):
        words = WORD.findall(span.lower())
        if len(words) >= QUOTATION_WORDS:
            runs.update(tuple(words[i : i + QUOTE_RUN]) for i in range(len(words) - QUOTE_RUN + 1))
    return runs


def _carries(quoted: set[tuple[str, ...]], text: str) -> bool:
    """Whether ``text`` carries one of the quotations: a run of ``QUOTE_RUN`` of its words."""
    words = WORD.findall(text.lower())
    return any(tuple(words[i : i + QUOTE_RUN]) in quoted for i in range(len(words) - QUOTE_RUN + 1))


def _other_figures(statement: str, passage: str) -> bool:
    """Whether ``passage`` gives exact figures, none of them the statement's own."""
    mine = {value for _, value in _exact_figures(statement)}
    theirs = {value for _, value in _exact_figures(passage)}
    return bool(mine and theirs and not mine & theirs)


def _citation(
    state: Prepared,
    k: int,
    sources: set[int],
    heard: dict[Passage, float],
    verbatim: set[int],
    rarity: dict[str, float],
) -> Citation:
    """The citation of pooled sentence ``k``: each source's best passage, contradicting ones and
    ones that do not carry the sentence's specific words out (``verbatim``: documents sharing a
    run of words with it, which state it whatever the rest of their wording; a passage counting
    the same happening states it too)."""
    own = state.pooled[k]
    # Weighed once per sentence; ``rarity`` counted every pooled sentence, this one included.
    weight = {word: rarity[word] for word in set(tokens(own.text))}
    happened = happenings(own.text)  # "Three deaths" states "Three people were killed" in other words
    quoted = _quotation_words(own.text)
    similarity = state.vectors @ state.vectors[k]
    owners = state.pooled_docs
    kept: list[int] = []
    evidence: list[Evidence] = []
    for doc in sorted(sources):
        doc_id = state.documents[doc].id
        if doc == own.doc:
            kept.append(doc)
            evidence.append(Evidence(doc_id, own.start, own.end, 1.0, exact=True))
            continue
        # Every kept document has sentences in the pool, and a passage outside it was encoded.
        matches = [(float(similarity[j]), state.pooled[j]) for j in np.flatnonzero(owners == doc)]
        matches += [(score, p) for p, score in heard.items() if p.doc == doc]
        score, best = max(matches, key=lambda pair: pair[0])
        if (
            doc not in verbatim
            and not happened & happenings(best.text)
            and _coverage(weight, best.text) < SUPPORT_COVERAGE
        ):
            continue  # on the same topic, but this passage does not say what the sentence says
        if numbers_conflict(own.text, best.text):
            continue  # a different exact number: a disagreement, not support
        if contradicts(own.text, best.text):
            continue  # "The company denied..." does not support what it denies
        if quoted and not _carries(quoted, state.documents[doc].text):
            continue  # another quotation of the same speaker, or a paraphrase: not this quotation
        if _other_figures(own.text, best.text):
            continue  # "attacked 70 sites" is not what a report of 97 rockets and 600 targets says
        kept.append(doc)
        evidence.append(Evidence(doc_id, best.start, best.end, round(score, 3), exact=False))
    order = sorted(range(len(kept)), key=lambda n: (not evidence[n].exact, -evidence[n].score, kept[n]))
    return Citation(tuple(kept[n] for n in order), tuple(evidence[n] for n in order))
