"""Reader check on a sentence's opening: does it lean on context the summary has not given?

Definitions in ``newsfuse.evaluate_reading``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["dangling_reason"]

PERSONAL = "He She His Her Him".split()
FIRST_PERSON = ["We", "Our", "I", "My"]
PRONOUNS = [*PERSONAL, "They", "Their", "Them", "It", "Its", *FIRST_PERSON]
DEMONSTRATIVES = "This That These Those Such".split()
CONNECTIVES = (
    "But|However|Instead|Meanwhile|Also|Still|Yet|And|So|Then|Moreover|Furthermore|Nevertheless|"
    "Nonetheless|Besides|Otherwise|Therefore|Thus|Hence|Likewise|Similarly|Indeed|Finally|Now|Later|"
    "Afterwards?|In addition(?! to)|In turn|As a result|Even so|By contrast|In contrast|On the other hand|"
    "At the same time|In response|After that|Since then|By then|At the time|Until then|"
    "The next day|The following day|That day|That night|Earlier that day|Despite this|Despite that|"
    "Because of this|Because of that|Even then|Either way|In fact|Of course|Well,|First,|Second,|Third,|Lastly,|"
    "(?:A|One|Two|Three|Several|A few) (?:hours?|days?|weeks?|months?|years?) later|"
    "(?:Hours|Days|Weeks|Months|Years|Minutes|Moments) (?:later|earlier)|"
    "The (?:next|following|previous) (?:day|morning|night|week|month|year)"
)
OPENING_CONNECTIVE = re.compile(rf"^(?:{CONNECTIVES})(?:\b|(?<=,))(?!-)")
OPENING_PRONOUN = re.compile(rf"^(?:{'|'.join(PRONOUNS)})\b(?![-'’]\w)")
OPENING_DEMONSTRATIVE = re.compile(
    rf"^(?:{'|'.join(DEMONSTRATIVES)})\b|^Both (?:are|were|have|had|will|would|remain|remained|died|said)\b"
    r"|^Here(?:['’]s| is| are)\b"
)
# "This week", "That year": time expressions, not references.
DEICTIC_TIME = re.compile(
    r"^(?:This|That|These|Those) (?:week|weekend|month|year|morning|afternoon|evening|spring|summer|fall|"
    r"autumn|winter|season|days|past)\b"
)
# "It is unclear whether...", "It's not known if...": no antecedent needed.
EXPLETIVE_IT = re.compile(
    r"^It(?:'s|’s| is| was| has been| had been| remains| remained| seems| seemed| appears| appeared| would be|"
    r" will be)(?: not)? (?:\w+ ){0,3}?(?:\w+ )?(?:whether|that|if|how|what|to|why|when|who|where)\b"
)
OPENING_DEFINITE = re.compile(
    r"^(?:(?:In|At|On|From|For|By|With|Under|After|During) the|The) ((?:[a-z][a-z-]+ ){0,2}[a-z][a-z-]+)\b"
)
# Heads a reader takes as already known, or that are general ("the U.S.", "the first time").
GENERAL_HEADS = frozenset(
    "first second last next same other new old former latest most best only whole entire world country nation "
    "government police public time day week year years news report reports case cases people".split()
)


def _opening(text: str) -> str:
    return re.sub(r"^[\s(\[]+", "", text)


def dangling_reason(
    text: str,
    previous: Sequence[str] = (),
    *,
    contiguous: bool = False,
    antecedent: str | None = None,
    source_before: str | None = None,
) -> str | None:
    """Why the opening of ``text`` needs context the summary has not given, or None.

    ``previous``: the summary sentences before it; ``contiguous``: it directly follows the
    previous summary sentence in its source; ``antecedent``: the surname of the person the source
    names just before it; ``source_before``: the source text just before it.
    """
    opening = _opening(text)
    if not opening or opening[0] in "\"“‘'":
        return None
    if m := re.match(rf"^(?:{'|'.join(FIRST_PERSON)})\b(?![-'’]\w)", opening):
        return f"pronoun {m.group(0)!r}"  # a writer or speaker the summary never names, wherever it stood
    if contiguous:
        return None
    if m := OPENING_CONNECTIVE.match(opening):
        return f"connective {m.group(0)!r}"
    if m := OPENING_PRONOUN.match(opening):
        word = m.group(0)
        if word == "It" and EXPLETIVE_IT.match(opening):
            return None
        if (
            word in PERSONAL
            and previous
            and antecedent
            and re.search(rf"\b{re.escape(antecedent)}\b", previous[-1])
        ):
            return None
        return f"pronoun {word!r}"
    if OPENING_DEMONSTRATIVE.match(opening) and not DEICTIC_TIME.match(opening):
        return f"demonstrative {opening.split()[0]!r}"
    if (m := OPENING_DEFINITE.match(opening)) and source_before:
        earlier = " ".join(previous).lower()
        for head in m.group(1).split():
            if len(head) < 4 or head in GENERAL_HEADS or head in earlier:
                continue
            if re.search(
                rf"\b(?:a|an)\s+(?:[\w-]+\s+){{0,2}}{re.escape(head)}\b", source_before, re.IGNORECASE
            ):
                return f"definite '{m.group(0)}' introduced only in the source"
    return None
