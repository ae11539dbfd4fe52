"""People introduced as news style introduces them: the full name at first mention, the surname after.

A summary takes sentences from several reports, each of which introduced its people somewhere
the summary may not reach: "Houston said" stands in the summary before "Angus Houston", or
without him at all. ``introduce`` rewrites the summary's sentences in reading order: the first
mention of a person outside quotation marks becomes the fullest name the cluster gives
("Prime Minister Benjamin Netanyahu" for "Mr. Netanyahu"), later mentions of the full name
become the surname. Quotations are the speaker's words and stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfuse.attribute.quotes import find_quote_spans
from newsfuse.attribute.speakers import TITLES, Mention, NameIndex, find_mentions

__all__ = ["introduce"]

#: Courtesy titles news style drops once the full name is given ("Mr. Coldham" -> "Tom Coldham").
COURTESY = frozenset({"Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "Miss", "Dr.", "Dr"})
#: Text before a mention that makes it the end of a longer name (Jenni "JWoww" Farley).
_NAME_GOES_ON = re.compile(r"\b[A-Z][\w.'’-]*[\"”’']?\s*$")
#: Words that end a personal name read from its end ("Director of Education Fabio Sementilli").
NAME_BREAKS = frozenset({"of", "de", "for", "the", "and"})


def _given_and_surname(full: str) -> list[str]:
    """The personal name at the end of a full mention: the capitalised words after its last title
    ("State Sen. Diane Savino" -> Diane Savino; "Vice President of Education Fabio Sementilli" ->
    Fabio Sementilli)."""
    name: list[str] = []
    for word in reversed(full.split()):
        if word in TITLES or word in NAME_BREAKS or not word[:1].isupper():
            break
        name.insert(0, word)
    return name


def _named_in(name: list[str], texts: Sequence[str]) -> bool:
    """Whether the sources write ``name`` as a name mid-sentence (after a lowercase word, a title or
    punctuation), not only where a capital opens a sentence ("Like Chaney's portrayal…" makes
    no one called "Like Chaney")."""
    pattern = re.compile(
        r"(?:\b[a-z][\w'’]*[,;:]?|[,(“\"—–-]|\b(?:"
        + "|".join(re.escape(t) for t in TITLES)
        + r"))\s+"
        + r"\s+".join(re.escape(w) for w in name)
        + r"\b"
    )
    return any(pattern.search(text) for text in texts)


def _person(mention: Mention, index: NameIndex, texts: Sequence[str]) -> list[str] | None:
    """The personal name (given names and surname) of a person mention, or None when the sources
    do not name that person in full (a first name alone, an organisation, a place)."""
    if not mention.core or mention.kind not in ("person", "single"):
        return None
    if mention.kind == "single" and index.kind_of(mention.text) != "person":
        return None
    run = _given_and_surname(index.fullest(mention.text))
    if not run or run[-1] != mention.core[-1]:
        return None
    for size in (2, 3):  # the shortest full form the sources use: "Fabio Sementilli", not "Education Fabio…"
        if len(run) >= size and _named_in(run[-size:], texts):
            return run[-size:]
    return None


def introduce(texts: Sequence[str], index: NameIndex, sources: Sequence[str]) -> list[str]:
    """``texts`` (a summary, in reading order) with people named in full at first mention and by
    surname after.

    A mention that gives only the surname (with or without a title: "Houston", "Mr. Coldham",
    "Prime Minister Netanyahu") gets the given names the cluster knows, its title kept; a later
    mention of a person already introduced becomes the surname, when the sources themselves call
    that person by surname alone. ``sources`` are the documents' texts.
    """
    introduced: set[str] = set()
    out = []
    for text in texts:
        quoted = [(q.start, q.end) for q in find_quote_spans(text)]
        edits: list[tuple[int, int, str]] = []
        for mention in find_mentions(text, quoted):
            name = _person(mention, index, sources)
            if name is None:
                continue
            key = " ".join(name)
            written = text[mention.start : mention.end].split()
            titles = [w for w in written[:-1] if w in TITLES and w not in COURTESY]
            if key not in introduced:
                introduced.add(key)
                missing = len([w for w in written if w not in TITLES]) < len(name)
                if missing and not _NAME_GOES_ON.search(text[: mention.start]):
                    edits.append((mention.start, mention.end, " ".join([*titles, *name])))
            elif len(written) > 1 and {index.fullest(key), key} & (index.surnamed & index.talkers):
                edits.append((mention.start, mention.end, name[-1]))
        for start, end, replacement in sorted(edits, reverse=True):
            text = text[:start] + replacement + text[end:]
        out.append(text)
    return out
