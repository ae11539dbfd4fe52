"""Markdown rendering: summary with [n] markers, the sections asked for, numbered sources,
documents set aside."""

from __future__ import annotations

from newsfuse.model import Briefing
from newsfuse.render.common import citation_numbers, describe_source, markers
from newsfuse.render.sections import Item, sections

__all__ = ["render_markdown"]


#: Characters that would start Markdown emphasis, links or code spans, backslash-escaped.
_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_[]"})
#: Characters that would let a renderer allowing raw HTML see a tag or an entity, as entities.
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def _escape(text: str) -> str:
    """Report text as Markdown that reads as the same text and never as markup.

    Reports come from anywhere: ``<img onerror=…>`` or ``<script>`` in a title must stay text
    in any Markdown renderer, including those that pass raw HTML through (CommonMark does). Runs
    of whitespace become one space, so a newline in a title cannot start a heading or a block.
    """
    return " ".join(text.split()).translate(_MARKDOWN).translate(_HTML)


def render_markdown(briefing: Briefing) -> str:
    numbers = citation_numbers(briefing)
    out = [f"# Briefing: {_escape(briefing.id)}", ""]
    if briefing.summary:
        out.append(" ".join(f"{_escape(s.text)} {markers(s.sources, numbers)}" for s in briefing.summary))
    else:
        out.append("_No summary: no usable text in the inputs._")
    out += _sections(briefing, numbers)
    out += ["", "## Sources", ""]
    out += [f"{numbers[d.id]}. {_escape(describe_source(d))}" for d in briefing.documents]
    aside = [d for d in briefing.documents if d.status != "kept"]
    if aside:
        out += ["", "## Set aside", ""]
        out += [f"- [{numbers[d.id]}] **{d.status}**: {_escape(d.reason or '')}" for d in aside]
    return "\n".join(out) + "\n"


def _item(item: Item, numbers: dict[str, int], indent: str) -> list[str]:
    lead = f"**{_escape(item.lead)}**: " if item.lead else ""
    out = [f"{indent}- {lead}{_escape(item.text)} {markers(item.sources, numbers)}".rstrip()]
    for child in item.children:
        out += _item(child, numbers, indent + "  ")
    return out


def _sections(briefing: Briefing, numbers: dict[str, int]) -> list[str]:
    """The optional sections asked for (quotes, facts, disagreements, timeline), after the summary."""
    out: list[str] = []
    for section in sections(briefing):
        out += ["", f"## {section.title}", ""]
        if not section.items:
            out.append(f"_{section.empty}_")
        for item in section.items:
            out += _item(item, numbers, "")
    return out
