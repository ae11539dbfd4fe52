"""Markdown rendering: summary with [n] markers, numbered sources, documents set aside."""

from __future__ import annotations

from newsfuse.model import Briefing
from newsfuse.render.common import citation_numbers, describe_source, markers

__all__ = ["render_markdown"]


def _escape(text: str) -> str:
    return text.replace("*", r"\*").replace("_", r"\_").replace("[", r"\[")


def render_markdown(briefing: Briefing) -> str:
    numbers = citation_numbers(briefing)
    out = [f"# Briefing: {briefing.id}", ""]
    if briefing.summary:
        out.append(" ".join(f"{_escape(s.text)} {markers(s.sources, numbers)}" for s in briefing.summary))
    else:
        out.append("_No summary: no usable text in the inputs._")
    out += ["", "## Sources", ""]
    out += [f"{numbers[d.id]}. {_escape(describe_source(d))}" for d in briefing.documents]
    aside = [d for d in briefing.documents if d.status != "kept"]
    if aside:
        out += ["", "## Set aside", ""]
        out += [f"- [{numbers[d.id]}] **{d.status}**: {_escape(d.reason or '')}" for d in aside]
    return "\n".join(out) + "\n"
