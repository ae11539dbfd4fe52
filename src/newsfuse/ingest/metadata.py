"""Title, date and outlet/byline found in the first lines of a plain-text report.

``metadata_line`` says whether one line is a byline or a date line (both are taken out of the
text by the cleaner and kept as metadata); ``extract_metadata`` reads a report's head.
"""

from __future__ import annotations

import re

from newsfuse.dates import find_dates, parse_date

__all__ = ["extract_metadata", "metadata_line"]

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
