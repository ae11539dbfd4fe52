"""Who speaks a quote, read from spaCy's parse of its paragraph: the subject of the speech verb the
quote hangs on, and for "he"/"she" the person the preceding sentences are about.

Rules alone (``quotes``) take the words next to a speech verb; the parse tells which words are its
subject ("police spokesman Dana Pierce said" against "Barton's minivan was spotted..., said Cmdr.
D.E. Cook"), whether they are a name (PERSON/ORG spans), and, for a pronoun, who the subject of
the last sentences was ("Another acquaintance, Marsha Jean DeFreese, said ... She said ...").
Quotes are replaced by a placeholder before parsing, so a long quotation never confuses the parse
of its attribution.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from newsfuse.attribute.nlp import Parser
from newsfuse.attribute.score import garbled
from newsfuse.attribute.speakers import PRONOUNS

__all__ = ["Frame", "SpeakerPhrase", "antecedent", "frame_paragraph", "reporting_subject", "speaker_phrase"]

#: Speech verbs, as written (the lemmatizer is left out for speed).
SPEECH = frozenset(
    """say says said saying tell tells told telling add adds added adding write writes wrote written
    writing state states stated explain explains explained note notes noted noting ask asks asked
    recall recalls recalled continue continues continued insist insists insisted tweet tweets tweeted
    post posted declare declared announce announced argue argues argued claim claims claimed warn
    warns warned reply replies replied respond responded acknowledge acknowledged admit admits admitted
    concede conceded observe observed remark remarked testify testified complain complained joke joked
    quip quipped shout shouted yell yelled cry cried whisper whispered email emailed text texted
    confirm confirmed predict predicted report reported conclude concluded suggest suggests suggested
    describe described urge urged promise promised vow vowed boast boasted demand demanded counter
    countered caution cautioned muse mused sigh sighed laugh laughed agree agreed speculate speculated
    reiterate reiterated wonder wondered condemn condemned chant chanted headline headlined recount
    recounted exclaim exclaimed scream screamed""".split()
)
PLACEHOLDER = "Quotation"
NAME_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
#: How many paragraphs before a quote's may hold the person a pronoun means.
ANTECEDENT_PARAGRAPHS = 2


@dataclass(frozen=True, slots=True)
class Frame:
    """A paragraph with its quotes replaced by a placeholder: the text and each quote's position."""

    text: str
    quotes: tuple[int, ...]  # character offset of each placeholder in ``text``
    lead: str = ""  # the paragraph before, when it ends with a colon


@dataclass(frozen=True, slots=True)
class SpeakerPhrase:
    """A speaker as the parse finds it: the words, and whether they are a pronoun to resolve."""

    text: str
    pronoun: bool = False
    writes: bool = False  # the quote hangs on "wrote": its author, not a source who told of it

    @property
    def garbled(self) -> bool:
        return garbled(self.text)


def frame_paragraph(text: str, start: int, end: int, quotes: Sequence[tuple[int, int]]) -> Frame:
    """``text[start:end]`` with every quote (``(start, end)`` of its words) replaced by
    "Quotation" between straight marks."""
    out: list[str] = []
    at = start
    positions = []
    for q_start, q_end in quotes:
        open_mark = max(start, q_start - 1)
        close_mark = min(end, q_end + 1)
        out.append(text[at:open_mark])
        positions.append(sum(len(part) for part in out) + 1)
        out.append(f'"{PLACEHOLDER}"')
        at = close_mark
    out.append(text[at:end])
    return Frame("".join(out).replace("\n", " "), tuple(positions))


def _proper_run(token: Any) -> Any:
    """The run of proper nouns around ``token`` ("Ines Molander" where the entity is "Ines")."""
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].whitespace_:
        start -= 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end - 1].whitespace_:
        end += 1
    return doc[start:end]


def _name_of(token: Any) -> str | None:
    """The name or noun phrase a subject token stands for."""
    if token.ent_type_ in NAME_TYPES:
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if ent is not None:
            run = _proper_run(token) if token.pos_ == "PROPN" else ent
            return run.text if len(run) > len(ent) and run.start <= ent.start else ent.text
    for child in token.children:  # "Another acquaintance, Marsha Jean DeFreese, said"
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            return _name_of(child)
    if token.lower_ in PRONOUNS:
        return token.text
    if token.pos_ in ("NOUN", "PROPN"):
        left = [t for t in token.lefts if t.dep_ in ("det", "amod", "compound", "poss", "nummod")]
        first = min([token.i, *(t.i for t in left)])
        return token.doc[first : token.i + 1].text
    return None


def _subject(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ != PLACEHOLDER.lower():
            return child
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:  # "…, adding" / "and added"
        return _subject(verb.head)
    return None


def _speech_verb(sentence: Any, placeholder: Any) -> Any | None:
    """The speech verb a quote hangs on: an ancestor of the placeholder, else the nearest one
    that no other quote hangs on (“He had other things on his mind,” she said. “He didn't...”:
    the second quote continues the first, it is not what "said" governs)."""
    for ancestor in placeholder.ancestors:
        if ancestor.lower_ in SPEECH and ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    verbs = [
        t
        for t in sentence
        if t.lower_ in SPEECH
        and t.pos_ in ("VERB", "AUX")
        and not any(d.text == PLACEHOLDER and d.i != placeholder.i for d in t.subtree)
    ]
    if not verbs:
        return None
    return min(verbs, key=lambda t: abs(t.i - placeholder.i))


def _according(sentence: Any) -> Any | None:
    for token in sentence:
        if token.lower_ == "according" and token.nbor(1).lower_ == "to":
            objects = [c for c in token.nbor(1).children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def speaker_phrase(parser: Parser, frame: Frame, index: int) -> SpeakerPhrase | None:
    """The subject of the speech verb quote ``index`` of ``frame`` hangs on, if the parse finds one."""
    doc = parser(frame.text)
    at = frame.quotes[index]
    placeholder = next((t for t in doc if t.idx <= at < t.idx + len(t.text) + 1), None)
    if placeholder is None:
        return None
    sentence = placeholder.sent
    verb = _speech_verb(sentence, placeholder)
    subject = _subject(verb) if verb is not None else _according(sentence)
    opens = all(t.is_punct or t.is_space for t in sentence.doc[sentence.start : placeholder.i])
    if subject is None and opens and frame.lead:
        subject = _introducer(parser(frame.lead))  # "Police later said he made a remark:" ¶ “…”
    if subject is None:
        return None
    name = _name_of(subject)
    if name is None:
        return None
    writes = verb is not None and verb.lower_ in WRITE
    return SpeakerPhrase(name, pronoun=name.lower() in PRONOUNS, writes=writes)


def reporting_subject(parser: Parser, text: str) -> SpeakerPhrase | None:
    """The subject of the speech verb in the last sentence of ``text``, the paragraph before one that
    is only a quotation: "Simpson said in closing remarks that he had been a model prisoner." ¶
    “I've spent nine years…” is Simpson's. None when that sentence reports no one speaking."""
    sentences = list(parser(text).sents)
    if not sentences:
        return None
    last = sentences[-1]
    # The sentence's own verb first, then the first speech verb with a subject: "X said Y told him…"
    # is X's report, and "In a statement posted online, X said…" X's.
    verbs = [last.root] + [t for t in last if t is not last.root]
    for token in verbs:
        if token.lower_ in SPEECH and token.pos_ in ("VERB", "AUX"):
            subject = _subject(token)
            if subject is not None and (name := _name_of(subject)) is not None:
                return SpeakerPhrase(name, pronoun=name.lower() in PRONOUNS, writes=token.lower_ in WRITE)
    return None


#: Verbs of writing: "he wrote" after "Barton left a note, said Jimmy Mercer" is the note's author.
WRITE = frozenset("write writes wrote written writing".split())


def _introducer(doc: Any) -> Any | None:
    """The subject of the last clause of a paragraph that ends with a colon, introducing the quote
    that opens the next one: "Warner said:", "Police later said he made a chilling remark:"."""
    sentences = list(doc.sents)
    if not sentences or not doc.text.rstrip().endswith(":"):
        return None
    for token in reversed(list(sentences[-1])):
        if token.pos_ in ("VERB", "AUX") and (subject := _subject(token)) is not None:
            return subject
    return None


def antecedent(
    parser: Parser,
    paragraphs: Sequence[str],
    pronoun: str,
    acceptable: Callable[[str], bool],
    known_person: Callable[[str], bool] = lambda _: False,
    *,
    writes: bool = False,
    plain: bool = False,
) -> str | None:
    """The person "he"/"she" (or the organisation "it") most likely means, or None to leave it to
    the rules. For a quote someone ``writes``, a sentence's topic (the subject of what a source
    said) comes before the source. For a ``plain`` statement (no quote: "He was booked…"), the
    subject of each sentence's main clause decides, not that of a speech verb in a clause under
    it ("While Al Haig declared himself in charge, Mr. Bush slid into place.").

    Walking back from the quote (the last of ``paragraphs`` is cut where the quote opens), the
    nearest sentence's subject decides: the subject of a speech verb, else of the sentence. A
    named person (or organisation, for "it") is the answer; the same pronoun sends the search one
    sentence further back; a role ("the comedian") leaves it to the rules, which know who the
    story is about; a thing ("The book's title") passes to the last person the sentence names.
    ``acceptable`` rules out names of the other gender.
    """
    wanted = "ORG" if pronoun == "it" else "PERSON"
    for depth, text in enumerate(reversed(paragraphs[-(ANTECEDENT_PARAGRAPHS + 1) :])):
        sentences = list(parser(text).sents)
        for rank, sentence in enumerate(reversed(sentences)):
            subject = _topic(sentence) if writes else None
            subject = subject or (_subject(sentence.root) if plain else _main_subject(sentence))
            if subject is None or subject.lower_ in PRONOUNS:
                continue  # "She said he took them out": the same "she", further back
            name = _typed_name(subject, wanted, known_person) or _named_in_subject(subject, wanted)
            if name is not None:
                if acceptable(name):
                    return name
                continue
            if depth == 0 and rank == 0:
                continue  # the quote's own sentence: only its speech verb's subject counts
            if subject.pos_ in ("NOUN", "PROPN") and subject.lower_ not in THINGS:
                return None  # "the comedian", "another member": the rules' call
            named = [(e.start, e.text) for e in sentence.ents if e.label_ == wanted]
            if wanted == "PERSON":
                named += [
                    (t.i, _name_of(t) or t.text)
                    for t in sentence
                    if t.pos_ == "PROPN" and known_person(t.text)
                ]
            named = [(i, n) for i, n in sorted(named) if acceptable(n)]
            if named:
                return named[-1][1]
    return None


#: Subjects that are no one, so a pronoun after them means the last person named.
THINGS = frozenset(
    """title book rights case story report study statement letter note video film show law bill
    plan deal decision ruling verdict vote election race campaign company trial issue question
    problem crash attack fire storm quake earthquake""".split()
)


def _named_in_subject(subject: Any, wanted: str) -> str | None:
    """A name written inside the subject's phrase, before its verb: "Another acquaintance in
    Morrow, Marsha Jean DeFreese, said"."""
    end = subject.head.i if subject.head.i > subject.i else subject.right_edge.i + 1
    for ent in subject.doc.ents:
        if ent.label_ == wanted and subject.left_edge.i <= ent.start and ent.end <= end:
            return _name_of(ent.root)
    return None


def _topic(sentence: Any) -> Any | None:
    """The subject of what a sentence reports someone said: "Barton left the note ..., said
    Jimmy Mercer" is about Barton."""
    root = sentence.root
    if root.lower_ not in SPEECH:
        return None
    for child in root.children:
        if child.dep_ in ("ccomp", "parataxis") and (subject := _subject(child)) is not None:
            return subject
    return None


def _main_subject(sentence: Any) -> Any | None:
    """The subject of the sentence's speech verb, else of its root."""
    for token in sentence:
        if token.lower_ in SPEECH and token.pos_ in ("VERB", "AUX"):
            subject = _subject(token)
            if subject is not None:
                return subject
    return _subject(sentence.root)


def _typed_name(token: Any, wanted: str, known_person: Callable[[str], bool]) -> str | None:
    if token.ent_type_ == wanted or (wanted == "PERSON" and known_person(token.text)):
        return _name_of(token)
    for child in token.children:
        if child.dep_ == "appos" and child.ent_type_ == wanted:
            return _name_of(child)
    return None
