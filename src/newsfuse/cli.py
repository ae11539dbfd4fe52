"""The ``newsfuse`` command: parse arguments, call the library, turn its errors into one line.

Subcommands live in ``newsfuse.commands`` (one module each, listed in ``COMMANDS``). Exit codes:
0 done, 1 the input or options could not be used, 2 usage error (argparse), 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from newsfuse import __version__
from newsfuse.commands import COMMANDS
from newsfuse.errors import NewsfuseError

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsfuse",
        description="Turn several news reports about one story into one faithful, cited briefing.",
    )
    parser.add_argument("--version", action="version", version=f"newsfuse {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"newsfuse.commands.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="newsfuse: %(message)s",
        stream=sys.stderr,
    )
    try:
        return int(args.handler(args) or 0)
    except NewsfuseError as exc:
        print(f"newsfuse: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsfuse: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
