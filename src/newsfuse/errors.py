"""The exceptions newsfuse raises.

    NewsfuseError            base: catch this one to catch everything newsfuse raises on purpose
    ├── InputError           an input file, line or document cannot be read or used
    ├── ConfigError          an option has a value newsfuse cannot work with
    ├── ModelError           a bundled model is missing or fails to load
    └── StoreError           the story store (stream mode) failed

Messages name the input and say what is wrong, so a front-end can show them as they are:
``InputError("reports/02.html: not UTF-8 and no charset declared")``.
"""

from __future__ import annotations

__all__ = ["ConfigError", "InputError", "ModelError", "NewsfuseError", "StoreError"]


class NewsfuseError(Exception):
    """Base class of every error newsfuse raises on purpose."""


class InputError(NewsfuseError):
    """An input cannot be read or used; the message names it."""


class ConfigError(NewsfuseError):
    """An option has a value that cannot be used."""


class ModelError(NewsfuseError):
    """A bundled model is missing or cannot be loaded."""


class StoreError(NewsfuseError):
    """The story store failed."""
