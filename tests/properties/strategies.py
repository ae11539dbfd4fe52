"""Hypothesis strategies for adversarial input, and the example budget of each property test.

The default run (``make test``) uses a small, fixed (derandomized) budget so the property tests take
seconds and never flake; ``NEWSFUSE_PROPERTY_SCALE=20`` multiplies every budget and draws new
random examples (how BENCHMARKS.md's "Bad input" counts were made).
"""

from __future__ import annotations

import json
import os
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

SCALE = float(os.environ.get("NEWSFUSE_PROPERTY_SCALE", "1"))


def budget(examples: int) -> settings:
    """``examples`` (times ``SCALE``) examples, no deadline (a cold model load is slow), no
    example database (nothing written into the repository)."""
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,
        derandomize=SCALE == 1,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


#: Pieces of real-world mess: dates at the calendar's ends, relative dates, boilerplate, markup,
#: quotes, the Multi-News separator, control and invisible characters, broken surrogates, NUL.
FRAGMENTS = (
    "December 31, 9999", "January 1, 0001", "0001-01-01", "9999-12-31", "2014-13-45", "2014-12-17",
    "tomorrow", "yesterday", "today", "last year", "last month", "next Monday", "on Sunday", "Dec. 25",
    "Feb. 30", "in 2016", "12/31/99", "By ABC News", "ByABC News", "Share this", "Advertisement",
    "Photo: AP", "Support for LAist comes from", "<script>alert(1)</script>", "<img src=x onerror=y>",
    "<html><body><p>", "</p></body></html>", "<!doctype html>", "“", "”", '"', "'", "said", "he said",
    "the president said", "|||||", "\x00", "\ud800", "\udfff", "\ufeff", "\u200b", "\u202e", "\u2028",
    "\r\n", "\n\n", "\t", "  ", "…", "—", "-", ".", "?", "!", "0" * 50, "9" * 400, "a" * 300,
    "Officials said the storm cut power to 40,000 homes on Monday.",
    "The mayor denied the report.", "“We will rebuild,” Governor Elena Varga said.",
    "2:11 | 12/17/14", "This transcript has been automatically generated", "to to", "A an",
)  # fmt: skip

#: Any character, lone surrogates included (Hypothesis leaves them out by default).
ANY_CHARACTER = st.characters(exclude_categories=())


def messy_text(max_pieces: int = 30) -> st.SearchStrategy[str]:
    """Text built from ``FRAGMENTS``, random words and random characters, with random separators."""
    piece = st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(ANY_CHARACTER, max_size=20),
        st.from_regex(r"[A-Z][a-z]{1,10}", fullmatch=True),
    )
    separator = st.sampled_from(["", " ", "\n", "\n\n", ". ", ", "])
    return st.lists(st.tuples(piece, separator), max_size=max_pieces).map(
        lambda parts: "".join(p + s for p, s in parts)
    )


_NAMES = (
    "Governor Elena Varga",
    "the mayor",
    "Police",
    "He",
    "She",
    "The company",
    "Officials",
    "A neighbor",
)
_VERBS = ("said", "denied", "announced", "reported", "warned", "told reporters")
_WHEN = (
    "on Monday",
    "tomorrow",
    "yesterday",
    "last year",
    "on Dec. 25",
    "on December 31, 9999",
    "in 2016",
    "",
)


@st.composite
def news_text(draw: st.DrawFn) -> str:
    """Report-like paragraphs (enough words to be kept) with adversarial pieces spliced in, so the
    whole pipeline runs on them: quotes, dates at the calendar's ends, markup, control characters."""
    sentences = []
    for _ in range(draw(st.integers(3, 12))):
        who, verb, when = (
            draw(st.sampled_from(_NAMES)),
            draw(st.sampled_from(_VERBS)),
            draw(st.sampled_from(_WHEN)),
        )
        number = draw(st.integers(0, 10**7))
        what = f"the storm cut power to {number:,} homes {when}".strip()
        sentence = draw(
            st.sampled_from([f"{who} {verb} {what}.", f"“{what.capitalize()},” {who.lower()} {verb}."])
        )
        if draw(st.booleans()):
            sentence += draw(st.sampled_from(FRAGMENTS))
        sentences.append(sentence)
    return draw(st.sampled_from([" ", "\n", "\n\n"])).join(sentences)


#: Any JSON value (as Python objects), with adversarial strings.
JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    messy_text(8),
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(messy_text(3), children, max_size=5),
    max_leaves=20,
)

#: Date-like strings: real ISO dates over the whole calendar, near misses, and anything at all.
DATE_STRINGS = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.isoformat() + "T10:00:00"),
    st.sampled_from(["2014-13-45", "2014-02-30", "0000-01-01", "20141217", "2014-12-17garbage", "", " "]),
    st.text(ANY_CHARACTER, max_size=12),
)


def dumps(value: Any) -> str:
    """JSON text of ``value`` the way another program may write it (surrogates escaped)."""
    return json.dumps(value)


def jsonl_line() -> st.SearchStrategy[str]:
    """A line of a JSONL cluster file: a plausible cluster, any JSON value, or not JSON at all."""
    cluster = st.fixed_dictionaries(
        {
            "id": st.one_of(JSON_SCALARS, st.lists(JSON_SCALARS, max_size=2)),
            "documents": st.one_of(st.lists(messy_text(), max_size=4), messy_text(), JSON_VALUES),
        },
        optional={"summary": st.one_of(messy_text(), JSON_VALUES)},
    )
    return st.one_of(
        cluster.map(dumps),
        JSON_VALUES.map(dumps),
        messy_text(10),
        st.sampled_from(["[" * 5000, "1" * 5000, '{"id": 1, "documents": ["a"]', "\x00", "{}"]),
    )
