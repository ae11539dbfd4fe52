"""``newsfuse summarize PATH...``: one briefing per cluster of inputs."""

from __future__ import annotations

import argparse
import itertools
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
    """Every cluster that can be summarized is written; each one that cannot is one line on
    stderr; exit 1 when any failed (``commands/inputs.py``)."""
    from newsfuse.commands.inputs import Failures, each_cluster
    from newsfuse.config import options_from
    from newsfuse.model import Briefing, briefing_to_dict
    from newsfuse.pipeline import summarize
    from newsfuse.render import render

    options = options_from(words=args.words, encoder=args.encoder, sections=args.sections)
    clusters = each_cluster(args.paths)
    ahead = list(itertools.islice(clusters, 2))  # enough to know whether there is more than one
    # Several clusters in JSON come out as JSON Lines (one compact object per line).
    as_lines = args.format == "json" and len(ahead) > 1

    def written(briefing: Briefing) -> str:
        return (
            json.dumps(briefing_to_dict(briefing), ensure_ascii=False)
            if as_lines
            else render(briefing, args.format)
        )

    failures = Failures()
    results = failures.each(
        itertools.chain(ahead, clusters),
        lambda cluster: written(summarize(cluster.documents, options=options, cluster_id=cluster.id)),
    )
    for outputs, (_, text) in enumerate(results):
        if outputs and not as_lines:
            sys.stdout.write("\n" + "=" * 60 + "\n\n")
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
    return 1 if failures.count else 0
