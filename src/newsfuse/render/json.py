"""JSON rendering: the versioned schema of ``model.briefing_to_dict`` (docs/schema.md)."""

from __future__ import annotations

import json

from newsfuse.model import Briefing, briefing_to_dict

__all__ = ["render_json"]


def render_json(briefing: Briefing) -> str:
    return json.dumps(briefing_to_dict(briefing), ensure_ascii=False, indent=2)
