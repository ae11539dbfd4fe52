"""Selection: score the pooled sentences, fill the word budget without repeating, put them in reading order.

Reads a ``Prepared`` state; returns a ``Choice`` (pool indices in reading order, and every pooled
sentence as the summary would print it). The scorer (``select.scorer``) ranks; ``select`` fills the
budget greedily, skipping near-repeats; ``select.wording`` decides what may be printed and how.
A chosen quotation that does not name its speaker is printed with the speaker the caller's
``speakers`` lookup gives (the briefing's one quote attribution), or ruled out and the choice made
again: attribution thus runs only where a quotation wins a place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from newsfuse.model import Sentence
from newsfuse.select.repeats import Repeats
from newsfuse.select.scorer import Scorer
from newsfuse.select.wording import (
    curly,
    eligible,
    needs_speaker,
    printable,
    speaks_as_i,
    spoken,
    tidy,
    unintroduced,
)
from newsfuse.state import Prepared
from newsfuse.text import is_lowercased

__all__ = [
    "LEAD_POSITIONS",
    "SINGLE_SOURCE_POSITION",
    "Choice",
    "People",
    "choose",
    "opening",
    "overtaken",
    "select",
]

#: A report's leads, its first statements (news states the main event first): this many of each.
#: The opening comes from them, and ``cite`` lets two reports' similar leads state each other.
LEAD_POSITIONS = 2
#: An opening that says when (a day or date) and has the length of a full statement is preferred:
#: teasers, quips and corrections rarely date anything ("The Flight Crew is cheering a win…").
#: In any case (Multi-News' preprocessed form writes "on tuesday", "may 12"), so month names whole.
WHEN_BONUS, LEAD_BONUS, LEAD_MIN_WORDS = 0.05, 0.2, 12
_WHEN = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|tonight|last (?:week|month|night)|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? \d{1,2})\b",
    re.IGNORECASE,
)
#: First-person words outside quotation marks: a columnist's or blogger's voice, not a report's
#: (and "I" in any case, "i" in Multi-News' preprocessed form: ``wording.speaks_as_i``).
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|we|We|my|My|our|Our|us)\b")
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")

#: Words that make a sentence a preview of an event to come ("is expected to be held on Monday",
#: "will say Wednesday whether he approves", "is in the works"); plans and policies ("employees will
#: be able to") are not events a later report can overtake.
PREVIEW = re.compile(
    r"\b(?:(?:is|are) (?:expected|scheduled|set|due|slated|poised) to|(?:is|are) in the works|"
    r"will (?:be held|be heard|take place|hold|rule|decide|vote|announce|say|appear|meet|face|"
    r"be sentenced|be arraigned|be charged|testify|return|resume|reopen))\b",
    re.IGNORECASE,
)
#: How many times the choice is made again to make room for the full names and roles of its people.
ROLE_ROUNDS = 2
#: A plain statement of another report this similar to a preview tells the same event as done.
OVERTAKEN_SIMILARITY = 0.55
#: When reports are dated differently, the newest one's sentences get this much more score: of
#: two tellings of a story that moved on, the latest state wins.
LATEST_BONUS = 0.05

# With a single source there is no support or shared vocabulary to go by, and the reporter's own
# order (most important first) is the best guide: each sentence further down loses this much
# score, enough for order to decide. Dev (6 one-source clusters): +0.12 R-1 at 250 words, +0.31
# at 100; 500 validation clusters: about +0.05 and +0.15.
SINGLE_SOURCE_POSITION = 0.15


class People(Protocol):
    """Who is who in the cluster: the briefing's one quote attribution and name index."""

    def speaker(self, sentence: Sentence) -> str | None:
        """Who said the quotation in ``sentence`` (a name, a role, a pronoun, or None)."""
        ...

    def referent(self, sentence: Sentence, pronoun: str) -> str | None:
        """The name of the person the ``pronoun`` ("he"/"she") opening ``sentence`` means in its
        report (never a pronoun), or None."""
        ...

    def introduce(self, texts: Sequence[str], *, words: int | None = None) -> list[str]:
        """A summary's sentences, in reading order, with people named in full at first mention,
        and their roles where the summary stays within ``words``."""
        ...


@dataclass(frozen=True, slots=True)
class Choice:
    """The summary's sentences (pool indices, reading order) and how each pooled one prints."""

    chosen: tuple[int, ...]
    printed: tuple[str, ...]  # by pool index


def select(
    sentences: Sequence[Sentence],
    vectors: np.ndarray,
    scores: np.ndarray,
    *,
    words: int,
    redundancy: float,
    allowed: np.ndarray | None = None,
    printed: Sequence[str] | None = None,
    repeats: Repeats | None = None,
    first: int | None = None,
    extra: Sequence[int] | None = None,
) -> list[int]:
    """Indices of the chosen sentences, in reading order.

    Greedy by score under the budget: a sentence that repeats one already chosen is skipped (by
    ``repeats``, the fact-level test; without it, by cosine similarity of at least
    ``redundancy``), one that would overflow the budget is passed over for a shorter one further
    down. Only ``allowed`` sentences (all by default) are chosen; lengths are counted on
    ``printed``, the sentences as the summary prints them (``tidy`` of each by default). ``first``
    is chosen before any other and opens the summary; ``extra`` are words a sentence will gain
    when printed (the roles of the people it introduces).
    """
    chosen: list[int] = []
    total = 0
    order = [int(i) for i in np.argsort(-scores, kind="stable")]
    if first is not None:
        order = [first, *(i for i in order if i != first)]
    for i in order:
        if allowed is not None and not allowed[i]:
            continue
        length = len((printed[i] if printed is not None else tidy(sentences[i].text)).split())
        length += extra[i] if extra is not None else 0
        if total + length > words:
            continue
        if repeats is not None:
            if repeats.of(i, chosen) is not None:
                continue
        elif chosen and float(np.max(vectors[chosen] @ vectors[i])) >= redundancy:
            continue
        chosen.append(i)
        total += length
        if total >= words - 5:
            break
    # Reading order: earlier in its document first (news puts the key facts up top); the first
    # document wins ties, so one source's story line is kept together where it can be.
    rest = sorted((i for i in chosen if i != first), key=lambda i: (sentences[i].position, sentences[i].doc))
    return [first, *rest] if first in chosen else rest


def choose(state: Prepared, *, scorer: Scorer, people: People) -> Choice:
    """The summary of a prepared cluster: scored, chosen within the budget, people named.

    A chosen quotation that needs its speaker named gets it (``people.speaker``) or is ruled
    out, and the choice is made again; so is a sentence opening on "The …" that nothing before it
    introduced (``wording.unintroduced``, cased text only); then the people are introduced as
    news style does (``people.introduce``: roles only where they fit the budget), and if the
    fuller names pass the budget the weakest sentence makes room.
    """
    pooled, options = state.pooled, state.options
    scores = scorer.score(state)
    if len({s.doc for s in pooled}) == 1:  # one source: no cross-source signal, trust its order
        scores = scores - SINGLE_SOURCE_POSITION * np.asarray([s.position for s in pooled], dtype=np.float32)
    scores = scores + LATEST_BONUS * _newest(state)
    printed = [tidy(s.text) for s in pooled]
    # In lowercased text a name looks like any word: "The lapd…" cannot be judged.
    cased = not is_lowercased([s.text for s in pooled])
    # "He was booked…" may be printed with its person's name: looked up once chosen (spaCy).
    unnamed = _pronoun_subjects(printed) if cased else {}
    for k in unnamed:
        printed[k] = PLACEHOLDER + printed[k][len(unnamed[k]) :]
    allowed = eligible(pooled, state.documents, printed) & ~overtaken(state, printed)
    repeats = Repeats(pooled, printed, state.vectors, options.redundancy_threshold)
    first = opening(pooled, printed, scores, allowed)
    looked_up: set[int] = set()
    extra = [0] * len(pooled)  # words a sentence gains when its people are introduced
    sized = 0
    while True:
        chosen = select(
            pooled,
            state.vectors,
            scores,
            words=options.words,
            redundancy=options.redundancy_threshold,
            allowed=allowed,
            printed=printed,
            repeats=repeats,
            first=first,
            extra=extra,
        )
        pending = [k for k in chosen if k in unnamed]
        if pending:
            for k in pending:
                name = people.referent(pooled[k], unnamed.pop(k).lower())
                if name:
                    printed[k] = name + printed[k][len(PLACEHOLDER) :]
                else:
                    allowed[k] = False
            continue
        ask = [k for k in chosen if k not in looked_up and needs_speaker(printed[k])]
        if ask:
            _name_speakers(pooled, {pooled[k].doc for k in ask}, printed, allowed, looked_up, people)
            continue
        loose = [chosen[n] for n in unintroduced([printed[k] for k in chosen])] if cased else []
        if loose:
            allowed[loose] = False
            if first in loose:
                first = opening(pooled, printed, scores, allowed)
            continue
        texts = [printed[k] for k in chosen]
        if sized < ROLE_ROUNDS:
            # A role is part of introducing someone: the choice is made again with the words the
            # full names and roles take counted in, so that they find room (a few times: a role
            # moves with the first mention of its person); roles that still do not fit are left
            # out, and names that do not fit cost the weakest sentence, as before.
            full = people.introduce(texts)
            grown = {k: len(a.split()) - len(b.split()) for k, a, b in zip(chosen, full, texts, strict=True)}
            if any(grown[k] > extra[k] for k in chosen):
                for k in chosen:
                    extra[k] = max(extra[k], grown[k])
                sized += 1
                continue
        final = people.introduce(texts, words=options.words)
        if sum(len(text.split()) for text in final) <= options.words or not chosen:
            for k, text in zip(chosen, final, strict=True):
                printed[k] = curly(text)
            for k, pronoun in unnamed.items():  # never chosen: as written
                printed[k] = pronoun + printed[k][len(PLACEHOLDER) :]
            return Choice(tuple(chosen), tuple(printed))
        allowed[min((k for k in chosen if k != first), key=lambda k: float(scores[k]), default=first)] = False


def _newest(state: Prepared) -> np.ndarray:
    """1.0 for pooled sentences of the most recently dated report(s) when dates differ, else 0."""
    dates = {d.date[:10] for d in state.documents if d.status == "kept" and d.date}
    if len(dates) < 2:
        return np.zeros(len(state.pooled), dtype=np.float32)
    latest = max(dates)
    return np.asarray(
        [(state.documents[s.doc].date or "")[:10] == latest for s in state.pooled], dtype=np.float32
    )


def overtaken(state: Prepared, printed: Sequence[str]) -> np.ndarray:
    """Which pooled sentences preview what another report tells as done.

    "A pretrial hearing is expected to be held on Monday" has no place in a briefing beside a
    report of the hearing: a sentence that speaks of what is to come (``PREVIEW``, outside
    quotation marks) is overtaken by a similar plain statement of another report that is not
    older than it.
    """
    out = np.zeros(len(state.pooled), dtype=bool)
    previews = [bool(PREVIEW.search(_QUOTED.sub(" ", text))) for text in printed]
    if not any(previews):
        return out
    docs = state.documents
    for k, sentence in enumerate(state.pooled):
        if not previews[k]:
            continue
        similarity = state.vectors @ state.vectors[k]
        mine = docs[sentence.doc].date or ""
        for j in np.flatnonzero(similarity >= OVERTAKEN_SIMILARITY):
            other = state.pooled[int(j)]
            if other.doc != sentence.doc and not previews[int(j)] and (docs[other.doc].date or "") >= mine:
                out[k] = True
                break
    return out


def opening(
    sentences: Sequence[Sentence], printed: Sequence[str], scores: np.ndarray, allowed: np.ndarray
) -> int | None:
    """The sentence that should open the summary: the main event, told plainly.

    Among the first ``LEAD_POSITIONS`` statements of each report (a report leads with its main
    event), the best scored plain statement of at least ``LEAD_MIN_WORDS`` words: not a
    quotation, a question or a first-person aside, and preferably one that says when. None when
    no report has one (the reading order then decides).
    """
    best, best_score = None, -np.inf
    for k, sentence in enumerate(sentences):
        text = printed[k]
        outside = _QUOTED.sub(" ", text)
        if (
            not allowed[k]
            or sentence.position >= LEAD_POSITIONS
            or len(text.split()) < LEAD_MIN_WORDS
            or text[:1] in "“\"‘'"
            or "?" in text
            or _FIRST_PERSON.search(outside)
            or speaks_as_i(text)
        ):
            continue
        score = (
            float(scores[k])
            + LEAD_BONUS * (sentence.position == 0)
            + WHEN_BONUS * bool(_WHEN.search(outside))
        )
        if score > best_score:
            best, best_score = k, score
    return best


def _pronoun_subjects(printed: Sequence[str]) -> dict[int, str]:
    """The sentences kept out only by an opening "He"/"She" (pool index -> the pronoun), which
    may be printed with the person their report means instead: "He was booked that night…" reads
    "Smith was booked that night…" (``people.referent``, asked once such a sentence is chosen;
    the name is introduced in full later). One whose person is not found stays out."""
    out = {}
    for k, text in enumerate(printed):
        opening = _PRONOUN_SUBJECT.match(text)
        if opening and not printable(text) and printable(PLACEHOLDER + text[opening.end() :]):
            out[k] = opening.group(1)
    return out


#: Stands for the person while a sentence's "He"/"She" is not yet looked up.
PLACEHOLDER = "Someone"
# "He …"/"She …" as a sentence's subject ("He said…", "She was…"), not "Her book…".
_PRONOUN_SUBJECT = re.compile(r"^(He|She)(?=\s)")


def _name_speakers(
    pooled: Sequence[Sentence],
    docs: set[int],
    printed: list[str],
    allowed: np.ndarray,
    looked_up: set[int],
    people: People,
) -> None:
    """Every quotation of these documents printed with its speaker, or ruled out (in place): the
    documents' attribution is done by then."""
    for k, sentence in enumerate(pooled):
        if sentence.doc not in docs or k in looked_up:
            continue
        looked_up.add(k)
        if needs_speaker(printed[k]):
            named = spoken(printed[k], people.speaker(sentence))
            if named is None:
                allowed[k] = False
            else:
                printed[k] = named
