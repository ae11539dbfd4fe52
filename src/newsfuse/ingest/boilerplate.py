"""Line-level judgement of scraped web text: which lines are page furniture, and why.

Reads lines of one document; returns a reason per line (None = keep). Two kinds of rules:

* ``LINE_RULES``: a pattern that only page furniture matches (sharing buttons, donation pleas,
  caption and photo credits, sign-up prompts, cookie notices...). Each names its reason so
  ``newsfuse inspect`` can show it.
* Context rules in ``mark_lines``: runs of headline-like lines (related-story lists), short
  subheadings and the scraps above the first paragraph. These judge shape, not words.

The rules are deliberately narrow: a cleaner that eats article text is worse than one that leaves
a caption, so a pattern is added only when it cannot match a reporter's sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfuse.ingest import european
from newsfuse.text import SENTENCE_END_MARKS, count_words, is_title_case

__all__ = [
    "LINE_RULES",
    "is_fragment",
    "is_run_on",
    "is_title_case",
    "line_reason",
    "mark_lines",
    "split_dateline",
    "split_label",
    "split_links",
    "split_long_line",
]

_I = re.IGNORECASE

NAVIGATION = "navigation or sharing link"
SUPPORT = "sponsorship or donation plea"
DISCLAIMER = "archival or editorial disclaimer"
CAPTION = "photo or video caption/credit"
ADVERT = "advertisement marker"
SIGNUP = "subscribe or sign-up prompt"
NOTICE = "cookie, JavaScript or player notice"
RELATED = "related-stories link"
CREDIT = "reporting credit or contact line"
ARCHIVE = "web-archive placeholder"
SOCIAL = "embedded social-media post"
ERROR_PAGE = "error page (404 / not found)"
HEADLINE_LIST = "list of related headlines"
SCRAP = "subheading or page scrap"
RUN_ON = "run-on text without sentence ends"
COMMENTS = "comment-section prompt"
FILING = "page filing label or lone date"
SMALL_PRINT = "legal small print or file link"
#: Reasons of the kinds in ``european.PATTERNS``.
_EUROPEAN_REASONS = {
    "related": RELATED,
    "navigation": NAVIGATION,
    "signup": SIGNUP,
    "caption": CAPTION,
    "comments": COMMENTS,
    "metadata": FILING,
    "advert": ADVERT,
    "small print": SMALL_PRINT,
}

#: (pattern, reason): a line (or, in a long line, a sentence) matching the pattern is furniture.
LINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # Sharing and navigation buttons, alone on their line.
    (
        re.compile(
            r"^(?:share(?: this(?: story| article)?)?|tweet|e-?mail(?: this)?|print|comments?|facebook|"
            r"twitter|pinterest|linkedin|whatsapp|reddit|stay connected|follow us.*|play facebook|"
            r"text size\s*-?|\+|reset|more|menu|search|home|close|skip|next|previous|back to top|"
            r"read more|read more:|related:?|also:|also read:?|more:|see also|updated|first posted|"
            r"story continued below|continue reading(?: the main story)?|photos?|video|watch|"
            r"article excerpt|advertisement|sponsored(?: content)?|ad|_{3,}|-{3,}|\*{3,})$",
            _I,
        ),
        NAVIGATION,
    ),
    (re.compile(r"^advertisement\b", _I), ADVERT),
    (re.compile(r"\bcopy this code to your website\b|^embed\b.*\bautoplay\b", _I), NAVIGATION),
    (re.compile(r"^(?:CLOSE|JUST WATCHED)\b|\bMUST WATCH\b.*\d:\d\d$|\bReplay More Videos\b"), CAPTION),
    (re.compile(r"\bfull screen autoplay\b|\bskip ad\b", _I), CAPTION),
    (
        re.compile(
            r"^read more on this story:|^read or share this story:|^read more about:|^like this: like loading",
            _I,
        ),
        NAVIGATION,
    ),
    (re.compile(r"^(?:related|also read|more|read more|also|see also|full coverage)\s*:\s*\S", _I), RELATED),
    (re.compile(r"\bread more$|^\((?:also on|photos|watch|video)\b[^)]*\)$", _I), RELATED),
    (re.compile(r"^(?:\(|\[)?[^()\[\]]{0,80}\bfull coverage\)?$", _I), RELATED),
    # Sponsorship, membership and donation pleas.
    (re.compile(r"^support for \S.* comes from\b", _I), SUPPORT),
    (re.compile(r"^thank you for (?:investing|supporting|your support|reading)\b", _I), SUPPORT),
    (re.compile(r"^dear reader\b|\byour financial support\b|\bhelp us keep\b.*\bnews\b", _I), SUPPORT),
    (re.compile(r"\b(?:make a|your) (?:tax-deductible )?(?:donation|gift) (?:today|now)\b", _I), SUPPORT),
    (re.compile(r"^(?:donate|become a (?:member|sponsor|subscriber))\b", _I), SUPPORT),
    (
        re.compile(
            r"^(?:please )?support (?:independent|local|our|quality|public)\b.*\b(?:journalism|news|reporting)\b",
            _I,
        ),
        SUPPORT,
    ),
    # Archival and editorial disclaimers.
    (re.compile(r"\barchival (?:story|content|article)s?\b|\bpredates current editorial\b", _I), DISCLAIMER),
    (re.compile(r"\bmay not align with \S+ current editorial standards\b", _I), DISCLAIMER),
    (re.compile(r"^(?:warning: )?(?:this (?:story|article) )?contains spoilers\b", _I), DISCLAIMER),
    (re.compile(r"\b(?:please )?click here\b", _I), NAVIGATION),
    (re.compile(r"^this article appeared on page\b|^©|^\(c\) ?\d{4}|\ball rights reserved\.?$", _I), CREDIT),
    # Captions and photo/video credits.
    (re.compile(r"\btoggle caption\b|\benlarge this image\b|^enlarge image\b", _I), CAPTION),
    (
        re.compile(r"\b(?:image|media) caption\b|^image copyright\b|^media playback is unsupported", _I),
        CAPTION,
    ),
    (re.compile(r"^(?:image|photo|photograph|pic|picture|credit|source)s?\s*:\s", _I), CAPTION),
    (
        re.compile(r"\((?:AP )?Photo:? [^)]*\)|\(AP Photo/|\bAP Photo/\S+$|\bREUTERS/\S+$|\bPhotograph: \S"),
        CAPTION,
    ),
    (re.compile(r"\bPic [A-Z][a-z]+ [A-Z][a-z]+$|^Getty Images\b|^Getty \(\d\)$|\| Getty\b"), CAPTION),
    (re.compile(r"^FILE - In this\b.*\bfile photo\b", _I), CAPTION),
    (re.compile(r"^\d+ of \d+\.?(?:\s|$)"), CAPTION),
    (
        re.compile(
            r"\bShow Caption\b|(?:^|\.\s+)(?:Photo|Photograph|Image|Credit): [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}$"
        ),
        CAPTION,
    ),
    (
        re.compile(r"\bHide Caption \d+ of \d+\b|^Caption [A-Z]|\bBuy Photo\b|^Wait 1 second to continue"),
        CAPTION,
    ),
    # A line ending in a parenthesised credit: "(David M Warren / Staff Photographer)".
    (
        re.compile(
            r"\((?:[^()]*(?:/|Photographer|Getty|Pressphoto|Associated Press|Reuters|Invision|AFP|"
            r"Wikimedia|Commons)[^()]*)\)\s*(?:\([^()]*\))?\s*$"
        ),
        CAPTION,
    ),
    (re.compile(r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3} ?/ ?[A-Z][\w.'-]+(?: [\w.'-]+){0,4}$"), CAPTION),
    # Sign-up, subscription and account prompts.
    (
        re.compile(
            r"^(?:sign up|subscribe|get (?:our|the) newsletter|breaking news emails|join our newsletter|"
            r"sign in|log in|already (?:a subscriber|have an account)|have an account\?|create an account|"
            r"register)\b",
            _I,
        ),
        SIGNUP,
    ),
    (re.compile(r"\b(?:subscribe|sign up) (?:to|for) (?:our|the) \w*\s*newsletters?\b", _I), SIGNUP),
    (re.compile(r"\bdelivered (?:to your inbox|weekday mornings)\b|\bsubscribe now\b", _I), SIGNUP),
    (
        re.compile(
            r"^newsletter sign up\b|\bselect a newsletter\b|^view all .{0,40}newsletters\.?$|\bnot a robot\b",
            _I,
        ),
        SIGNUP,
    ),
    (
        re.compile(
            r"\bfollow (?:us|him|her|them) on (?:twitter|facebook)\b|\bas an interest to stay up to date\b",
            _I,
        ),
        SIGNUP,
    ),
    (
        re.compile(
            r"^like \S+(?: \S+){0,3} on facebook\b|\bfollow @\w+ on twitter\b|\brate (?:it|us) (?:in|on) itunes\b|"
            r"\bbuy the digital edition\b",
            _I,
        ),
        SIGNUP,
    ),
    (
        re.compile(
            r"^(?:watch|see) (?:the |our )?(?:video|photos?|gallery)(?: below| above| here)?[.:!]?$", _I
        ),
        NAVIGATION,
    ),
    (re.compile(r"\bdow jones reprints\b|\bfor your personal, non-commercial use only\b", _I), SIGNUP),
    (
        re.compile(
            r"\bsubscribers? only\b|\bto continue reading\b|\byou have reached your (?:free )?article limit\b",
            _I,
        ),
        SIGNUP,
    ),
    (
        re.compile(
            r"\bthank you for your interest in spreading the word\b|\ba friend wanted you to see this\b", _I
        ),
        SIGNUP,
    ),
    (re.compile(r"\byou must enter the characters\b|\bwe only request your email address\b", _I), SIGNUP),
    # Cookie, JavaScript and video-player notices.
    (
        re.compile(
            r"\b(?:we|this (?:site|website)) uses? cookies\b|\bcookie (?:policy|settings|preferences)\b", _I
        ),
        NOTICE,
    ),
    (re.compile(r"\bjavascript (?:is|has been) (?:disabled|turned off)\b|\benable javascript\b", _I), NOTICE),
    (
        re.compile(
            r"\b(?:your browser does not support|media playback is unsupported|video is unavailable)\b", _I
        ),
        NOTICE,
    ),
    (
        re.compile(
            r"\binteractive transcript could not be loaded\b|\brating is available when the video\b", _I
        ),
        NOTICE,
    ),
    (re.compile(r"\bthis feature is not available right now\b|\bplease try again later\.?$", _I), NOTICE),
    (re.compile(r"^tweet with a location\b|\byou can add location information to your tweets\b", _I), NOTICE),
    # Web-archive placeholders (the Wayback Machine's crawl descriptions).
    (re.compile(r"\balexa internet has been donating\b|\badded to the wayback machine\b", _I), ARCHIVE),
    (
        re.compile(
            r"\bthese crawls are part of an effort to archive\b|\bfocused crawls are collections\b", _I
        ),
        ARCHIVE,
    ),
    (
        re.compile(
            r"\bthe seed for (?:(?:this|the) )?(?:wide|crawl)\w*\b|\bthe warc files associated with\b|\barchive-it service\b|\bweb collections curated by\b|\bthey include web captures of\b",
            _I,
        ),
        ARCHIVE,
    ),
    (
        re.compile(r"\binternet archive (?:hopes|crawls|wayback)\b|\bwayback machine\b.*\bembargo\b", _I),
        ARCHIVE,
    ),
    # Error pages.
    (
        re.compile(
            r"^(?:error )?404\b|\bpage not found\b|\b(?:the|this) page you (?:are|were) looking for\b|"
            r"\bthe page you requested\b|\bthis page (?:is no longer available|does not exist|could not be found)\b|"
            r"\bsorry, (?:we|the page)\b.*\b(?:find|found|exist)\b",
            _I,
        ),
        ERROR_PAGE,
    ),
    (re.compile(r"\bdefault index\.html page\b|\btest page for the (?:nginx|apache)\b", _I), ERROR_PAGE),
    (
        re.compile(r"\bcrawl of outlinks from\b|\bthese files are currently not publicly accessible\b", _I),
        ARCHIVE,
    ),
    (re.compile(r"\boutsider-uploaded warcs\b|\bingested into the wayback machine\b", _I), ARCHIVE),
    (re.compile(r"\badd this (?:tweet|video) to your website by copying the code below\b", _I), NOTICE),
    # Reporting credits, contacts and embedded posts.
    (re.compile(r"^\((?:writing|reporting|editing|additional reporting) by\b", _I), CREDIT),
    (re.compile(r"^[A-Z][\w.,' -]{2,120} contributed to this report\.?$|\bcan be reached at\b", _I), CREDIT),
    (re.compile(r"^write to [^.]{3,60} at \S+@\S+$|^\S+@\S+\.\w+$|^twitter: @\w+$|^follow @\w+", _I), CREDIT),
    (re.compile(r"^for (?:the latest|outside|more) [\w\s]+, follow @\w+$|^topics: ", _I), CREDIT),
    (re.compile(r"^(?:for further information:|safe harbor statement$)", _I), CREDIT),
    (re.compile(r"^SOURCE [A-Z]"), CREDIT),
    # A wire's syndication notice: "(Distributed by New York Times Special Features) To purchase
    # this material contact…", "(To publish this article, …)".
    (
        re.compile(
            r"\bto (?:purchase|publish|buy|license) this (?:material|article|story|column)\b|"
            r"^\(?distributed by [^)]{3,80}\)|\bsyndicate sales\b",
            _I,
        ),
        CREDIT,
    ),
    # Paywall and newsletter prompts, "Follow … on Twitter", "© AFP / …" (issue 16).
    (
        re.compile(
            r"\bnever miss (?:the latest|a story|our)\b|\bto view the full (?:story|article)\b|"
            r"\bplease subscribe\b|\bget the .{0,40}\b(?:edition|newsletter) by e-?mail\b|"
            r"\bsign up (?:here|now|today)\b|\bdo you want to (?:be|stay) informed\b",
            _I,
        ),
        SIGNUP,
    ),
    (re.compile(r"^follow\s(?:\S+\s){0,4}on (?:twitter|facebook|instagram|linkedin|tiktok)\b", _I), SIGNUP),
    (re.compile(r"©\s*(?:AFP|Reuters|AP|Getty(?: Images)?|dpa|EFE|EPA|ANSA|PAP)\b[^.!?]{0,60}$"), CAPTION),
    *(
        (pattern, _EUROPEAN_REASONS[kind])
        for kind, patterns in european.PATTERNS.items()
        for pattern in patterns
    ),
)


# An embedded post's attribution ("— Donald J. Trump (@realDonaldTrump) August 14, 2016") and
# its links; the post's words stay (they are often the story), the rest goes.
_SOCIAL_TAIL = re.compile(
    r"\s*(?:(?:https?://t\.co/\S+|pic\.twitter\.com/\S+)\s*)*—[^—]{2,60}\(@\w+\) \w+ \d{1,2}, \d{4}$"
)
_LINKS = re.compile(r"\s*(?:https?://t\.co/\S+|pic\.twitter\.com/\S+)")
# Labels glued to the front of real text: "Story highlights Trump's comments on Saturday ...".
_LABEL = re.compile(r"^(?:Story highlights|Story Highlights|Article Excerpt|Key points:)\s+(?=\S)")
SOCIAL_WORDS = 6


# "VALDEMORA, 14 de marzo de 2026.", "WASHINGTON, March 3, 2026 —", "PARIS, 3 mars 2026 (AFP) -":
# a place in capitals, a comma and a date with a day and a year, in any language. The place and
# date belong to the report's metadata; as a sentence they would be summary material.
_DATELINE = re.compile(
    r"^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+(?:[ /-][A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]*){0,3}"
    r"(?:\s*\([^()]{1,30}\))?,\s+"
    r"(?=[^.!?]{0,40}\b\d{1,2}\b)(?:[^\W_]|[ ,/º]|(?<=\d)\.){0,30}?\b(?:1[89]|20)\d{2}\b"
    r"(?:\s*\([^()]{1,30}\))?\s*(?:[.—–-]+\s*|$)"
)


def split_dateline(line: str) -> tuple[str, str | None]:
    """(line without a leading dateline, the dateline or None)."""
    match = _DATELINE.match(line)
    if not match:
        return line, None
    return line[match.end() :], match.group(0).strip()


def split_label(line: str) -> tuple[str, str | None, str | None]:
    """(line without a page label or post attribution, what was cut, why) for one line.

    A post whose own words are too few to say anything (a shared link) goes whole.
    """
    label = _LABEL.match(line)
    if label:
        return line[label.end() :], label.group(0).strip(), "page label"
    tail = _SOCIAL_TAIL.search(line)
    if tail:
        body = _LINKS.sub("", line[: tail.start()]).strip()
        if len(body.split()) < SOCIAL_WORDS:
            return "", line.strip(), SOCIAL
        return body, line[tail.start() :].strip(), SOCIAL
    return line, None, None


# A link to a gallery, video or related story set inside a paragraph, in parentheses: "Many
# federal workers were sent home. (PHOTOS: 17 times the government has shut down) The…",
# "(WATCH: Obamacare timeline)". Printed in a summary sentence it is page residue. A photo
# credit ("(Photo: Chris Pizzello/Invision/AP)") is left to the caption rules.
_INLINE_LINK = re.compile(
    r"\s*\(\s*(?:photos|watch|video|videos|related|read more|see also|slideshow|gallery|also on)\s*:"
    r"[^()]{1,120}\)",
    re.IGNORECASE,
)


def split_links(line: str) -> tuple[str, list[str]]:
    """(line without its in-paragraph gallery, video and related-story links, the links cut).

    A line that is nothing but such a link stays whole, for ``LINE_RULES`` to name."""
    links = [m.group(0).strip() for m in _INLINE_LINK.finditer(line)]
    rest = _INLINE_LINK.sub("", line).strip()
    if not links or not rest:
        return line, []
    return rest, links


def line_reason(line: str) -> str | None:
    """Why ``line`` is page furniture, or None when it may be news text."""
    text = line.strip()
    if not text:
        return None
    for pattern, reason in LINE_RULES:
        if pattern.search(text):
            return reason
    return None


# Sentences of a long line (Multi-News lines hold whole documents): split where a sentence
# ends and a capital or quote starts, the only break these texts reliably carry; in Chinese and
# Japanese after every "。", "！", "？" with or without a space, but not inside a quotation
# ("「…。」他说。" is one sentence).
_SENTENCE_END = re.compile(
    rf"(?<=[.!?])\s+(?=[\"“A-Z])"
    rf"|(?<=[{SENTENCE_END_MARKS}])(?![」』）”’])\s*(?=\S)"
)
LONG_LINE_WORDS = 40


# A piece ending like this did not end a sentence: "Sen.", "Mr.", "John F.", "U.S.", "H.W.".
_ABBREVIATION = re.compile(
    r"(?:^|\s)(?:[A-Z][a-z]{0,3}|(?:[A-Z]\.)+[A-Z]?|No|Nos|St|Mt|Ft|Jr|Sr|Inc|Corp|Co|Ltd)\.$"
)


def split_long_line(line: str) -> list[str]:
    """The sentences of a long line, or the line itself when it is short."""
    if count_words(line) <= LONG_LINE_WORDS:
        return [line]
    pieces: list[str] = []
    for part in _SENTENCE_END.split(line):
        if not part.strip():
            continue
        if pieces and _ABBREVIATION.search(pieces[-1]):
            pieces[-1] = f"{pieces[-1]} {part}"
        else:
            pieces.append(part)
    return pieces


# A sentence end: its mark, closing quotes or brackets, then a space or the end of the text.
_SENTENCE_ENDS = re.compile(rf"[.!?…{SENTENCE_END_MARKS}]+[\"”’')\]」』）]*(?=\s|$)")
#: Words per sentence above which a line is not sentences at all: a news sentence rarely runs
#: past 60 words, and a line this long with no sentence end (keyword dumps, captions without
#: punctuation) cannot be cut into sentences to quote (issue 15, item 14).
RUN_ON_WORDS = 150


def is_run_on(line: str) -> bool:
    """More than ``RUN_ON_WORDS`` words for each sentence end of the line."""
    words = count_words(line)
    return words > RUN_ON_WORDS * max(1, len(_SENTENCE_ENDS.findall(line)))


_TERMINAL = re.compile(rf"[.!?:;…{SENTENCE_END_MARKS}][\"”’')\]」』）]*$")


def is_fragment(line: str, max_words: int = 20) -> bool:
    """A short line without sentence punctuation at its end: a heading, label or link text."""
    text = line.strip()
    return bool(text) and count_words(text) <= max_words and not _TERMINAL.search(text)


# A line that opens a list of links: "RELATED:", "ALSO:", "More from ...", "Read more:".
_LIST_HEADER = re.compile(
    r"^(?:related(?: stories| articles| video)?|also|read more|more|see also|more from .*)\s*:?$", _I
)
HEADLINE_RUN = 3
SUBHEADING_WORDS = 6


def _title_case_runs(texts: Sequence[str], indices: Sequence[int]) -> list[int]:
    """Indices in runs of HEADLINE_RUN or more consecutive title-case lines."""
    out: list[int] = []
    current: list[int] = []
    for text, index in zip([*texts, ""], [*indices, -1], strict=True):
        if text and is_title_case(text):
            current.append(index)
            continue
        if len(current) >= HEADLINE_RUN:
            out += current
        current = []
    return out


def mark_lines(lines: Sequence[str], *, shape: bool = True) -> list[str | None]:
    """A reason per line (None = keep), from the pattern rules and then the shape of the page.

    ``shape=False`` applies the pattern rules only (text that an extractor already reduced to
    paragraphs: ``clean.RULES``). Shape rules, each tuned so article text survives:
    * three or more consecutive headline-like lines (title-case fragments, or any fragments
      after a "Related:" header) are a list of related stories;
    * a lone fragment of at most six words is a subheading or page scrap (sentences, even
      short ones, end with punctuation);
    * scraps above the first paragraph that are not the headline are page header.
    """
    reasons: list[str | None] = [line_reason(line) for line in lines]
    if not shape:
        return reasons
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    fragments = {i for i in nonblank if reasons[i] is None and is_fragment(lines[i])}
    # Runs of fragment lines among the non-blank lines.
    run: list[int] = []
    after_header = False
    for i in [*nonblank, -1]:
        line = lines[i] if i >= 0 else ""
        if i in fragments:
            run.append(i)
            continue
        if len(run) >= HEADLINE_RUN:
            for j in run if after_header else _title_case_runs([lines[j] for j in run], run):
                reasons[j] = HEADLINE_LIST
        run = []
        after_header = i >= 0 and bool(_LIST_HEADER.match(line.strip()))
    for i in nonblank:
        line = lines[i].strip()
        if reasons[i] is None and i in fragments and count_words(line) <= SUBHEADING_WORDS:
            reasons[i] = SCRAP
    return reasons
