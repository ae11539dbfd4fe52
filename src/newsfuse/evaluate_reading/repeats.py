"""Reader check on repeats: does a summary sentence state a fact an earlier one already stated?

Definitions in ``newsfuse.evaluate_reading``.
"""

from __future__ import annotations

import functools
import re

from newsfuse.evaluate_reading.form import MONTHS, QUOTATION

__all__ = ["content_words", "numbers", "quotations", "redundancy_reason"]

# Redundancy thresholds on the MiniLM cosine (calibrated on hand-judged dev pairs, clusters 0-39).
PARAPHRASE_COSINE = 0.75
OVERLAP_COSINE = 0.57
OVERLAP_SHARE = 0.4
NUMBER_COSINE = 0.45
NUMBER_OVERLAP = 0.2
CONFLICT_COSINE = 0.55
QUOTE_MIN_WORDS = 5
QUOTE_SHARE = 0.7
CONTAINED_SHARE = 0.85
CONTAINED_MIN_WORDS = 3

STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being has have had
    do does did not no it its he she they them his her their this that these those there here which who whom
    what when where why how than then so such also just only about after before over under into out up down
    said says say told would could should will can may might must i we you our your my me us one more most
    very all any some other new last first t s d ll re ve m didn don doesn isn wasn weren aren won wouldn
    couldn shouldn hasn haven hadn can't""".split()
)
NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "hundred": 100,
}
NUMBER = re.compile(
    r"(?P<cur>[$£€])?\s?(?P<num>\d[\d,]*(?:\.\d+)?|\b(?:" + "|".join(NUMBER_WORDS) + r")\b)"
    r"(?P<scale>\s?(?:million|billion|thousand|percent|%))?(?:-|\s+)(?P<unit>(?:[a-z][\w-]*\s*){0,2})",
    re.IGNORECASE,
)


@functools.cache
def _tokenizer():
    from rouge_score import tokenizers

    return tokenizers.DefaultTokenizer(use_stemmer=True)


# A closing speaker tag ("...," Nicole Brown Simpson said.): two quotes by one speaker share it, not a fact.
SPEAKER_TAG = re.compile(
    r"(?<=[\"”'’])[,.]?\s+(?:[\w.'’-]+\s+){0,6}?(?:said|says|added|adds|told|wrote|writes|tweeted|explained|"
    r"noted|continued|stated|recalled|argued|insisted|holds)\b[^\"“”]{0,80}$"
)
SPEECH_WORDS = frozenset(
    "said say says told tell ad add added adds according wrote write writes statement".split()
)


@functools.cache
def _stemmed_stopwords() -> frozenset[str]:
    return frozenset(t for w in STOPWORDS | SPEECH_WORDS for t in _tokenizer().tokenize(w)) | STOPWORDS


def content_words(text: str) -> set[str]:
    """Stemmed words of ``text`` that carry content: stopwords, speech verbs, digits and a closing
    speaker tag dropped."""
    text = SPEAKER_TAG.sub("", text)
    return {
        t
        for t in _tokenizer().tokenize(text)
        if t not in STOPWORDS and t not in SPEECH_WORDS and not t.isdigit()
    }


def quotations(text: str) -> list[set[str]]:
    """Content-word sets of the quoted runs of ``text`` with QUOTE_MIN_WORDS words or more."""
    out = []
    for m in QUOTATION.finditer(text):
        quoted = m.group(1) or m.group(2)
        if len(quoted.split()) >= QUOTE_MIN_WORDS and len(words := content_words(quoted)) >= 3:
            out.append(words)
    return out


def numbers(text: str) -> set[tuple[float, str]]:
    """(value, what it counts) pairs: "three people" -> (3, "peopl"), "$2,500" -> (2500, "$").

    Years (1900-2099 without a unit), day numbers after a month and "N years ago" are times, not
    counts; a capitalised number word inside a sentence is part of a name ("Two Fat Ladies").
    """
    out = set()
    for m in NUMBER.finditer(text):
        if m.group("num")[0].isupper() and m.start("num") > 0:  # "Two Fat Ladies": a name, not a count
            continue
        if re.search(r"\bago\b", m.group("unit") or ""):  # "50,000 years ago" is a time, not a count
            continue
        raw = m.group("num").lower().replace(",", "")
        value = float(NUMBER_WORDS[raw]) if raw in NUMBER_WORDS else float(raw)
        before = text[: m.start()].rstrip()
        if re.search(r"(?:" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\.?$", before):
            continue
        scale = (m.group("scale") or "").strip().lower().replace("%", "percent")
        unit_words = [
            w for w in _tokenizer().tokenize(m.group("unit") or "") if w not in _stemmed_stopwords()
        ]
        if m.group("cur"):
            unit = m.group("cur") + scale
        elif scale:
            unit = scale
        elif unit_words:
            unit = (
                unit_words[0] if unit_words[0] != "year" or len(unit_words) < 2 else "year-" + unit_words[1]
            )
        else:
            continue
        if 1900 <= value <= 2099 and not m.group("cur") and not scale:
            continue
        out.add((value, unit))
    return out


def _share(part: set[str], whole: set[str]) -> float:
    return len(part & whole) / len(part) if part else 0.0


def redundancy_reason(text: str, earlier: str, cosine: float) -> str | None:
    """Why ``text`` restates ``earlier`` (an earlier summary sentence), or None."""
    earlier_quotes = quotations(earlier)
    mine, theirs = content_words(text), content_words(earlier)
    for quote in quotations(text):
        if any(_share(quote, other) >= QUOTE_SHARE for other in earlier_quotes) or (
            _share(quote, theirs) >= CONTAINED_SHARE
        ):
            return "same quotation"
    if len(mine) >= CONTAINED_MIN_WORDS and _share(mine, theirs) >= CONTAINED_SHARE:
        return "says nothing the earlier sentence does not"
    if len(theirs) >= CONTAINED_MIN_WORDS and _share(theirs, mine) >= CONTAINED_SHARE:
        return "restates all of the earlier sentence"
    if cosine >= PARAPHRASE_COSINE:
        return f"paraphrase (cosine {cosine:.2f})"
    overlap = _share(mine, theirs)
    if (
        cosine >= OVERLAP_COSINE
        and overlap >= OVERLAP_SHARE
        and min(len(mine), len(theirs)) >= CONTAINED_MIN_WORDS
    ):
        return f"close, shares {overlap:.0%} of its words (cosine {cosine:.2f})"
    counts, their_counts = numbers(text), numbers(earlier)
    if cosine >= NUMBER_COSINE and overlap >= NUMBER_OVERLAP and counts & their_counts:
        value, unit = sorted(counts & their_counts)[0]
        return f"same number ({value:g} {unit}, cosine {cosine:.2f})"
    units = {u for _, u in counts} & {u for _, u in their_counts} - {"$", "£", "€", "percent"}
    if cosine >= CONFLICT_COSINE and overlap >= NUMBER_OVERLAP and units and not (counts & their_counts):
        return f"same count, other number ({sorted(units)[0]}, cosine {cosine:.2f})"
    return None
