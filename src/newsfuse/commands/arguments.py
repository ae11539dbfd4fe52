"""Arguments several commands share, defined once so their names, defaults and help agree."""

from __future__ import annotations

import argparse

from newsfuse.config import SECTIONS

__all__ = ["add_db", "add_encoder", "add_sections", "add_words"]

DEFAULT_DB = "newsfuse-stories.db"


def add_words(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--words", type=int, default=250, help="word budget of each summary (default 250)")


def add_encoder(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--encoder", choices=("onnx", "lexical"), default="onnx", help="sentence encoder (default onnx)"
    )


def add_sections(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sections", default="", help=f"comma-separated extra sections: {','.join(SECTIONS)}, or 'all'"
    )


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        default=DEFAULT_DB,
        help=f"story store: an SQLite file path or postgresql://user@host/db (default {DEFAULT_DB})",
    )
