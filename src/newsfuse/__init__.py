"""newsfuse: several news reports about one story in, one faithful, cited briefing out.

>>> from newsfuse import summarize, read_clusters, render
>>> cluster = next(read_clusters(["reports/"]))
>>> print(render(summarize(cluster.documents), "markdown"))
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from newsfuse.config import Options
from newsfuse.errors import ConfigError, InputError, ModelError, NewsfuseError, StoreError
from newsfuse.model import Briefing, Document

if TYPE_CHECKING:
    from newsfuse.ingest.readers import read_clusters
    from newsfuse.pipeline import summarize
    from newsfuse.render import render

__version__ = "0.1.0"
__all__ = [
    "Briefing",
    "ConfigError",
    "Document",
    "InputError",
    "ModelError",
    "NewsfuseError",
    "Options",
    "StoreError",
    "read_clusters",
    "render",
    "summarize",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())

_LAZY = {
    "summarize": "newsfuse.pipeline",
    "read_clusters": "newsfuse.ingest.readers",
    "render": "newsfuse.render",
}


def __getattr__(name: str) -> Any:
    # Keep `import newsfuse` cheap: the pipeline (numpy, pysbd) loads on first use.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'newsfuse' has no attribute {name!r}")
