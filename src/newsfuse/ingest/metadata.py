"""Title, date and outlet/byline found in the first lines of a plain-text report.

``metadata_line`` says whether one line is a byline or a date line (both are taken out of the
text by the cleaner and kept as metadata); ``extract_metadata`` reads a report's head;
``document_date`` finds the date a report gives for itself even where a scraped page runs it into
the story.
"""

from __future__ import annotations

import re
from datetime import date

from newsfuse.dates import MONTHS, find_dates, parse_date

__all__ = ["document_date", "extract_metadata", "metadata_line"]

BYLINE = re.compile(r"^\s*By\s?([A-Z][\w.'-]*(?:\s+(?:and\s+)?[A-Z][\w.'-]*){0,5})\s*$", re.MULTILINE)
# What may surround a date on a date line: weekday, time, zone, "Updated", "Published".
_DATE_LINE_WORDS = re.compile(
    r"\b(?:updated|published|posted|last|modified|on|at|am|pm|a\.m\.|p\.m\.|et|est|edt|pt|pst|pdt|gmt|utc|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b\.?|"
    r"\d{1,2}:\d{2}(?::\d{2})?|[|,•·:–—-]",
    re.IGNORECASE,
)
HEAD_LINES = 8


def metadata_line(line: str) -> tuple[str, str] | None:
    """("outlet", name) for a byline, ("date", iso) for a line that is only a date, else None.

    "ByABC News" (scraped pages lose the space) gives outlet "ABC News"; "December 17, 2014,
    8:28 PM" gives date "2014-12-17". A sentence that merely mentions a date is not a date line.
    """
    text = line.strip()
    if not text or len(text.split()) > 10:
        return None
    byline = BYLINE.match(text)
    if byline:
        return ("outlet", byline.group(1).strip())
    found = [m for m in find_dates(text, None, numeric=True) if m.precision == "day"]
    if found:
        rest = text
        for mention in reversed(found):
            rest = rest[: mention.start] + " " + rest[mention.end :]
        if not _DATE_LINE_WORDS.sub(" ", rest).split():
            return ("date", found[0].iso)
    return None


def extract_metadata(text: str) -> dict[str, str | None]:
    """Title (a short first line without a final period), date and byline/outlet of a report."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    head = lines[:HEAD_LINES]
    title = None
    if len(lines) > 1 and len(head[0].split()) <= 20 and not head[0].endswith((".", "”", '"')):
        title = head[0]
    found: dict[str, str | None] = {"title": title, "date": None, "outlet": None}
    for line in head:
        hit = metadata_line(line)
        if hit and not found[hit[0]]:
            found[hit[0]] = hit[1]
    if not found["date"]:
        found["date"] = parse_date("\n".join(head))
    return found


# --- a report's own date, read from its text ---------------------------------------------------
# Scraped reports carry their date in furniture the cleaner may keep on one line with the story:
# "Posted: Monday, June 23, 2014", "( published friday, july 17, 2015 )", "By Jane Doe - July 10,
# 2012", "CHICAGO, Nov. 30, 2018 /PRNewswire/ --", "MONDAY, Jan. 25, 2016 (HealthDay News) --",
# "July 15, 2014 at 2:54 PM". Multi-News' preprocessed form lowercases them, so case is ignored.

_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY_DATE = re.compile(
    rf"\b{_WEEKDAY}(?:(?P<m>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<y>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MON}),?\s+(?P<y2>(?:19|20)\d\d)"
    rf"|(?P<n1>\d{{1,2}})/(?P<n2>\d{{1,2}})/(?P<ny>(?:19|20)?\d\d)"
    rf"|(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d))\b",
    re.IGNORECASE,
)
#: Words just before a date that make it the report's own: its publication or update.
_STAMP_WORD = r"\b(?:posted|published|updated?|originally published|first published|last modified|modified)\b\s*(?:on|at|:)?\s*(?:[\d: ]+\s*(?:[ap]\.?m\.?)?\s*(?:on\s+)?)?"
_STAMP_BEFORE = re.compile(
    rf"(?:{_STAMP_WORD}"
    # a byline of up to four words: "By Jane Doe - ", "by leila macor ( afp ) – ", "By X • "
    r"|\bby\s+(?:by\s+)?(?:(?!(?:in|at|on|of|the|a|an|and|for|to|from)\b)[\w.'’-]+\s+){0,3}"
    r"(?!(?:in|at|on|of|the|a|an|and|for|to|from)\b)[\w.'’-]+"
    r"(?:\s*[-–—•|,]\s*|\s*\(\s*\w+\s*\)\s*[-–—]?\s*|\s+)"
    r"|[|•]\s*)$",
    re.IGNORECASE,
)
_STAMPED_ANYWHERE = re.compile(rf"{_STAMP_WORD}$", re.IGNORECASE)
#: A line that starts with its date, or with a dateline place ("CHICAGO, ", "indianapolis, ind. ( ").
_LINE_LEAD = re.compile(r"^\s*(?:[a-z][\w.' ]{0,30},\s*(?:[a-z][\w.]{0,8},?\s*)?)?\(?\s*$", re.IGNORECASE)
#: What may follow a report's own date: a clock time or zone, a wire tag, a dateline dash.
_STAMP_AFTER = re.compile(
    r"^\s*(?:,?\s*(?:at\s+)?\d{1,2}\s*:\s*\d\d|\)?\s*/?\s*(?:prnewswire|\(?\s*healthday news)|\s*\)?\s*(?:--|—))",
    re.IGNORECASE,
)
#: Dates that belong to something else: a photo, an embedded post or tweet, an event reported.
_NOT_STAMP = re.compile(
    r"(?:\bphoto\b|\bpicture\b|\bimage\b|\bfile\b|\bvideo\b|\btaken\b|\bshared by\b|\bposted by\b|"
    r"\bprovided by\b|\bhandout\b|\bcourtesy\b|"
    r"\(@\w+\)|\bin this\b|\bon the internet\b)[^.]{0,80}$",
    re.IGNORECASE,
)
#: Phrases in a report's last lines that date it ("This story was updated on March 21, 2018").
_TAIL_STAMP = re.compile(
    r"\b(?:updated on|appeared|first posted|published on|posted on|last updated)\b[^.\n]{0,30}$",
    re.IGNORECASE,
)
HEAD_CHARS = 500
TAIL_CHARS = 400


def _iso(match: re.Match[str]) -> str | None:
    g = match.groupdict()
    try:
        if g["m"] or g["m2"]:
            month = MONTHS[(g["m"] or g["m2"]).lower().rstrip(".")]
            return date(int(g["y"] or g["y2"]), month, int(g["d"] or g["d2"])).isoformat()
        if g["iy"]:
            return date(int(g["iy"]), int(g["im"]), int(g["id"])).isoformat()
        first, second, year = int(g["n1"]), int(g["n2"]), int(g["ny"])
        year += 0 if year >= 100 else (1900 if year >= 69 else 2000)
        # US pages write month first; a first number above 12 can only be a day ("22/6/2015").
        month, day = (second, first) if first > 12 else (first, second)
        return date(year, month, day).isoformat()
    except (KeyError, ValueError):
        return None


def document_date(text: str) -> str | None:
    """The date a report gives for itself (publication, else update) as ISO ``YYYY-MM-DD``, or None.

    Only a date in a report's head written as a stamp counts: after "Posted", "Published",
    "Updated", a byline or at a line's start, or followed by a clock time, a wire tag or a
    dateline dash. A date in a photo caption, an embedded post or the story itself is the date of
    something else; the tail's "updated on …" / "appeared …" is used when the head has none.
    """
    head = text[:HEAD_CHARS]
    for match in _DAY_DATE.finditer(head):
        line_start = head.rfind("\n", 0, match.start()) + 1
        before = head[max(line_start, match.start() - 90) : match.start()]
        if _NOT_STAMP.search(before[-70:]):
            continue
        stamped = (
            _STAMP_BEFORE.search(before)
            or _STAMP_AFTER.match(head[match.end() : match.end() + 30])
            or (match.start() - line_start <= 45 and _LINE_LEAD.match(head[line_start : match.start()]))
        )
        if stamped and (iso := _iso(match)):
            return iso
    tail_start = max(HEAD_CHARS, len(text) - TAIL_CHARS)
    tail = text[tail_start:]
    for match in _DAY_DATE.finditer(tail):
        if _TAIL_STAMP.search(tail[max(0, match.start() - 60) : match.start()]) and (iso := _iso(match)):
            return iso
    # An update note in the body: "[UPDATE August 23, 2016]", "Updated: 10/1/2013".
    for match in _DAY_DATE.finditer(text, HEAD_CHARS):
        if _STAMPED_ANYWHERE.search(text[max(0, match.start() - 40) : match.start()]) and (
            iso := _iso(match)
        ):
            return iso
    return None
