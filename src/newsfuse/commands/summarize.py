"""``newsfuse summarize PATH...``: one briefing per cluster of inputs."""

from __future__ import annotations

import argparse
import json
import sys

from newsfuse.commands.arguments import add_encoder, add_sections, add_words

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "summarize",
        help="write a cited briefing of news reports about one story",
        description=(
            "Summarize reports about one story. PATH may be text/HTML files (together one cluster), "
            "a directory (one cluster), a JSONL file of clusters ({'id', 'documents': [...]}) or - "
            "for stdin."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, JSONL, or -")
    add_words(parser)
    parser.add_argument(
        "--format", choices=("text", "markdown", "json"), default="text", help="output format (default text)"
    )
    add_sections(parser)
    add_encoder(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from newsfuse.config import options_from
    from newsfuse.ingest.readers import read_clusters
    from newsfuse.model import briefing_to_dict
    from newsfuse.pipeline import summarize
    from newsfuse.render import render

    options = options_from(words=args.words, encoder=args.encoder, sections=args.sections)
    clusters = list(read_clusters(args.paths))
    # Several clusters in JSON come out as JSON Lines (one compact object per line).
    as_lines = args.format == "json" and len(clusters) > 1
    failures = outputs = 0
    for cluster in clusters:
        if cluster.error:
            print(f"newsfuse: error: {cluster.error}", file=sys.stderr)
            failures += 1
            continue
        briefing = summarize(cluster.documents, options=options, cluster_id=cluster.id)
        if as_lines:
            text = json.dumps(briefing_to_dict(briefing), ensure_ascii=False)
        else:
            if outputs:
                sys.stdout.write("\n" + "=" * 60 + "\n\n")
            text = render(briefing, args.format)
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        outputs += 1
    return 1 if failures and not outputs else 0
