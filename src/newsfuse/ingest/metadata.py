"""Title, date and outlet/byline found in the first lines of a plain-text report."""

from __future__ import annotations

import re
from datetime import datetime

__all__ = ["extract_metadata", "parse_date"]

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE_PATTERNS = (
    (re.compile(rf"\b(?:{MONTHS})\.? \d{{1,2}}, \d{{4}}\b"), ("%B %d, %Y",)),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}\b"), ("%Y-%m-%d",)),
    (re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"), ("%m/%d/%y", "%m/%d/%Y")),
)
BYLINE = re.compile(r"^\s*By\s?([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4})\s*$", re.MULTILINE)
HEAD_LINES = 8


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO ``YYYY-MM-DD``, or None."""
    for pattern, formats in DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        for fmt in formats:
            try:
                return datetime.strptime(match.group(0).replace(".", ""), fmt).date().isoformat()
            except ValueError:
                continue
    return None


def extract_metadata(text: str) -> dict[str, str | None]:
    """Title (a short first line without a final period), date and byline/outlet of a report."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    head = lines[:HEAD_LINES]
    title = None
    if head and len(head[0].split()) <= 20 and not head[0].endswith((".", "”", '"')):
        title = head[0]
    byline = BYLINE.search("\n".join(head))
    return {
        "title": title,
        "date": parse_date("\n".join(head)),
        "outlet": byline.group(1).strip() if byline else None,
    }
