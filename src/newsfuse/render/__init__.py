"""Renderers: a Briefing as text, markdown or JSON. ``RENDERERS`` is complete at import."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from newsfuse.errors import ConfigError
from newsfuse.model import Briefing
from newsfuse.render.json import render_json
from newsfuse.render.markdown import render_markdown
from newsfuse.render.text import render_text

__all__ = ["RENDERERS", "render"]

RENDERERS: Mapping[str, Callable[[Briefing], str]] = MappingProxyType(
    {"text": render_text, "markdown": render_markdown, "json": render_json}
)


def render(briefing: Briefing, fmt: str) -> str:
    """``briefing`` in format ``fmt`` (one of ``RENDERERS``)."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ConfigError(f"format: unknown format {fmt!r}; available: {', '.join(RENDERERS)}") from None
    return renderer(briefing)
