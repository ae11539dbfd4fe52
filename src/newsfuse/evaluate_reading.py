"""Reader checks: what an editor would strike in a briefing, counted automatically (issue 13).

Every check works on the summary sentences as printed (one entry of ``Briefing.summary`` is one
summary sentence) plus, where it helps, the cluster's source texts. Rates are per 100 summary
sentences; a sentence counts once per category however many reasons it has.

- **redundant**: the sentence states a fact an earlier summary sentence already stated. Any of:
  the same quotation (a quoted run of 5+ words whose words are mostly in an earlier quotation);
  the same number with what it counts ("three people", "$2,500") and a related sentence (cosine
  of the bundled MiniLM encoder >= ``NUMBER_COSINE``); the same count given a different number
  ("3-year-old" / "2-year-old") in a close sentence (cosine >= ``CONFLICT_COSINE``); a
  near-paraphrase (cosine >= ``PARAPHRASE_COSINE``); or a close sentence whose content words are
  mostly those of the earlier one (cosine >= ``OVERLAP_COSINE`` and 60 % of its content words).
  Thresholds were set on hand-judged pairs of dev clusters 0-39 (see BENCHMARKS.md).
- **residue**: text that belongs to the page, not the story: a dateline or wire credit anywhere
  ("CHARLOTTESVILLE, Va. (AP) --", "(Reuters) -", "WOODLAND HILLS >>"), a byline or photo credit,
  a headline-shaped line (no end punctuation, mostly Capitalised Words).
- **fragment**: a sentence cut or garbled by a bad split: it starts in lower case, with a closing
  quotation mark, punctuation or an ellipsis, or with a weekday/month joined to a lower-case
  continuation ("Sunday and charged..."); the source shows it was split after an abbreviation
  ("... 1:30 p.m." | "Sunday and ...", "Gov." | "Smith said") or cut before one; its quotation
  marks do not balance (straight, curly, ``...''); it ends without terminal punctuation or in an
  ellipsis.
- **dangling**: the sentence opens (outside a quotation) with a personal pronoun, a demonstrative
  ("This", "These", "Such"), or a context-dependent connective ("Instead,", "But", "Meanwhile,",
  "Also,", "Finally,") — unless it directly follows, in its source, the summary sentence before it,
  or (for he/she/his/her) the person the source names just before is named in the previous summary
  sentence; expletive "It is unclear whether..." is not a reference. Conservatively, also "The X"
  as the opening phrase when the source introduced "a/an ... X" shortly before and the summary has
  not mentioned X.
- **name before introduction**: a person referred to by surname alone or title + surname
  ("Varga", "Mr. Varga", "..., Varga said.") before the summary gives the full name. Full names come
  from the sources: a capitalised word that ends a run of two or more capitalised words whose word
  before it is not a title, and that the sources also use alone (not after "the"), minus place and
  organisation words. Needs cased text: on lowercased input (Multi-News' preprocessed form) the
  check is skipped and reported as not measured.
- **opening R-1**: ROUGE-1 F1 (rouge-score, stemmed) of the first summary sentence against the
  reference summary's first sentence (pysbd split).
- **budget use**: words printed / words asked for, and the share of summaries under 90 % of it.

Only the encoder (``newsfuse.represent``) is used from the package, so the checks do not move when
later stages change: they measure those stages.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

__all__ = [
    "CATEGORIES",
    "ClusterReading",
    "Flag",
    "Sources",
    "aggregate",
    "check_cluster",
    "dangling_reason",
    "fragment_reasons",
    "full_names",
    "is_lowercased",
    "names_before_introduction",
    "opening_rouge1",
    "redundancy_reason",
    "residue_reasons",
]

CATEGORIES = ("redundant", "residue", "fragment", "dangling", "name")

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

# --- residue -----------------------------------------------------------------------------------
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
TERMINAL = re.compile(r"[.!?](?:\s*(?:[\"'”’)\]]|''))*\s*$")
ELLIPSIS_END = re.compile(r"(?:\.\s*\.\s*\.|…)(?:\s*(?:[\"'”’)\]]|''))*\s*$")
WORD = re.compile(r"[A-Za-z][\w'’.-]*")
HEADLINE_SMALL = frozenset("a an and as at but by for from in into of on or the to vs via with".split())


def _headline_shaped(text: str) -> bool:
    """No end punctuation and mostly Capitalised Words ("Jets Settle Cheerleaders' Pay Suit")."""
    if TERMINAL.search(text) or " | " in text:
        return " | " in text
    words = [w for w in WORD.findall(text)[1:] if w.lower() not in HEADLINE_SMALL]
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
    if _headline_shaped(text):
        reasons.append("headline-shaped")
    return reasons


# --- fragments -----------------------------------------------------------------------------------
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
CLOSING_QUOTE_START = re.compile(r"^(?:”|’(?!\w)|''|\"\s|'\s)")
PUNCTUATION_START = re.compile(r"^(?:[,;:)\]}.!?]|\.\.\.|…)")
LOWER_START = re.compile(r"^[\"“‘'(\[]?\s*([a-z])([\w'’-]*)")


def _unbalanced_quotes(text: str) -> bool:
    """Quotation marks that do not pair up: straight, curly (’’ and ‘‘ written for ” and “), ``...''."""
    text = re.sub(r"\d\s?[’']\s?\d+\s?[”\"]|\d+\s?[”\"](?=\s[a-z])", "", text)  # 4’9”, 12" pipe: inches
    text = text.replace("’’", "”").replace("‘‘", "“")
    backticks = text.count("``")
    closing_pairs = text.count("''")
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”") or backticks != closing_pairs


def fragment_reasons(text: str, before: str | None = None, after: str | None = None) -> list[str]:
    """Why ``text`` reads as cut or garbled; ``before``/``after``: its source text either side."""
    reasons = []
    lower = LOWER_START.match(text)
    if lower and not any(c.isupper() for c in lower.group(2)):  # "iPhone", "eBay" start in lower case
        reasons.append("starts lower case")
    if CLOSING_QUOTE_START.match(text):
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
    if _unbalanced_quotes(text):
        reasons.append("unbalanced quotation marks")
    if ELLIPSIS_END.search(text):
        reasons.append("ends in an ellipsis")
    elif not TERMINAL.search(text):
        reasons.append("no terminal punctuation")
    return reasons


# --- dangling openings ---------------------------------------------------------------------------
PERSONAL = "He She His Her Him".split()
PRONOUNS = [*PERSONAL, "They", "Their", "Them", "It", "Its", "We", "Our", "I", "My"]
DEMONSTRATIVES = "This That These Those Such".split()
CONNECTIVES = (
    "But|However|Instead|Meanwhile|Also|Still|Yet|And|So|Then|Moreover|Furthermore|Nevertheless|"
    "Nonetheless|Besides|Otherwise|Therefore|Thus|Hence|Likewise|Similarly|Indeed|Finally|Now|Later|"
    "Afterwards?|In addition(?! to)|In turn|As a result|Even so|By contrast|In contrast|On the other hand|"
    "At the same time|In response|After that|Since then|By then|At the time|Until then|"
    "The next day|The following day|That day|That night|Earlier that day|Despite this|Despite that|"
    "Because of this|Because of that|Even then|Either way|In fact|Of course|Otherwise"
)
OPENING_CONNECTIVE = re.compile(rf"^(?:{CONNECTIVES})\b(?!-)")
OPENING_PRONOUN = re.compile(rf"^(?:{'|'.join(PRONOUNS)})\b(?![-'’]\w)")
OPENING_DEMONSTRATIVE = re.compile(rf"^(?:{'|'.join(DEMONSTRATIVES)})\b")
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
OPENING_DEFINITE = re.compile(r"^The ((?:[a-z][a-z-]+ ){0,2}[a-z][a-z-]+)\b")
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
    if not opening or opening[0] in "\"“‘'" or contiguous:
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
                return f"definite 'the {head}' introduced only in the source"
    return None


# --- names ---------------------------------------------------------------------------------------
TITLES = frozenset(
    """Mr Mrs Ms Miss Dr Gov Governor Sen Senator Rep Representative President Vice Prime Minister Secretary
    Lt Lieutenant Sgt Sergeant Capt Captain Col Colonel Gen General Officer Detective Det Chief Judge Justice
    Coach Prof Professor Rev Reverend Father Sister Brother Pope King Queen Prince Princess Lord Lady Sir Dame
    Mayor Attorney Sheriff Deputy Inspector Commissioner Superintendent Chairman Chairwoman CEO Director
    Ambassador Speaker Leader Agent Trooper Cpl Corporal Pvt Private Adm Admiral Marshal Gov. Dean Bishop
    Cardinal Rabbi Imam Sheikh Dr. Mr. Mrs. Ms. Lt. Sgt. Sen. Rep. Capt. Col. Gen. Prof. Rev. Det. Cpl. Pvt.
    Adm. Supt. Insp. Spokesman Spokeswoman Police Officers Inspector-General Rabbi Pastor Nurse Doctor""".split()
)
# Words that end capitalised runs but are places, organisations, days, not surnames.
NOT_SURNAMES = frozenset(
    """House Court City County Street Center Centre University College School Department Party Times Post News
    Press Airport Hospital Police Park Church Island Islands River Valley States Kingdom Republic Union Council
    Committee Agency Bank Group Inc Corp Company Association Service Services Office Force Army Navy Senate
    Congress Day Week Avenue Road Hall Square Beach Bay Lake Mountain Mountains Hills Heights Hotel Museum
    Library Institute Foundation Fund Network Magazine Journal Book Award Awards Prize Festival Show Series
    Club Team League Cup Games Olympics War Act Law Bill Amendment Medical Health Security Affairs
    Administration Commission Board Authority Ministry Government Assembly Parliament Station Terminal
    Airlines Airways Motors Media Studios Pictures Records Entertainment Tribune Herald Globe Chronicle
    Gazette Mail Telegraph Guardian Sun Star Today Online Facebook Twitter Instagram YouTube Google Street
    Coast Sea Ocean Area Region Province State Town Village District Zone Border Garden Gardens Field Stadium
    Arena Tower Building Bridge Station Channel Jr Sr II III IV Twitter Republicans Democrats America
    Africa Asia Europe Canada China Russia Japan India Korea Iran Iraq Syria Israel Mexico Brazil France
    Germany Britain England Ireland Scotland Wales Australia Africa Pakistan Afghanistan Ukraine Turkey
    Egypt York Angeles Francisco Diego Jersey Carolina Dakota Virginia Hampshire Orleans Vegas Lumpur Street
    Inc. Corp. Co. Ltd. LLC Fox CBS NBC ABC CNN MSNBC BBC Reuters Tesla Lives Matter Trust Project Initiative
    Program Programme Capital Partners Holdings Industries Systems Technologies Labs Lab Energy Oil Gas Power
    Water Air Airport Port Base Camp Prison Jail Academy Hall Avenue Boulevard Highway Freeway Drive Way Lane
    God Christ Christmas Easter Thanksgiving Halloween Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December Unit High Hill
    Basin Sciences Slam Saint""".split()
)
CAP_RUN = re.compile(r"(?:(?:(?:[A-Z]\.){1,3}|[A-Z][\w'’-]*\.?)[ \t]+){1,4}[A-Z][a-z][\w'’-]*")
# A given name as written before a surname: "Ellen", "Jean-Luc" (a word ending in "." ends a sentence).
GIVEN_NAME = re.compile(r"^(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|(?:[A-Z]\.){2,3})$")
NOT_GIVEN = frozenset(
    """The A An In On At When After Before But And Or If As For From With Without By To Of That This These
    Those There Here Then While Since Until During Under Over Former Late Actor Actress Singer Rapper Star
    Democrat Republican Sen Rep Gov Says Said Told Asked Dear Like Unlike Both Neither Either Every Each""".split()
)
PERSON_CONTEXT = (
    r"(?<![A-Z][a-z]\s)(?<![A-Z][a-z]{{2}}\s)(?<![A-Z][a-z]{{3}}\s)(?<![A-Z][a-z]{{4}}\s)(?<![A-Z][a-z]{{5}}\s)"
    r"\b{name}\b,?\s+(?:said|says|told|added|wrote|writes|explained|noted|argued|recalled|asked|replied|"
    r"testified|tweeted|who|was|is|has|had|did|does|will|would|also|then|later|pleaded|died)\b"
    r"|\b(?:said|says|told|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sen\.|Rep\.|Gov\.|Sgt\.|Lt\.|Det\.|Officer|President)\s+{name}\b"
)
CAP_WORD = re.compile(r"\b[A-Z][a-z][\w-]*")


def _strip_possessive(word: str) -> str:
    return re.sub(r"(?:'s|’s|'|’)$", "", word)


def is_lowercased(texts: Sequence[str]) -> bool:
    """True for text lower-cased apart from sentence starts (Multi-News' preprocessed form)."""
    inner = capitalised = 0
    for text in texts:
        for m in re.finditer(r"(?<=[a-z,;] )([A-Za-z][a-z]+)\b", text):
            inner += 1
            capitalised += m.group(1)[0].isupper()
    return inner >= 50 and capitalised / inner < 0.02


def full_names(source_texts: Sequence[str]) -> dict[str, set[str]]:
    """Surname -> the full names ("Ellen Pao") the sources give for it.

    A candidate is the last word of a run of capitalised words, the word before it (middle
    initials skipped) its given name; runs with more than two words before the surname are headlines
    or captions. To keep places, organisations and headline words out: neither word occurs in
    lower case in the sources; the surname is not a demonym ("Australians"); it is not more often a
    first name than a surname ("Clarissa Dickson Wright"); and the sources use it alone as a person,
    before a speech or action verb or "who", or after a title ("Varga said", "said Varga", "Mr. Varga").
    """
    joined = "\n".join(source_texts)
    lower_words = set(re.findall(r"\b[a-z][a-z'-]+\b", joined))
    candidates: dict[str, set[str]] = {}
    as_surname: Counter[str] = Counter()
    for m in CAP_RUN.finditer(joined):
        words = m.group(0).split()
        surname = _strip_possessive(words[-1])
        given = [w for w in words[:-1] if not (len(w) == 2 and w.endswith("."))]  # middle initials
        if not given or len(surname) < 3 or surname in NOT_SURNAMES or not surname[1:].islower():
            continue
        first = given[-1]
        if first == surname or not GIVEN_NAME.match(first) or first in TITLES | NOT_SURNAMES | NOT_GIVEN:
            continue
        if len([w for w in given if w not in TITLES]) > 2 or surname.lower() in lower_words:
            continue
        if first.lower().strip(".") not in lower_words:
            candidates.setdefault(surname, set()).add(f"{first} {surname}")
            as_surname[surname] += 1
    given_names = {form.split()[0] for forms in candidates.values() for form in forms}
    out = {}
    for surname, forms in candidates.items():
        if re.search(r"(?:ians|ans|ese)$", surname):
            continue
        others = "|".join(re.escape(w) for w in (given_names | set(candidates)) - {surname})
        as_first = len(re.findall(rf"\b{re.escape(surname)}[ \t]+(?:[A-Z]\.[ \t]+)?(?:{others})\b", joined))
        if as_first >= as_surname[surname]:
            continue
        if re.search(PERSON_CONTEXT.format(name=re.escape(surname)), joined):
            out[surname] = forms
    return out


def names_before_introduction(sentences: Sequence[str], names: dict[str, set[str]]) -> list[tuple[int, str]]:
    """(sentence index, surnames) for people referred to before the summary gives their full name."""
    introduced: set[str] = set()
    flagged: list[tuple[int, str]] = []
    for index, text in enumerate(sentences):
        full_here: set[str] = set()
        early: list[str] = []
        for m in CAP_WORD.finditer(text):
            surname = _strip_possessive(m.group(0))
            if surname not in names:
                continue
            head = [w for w in text[: m.start()].split() if not (len(w) == 2 and w.endswith("."))]
            given = _strip_possessive(head[-1]) if head else ""
            if given in {form.split()[0] for form in names[surname]}:
                full_here.add(surname)
            elif surname not in introduced and surname not in full_here:
                early.append(surname)
        if early:
            flagged.append((index, ", ".join(dict.fromkeys(early))))
        introduced |= full_here
    return flagged


# --- redundancy ----------------------------------------------------------------------------------
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being has have had
    do does did not no it its he she they them his her their this that these those there here which who whom
    what when where why how than then so such also just only about after before over under into out up down
    said says say told would could should will can may might must i we you our your my me us one more most
    very all any some other new last first t s d ll re ve m didn don doesn isn wasn weren aren won wouldn
    couldn shouldn hasn haven hadn can't""".split()
)
QUOTATION = re.compile(r"[\"“]([^\"“”]+)[\"”]|``(.+?)''")
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


# --- a cluster -----------------------------------------------------------------------------------
CONTEXT_CHARS = 400


@dataclass(frozen=True, slots=True)
class Place:
    """Where a summary sentence sits in a source: document index and character span."""

    doc: int
    start: int
    end: int


class Sources:
    """The source texts of a cluster (whitespace collapsed), to find where summary sentences came from."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = [" ".join(t.split()) for t in texts]
        self.lowercased = is_lowercased(self.texts)
        self.names = {} if self.lowercased else full_names(self.texts)

    def locate(self, sentence: str) -> Place | None:
        """The sentence's place in a source: the whole sentence, else from its second word (the
        summary may drop "But" or a dateline, or re-case the first word) to the end, else from its
        second word (a speaker tag may be rewritten: the end is then unknown, -1)."""
        text = " ".join(sentence.split())
        for d, source in enumerate(self.texts):
            if (at := source.find(text)) >= 0:
                return Place(d, at, at + len(text))
        words = text.split()
        if len(words) < 5:
            return None
        rest = " ".join(words[1:])
        for probe in (rest, rest[:60]):
            for d, source in enumerate(self.texts):
                if (at := source.find(probe)) < 0:
                    continue
                head = source[:at].rstrip()
                start = at
                if head.lower().endswith(words[0].lower()):
                    start = len(head) - len(words[0])
                end = at + len(probe) if probe == rest else -1
                return Place(d, start, end)
        return None

    def before(self, place: Place) -> str:
        return self.texts[place.doc][max(0, place.start - CONTEXT_CHARS) : place.start]

    def after(self, place: Place) -> str | None:
        return self.texts[place.doc][place.end : place.end + 40] if place.end >= 0 else None

    def contiguous(self, previous: Place | None, current: Place | None) -> bool:
        """``current`` directly follows ``previous`` in one source (a dropped "But" between them allowed)."""
        if previous is None or current is None or previous.doc != current.doc or previous.end < 0:
            return False
        gap = self.texts[current.doc][previous.end : current.start]
        return current.start >= previous.end and len(gap.split()) <= 1 and len(gap.strip()) <= 12

    def antecedent(self, place: Place) -> str | None:
        """The surname of the last person the source names before this place."""
        last = None
        for m in CAP_WORD.finditer(self.before(place)):
            word = _strip_possessive(m.group(0))
            if word in self.names:
                last = word
        return last


@dataclass(frozen=True, slots=True)
class Flag:
    cluster: str
    index: int  # summary sentence, from 0
    category: str  # one of CATEGORIES
    reason: str
    text: str


@dataclass(slots=True)
class ClusterReading:
    id: str
    texts: tuple[str, ...]  # the summary sentences
    budget: int
    opening_rouge1: float | None
    names_checked: bool
    flags: list[Flag] = field(default_factory=list)

    @property
    def sentences(self) -> int:
        return len(self.texts)

    @property
    def words(self) -> int:
        return sum(len(t.split()) for t in self.texts)

    def flagged(self, category: str) -> int:
        return len({f.index for f in self.flags if f.category == category})


@functools.cache
def _rouge():
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)


@functools.cache
def _splitter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def opening_rouge1(opening: str, reference: str) -> float:
    """ROUGE-1 F1 (0-100, stemmed) of a summary's first sentence against the reference's first."""
    sentences = [s.strip() for s in _splitter().segment(reference.strip()) if s.strip()]
    if not sentences or not opening.strip():
        return 0.0
    return 100 * _rouge().score(sentences[0], opening)["rouge1"].fmeasure


def check_cluster(
    cluster_id: str,
    sentences: Sequence[str],
    sources: Sources,
    vectors: np.ndarray,
    *,
    budget: int,
    reference: str | None = None,
) -> ClusterReading:
    """Every reader check on one summary; ``vectors``: unit-length encodings of ``sentences``."""
    reading = ClusterReading(
        id=cluster_id,
        texts=tuple(sentences),
        budget=budget,
        opening_rouge1=opening_rouge1(sentences[0], reference) if reference and sentences else None,
        names_checked=not sources.lowercased,
    )

    def flag(index: int, category: str, reason: str) -> None:
        reading.flags.append(Flag(cluster_id, index, category, reason, sentences[index]))

    places = [sources.locate(s) for s in sentences]
    cosines = vectors @ vectors.T if len(sentences) else np.zeros((0, 0))
    for j, text in enumerate(sentences):
        for i in range(j):
            if reason := redundancy_reason(text, sentences[i], float(cosines[i, j])):
                flag(j, "redundant", f"{reason}; repeats [{i}]")
                break
        for reason in residue_reasons(text):
            flag(j, "residue", reason)
        place = places[j]
        before = sources.before(place) if place else None
        after = sources.after(place) if place else None
        for reason in fragment_reasons(text, before, after):
            flag(j, "fragment", reason)
        reason = dangling_reason(
            text,
            sentences[:j],
            contiguous=j > 0 and sources.contiguous(places[j - 1], place),
            antecedent=sources.antecedent(place) if place and sources.names else None,
            source_before=before,
        )
        if reason:
            flag(j, "dangling", reason)
    for j, surnames in names_before_introduction(sentences, sources.names):
        flag(j, "name", f"{surnames} before the full name")
    return reading


def aggregate(readings: Sequence[ClusterReading]) -> dict[str, float | int | None]:
    """Rates per 100 summary sentences and budget use over ``readings``."""
    sentences = sum(r.sentences for r in readings)
    named = [r for r in readings if r.names_checked]
    named_sentences = sum(r.sentences for r in named)
    out: dict[str, float | int | None] = {"clusters": len(readings), "sentences": sentences}
    for category in CATEGORIES:
        pool, total = (named, named_sentences) if category == "name" else (readings, sentences)
        count = sum(r.flagged(category) for r in pool)
        out[category] = round(100 * count / total, 1) if total else None
    out["residue_or_fragment"] = (
        round(
            100
            * sum(len({f.index for f in r.flags if f.category in ("residue", "fragment")}) for r in readings)
            / sentences,
            1,
        )
        if sentences
        else None
    )
    openings = [r.opening_rouge1 for r in readings if r.opening_rouge1 is not None]
    out["opening_rouge1"] = round(float(np.mean(openings)), 1) if openings else None
    budgets = [r.words / r.budget for r in readings if r.budget]
    out["budget_use"] = round(100 * float(np.mean(budgets)), 1) if budgets else None
    out["under_90"] = round(100 * float(np.mean([b < 0.9 for b in budgets])), 1) if budgets else None
    out["names_measured_on"] = len(named)
    return out
