"""Wording: how a chosen sentence is printed in a summary, and which sentences may be printed at all.

One place for every rule about a summary sentence's form:

- ``tidy``: no dateline ("CAIRO (Reuters) -", "springfield, ill. ( ap ) —" in Multi-News'
  lower-cased form), no caption label ("Photo"), no leading dash debris, no dangling connective
  ("But what we saw..." reads "What we saw...");
- ``eligible``: a sentence that does not end like a statement (a headline, caption, menu line), a
  question, a fragment, a short exclamation, or one that leans on a sentence the summary may not
  have ("He said...", "..., it said.") is not printed; nor a speaker's words run on from a
  quotation opened in the sentence before ("…i don't mind it either way"), nor a transcript's
  wording when a clean report says the same;
- ``needs_speaker`` / ``with_speaker``: a paragraph that is only a quotation (“A shutdown will
  have real costs.”) names its speaker in the paragraph before or after, and one that ends “…,”
  she said. names her there; printed alone either would speak for no one, so it is printed with its
  speaker as a reporter would write it (“…,” Stephen Fuller said.), or not at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from newsfuse.model import Document, Sentence
from newsfuse.text import QUOTE_MARKS, opens_quotation, tokens

__all__ = [
    "BARE_QUOTE",
    "PRONOUN_SPEAKER",
    "continues_quotation",
    "curly",
    "eligible",
    "listing",
    "needs_speaker",
    "printable",
    "speaks_as_i",
    "spoken",
    "tidy",
    "unbalanced",
    "unintroduced",
]

_MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
_AGENCY = r"\((?:AP|Reuters|AFP|CNN|UPI|Bloomberg|dpa|NEWS \d+|[A-Z][A-Za-z .]{1,24})\)"
# Datelines and wire credits add words, not content: "CAIRO (Reuters) -", "KUALA LUMPUR, Malaysia
# (AP) —", "WASHINGTON, March 3 (Reuters) -", "SCHERTZ, Texas -", "WOODLAND HILLS >>", "Seoul,
# South Korea (CNN)". A place in capitals (or a capitalised one before a credit), an optional
# region and date, then a credit or a dash.
DATELINE = re.compile(
    r"^(?:(?!FILE\b)[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?=(?:,[^()]{1,40})?\s*\())"
    rf"(?:,\s*(?:{_MONTH_DAY}|[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){{0,3}})){{0,2}}"
    rf"\s*(?:{_AGENCY}\s*(?:[-—–_]+|>>|:)?|[-—–_]+|>>)\s+"
)
# The same inside a sentence, after a headline the splitter left in front of it: only with a credit.
INNER_DATELINE = re.compile(
    r"(?<=\s)[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:,\s*[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3})?"
    r"\s*\((?:AP|Reuters|AFP|CNN|UPI)\)\s*[-—–]+\s+"
)
# The same in Multi-News' preprocessed form, lower case but for the sentence's first letter and
# with spaced brackets: "Springfield, ill. ( ap ) — a 3-carat diamond…", "( cnn ) — a pilot
# says…", "( ap photo/… ) ( associated press ) springfield ( ap ) — the governor…", "( kutv ) a
# man…"; a place before a station's call sign only with a dash after it ("Copper ( cu ) is" is an
# acronym). A place and a dash alone only when lower case follows, no capital inside the sentence
# says it is cased text and no second dash closes an aside ("Dayton, ohio -- the driver…", not
# "Democrats — and some republicans — said…"). Inside a sentence, after a headline cut short:
# "…the biggest ever... ( associated press ) bath, maine ( ap ) — the…".
_AGENCY_LOWER = r"\(\s?(?:ap|reuters|afp|cnn|upi|bbc|cbs(?: news)?|nbc|abc)\s?\)"
_CALL_SIGN = r"\(\s?[a-z]{2,5}\s?\)"
_PHOTO_CREDIT = r"\(\s?(?:ap photo|associated press|reuters|getty|photo)\b[^()]{0,60}\)\s*"
_LOWER_PLACE = r"(?![Ff]ile\b)[A-Za-z][a-z.'’-]*(?: [a-z.'’-]+){0,2}(?:, [a-z.'’-]+(?: [a-z.'’-]+){0,2})?"
LOWER_DATELINE = re.compile(
    rf"^(?:{_PHOTO_CREDIT})*(?:(?:{_LOWER_PLACE}\s?)?{_AGENCY_LOWER}\s*(?:[-—–]+|:)?"
    rf"|{_CALL_SIGN}\s*(?:[-—–]+)?|{_LOWER_PLACE}\s?{_CALL_SIGN}\s*[-—–]+)\s+"
    rf"|^(?=[A-Z]){_LOWER_PLACE}\s(?P<dash>--|—|–|-)\s(?=[a-z])(?!.*\s(?P=dash)\s)(?!.*[a-z,;] [A-Z][a-z])",
)
INNER_LOWER_DATELINE = re.compile(
    rf"(?<=\s)(?:{_PHOTO_CREDIT})*{_LOWER_PLACE} (?:{_AGENCY_LOWER}|{_CALL_SIGN})\s*[-—–]+\s+(?=[a-z])"
)
# A wire credit inside a sentence marks where the report's lede starts after a headline, a
# tweet or a caption the page put before it: "…police say on twitter ( cnn ) the deaths of two…".
# The credit is followed by a dash or by a word that opens a lede ("(CNN) last week" is a mention).
INNER_CREDIT = re.compile(
    r"(?<=\s)\(\s?(?:CNN|AP|Reuters|AFP|cnn|ap|reuters|afp)\s?\)\s*"
    r"(?:[-—–]+\s*(?=[A-Za-z])|(?=(?:[Tt]he|[Aa]n?|[Pp]olice|[Oo]fficials|[Aa]uthorities)\s))"
)
# A time zone left at the head of a text the preprocessed form cut after "p.m." ("Et white house
# press secretary…").
LEADING_ZONE = re.compile(r"^(?:Et|Est|Edt|Pt|Pst|Pdt|Ct|Cst|Cdt|Gmt|Utc)\s+(?=[a-z])")
LEADING_DEBRIS = re.compile(r"^(?:[-—–_]+\s*)+")
# An agency photo's caption, in any case and after a credit too: "FILE - In this March 3 photo…",
# "( associated press ) file - this undated photo shows…" ("FILE" is no dateline's place).
FILE_CAPTION = re.compile(r"(?:^|\)\s*)file\s*[-—–]+\s", re.IGNORECASE)
# A picture's or player's label left in front of the sentence after it, where the page had a
# photo or a video ("Photo What's new is the price.", "Video The mayor said…"): the
# label, then a word that opens a clause (any case: Multi-News' preprocessed form lowercases it)
# or, in cased text, a capitalised one. "Photos show…", "Video of the crash…" are sentences.
LEADING_LABEL = re.compile(
    r"^(?:Photo|Video|Image|Getty [Ii]mages|Close)\s+"
    r"(?=(?i:the|a|an|what|what's|when|where|while|who|he|she|it|they|we|i|you|this|that|these|those|"
    r"his|her|their|its|our|my|in|on|at|after|as|under|during|if|but|and|rather|there)\b|[A-Z](?!\w*\s*[:/]))"
)
# A list item of the wire: a bullet and a label of a few words before a colon ("_A possible model:
# Faced with…", "• Assured power: A big chunk…"): the label heads an item, the item is the statement.
BULLET_LABEL = re.compile(r"^[_•*]+\s*[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}:\s+(?=[A-Z“\"])")
# A connective that ties a sentence to one the reader will not see: "But what we saw..." reads
# as "What we saw..." out of its context, "However, Mr. Lukashevich may..." as "Mr. Lukashevich may...".
LEADING_CONNECTIVE = re.compile(
    r"^([\"“‘']?)(?:(?:But|And|Yet|So(?! far\b)|Plus|However|Now|Also)\s+(?=[a-z])|(?:But|And|Yet|Plus)\s+|"
    r"(?:However|Still|Meanwhile|Finally|Moreover|Furthermore|Additionally|In addition|Nevertheless|"
    r"Nonetheless|Now|Then|Indeed|Of course|In fact|Also|At the same time, however|At the same time|"
    r"Yet|Later|Even so|Likewise|Similarly|Again|On the one hand|On the other hand)"
    r",\s+)(\S)"
)
# Typewriter quotation marks of newswire (``…'') and doubled single marks (’’) read as curly ones.
_OPEN_QUOTES = re.compile(r"``|‘‘")
_CLOSE_QUOTES = re.compile(r"''|’’")

# A statement ends like one: headlines, captions and menu lines usually do not.
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
# A sentence that opens with a personal pronoun names its subject in a sentence the reader of a
# summary will not see ("He said up to 300 millimetres of rain could fall").
# So does one whose subject pronoun follows a short opening phrase with no name in it ("Most of
# all, she wants...", "At one point, he said..."): the phrase cannot be the pronoun's antecedent.
PRONOUN_OPENING = re.compile(
    r"^(?:He|She|They|It|His|Her|Their|Its|Him|Them)\b|"
    r"^[A-Z][a-z]*(?:\s+[a-z0-9][\w'’-]*){0,6},\s+(?:he|she|they)\b"
)
# First-person text outside quotation marks is a columnist's or a statement's voice printed with no
# speaker ("My rallies are not covered properly by the media.", "We want employees to...").
FIRST_PERSON_OPENING = re.compile(r"^(?:I|I'm|I've|I'd|We|We're|We've|My|Our|Us)\b")
# "I" anywhere outside quotation marks: a blogger's aside, or a quotation running on from the
# sentence before without marks of its own ("i always did. The tax plan thing, i don't mind
# it either way."). Upper-case "I" only after a lower-case word or a comma ("World War I",
# "Type I diabetes" are numerals); lower-case "i", "i'm", "i ' m" as Multi-News' preprocessed form
# writes it, not "i.e." and not after a word a numeral follows ("world war i", "part i").
FIRST_PERSON_I = re.compile(
    r"(?:\b(?!(?:war|part|phase|type|title|class|stage)\s)[a-z][\w'’-]*|[,;:])\s+I\b(?!\.)"
    r"|(?<![\w.'’‐‑-])(?<![Ww]ar )(?<![Pp]art )(?<![Pp]hase )(?<![Tt]ype )(?<![Tt]itle )(?<![Cc]lass )(?<![Ss]tage )"
    r"i(?![\w.-]|['’](?!\s*(?:m|ve|d|ll)\b))"
)
_QUOTATION = re.compile(r"[“\"][^“”\"]*[”\"]")
# A quotation whose opening mark was lost or garbled is still one when a closing mark and a
# speaker tag end it ("…i’ve done it myself, ’ said mr jones…").
_QUOTATION_TAG = re.compile(r"[,.!?]\s?['’”\"]\s+(?:said|says|added|told|wrote|writes)\b")
# Where the sentence before ends: its mark, closing marks, space.
_ENDS_BEFORE = re.compile(r"[.!?][”\"'’)]*\s+(?=\S)")
# A sentence that points back at what the reader has not seen: "This means...", "These were...",
# "Instead, ...", "As a result, ...". (Within quotation marks the speaker's own context is implied.)
DEPENDENT_OPENING = re.compile(
    r"^(?:(?:This|That|These|Those)\s+(?!(?:week|year|month|morning|afternoon|evening|weekend|summer|"
    r"winter|spring|fall|autumn|time)\b)\w|(?:This|That|These|Those)[,.;]|Here(?:'s|’s| is| are)\b|"
    r"(?:Instead|Otherwise|As a result|In response|In turn|Because of this|Despite this|After that|"
    r"The latter|The former|First|Second|Third|Finally|"
    r"(?:A|An|One) (?:few )?(?:moment|second|minute|hour|day|week|month|year)s? (?:later|earlier)|"
    r"(?:Seconds|Moments|Minutes|Hours|Days|Weeks|Months|Years) (?:later|earlier)|In (?:that|the) same (?:period|time|year)|"
    r"During (?:that|this) (?:time|period)|At (?:that|the) time|By then|Since then|Until then|If so|"
    r"If not)\b|"
    # "Most are placed in institutions…", "Both are in area hospitals.": most of whom?
    r"(?:Most|Many|Some|Others|Both|Several|Neither)\s+(?:are|were|is|was|have|had|say|said|believe|"
    r"think|found|find|do|did|will|would|can|could)\b)"
)
# A demonstrative points at what the reader has not seen ("those planes could be delayed", "to
# reimburse it for these bills", "this gives the team…") unless its noun came earlier in the same
# sentence ("relics of saints… those relics"). "This" before a noun ("this case") is left alone:
# the story's own case, as a reader takes it; on validation, ruling it out cost 0.2 R-1.
DEMONSTRATIVE = re.compile(
    r"\b(?:[Tt]hese|[Tt]hose)\s+(?!(?:days|times|who|whom|in|with|of|at|from|that|which|on|for)\b)([a-z][a-z-]+)|"
    r"\b[Tt]his\s+()(?:is|was|has|had|means|meant|gives|gave|makes|made|comes|came|will|would|could|may|might)\b"
)
# A reader addressed outside quotation marks is a page's voice, not a report's: a how-to ("you may
# be looking at more than one application"), a column's sign-off ("You can reach sarah with
# questions…"). "We"/"us"/"our" there is a quotation lifted without its marks ("Last year we had
# 150,000.") or a post's ("Thanks to our member…"): nobody the reader of a summary has met speaks.
# ("the us", "us-german" are the country in the preprocessed form's lower case.)
SECOND_PERSON = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ours|[Yy]ourself|[Yy]ourselves)\b")
FIRST_PERSON_PLURAL = re.compile(
    r"\b(?:we|our|ours|ourselves)\b|(?<!\bthe )\bus\b(?![-.])|(?<=\s)(?:We|Our)\b"
)
# What a web page says about itself: an instruction to its reader ("Click on a name below…"), a
# greeting ("Welcome to health reform watch…"), an embedded post's link or signature ("—
# sodfa daaji ( @sodfadaaji ) may 10, 2018"), a gallery's counters ("image 1 of / 25", "back to
# gallery"), a credit line ("photo: getty"). Two or more handles or tags outside quotation marks
# are a post's text too; one is news ("used the hashtag #JusticeforMohawk").
PAGE_TEXT = re.compile(
    r"^(?:Click|Tap|Scroll|Swipe|Subscribe|Sign up|Log in|Welcome to)\b|"
    r"\bpic\.twitter\.com\b|\(\s?@\w+\s?\)\s+[A-Za-z]+\.? \d{1,2},? \d{4}\b|"
    r"\b(?:image|photo|slide) \d+ of\b|\bback to gallery\b|\bcaption close\b|"
    r"\b(?:photo|image)s?:\s*(?:getty|ap|reuters|afp|shutterstock)\b",
    re.IGNORECASE,
)
_TAG = re.compile(r"(?<![\w.])[@#][A-Za-z_]\w+")
# A pointer to the page's player or pictures inside a sentence: "( watch below ) a man survived…".
PAGE_POINTER = re.compile(
    r"\s*\(\s?(?:watch|see|video|photos?|pictures?|click|listen)\b[^()]{0,40}\)", re.IGNORECASE
)
# A picture's caption of a date and what it shows: "August 1974, speaking to President Richard
# Nixon...", "“…” 18 August, 1988, during his acceptance speech."
CAPTION_DATE = re.compile(
    r"^(?:(?:Early|Late|Mid)[- ])?(?:(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\s+)?\d{4},|[”\"]\s+\d{1,2}\s+[A-Z][a-z]+,?\s+\d{4},"
)
# A photo's caption in the agencies' form: what it shows "is pictured", who stands "(left)", and
# where and when at the end: "…in Palmarito Tochapan, Puebla State, Wednesday, May 10, 2017."
CAPTION_FORM = re.compile(
    r"\b(?:is|are) pictured\b|\bpictured (?:here|above|below|at left|at right|left|right)\b|"
    r"\((?:left|right|center|centre|top|bottom|far left|far right)\)|"
    r",\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\.$",
    re.IGNORECASE,
)
# A teaser cut short ("...to embrace new and ...") or a quotation trailing off.
TRAILING_OFF = re.compile(r"(?:\.\.\.|…)[\"”’]?\s*(?:\.\.\.|…)?$")
# "About 9,000 travellers were stranded, it said.": who "it" is was in a sentence the reader of a
# summary will not see. (Quotations said by a pronoun get the speaker's name: ``with_speaker``.)
PRONOUN_SOURCE = re.compile(
    r",\s+(?:it|he|she|they)\s+(?:said|says|added|adds|reported|reports|wrote|writes|told [^,.“”\"]{1,40})\.$"
)
# The same in mid-sentence, after a statement or a phrase quoted within it ("…of prejudice, he
# said, and a culture…", "…with “practical tasks,” he said, with…"); a sentence that opens with
# the quotation is printed with its speaker named instead (``spoken``).
PRONOUN_SOURCE_INSIDE = re.compile(
    r"^[^“\"].*,[”\"]?\s+(?:it|he|she|they)\s+(?:said|says|added|adds|wrote|writes|told [^,.“”\"]{1,40}),\s"
)
# An attribution whose quotation stayed in the source: "Trump said to laughter and applause."
ATTRIBUTION_ONLY = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){1,4}(?:said|says|added|adds|told|tells|wrote|writes|replied)"
    r"(?:\s+(?:to|in|on|at|during|with|after|before|from)\s+[^,.“”\"]{1,40})*\.$"
)
# A quotation that ends a sentence inside its marks and runs on into a sentence of its own with
# no speaker tag: '" i don\'t think he understands. " speaking to the crowd, romney pointed…'
# (the preprocessed form's splitter did not break before a lower-case word).
GLUED_QUOTATION = re.compile(
    r"^[“\"][^“”\"]+[.!?]\s?[”\"]\s+(?!(?:[\w.'’-]+\s+){0,6}(?:said|says|added|adds|told|tells|asked|asks|"
    r"wrote|writes|tweeted|explained|argued|noted|insisted|continued|recalled|declared|announced|replied|"
    r"responded|shouted|shouts|screamed|yelled|cried|exclaimed|exclaims|joked|quipped|heard|chanted)\b)[a-z]"
)
# A live blog's separator ("___ 1:40 p.m. An Iowa man…") or a sentence cut after a lower-case
# initial ("…according to dr. michael m.", the preprocessed form's splitter): pieces, not sentences.
RUN_TOGETHER = re.compile(r"_{3,}|\s[a-z]\.$")
# An inner quotation opened ("…say `Hey, it's OK.", "…called ‘the worst"): a single opening mark
# after a space or a double mark, before a letter; closed by a single mark before a non-letter.
_INNER_OPEN = re.compile(r"(?:^|(?<=[\s“\"(]))[`‘](?=[A-Za-z])")
_INNER_CLOSE = re.compile(r"[’'](?![A-Za-z])")
# A list or credits line has no verb: "Talk show: “Leeza,” NBC; “The View,” ABC.", "Ana Ruiz
# and Tom Hale, executive producers.", "Music by Marco Lenz." Names (capitalised words, initials,
# "and", "of") before a comma, then a lowercase role of a few words with nothing verb-like in it.
_NAMES = r"(?:[A-Z][\w.'’-]*|and|&|of|de|the|van|von)"
_NOT_A_NAME = (
    r"(?:In|At|On|For|From|By|With|After|Before|During|Since|To|Under|Over|As|If|When|While|The|A|An|"
    r"This|That|These|Those|But|And|Yet|So|Then|Now|There|Here|It|He|She|They|We|I)\b"
)
# The role's head: a word for a person's part ("producers", "director of photography", "host").
_ROLE_HEAD = r"[a-z-]*(?:er|or|ist|ian|man|woman|person|ant|ent|host|chief|aide|star|cast)s?"
CREDIT_LINE = re.compile(
    rf"^(?!{_NOT_A_NAME})[A-Z][\w.'’-]*(?:\s+{_NAMES})*,\s+"
    rf"(?P<role>(?:[a-z][\w'’-]*\s+){{0,3}}{_ROLE_HEAD}(?:\s+of(?:\s+[a-z][\w'’-]*){{1,2}})?)\.$|"
    rf"^(?:Written|Directed|Produced|Edited|Photographed|Illustrated|Compiled|Music|Photos?)\s+by"
    rf"(?:\s+{_NAMES}|,|;)+\.$"
)
_VERB_LIKE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|may|might|must|should|"
    r"do|does|did|said|says|say|told|tells|added|adds|wrote|writes|[a-z]\w*ed)\b"
)
# A list: items set off by semicolons, each a few words ("“Leeza,” NBC; “The View,” ABC").
LIST_ITEMS = 3
LIST_ITEM_WORDS = 8
# Feet and inches written with quotation marks ("the 4’9” star", "a 6'2\" guard") are no quotation.
_MEASURE = re.compile(r"(?<=\d)[’'](\d{1,2})[”\"]")
# A sentence opening on a lowercase word is the tail of one the splitter cut ("and charged with
# five counts…") or garbled text ("sooddard called on Britain…"); "eBay", "iPhone" and "de Blasio"
# open sentences in their own case. Only in cased text: a sentence with no capital anywhere comes
# from lowercased input (a transcript's words, a preprocessed data set).
LOWERCASE_OPENING = re.compile(r"^[a-z][a-z'’-]*\s+(?![A-Z])(?=.*[A-Z])")
# A question states nothing ("What is the deadly VX nerve agent?" is an explainer's subheading).
QUESTION_END = re.compile(r"\?[\"'”’)\]]*$")
# A glossary or list heading: "OSTEOARTHRITIS, or degenerative joint disease."
HEADING_OPENING = re.compile(r"^[A-Z]{4,}(?:\s+[A-Z]{2,})*,")
# Fewer words than this is a fragment or a scene-setter ("They waited.", "Saturday, police said.").
MIN_WORDS = 5
# A short exclamation outside quotation marks is a promotion or a headline ("Happy LOOK Tuesday!").
SHOUT_MAX_WORDS = 8

# The whole sentence is one quotation: nothing outside the marks says who speaks.
BARE_QUOTE = re.compile(r"^([“\"])([^“”\"]+?)([.!?…]*)([”\"])$")
# “…,” she said. / “…,” he told BBC News.: the quote's speaker is a pronoun.
PRONOUN_SPEAKER = re.compile(
    r"^(?P<quote>[“\"][^“”\"]+[”\"])\s+(?:he|she|they)\s+"
    r"(?P<verb>(?:said|says|told|tells|wrote|writes|added|adds)\b.*)$"
)
# A month or a weekday taken for a speaker is a caption's date ("“…” January said.").
NOT_A_SPEAKER = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday)$"
)
# A speaker that is only a pronoun names no one the reader of the summary has met.
PRONOUN = re.compile(r"^(?:he|she|they|it|we|i|you|him|her|them)$", re.IGNORECASE)


def tidy(text: str) -> str:
    """A sentence as it should read in a summary: no dateline or wire credit, no leading dash
    debris or dangling connective, newswire quotation marks as curly ones, and a quotation left
    open at the end of the sentence closed."""
    text = LEADING_DEBRIS.sub("", BULLET_LABEL.sub("", text.strip()))
    zone = LEADING_ZONE.match(text)
    if zone:
        text = _capitalised_from(text, zone.end())
    pointer = PAGE_POINTER.match(text)
    if pointer and len(text[pointer.end() :].split()) >= 4:
        text = _capitalised_from(text, pointer.end())
    text = PAGE_POINTER.sub("", text)
    label = LEADING_LABEL.match(text)
    if label and len(text[label.end() :].split()) >= 4:
        text = _capitalised_from(text, label.end())
    for pattern in (DATELINE, INNER_DATELINE):
        found = pattern.search(text)
        if found and len(text[found.end() :].split()) >= 4:
            text = text[found.end() :]
    for pattern in (LOWER_DATELINE, INNER_LOWER_DATELINE, INNER_CREDIT):
        found = pattern.search(text)
        if found and len(text[found.end() :].split()) >= 4:  # the sentence goes on in lower case
            text = _capitalised_from(text, found.end())
    text = LEADING_CONNECTIVE.sub(lambda m: m.group(1) + m.group(2).upper(), text, count=1)
    return _close_quotation(curly(text))


def _capitalised_from(text: str, at: int) -> str:
    """What follows a cut prefix (a label, a credit, a pointer), opening with a capital."""
    rest = text[at:].lstrip()
    return rest[:1].upper() + rest[1:]


def curly(text: str) -> str:
    """Newswire's typewriter quotation marks (``…'') as curly ones: also for words added after
    ``tidy``, such as a role taken from a report ("author of ``Managing Generation X''")."""
    return _CLOSE_QUOTES.sub("”", _OPEN_QUOTES.sub("“", text))


def _close_quotation(text: str) -> str:
    """``text`` with a quotation opened and never closed given its closing mark at the end (the
    quote runs on into the next paragraph in the source: “These are disturbing allegations.).

    With curly marks about, a straight one is taken as a closing mark (sources mix them:
    “…Where’s my daughter?’" Patty Campbell said.); only straight marks are counted in pairs.
    """
    if "“" in text or "”" in text:
        opened, closed = text.count("“"), text.count("”") + text.count('"')
        if opened > closed and text.rfind("“") > max(text.rfind("”"), text.rfind('"')):
            return text + "”"
        return text
    if text.count('"') % 2 == 1 and not text.endswith('"'):
        return text + '"'
    return text


def unbalanced(text: str) -> bool:
    """Whether a printed sentence's quotation marks do not pair up: a closing mark with no opening
    one (the sentence is the end of a quotation that began in the sentence before: "…admit that
    it's happening.”"), an opening mark left open mid-sentence, or an inner quotation cut short
    (“Some tribe members say `Hey, it's OK,” …). Straight double marks may stand for either."""
    text = _MEASURE.sub(r" \1 ", text)
    opened, closed, straight = text.count("“"), text.count("”"), text.count('"')
    if closed > opened + straight or opened > closed + straight:
        return True
    return any(not _INNER_CLOSE.search(text, found.end()) for found in _INNER_OPEN.finditer(text))


def listing(text: str) -> bool:
    """Whether a printed sentence is a line of a list or of credits, not a statement: three or more
    short items set off by semicolons, or names with their roles and no verb."""
    items = text.split(";")
    if (
        len(items) >= LIST_ITEMS
        and all(len(item.split()) <= LIST_ITEM_WORDS for item in items)
        and not _VERB_LIKE.search(_QUOTATION.sub(" ", text))
    ):
        return True
    found = CREDIT_LINE.match(text)
    return bool(found) and not (found["role"] and _VERB_LIKE.search(found["role"]))


def _points_back(outside: str) -> bool:
    """Whether a demonstrative in ``outside`` (a sentence with its quotations blanked) points at
    something outside the sentence."""
    for found in DEMONSTRATIVE.finditer(outside):
        noun = found.group(1)
        if not noun or not re.search(
            rf"\b{re.escape(noun.rstrip('s'))}", outside[: found.start()], re.IGNORECASE
        ):
            return True
    return False


def continues_quotation(text: str, start: int) -> bool:
    """Whether the sentence before ``start`` in ``text`` (same paragraph) opens a quotation that
    it does not close, so that the sentence at ``start`` may be the speaker's words without marks."""
    before = text[max(0, start - 1000) : start].rstrip()
    before = before[before.rfind("\n") + 1 :]
    ends = list(_ENDS_BEFORE.finditer(before))
    return opens_quotation(before[ends[-1].end() :] if ends else before)


def speaks_as_i(text: str) -> bool:
    """Whether ``text`` says "I" outside quotation marks (``FIRST_PERSON_I``) and is not a
    quotation with its speaker tag."""
    return not _QUOTATION_TAG.search(text) and bool(FIRST_PERSON_I.search(_QUOTATION.sub(" ", text)))


def _addresses_reader(text: str, outside: str) -> bool:
    """Whether "you" or "we" is said outside quotation marks (``outside``: ``text`` with its
    quotations blanked; ``SECOND_PERSON``, ``FIRST_PERSON_PLURAL``) in a sentence that is not a
    quotation with its speaker tag."""
    if _QUOTATION_TAG.search(text):
        return False
    return bool(SECOND_PERSON.search(outside) or FIRST_PERSON_PLURAL.search(outside))


def printable(text: str) -> bool:
    """Whether a sentence, as printed (``tidy``), may stand alone in a summary."""
    words = len(text.split())
    outside = _QUOTATION.sub(" ", text)
    return (
        bool(SENTENCE_END.search(text))
        and not QUESTION_END.search(text)
        and not PRONOUN_OPENING.match(text)
        and not DEPENDENT_OPENING.match(text)
        and not HEADING_OPENING.match(text)
        and not LOWERCASE_OPENING.match(text)
        and not FIRST_PERSON_OPENING.match(text)
        and not CAPTION_DATE.search(text)
        and not FILE_CAPTION.search(text)
        and not CAPTION_FORM.search(text)
        and not TRAILING_OFF.search(text)
        and not (PRONOUN_SOURCE.search(text) and not QUOTE_MARKS.search(text))
        and not PRONOUN_SOURCE_INSIDE.search(text)
        and not _points_back(outside)
        and not _addresses_reader(text, outside)
        and not PAGE_TEXT.search(text)
        and len(_TAG.findall(outside)) < 2
        and not ATTRIBUTION_ONLY.match(text)
        and not RUN_TOGETHER.search(text)
        and not GLUED_QUOTATION.match(text)
        and not unbalanced(text)
        and not listing(text)
        and words >= MIN_WORDS
        and not (text.endswith("!") and words <= SHOUT_MAX_WORDS and not QUOTE_MARKS.search(text))
    )


def eligible(
    sentences: Sequence[Sentence], documents: Sequence[Document], printed: Sequence[str] | None = None
) -> np.ndarray:
    """Which sentences may appear in a summary (the others still count as support).

    Judged on the sentence as the summary would print it (``printed``; by default ``tidy`` of
    each: "But he said..." becomes "He said..."), by ``printable``. A sentence saying "I" outside
    quotation marks right after a sentence that opened a quotation is the speaker's, printed as
    a statement of no one (``speaks_as_i``, ``continues_quotation``). A transcript's wording, with
    its recognition errors and interviewer's questions, is used only when no clean report is in
    the cluster: otherwise the clean wording is chosen and the transcript is cited beside it.
    """
    clean = any(d.status == "kept" and d.kind != "transcript" for d in documents)
    texts = printed if printed is not None else [tidy(s.text) for s in sentences]
    return np.asarray(
        [
            printable(text)
            and not (speaks_as_i(text) and continues_quotation(documents[s.doc].text, s.start))
            and not (clean and documents[s.doc].kind == "transcript")
            for s, text in zip(sentences, texts, strict=True)
        ],
        dtype=bool,
    )


def unintroduced(texts: Sequence[str]) -> list[int]:
    """Which of a summary's sentences (reading order) open on "The …" naming something no earlier
    sentence has: "The solution is no institutions.", "The lanes will be numbered…". A name in
    apposition ("The banned nerve agent VX…"), a restrictive modifier ("The officer who…", "The
    fortress of Burgas…") or a thing every reader knows ("The government…") introduces itself."""
    seen: set[str] = set()
    out = []
    for n, text in enumerate(texts):
        if (_definite_opening(text) | _definite_speaker(text)) - seen:
            out.append(n)
        seen |= set(tokens(text))
    return out


def _definite_opening(text: str) -> set[str]:
    """The content words of a sentence's opening "The …" phrase that the reader must already
    know (empty when the phrase introduces itself or the sentence opens otherwise)."""
    if not text.startswith("The "):
        return set()
    phrase: list[str] = []
    words = text.split()[1:9]
    for n, word in enumerate(words):
        bare = word.strip(",;:“”\"'’()")
        if not bare or not bare[0].islower() or bare.lower() in _RESTRICTIVE:
            return set()  # a name, a title, a figure, or a modifier that says which one
        if bare in _VERBS or len(phrase) == 6:
            break
        phrase.append(bare)
        if word[-1] in ",;:":
            following = words[n + 1] if n + 1 < len(words) else ""
            if following[:1].isupper() or following[:1] in '“"':
                return set()  # "The book, “Forgetting to Be Afraid,” goes…": named in apposition
            break
    found = set(tokens(" ".join(phrase)))
    return set() if found & _KNOWN else found


def _definite_speaker(text: str) -> set[str]:
    """The content words of a speaker named only as "the …" in mid-sentence ("…,” said the
    spokesman.", "the Minister told reporters") that nothing before it in the sentence gave."""
    outside = _QUOTATION.sub(" ", text)
    found: set[str] = set()
    for match in _THE_SPEAKER.finditer(outside):
        if match.start() == 0:
            continue  # a sentence's own opening: ``_definite_opening``
        before = outside[: match.start()]
        if any(w not in _NOT_NAMES for w in _CAPITALISED.findall(before)):
            continue  # "Netflix will keep paying them, the company says": the name came first
        role = set(tokens(match.group("role") or match.group("after") or ""))
        if not role & _KNOWN:
            found |= role - set(tokens(before))
    return found


_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")
_NOT_NAMES = frozenset("The A An In On At It He She They This That But And As After When If We I".split())
_THE_SPEAKER = re.compile(
    r"\bthe\s+(?P<role>(?:[a-z]+\s+)?[A-Za-z]+)\s+(?:said|says|told|added)\b"
    r"|\b(?:said|says|added)\s+the\s+(?P<after>(?:[a-z]+\s+)?[a-z]+)\.[”\"]?\s*$"
)
# Words after "The …" that say which one is meant, and the verbs that end the phrase.
_RESTRICTIVE = frozenset(
    "of who whom whose that which where when in at from for with on to about near behind by against "
    "between under over after before during since across inside outside".split()
)
_VERBS = frozenset(
    "is was are were has have had will would can could may might must should did does do said says "
    "told tells came comes went goes became becomes".split()
)
# Things every reader of news knows without an introduction.
_KNOWN = frozenset(
    tokens("government police president world public military economy weather internet market media")
)


def needs_speaker(text: str) -> bool:
    """Whether a printed sentence is a quotation that does not name its speaker."""
    return bool(BARE_QUOTE.match(text) or PRONOUN_SPEAKER.match(text))


def spoken(text: str, speaker: str | None) -> str | None:
    """A printed sentence with the speaker of its quotation named, or None when it cannot be printed.

    A sentence that names its speaker already comes back as it is. A bare quotation or one said by
    a pronoun gets ``speaker`` (“…real costs.” -> “…real costs,” X said.; “…are we?” keeps its
    question mark; “…,” she said. -> “…,” X said.), unless ``speaker`` is nothing or only a pronoun:
    then the reader would not learn who speaks, and it is not printed.
    """
    if not needs_speaker(text):
        return text
    if not speaker or PRONOUN.match(speaker) or NOT_A_SPEAKER.match(speaker):
        return None
    named = PRONOUN_SPEAKER.match(text)
    if named is not None:
        return f"{named['quote']} {speaker} {named['verb']}"
    match = BARE_QUOTE.match(text)
    assert match is not None  # needs_speaker matched one of the two forms
    opening, body, ending, closing = match.groups()
    mark = ending if ending in ("?", "!") else ","
    if re.search(r"[.!?,][’']$", body):  # '…our position.'' ends a quotation inside the quotation
        mark = ""
    return f"{opening}{body.rstrip()}{mark}{closing} {speaker} said."
