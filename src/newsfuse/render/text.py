"""Plain-text rendering: summary with [n] markers, numbered sources, documents set aside."""

from __future__ import annotations

import textwrap

from newsfuse.model import Briefing
from newsfuse.render.common import citation_numbers, describe_source, markers

__all__ = ["render_text"]


def render_text(briefing: Briefing) -> str:
    numbers = citation_numbers(briefing)
    body = " ".join(f"{s.text} {markers(s.sources, numbers)}" for s in briefing.summary)
    lines = textwrap.wrap(body, width=100) or ["(no summary: no usable text in the inputs)"]
    lines += ["", "Sources:"]
    lines += [f"  [{numbers[d.id]}] {describe_source(d)}" for d in briefing.documents]
    aside = [d for d in briefing.documents if d.status != "kept"]
    if aside:
        lines += ["", "Set aside:"]
        lines += [f"  [{numbers[d.id]}] {d.status}: {d.reason}" for d in aside]
    return "\n".join(lines) + "\n"
