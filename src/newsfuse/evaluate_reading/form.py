"""Reader checks on a sentence's form: page or wire residue, and fragments left by bad splits.

Definitions in ``newsfuse.evaluate_reading``.
"""

from __future__ import annotations

import re

__all__ = ["MONTHS", "QUOTATION", "fragment_reasons", "residue_reasons"]

# A quoted run: straight or curly double quotes, or ``...'' (PTB style).
QUOTATION = re.compile(r"[\"“]([^\"“”]+)[\"”]|``(.+?)''")

WIRE_NAMES = r"AP|Reuters|AFP|UPI|CNN|dpa|Xinhua|Bloomberg|The Associated Press|Associated Press|CNSNews|WENN"
WIRE_CREDIT = re.compile(rf"\(\s*(?:{WIRE_NAMES})\s*\)\s*(?:--|[-—–:>]|$)", re.IGNORECASE)
# An all-capitals place before a dash or ">>": "NEW YORK —", "WOODLAND HILLS >>", "KUALA LUMPUR, Malaysia —".
CAPS_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:--|—|–|>>|-\s)"
)
BYLINE = re.compile(
    r"^By\s+[A-Z][a-z]+(?:\s+[A-Z][\w.'-]*){1,3}\s*(?:,|\||$|\s(?:and|for)\s)|\b(?:Staff|Associated Press) Writer\b"
)
PHOTO_CREDIT = re.compile(
    r"\([^()]*(?:Photographer|Getty Images|AP Photo|Reuters/|Photo by|/ AP\b)[^()]*\)", re.IGNORECASE
)
PAGE_FURNITURE = re.compile(
    r"\b(?:Click here|Read more|Sign up for|Subscribe to our|Follow us on|Share this|Advertisement)\b",
    re.IGNORECASE,
)
# "Here's Tommen...", "Pictured:", "here's Chapman's IMDb listing": the sentence points at a photo or embed.
EMBED_REFERENCE = re.compile(
    r"^(?:Here['’]s|Here is|Here are|Pictured|Above|Below)\b|\bhere['’]s\s+(?:a|the|an|his|her|their|\w+['’]s)\s+"
    r"(?:[\w-]+\s+)?(?:photo|video|listing|map|chart|graphic|image|clip|trailer|tweet|post)\b"
)
TERMINAL = re.compile(r"[.!?](?:\s*(?:[\"'”’)\]]|''))*\s*$")
ELLIPSIS_END = re.compile(r"(?:\.\s*\.\s*\.|…)(?:\s*(?:[\"'”’)\]]|''))*\s*$")
WORD = re.compile(r"[A-Za-z][\w'’.-]*")
# Small words a headline capitalises and a sentence does not.
TITLE_CASE_SMALL = frozenset("is are was be in on to of for with at by from into as and not it its".split())
HEADLINE_SMALL = frozenset("a an and as at but by for from in into of on or the to vs via with".split())


def _headline_shaped(text: str) -> bool:
    """A headline: mostly Capitalised Words ("Jets Settle Cheerleaders' Pay Suit") without end punctuation;
    with it, only when small words are capitalised too ("Royal Bodyguard Warns: 'Baby Is In Danger!'"):
    a sentence full of names ("Dickson Wright died at Edinburgh's Royal Infirmary.") is not a headline."""
    if " | " in text:
        return True
    words = [w for w in WORD.findall(text)[1:] if w.lower() not in HEADLINE_SMALL]
    if not words:
        return False
    if TERMINAL.search(text):
        capital_small = [
            w for w in WORD.findall(text)[1:] if w.lower() in TITLE_CASE_SMALL and w[0].isupper()
        ]
        return len(capital_small) >= 2 and sum(w[0].isupper() for w in words) / len(words) >= 0.7
    return len(words) >= 2 and sum(w[0].isupper() for w in words) / len(words) >= 0.7


def residue_reasons(text: str) -> list[str]:
    """Why ``text`` carries page or wire residue (empty when clean)."""
    reasons = []
    if WIRE_CREDIT.search(text):
        reasons.append("wire credit")
    elif CAPS_DATELINE.match(text):
        reasons.append("dateline")
    if BYLINE.search(text):
        reasons.append("byline")
    if PHOTO_CREDIT.search(text):
        reasons.append("photo credit")
    if PAGE_FURNITURE.search(text):
        reasons.append("page furniture")
    if EMBED_REFERENCE.search(text):
        reasons.append("points at something outside the text ('Here's...')")
    if _headline_shaped(text):
        reasons.append("headline-shaped")
    return reasons


WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = "January February March April May June July August September October November December".split()
CONTINUATION = re.compile(
    rf"^(?:{'|'.join(WEEKDAYS + MONTHS)}|a\.m\.|p\.m\.|[AP]\.M\.)\s+"
    r"(?:and|or|but|after|before|when|while|at|in|on|with|by|to|for|of|until|as)\s+[a-z]"
)
TIME_ABBREVIATION = re.compile(r"\b[ap]\.m\.\s*$|\b[AP]\.M\.\s*$")
# Titles and other abbreviations a sentence never ends on.
TITLE_ABBREVIATION = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Gov|Sen|Sens|Rep|Reps|Lt|Sgt|Capt|Col|Gen|Cpl|Pvt|Adm|Supt|Insp|Det|Prof|Rev|Hon|Gov|"
    r"St|Mt|Ft|No|Nos|Vol|Fig|vs|v)\.\s*$"
)
DATE_OR_TIME_WORD = re.compile(
    rf"^(?:{'|'.join(WEEKDAYS + MONTHS)}|ET|EST|EDT|PT|PST|PDT|CT|CST|GMT|UTC|local)\b"
)
_DATE = rf"(?:Early |Late |Mid-)?(?:\d{{1,2}} )?(?:{'|'.join(MONTHS)})(?: \d{{1,2}})?,? \d{{4}},"
# A caption from a list of quotations: "August 1974, speaking to...", "“...” 18 August, 1988, during his speech".
DATE_CAPTION = re.compile(rf"^(?:Early |Late )?\d{{4}},|^{_DATE}|[”\"]\s+{_DATE}")
# An attribution whose quotation was left behind: "Trump wrote on Twitter, referring to his inauguration date."
BARE_ATTRIBUTION = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){1,4}(?:said|says|wrote|writes|tweeted|added)(?:\s+(?:on|in|at|to)\s+[\w ]{1,30})?"
    r"(?:,\s*(?:referring|adding|according|citing)\b[^\"“”]*)?\.$"
)
# "...here's our position.'," Gibson CEO said": punctuation broken when a speaker tag was rewritten.
BROKEN_PUNCTUATION = re.compile(r"[.!?]['’]?,\s*[”\"]|,\s*,")
CLOSING_QUOTE_START = re.compile(r"^(?:”|’(?!\w)|''|\"\s|'\s)")
PUNCTUATION_START = re.compile(r"^(?:[,;:)\]}.!?]|\.\.\.|…)")
QUOTE_MARK = re.compile(r"[\"“”]|``|''")
LOWER_START = re.compile(r"^[\"“‘'(\[]?\s*([a-z])([\w'’-]*)")


def _unbalanced_quotes(text: str) -> bool:
    """Quotation marks that do not pair up: straight, curly (’’ and ‘‘ written for ” and “), ``...''.

    Sources mix styles (“...") so a straight mark may close a curly one; inch marks (6’2”) are not quotes.
    """
    text = re.sub(r"\d\s?[’']\s?\d{1,2}\s?[”\"]", "", text)
    text = text.replace("’’", "”").replace("‘‘", "“")
    if text.count("``") != text.count("''"):
        return True
    curly_gap = abs(text.count("“") - text.count("”"))
    straight = text.count('"')
    return curly_gap > straight or (straight - curly_gap) % 2 == 1


def fragment_reasons(
    text: str, before: str | None = None, after: str | None = None, *, cased: bool = True
) -> list[str]:
    """Why ``text`` reads as cut or garbled; ``before``/``after``: its source text either side.

    ``cased=False`` is for lowercased, tokenised text (Multi-News' preprocessed form: 'we ' ll', a
    straight quote spaced on both sides): there a lower-case start or a spaced quote mark at the
    start says nothing about a bad split, so those two checks are left out.
    """
    reasons = []
    lower = LOWER_START.match(text)
    if cased and lower and not any(c.isupper() for c in lower.group(2)):  # "iPhone", "eBay"
        reasons.append("starts lower case")
    if CLOSING_QUOTE_START.match(text) and (cased or not text.startswith('"')):
        reasons.append("starts with a closing quotation mark")
    elif PUNCTUATION_START.match(text):
        reasons.append("starts with punctuation")
    if CONTINUATION.match(text):
        reasons.append("starts mid-sentence")
    if before is not None:
        head = before.rstrip()
        if TITLE_ABBREVIATION.search(head) or (
            TIME_ABBREVIATION.search(head) and DATE_OR_TIME_WORD.match(text)
        ):
            reasons.append("split after an abbreviation")
    if after is not None and (
        TITLE_ABBREVIATION.search(text) or TIME_ABBREVIATION.search(text.rstrip(".") + ".")
    ):
        tail = after.lstrip()
        if tail[:1].islower() or DATE_OR_TIME_WORD.match(tail) or TITLE_ABBREVIATION.search(text):
            reasons.append("cut after an abbreviation")
    if DATE_CAPTION.search(text):
        reasons.append("caption, not a statement")
    if BARE_ATTRIBUTION.match(text) and not QUOTE_MARK.search(text):
        reasons.append("attribution without its quotation")
    if BROKEN_PUNCTUATION.search(text):
        reasons.append("broken punctuation")
    if _unbalanced_quotes(text):
        reasons.append("unbalanced quotation marks")
    if ELLIPSIS_END.search(text):
        reasons.append("ends in an ellipsis")
    elif not TERMINAL.search(text):
        reasons.append("no terminal punctuation")
    return reasons
