"""``newsfuse eval DATA.jsonl``: ROUGE of a system (and its baselines) on clusters with summaries."""

from __future__ import annotations

import argparse
import json

from newsfuse.commands.arguments import add_encoder, add_words

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="ROUGE-1/2/Lsum F1 of a system on clusters with reference summaries",
        description=(
            "Evaluate on a JSONL file of clusters {'id', 'documents': [...], 'summary': str}. "
            "ROUGE via rouge-score, F1, stemmed, rougeLsum on sentence-split text."
        ),
    )
    parser.add_argument(
        "data", metavar="DATA.jsonl", help="clusters with reference summaries (.jsonl or .jsonl.gz)"
    )
    add_words(parser)
    parser.add_argument(
        "--system",
        action="append",
        help="system to score: newsfuse, lead, lexrank, textrank (repeat to compare; default newsfuse)",
    )
    parser.add_argument("--limit", type=int, default=None, help="score only the first K clusters")
    parser.add_argument(
        "--skip",
        type=int,
        default=0,
        help="pass over the first K clusters (e.g. validation clusters the scorer was trained on)",
    )
    add_encoder(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON object per system")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from newsfuse.config import options_from
    from newsfuse.errors import ConfigError
    from newsfuse.evaluate import evaluate

    if args.limit is not None and args.limit < 1:
        raise ConfigError(f"--limit {args.limit}: must be at least 1 (leave it out to score every cluster)")
    if args.skip < 0:
        raise ConfigError(f"--skip {args.skip}: must be 0 or more")
    options = options_from(words=args.words, encoder=args.encoder)
    systems = args.system or ["newsfuse"]
    for system in systems:
        result = evaluate(
            args.data, system=system, words=args.words, limit=args.limit, skip=args.skip, options=options
        )
        row = result.as_dict()
        if args.json:
            print(json.dumps(row))
        else:
            print(
                f"{row['system']:<10} words={row['words']:<4} R-1 {row['rouge1']:6.2f}  R-2 {row['rouge2']:6.2f}  "
                f"R-Lsum {row['rougeLsum']:6.2f}  clusters={row['clusters']}  "
                f"{row['clusters_per_second']} clusters/s"
            )
    return 0
