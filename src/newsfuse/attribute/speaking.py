"""Quotations in a summary: name who speaks, or keep the sentence out.

A news paragraph that is only a quotation (“A shutdown will have real costs.”) names its speaker
in the paragraph before or after, and one that ends “…,” she said. names her there; printed alone
in a summary either would speak for no one. Such a sentence is printed with its speaker, as a
reporter would write it (“A shutdown will have real costs,” Stephen Fuller said. / “…,” Mary
Smith said.), when the quote attribution of its document names one; otherwise it may not be
chosen.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from newsfuse.model import Document, Sentence

__all__ = ["BARE_QUOTE", "PRONOUN_SPEAKER", "needs_speaker", "with_speakers"]

# The whole sentence is one quotation: nothing outside the marks says who speaks.
BARE_QUOTE = re.compile(r"^([“\"])([^“”\"]+?)([.!?…]*)([”\"])$")
# “…,” she said. / “…,” he told BBC News.: the quote's speaker is a pronoun.
PRONOUN_SPEAKER = re.compile(
    r"^(?P<quote>[“\"][^“”\"]+[”\"])\s+(?:he|she|they)\s+"
    r"(?P<verb>(?:said|says|told|tells|wrote|writes|added|adds)\b[^“”\"]*)$"
)
# A speaker that is only a pronoun names no one the reader of the summary has met.
PRONOUN = re.compile(r"^(?:he|she|they|it|we|i|you|him|her|them)$", re.IGNORECASE)


def _attributed(text: str, speaker: str) -> str:
    named = PRONOUN_SPEAKER.match(text)
    if named is not None:
        return f"{named['quote']} {speaker} {named['verb']}"
    match = BARE_QUOTE.match(text)
    if match is None:
        return text
    opening, body, ending, closing = match.groups()
    # “…real costs.” -> “…real costs,” X said.   “…are we?” -> “…are we?” X said.
    mark = ending if ending in ("?", "!") else ","
    return f"{opening}{body.rstrip()}{mark}{closing} {speaker} said."


def needs_speaker(text: str) -> bool:
    """Whether a printed sentence is a quotation that does not name its speaker."""
    return bool(BARE_QUOTE.match(text) or PRONOUN_SPEAKER.match(text))


def with_speakers(
    printed: Sequence[str],
    sentences: Sequence[Sentence],
    documents: Sequence[Document],
    among: Collection[int] | None = None,
) -> tuple[list[str], list[bool]]:
    """Printed sentences with speakers named in their quotes, and which of them may be chosen.

    ``printed`` are the sentences as a summary prints them; a bare quote, or a quote said by a
    pronoun, whose speaker is unknown (or only a pronoun) is marked as not choosable. Only the
    sentences ``among`` (all by default) are looked at, and quote attribution runs only on the
    documents that hold one that needs it: on a big story that is a few of hundreds.
    """
    candidates = range(len(printed)) if among is None else among
    bare = [k for k in candidates if needs_speaker(printed[k])]
    out, ok = list(printed), [True] * len(printed)
    if not bare:
        return out, ok
    from newsfuse.attribute.quotes import attribute_quotes, cluster_names

    docs = sorted({sentences[k].doc for k in bare})
    index, mentions = cluster_names([documents[d] for d in docs])
    speakers: dict[int, list[tuple[int, int, str | None]]] = {}
    for d, found in zip(docs, mentions, strict=True):
        quotes = attribute_quotes(documents[d], index, found)
        speakers[d] = [(q.start, q.end, q.speaker) for q in quotes]
    for k in bare:
        s = sentences[k]
        speaker = next(
            (who for start, end, who in speakers[s.doc] if start < s.end and end > s.start and who), None
        )
        if speaker is None or PRONOUN.match(speaker):
            ok[k] = False
        else:
            out[k] = _attributed(printed[k], speaker)
    return out, ok
