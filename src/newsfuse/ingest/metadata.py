"""Title, date and outlet/byline found in the first lines of a plain-text report.

``metadata_line`` says whether one line is a byline or a date line (both are taken out of the
text by the cleaner and kept as metadata); ``extract_metadata`` reads a report's head.
"""

from __future__ import annotations

import re
from datetime import datetime

__all__ = ["extract_metadata", "metadata_line", "parse_date"]

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
SHORT_MONTHS = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
DATE_PATTERNS = (
    (re.compile(rf"\b(?:{MONTHS})\.? \d{{1,2}}, \d{{4}}\b"), ("%B %d, %Y",)),
    (re.compile(rf"\b(?:{SHORT_MONTHS})\.? \d{{1,2}}, \d{{4}}\b"), ("%b %d, %Y",)),
    (re.compile(rf"\b\d{{1,2}} (?:{MONTHS}) \d{{4}}\b"), ("%d %B %Y",)),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}\b"), ("%Y-%m-%d",)),
    (re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"), ("%m/%d/%y", "%m/%d/%Y")),
)
BYLINE = re.compile(r"^\s*By\s?([A-Z][\w.'-]*(?:\s+(?:and\s+)?[A-Z][\w.'-]*){0,5})\s*$", re.MULTILINE)
# What may surround a date on a date line: weekday, time, zone, "Updated", "Published".
_DATE_LINE_WORDS = re.compile(
    r"\b(?:updated|published|posted|last|modified|on|at|am|pm|a\.m\.|p\.m\.|et|est|edt|pt|pst|pdt|gmt|utc|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b\.?|"
    r"\d{1,2}:\d{2}(?::\d{2})?|[|,•·:–—-]",
    re.IGNORECASE,
)
HEAD_LINES = 8


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO ``YYYY-MM-DD``, or None."""
    for pattern, formats in DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        for fmt in formats:
            try:
                value = match.group(0).replace(".", "").replace("Sept ", "Sep ")
                return datetime.strptime(value, fmt).date().isoformat()
            except ValueError:
                continue
    return None


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
    date = parse_date(text)
    if date:
        rest = text
        for pattern, _ in DATE_PATTERNS:
            rest = pattern.sub(" ", rest)
        if not _DATE_LINE_WORDS.sub(" ", rest).split():
            return ("date", date)
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
