"""``newsfuse batch IN.jsonl -o OUT.jsonl``: one JSON line per cluster, resumable, on a pool or Ray."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from newsfuse.commands.arguments import add_encoder, add_sections, add_words

if TYPE_CHECKING:
    from newsfuse.batch import Progress as BatchProgress

__all__ = ["register", "run"]

#: Seconds between progress lines when stderr is not a terminal (logs stay quiet).
LOG_EVERY = 30.0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "batch",
        help="summarize every cluster of a JSONL file into a JSONL file (resumable)",
        description=(
            "Write one line per input cluster id to OUT: {'id', 'briefing'} or {'id', 'error'}. "
            "Re-running with the same OUT skips ids already written; a killed run loses nothing "
            "already written. Output is in input order, so it does not depend on --workers."
        ),
    )
    parser.add_argument("inputs", nargs="+", metavar="IN.jsonl", help="clusters ({'id', 'documents'}), or -")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.jsonl", help="output (appended to)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes or Ray actors (default 1)")
    parser.add_argument(
        "--engine", choices=("local", "ray"), default="local", help="local process pool or Ray Data"
    )
    parser.add_argument("--address", default=None, help="Ray cluster address (default: start a local Ray)")
    add_words(parser)
    add_sections(parser)
    add_encoder(parser)
    parser.set_defaults(handler=run)


def _log_progress() -> Callable[[BatchProgress], None]:
    last = [0.0]

    def show(progress: BatchProgress) -> None:
        now = time.monotonic()
        if now - last[0] < LOG_EVERY and progress.done != progress.total:
            return
        last[0] = now
        total = "?" if progress.total is None else progress.total
        eta = "" if progress.eta is None else f", ETA {progress.eta:.0f}s"
        print(
            f"newsfuse batch: {progress.done}/{total} clusters, {progress.errors} errors, "
            f"{progress.rate:.2f}/s{eta}",
            file=sys.stderr,
            flush=True,
        )

    return show


def run(args: argparse.Namespace) -> int:
    from newsfuse.batch import run_batch
    from newsfuse.config import options_from

    options = options_from(words=args.words, encoder=args.encoder, sections=args.sections)
    kwargs = {"options": options, "workers": args.workers, "engine": args.engine, "address": args.address}
    if sys.stderr.isatty():
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        columns = (
            TextColumn("batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.2f} clusters/s, {task.fields[errors]} errors"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
        )
        with Progress(*columns, transient=False) as bar:
            task = bar.add_task("batch", total=None, rate=0.0, errors=0)

            def show(progress: BatchProgress) -> None:
                bar.update(
                    task,
                    completed=progress.done,
                    total=progress.total,
                    rate=progress.rate,
                    errors=progress.errors,
                )

            report = run_batch(args.inputs, args.output, progress=show, **kwargs)
    else:
        report = run_batch(args.inputs, args.output, progress=_log_progress(), **kwargs)
    print(
        f"newsfuse batch: wrote {report.written} ({report.errors} errors), skipped {report.skipped} "
        f"already done, {report.duplicates} repeated ids, {report.rate:.2f} clusters/s -> {args.output}",
        file=sys.stderr,
    )
    for problem in report.input_errors:
        print(f"newsfuse: error: {problem}", file=sys.stderr)
    # Like trafilatura's exit codes: failure only when nothing at all could be summarized, or
    # when an input could not be read to its end (the clusters before the problem are written).
    return 1 if report.input_errors or (report.written and report.errors == report.written) else 0
