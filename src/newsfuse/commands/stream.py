"""``newsfuse stream [FILE|-]``: group incoming articles into stories and keep their briefings current."""

from __future__ import annotations

import argparse
import json
import sys

from newsfuse.commands.arguments import add_db, add_words

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "stream",
        help="group a stream of articles into stories and keep each story's briefing current",
        description=(
            "Read articles as JSON lines {'id', 'date', 'title', 'text'} from FILE or stdin, put "
            "each into the best recent story (or a new one), store articles, stories and briefings, "
            "and print one acknowledgement line per article once it is committed: "
            "{'id', 'story', 'new', 'similarity'}, plus 'junk' (the reason) for an article set aside "
            "as junk. Read stories with `newsfuse stories`."
        ),
    )
    parser.add_argument(
        "input", nargs="?", default="-", metavar="FILE", help="JSONL articles (default -: stdin)"
    )
    add_db(parser)
    parser.add_argument("--batch", type=int, default=64, help="articles per store transaction (default 64)")
    parser.add_argument("--threshold", type=float, default=None, help="similarity needed to join a story")
    parser.add_argument(
        "--window-days", type=int, default=None, help="days a story stays open to new articles"
    )
    parser.add_argument(
        "--no-briefings",
        action="store_true",
        help="only cluster; `newsfuse stories refresh` brings briefings up to date later",
    )
    add_words(parser)
    parser.add_argument("--quiet", action="store_true", help="do not print acknowledgement lines")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from newsfuse.config import options_from
    from newsfuse.errors import ConfigError, InputError
    from newsfuse.stream.cluster import Assignment, ClusterOptions
    from newsfuse.stream.runner import StreamReport, read_articles, run_stream
    from newsfuse.stream.store import open_store

    if args.batch < 1:
        raise ConfigError(f"--batch: {args.batch} must be at least 1")
    options = ClusterOptions()
    if args.threshold is not None:
        options = replace(options, threshold=args.threshold)
    if args.window_days is not None:
        options = replace(options, window_days=args.window_days)

    def acknowledge(assignment: Assignment) -> None:
        if not args.quiet:
            record = {
                "id": assignment.article_id,
                "story": assignment.story_id,
                "new": assignment.new_story,
                "similarity": assignment.similarity,
            }
            if assignment.junk:
                record["junk"] = assignment.junk
            sys.stdout.write(json.dumps(record) + "\n")
            sys.stdout.flush()

    report = StreamReport()
    store = open_store(args.db)
    try:
        if args.input == "-":
            articles = read_articles(sys.stdin, "<stdin>", report)
            report = run_stream(
                articles, store, options=options, summary_options=options_from(words=args.words),
                batch_size=args.batch, briefings=not args.no_briefings, on_ack=acknowledge, report=report,
            )  # fmt: skip
        else:
            try:
                handle = open(args.input, encoding="utf-8")  # noqa: SIM115 - closed below
            except OSError as exc:
                raise InputError(f"{args.input}: cannot read ({exc.strerror})") from exc
            with handle:
                report = run_stream(
                    read_articles(handle, args.input, report), store, options=options,
                    summary_options=options_from(words=args.words), batch_size=args.batch,
                    briefings=not args.no_briefings, on_ack=acknowledge, report=report,
                )  # fmt: skip
    finally:
        store.close()
    print(
        f"newsfuse stream: {report.articles} new articles ({report.articles_per_second:.1f}/s), "
        f"{report.repeated} already stored, {report.rejected} rejected, {report.new_stories} new stories, "
        f"{report.briefings} briefings refreshed",
        file=sys.stderr,
    )
    return 1 if report.rejected and not (report.articles or report.repeated) else 0
