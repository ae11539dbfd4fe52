"""Markup that newswire and scraped text carry inside the words: entities, typesetting codes, the
wire's dash, and the "Q." / "A." of an interview printed as questions and answers.

- HTML and SGML entities are decoded in any case form a wire writes them ("&amp;", "&AMP;",
  "&#124;", "&Eacute;"): "Merck &AMP; Co." is "Merck & Co.";
- an entity-shaped code that no entity table knows and that stands apart from the words ("&LR;",
  "&QL;", "&UR;": the typesetting codes of the New York Times wire) means nothing to a reader and
  goes; one glued to a word ("AT&T;" in lowercased, tokenised text) is left as written;
- the wire's "_" between spaces is its dash ("12,000 _ including 6,000 …") and reads as "—";
- a report written as an interview opens its paragraphs with "Q." and "A." (or "Q:" / "A:");
  the markers go when both are there, so "A. Senate is not scheduled…" reads as a statement.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html.entities import html5

__all__ = ["decode_entities", "interview_markers", "wire_dashes"]

_ENTITY = re.compile(r"&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{0,31}));")
_WORD_BEFORE = re.compile(r"[A-Za-z0-9]$")
_WIRE_DASH = re.compile(r"(?<=\S) _ (?=\S)")
# A paragraph of an interview: "Q. What are…", "A: The House voted…". One capital letter and a
# full stop or colon, so "A. Philip Randolph" only loses its "A." in a report that also asks "Q.".
_QUESTION = re.compile(r"^Q[.:]\s+(?=\S)")
_ANSWER = re.compile(r"^A[.:]\s+(?=\S)")


def _named(name: str) -> str | None:
    """The character(s) a named entity stands for, in any case form ("AMP", "Amp", "amp")."""
    for form in (name, name.capitalize(), name.lower()):
        found = html5.get(form + ";")
        if found is not None:
            return found.upper() if form != name and name.isupper() and len(name) > 1 else found
    return None


def decode_entities(text: str) -> str:
    """``text`` with entities decoded and unknown entity-shaped codes that stand apart dropped."""
    if "&" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        decimal, hexadecimal, name = match.groups()
        if decimal or hexadecimal:
            code = int(decimal) if decimal else int(hexadecimal, 16)
            if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
                return chr(code)
            return match.group(0)
        found = _named(name)
        if found is not None:
            return found
        if _WORD_BEFORE.search(text[: match.start()]):
            return match.group(0)  # "at&t;": a tokeniser's mark on a word, not a code
        return ""

    return _ENTITY.sub(replace, text)


def wire_dashes(text: str) -> str:
    """The wire's "_" dash between words written as "—"."""
    return _WIRE_DASH.sub(" — ", text) if " _ " in text else text


def interview_markers(lines: Sequence[str]) -> tuple[list[str], list[str]]:
    """(lines without "Q." / "A." markers, the markers cut) when the text asks and answers: at least
    one line opens with each; otherwise the lines as they are."""
    stripped = [line.lstrip() for line in lines]
    if not (any(_QUESTION.match(s) for s in stripped) and any(_ANSWER.match(s) for s in stripped)):
        return list(lines), []
    out, cut = [], []
    for line, bare in zip(lines, stripped, strict=True):
        found = _QUESTION.match(bare) or _ANSWER.match(bare)
        if found:
            cut.append(found.group(0).strip())
            line = bare[found.end() :]
        out.append(line)
    return out, cut
