"""Plain-text rendering: summary with [n] markers, the sections asked for, numbered sources,
documents set aside."""

from __future__ import annotations

import textwrap

from newsfuse.model import Briefing
from newsfuse.render.common import citation_numbers, describe_source, markers
from newsfuse.render.sections import Item, sections

__all__ = ["render_text"]


def render_text(briefing: Briefing) -> str:
    numbers = citation_numbers(briefing)
    body = " ".join(f"{s.text} {markers(s.sources, numbers)}" for s in briefing.summary)
    lines = textwrap.wrap(body, width=100) or ["(no summary: no usable text in the inputs)"]
    lines += _sections(briefing, numbers)
    lines += ["", "Sources:"]
    lines += [f"  [{numbers[d.id]}] {describe_source(d)}" for d in briefing.documents]
    aside = [d for d in briefing.documents if d.status != "kept"]
    if aside:
        lines += ["", "Set aside:"]
        lines += [f"  [{numbers[d.id]}] {d.status}: {d.reason}" for d in aside]
    return "\n".join(lines) + "\n"


def _item(item: Item, numbers: dict[str, int], indent: str) -> list[str]:
    lead = f"{item.lead}: " if item.lead else ""
    text = f"{lead}{item.text} {markers(item.sources, numbers)}".rstrip()
    out = textwrap.wrap(text, width=100, initial_indent=f"{indent}- ", subsequent_indent=f"{indent}  ")
    for child in item.children:
        out += _item(child, numbers, indent + "    ")
    return out


def _sections(briefing: Briefing, numbers: dict[str, int]) -> list[str]:
    """The optional sections asked for (quotes, facts, disagreements, timeline), after the summary."""
    lines: list[str] = []
    for section in sections(briefing):
        lines += ["", f"{section.title}:"]
        if not section.items:
            lines.append(f"  ({section.empty})")
        for item in section.items:
            lines += _item(item, numbers, "  ")
    return lines
