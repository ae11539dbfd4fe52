"""Disagreements: aligned statements of different sources that differ in a number, date, name, or
in who is said to have concluded something.

Reads sentences, their vectors and documents. Only pairs that say nearly the same thing are
compared (cosine similarity of at least ``PAIR_THRESHOLD`` *and* shared content words), and each
check demands the differing values be about the same thing: a number counts only with the same
unit word after it ("12 people" against "15 people"), a date only at day precision, a name only
when the rest of the two sentences match. Paraphrase differs in wording, not in these slots, so
the checks favour precision: a reader shown a false disagreement stops trusting the briefing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from newsfuse.attribute.speakers import TITLES, Mention, NameIndex, find_mentions
from newsfuse.attribute.statements import (
    ABSOLUTE_DAY,
    PRONOUN_SUBJECT,
    clock_conflict,
    cluster_names,
    count_conflict,
    same_subject,
)
from newsfuse.attribute.variants import age_conflicts, document_words, name_conflicts
from newsfuse.dates import DateMention, anchor_date, find_dates
from newsfuse.model import Disagreement, Document, Sentence
from newsfuse.text import OVERLAP_STOPWORDS, OVERLAP_WORD, content_words, rough_sentences, word_overlap

__all__ = ["PAIR_THRESHOLD", "Claim", "claims", "disagreements", "same_actor", "similar_pairs"]

#: Pairs below this similarity state different things, so differing values are no conflict.
PAIR_THRESHOLD = 0.6
#: Dates are compared only in pairs this similar: a differing date is often a different event.
DATE_THRESHOLD = 0.8
#: Pairs must share this share of content words (of the shorter sentence) as well.
WORD_OVERLAP = 0.3
MAX_PAIRS = 20000

TIME_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|"
    r"july|august|september|october|november|december|today|yesterday|tonight|this (?:year|week|month)|"
    r"last (?:year|week|month)|so far|since|overnight)\b"
)
CAPTION = re.compile(
    r"\bfile photo\b|^\s*FILE\b|\((?:AP|Associated Press|Reuters|Getty)[^)]*\)", re.IGNORECASE
)


def _time_frame(sentence: str) -> frozenset[str]:
    return frozenset(TIME_WORDS.findall(sentence.lower()))


def _caption(sentence: str) -> bool:
    return bool(CAPTION.search(sentence))


# --- "claim": who is said to have concluded something -------------------------------------------

#: Claim conflicts need pairs this similar: the same finding, told of different actors.
CLAIM_THRESHOLD = 0.75
#: ... and the findings (the words after the verb) must share this share of content words.
CLAIM_OVERLAP = 0.6
#: Verbs that state a finding whatever follows them.
FINDING_VERBS = "concluded|concludes|blamed|blames|attributed|attributes|ruled|rules"
#: Verbs that state a finding only with "that" or a cue word after them ("police found a body" is no
#: finding; "police found that the fire was set" is).
WEAK_VERBS = "determined|determines|found|finds|believes|believe|established|establishes"
#: Speech verbs state a finding only with a cue word ("said North Korea was behind it"): "said that"
#: alone introduces anything.
SPEECH_VERBS = "said|says|announced|announces|confirmed|confirms|declared|declares|told"
CLAIM_VERB = re.compile(
    rf"\b(?:has |have |had |now |also |previously |officially |formally )*"
    rf"(?P<verb>{FINDING_VERBS}|{WEAK_VERBS}|{SPEECH_VERBS})\b(?P<that>\s+that\b)?",
    re.IGNORECASE,
)
FINDING_CUE = re.compile(
    r"\b(?:responsib\w*|behind|to blame|blame\w*|caused?|causing|fault|guilty|arson|suicide|homicide|"
    r"accident\w*|accidental|deliberate\w*|intentional\w*|linked to|carried out|orchestrated|"
    r"perpetrat\w*|culprit)\b",
    re.IGNORECASE,
)
ACCORDING = re.compile(r"\baccording to (?P<actor>[^,.;]+)", re.IGNORECASE)
#: Where the actor phrase before a verb starts: the sentence start or a clause break.
CLAUSE_BREAK = re.compile(r"(?:^|[,;:—–(]|\s-\s|\b(?:and|but|while|after|as|because|when|which)\s)")
#: Unnamed actors that are one specific body; any other unnamed actor ("officials", "the
#: government", "investigators", "U.S. intelligence officials") may include the named one it is
#: compared with (the FBI is part of the federal government), so it never conflicts.
SPECIFIC_ACTORS = frozenset({"police", "coroner", "medical examiner"})
PREPOSITIONS = frozenset("for of at from with to by on in near against behind".split())
ACRONYM_ACTOR = re.compile(r"^[A-Z]{2,6}s?$")
LOCAL = ("county", "city", "state", "local")  # "the county coroner" is the coroner
#: "the bureau" names the cluster's one organisation with "Bureau" in its name, and so on.
ORG_HEADS = frozenset(
    "bureau agency department company studio ministry commission committee court board council".split()
)


@dataclass(frozen=True, slots=True)
class Claim:
    """A finding in a sentence and who it is attributed to, as written and resolved."""

    actor: str  # the actor's fullest name in the cluster, or a specific unnamed body ("police")
    kind: str  # "person" | "org"
    finding: frozenset[str]  # content words of what was concluded


def _actor_phrase(sentence: str, end: int) -> tuple[str, int]:
    """The words of the clause just before ``end`` (the verb) and where they start."""
    head = sentence[:end]
    start = 0
    for m in CLAUSE_BREAK.finditer(head):
        start = m.end()
    return head[start:].strip(), start + len(head[start:]) - len(head[start:].lstrip())


def _resolve_actor(
    phrase: str, at: int, mentions: Sequence[Mention], index: NameIndex
) -> tuple[str, str] | None:
    """(fullest name, kind) of the actor phrase, or None when it names no one specific."""
    words = phrase.split()
    if not words or len(words) > 8:
        return None
    end = at + len(phrase)
    last = words[-1].rstrip(".,").lower()
    named = [m for m in mentions if at <= m.start and m.end >= end - 1 and m.end <= end + 1]
    if named:  # the phrase ends in a name: "the FBI", "Boeing Co.", "FBI Director James Comey"
        m = named[-1]
        if {w.lower() for w in phrase[: m.start - at].split()} & PREPOSITIONS:
            return None  # "attorneys for Debbie Lovett" is not Debbie Lovett
        # A lone capitalised word is a name only when the cluster writes it in a longer one:
        # "Moscow" or "Washington" may be a government, "Investigators" just starts a sentence.
        kind = m.kind if m.kind != "single" else index.kind_of(m.text)
        return (index.fullest(m.text), kind) if kind else None
    if words[-1][:1].isupper():
        return None  # a capitalised word the name finder did not take (a place, a headline)
    low = " ".join(w.lower() for w in words if w.lower() not in ("the", "a", "an", *LOCAL))
    if low in SPECIFIC_ACTORS:
        return low, "org"
    if len(words) == 2 and words[0].lower() == "the" and last in ORG_HEADS:
        orgs = {n.text for n in index.names if n.kind == "org" and last.capitalize() in n.core}
        if len(orgs) == 1:
            return index.fullest(orgs.pop()), "org"
    return None


def claims(sentence: str, index: NameIndex) -> list[Claim]:
    """Findings of ``sentence`` with a specific actor ("The FBI concluded that North Korea ...")."""
    mentions = find_mentions(sentence)
    out = []
    for m in CLAIM_VERB.finditer(sentence):
        verb = m.group("verb").lower()
        after = sentence[m.end() :]
        before_phrase, at = _actor_phrase(sentence, m.start())
        # "The FBI concluded that North Korea was behind it" / "North Korea was behind it, the FBI said."
        finding = after if len(content_words(after)) >= 3 else sentence[:at]
        cue = bool(FINDING_CUE.search(finding))
        if verb in SPEECH_VERBS.split("|") and not cue:
            continue
        if verb in WEAK_VERBS.split("|") and not (m.group("that") or cue):
            continue
        actor = _resolve_actor(before_phrase, at, mentions, index)
        if actor:
            out.append(Claim(actor[0], actor[1], frozenset(content_words(finding))))
    for m in ACCORDING.finditer(sentence):
        phrase = m.group("actor").strip()
        rest = sentence[: m.start()] + sentence[m.end() :]
        if not FINDING_CUE.search(rest):
            continue
        actor = _resolve_actor(phrase, m.start("actor"), mentions, index)
        if actor:
            out.append(Claim(actor[0], actor[1], frozenset(content_words(rest))))
    return out


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace(".", "").split() if w[:1].isupper())


def _actor_words(name: str) -> set[str]:
    return {w.lower().strip(".,'’") for w in name.split() if w not in TITLES} - OVERLAP_STOPWORDS


def same_actor(a: str, b: str) -> bool:
    """Whether two resolved actors may be one: a shared word, or one the initials of the other."""
    if _actor_words(a) & _actor_words(b):
        return True
    compact_a, compact_b = a.replace(".", ""), b.replace(".", "")
    # "INS" and "Naturalization Service" (the finder splits "Immigration and Naturalization Service")
    return _subsequence(_initials(b), compact_a) or _subsequence(_initials(a), compact_b)


def _subsequence(short: str, long: str) -> bool:
    """Whether the letters of ``short`` appear in order in ``long`` (an acronym), both 2+ letters."""
    if len(short) < 2 or not ACRONYM_ACTOR.match(long):
        return False
    letters = iter(long)
    return all(ch in letters for ch in short)


def _mentions_actor(text: str, actor: str) -> bool:
    low = {w.lower().strip(".,'’") for w in OVERLAP_WORD.findall(text)}
    if _actor_words(actor) & low:
        return True
    initials = _initials(actor)
    return len(initials) >= 2 and initials.lower() in low


def _claim_conflict(
    a: Sentence, b: Sentence, similarity: float, documents: Sequence[Document], index: NameIndex
) -> bool:
    """Both sentences attribute the same finding, each to one specific actor, and the actors differ.

    Conservative: a sentence with several attributed actors, an unnamed or umbrella actor, actors of
    different kinds (a person may speak for an organisation), or a document that also credits the
    other side's actor with the finding somewhere is no conflict.
    """
    if similarity < CLAIM_THRESHOLD:
        return False
    claims_a, claims_b = claims(a.text, index), claims(b.text, index)
    if len({c.actor for c in claims_a}) != 1 or len({c.actor for c in claims_b}) != 1:
        return False
    x, y = claims_a[0], claims_b[0]
    if x.kind != y.kind or same_actor(x.actor, y.actor):
        return False
    if word_overlap(set(x.finding), set(y.finding)) < CLAIM_OVERLAP:
        return False
    if _mentions_actor(a.text, y.actor) or _mentions_actor(b.text, x.actor):
        return False
    # The other report may name this side's actor elsewhere with the same finding.
    for doc, actor, finding in (
        (documents[b.doc], x.actor, x.finding),
        (documents[a.doc], y.actor, y.finding),
    ):
        for line in rough_sentences(doc.text):
            if _mentions_actor(line, actor) and word_overlap(content_words(line), set(finding)) >= 0.5:
                return False
    return True


def similar_pairs(sentences: Sequence[Sentence], vectors: np.ndarray) -> list[tuple[int, int, float]]:
    """(i, j, similarity) of sentences of different documents at least ``PAIR_THRESHOLD`` alike,
    most similar first, at most ``MAX_PAIRS``."""
    if len(sentences) < 2:
        return []
    sims = vectors @ vectors.T
    own = np.asarray([s.doc for s in sentences])
    mask = (own[:, None] < own[None, :]) & (sims >= PAIR_THRESHOLD)
    rows, cols = np.nonzero(mask)
    order = np.argsort(-sims[rows, cols])[:MAX_PAIRS]
    return [(int(rows[k]), int(cols[k]), float(sims[rows[k], cols[k]])) for k in order]


#: Date conflicts need the rest of the two statements this alike.
DATE_REST_OVERLAP = 0.6


def _without(text: str, mention: DateMention) -> set[str]:
    return content_words(text[: mention.start] + text[mention.end :])


def _compare(
    a: Sentence,
    b: Sentence,
    anchors: Sequence[date | None],
    similarity: float,
    documents: Sequence[Document] = (),
    index: Callable[[], NameIndex] | None = None,
    known: frozenset[str] = frozenset(),
    lowered: Sequence[str] = (),
) -> tuple[str, str] | None:
    """(kind, topic) when ``a`` and ``b`` differ in a number, date, who concluded something, or name.

    ``index`` gives the cluster's names (built on first use); without it claims are not compared.
    ``lowered`` is each document's text in lower case, for ``same_subject``.
    """
    words_a, words_b = content_words(a.text), content_words(b.text)
    if word_overlap(words_a, words_b) < WORD_OVERLAP:
        return None
    if _caption(a.text) or _caption(b.text):
        return None  # photo captions describe other days' pictures
    subject = same_subject(a, b, lowered, known)
    # "97 rockets hit Israel on Friday" vs "more than 300 rockets" (since the start) are two tallies.
    if subject and _time_frame(a.text) == _time_frame(b.text):
        conflict = count_conflict(a.text, b.text)
        if conflict:
            return "number", conflict
        clock = clock_conflict(a.text, b.text)
        if clock:
            return "number", "time"
    dates_a = [d for d in find_dates(a.text, anchors[a.doc]) if d.kind in ABSOLUTE_DAY]
    dates_b = [d for d in find_dates(b.text, anchors[b.doc]) if d.kind in ABSOLUTE_DAY]
    if (
        subject
        and similarity >= DATE_THRESHOLD
        and len(dates_a) == 1
        and len(dates_b) == 1
        and dates_a[0].iso != dates_b[0].iso
        and not PRONOUN_SUBJECT.match(a.text)
        and not PRONOUN_SUBJECT.match(b.text)
        and word_overlap(_without(a.text, dates_a[0]), _without(b.text, dates_b[0])) >= DATE_REST_OVERLAP
    ):
        return "date", "date"
    if (
        index is not None
        and similarity >= CLAIM_THRESHOLD
        and _claim_conflict(a, b, similarity, documents, index())
    ):
        return "claim", "who concluded"
    return None


def disagreements(
    sentences: Sequence[Sentence], vectors: np.ndarray, documents: Sequence[Document]
) -> tuple[Disagreement, ...]:
    """Conflicting statements between sources, most similar pairs first, one per topic pair."""
    anchors = [anchor_date(d.date) for d in documents]
    names: list[NameIndex] = []

    def index() -> NameIndex:  # built only when a pair is similar enough for a claim check
        if not names:
            names.append(NameIndex.build([m for d in documents for m in find_mentions(d.text)]))
        return names[0]

    # Names the cluster capitalises, to see them where a report does not ("in tanzania").
    known = cluster_names(documents)
    lowered = [d.text.lower() for d in documents]
    out: list[Disagreement] = []
    seen: set[tuple[str, str, str]] = set()
    for i, j, similarity in similar_pairs(sentences, vectors):
        found = _compare(sentences[i], sentences[j], anchors, similarity, documents, index, known, lowered)
        if not found:
            continue
        kind, topic = found
        key = (kind, topic, str(sorted((sentences[i].doc, sentences[j].doc))))
        if key in seen:
            continue
        seen.add(key)
        out.append(
            Disagreement(
                topic=topic,
                kind=kind,
                sides=(
                    (sentences[i].text, (documents[sentences[i].doc].id,)),
                    (sentences[j].text, (documents[sentences[j].doc].id,)),
                ),
            )
        )
    words_of = document_words(documents)  # both spelling checks read them
    for v in [
        *age_conflicts(sentences, documents, words_of=words_of),
        *name_conflicts(documents, words_of=words_of),
    ]:
        key = (v.kind, v.topic, str(sorted((v.side_a[1], v.side_b[1]))))
        if key in seen:
            continue
        seen.add(key)
        out.append(
            Disagreement(
                topic=v.topic,
                kind=v.kind,
                sides=((v.side_a[0], (v.side_a[1],)), (v.side_b[0], (v.side_b[1],))),
            )
        )
    return tuple(out)
