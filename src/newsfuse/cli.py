"""The ``newsfuse`` command: parse arguments, call the library, turn its errors into one line.

Subcommands live in ``newsfuse.commands`` (one module each, listed in ``COMMANDS``). Exit codes:
0 done, 1 the input or options could not be used (or some inputs failed; the good ones are still
written), 2 usage error (argparse), 70 internal error (a bug: one line naming the command and its
input, the traceback with ``-v``), 130 interrupted.
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
    except Exception as exc:  # the last resort: a bug is one line naming the input, not a traceback
        from newsfuse.commands.inputs import internal_error

        print(f"newsfuse: error: {internal_error(_invocation(args), exc)}", file=sys.stderr)
        return INTERNAL_ERROR


#: Exit code of an unexpected exception (sysexits' EX_SOFTWARE), apart from bad input (1).
INTERNAL_ERROR = 70


def _invocation(args: argparse.Namespace) -> str:
    """The command and what it was given ("summarize a.txt b.txt", "stories list --db x.db")."""
    parts = [args.command, getattr(args, "action", None) or ""]
    for name in ("paths", "inputs", "data", "input", "story_id"):
        value = getattr(args, name, None)
        if value:
            parts += [str(v) for v in value] if isinstance(value, list) else [str(value)]
    db = getattr(args, "db", None)
    if db:
        from newsfuse.stream.store import redact_url  # only on an error: keep start-up light

        parts += ["--db", redact_url(str(db))]  # a PostgreSQL URL may carry a password
    return " ".join(p for p in parts if p)


if __name__ == "__main__":
    sys.exit(main())
