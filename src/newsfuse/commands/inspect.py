"""``newsfuse inspect PATH...``: every cleaning decision, line by line, for each input document.

Shows what a briefing would be built from: each document's kind, status (kept, junk,
off-topic) with its reason, the metadata found, every removed line with why, and the kept text.
"""

from __future__ import annotations

import argparse
import json
import textwrap
from collections.abc import Sequence
from typing import Any

from newsfuse.model import Document

__all__ = ["inspect_cluster", "register", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "inspect",
        help="show the kept and removed lines of each input, and why documents are set aside",
        description=(
            "Clean the inputs as summarize would and show every decision: removed lines with their "
            "reason (navigation, captions, donation pleas, transcript headers...), the kept text, "
            "each document's kind, metadata and status (kept, junk or off-topic). PATH takes the "
            "same inputs as summarize."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, JSONL, or -")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )
    parser.add_argument(
        "--removed-only", action="store_true", help="list removed lines and statuses, not the kept text"
    )
    parser.add_argument(
        "--no-off-topic",
        action="store_true",
        help="skip the off-topic check (it loads the sentence encoder, a few seconds)",
    )
    parser.set_defaults(handler=run)


def inspect_cluster(documents: Sequence[Document], *, off_topic: bool = True) -> tuple[Document, ...]:
    """The cluster's documents as a briefing sees them: cleaned, and with ``off_topic`` judged on
    the same encoded pool as ``summarize`` (``pipeline.prepare``)."""
    if not off_topic or not documents:
        from newsfuse.ingest.clean import clean_cluster

        return clean_cluster(documents)
    from newsfuse.pipeline import prepare

    return prepare(documents).documents


def _document_json(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "source": doc.source,
        "kind": doc.kind,
        "status": doc.status,
        "reason": doc.reason,
        "title": doc.title,
        "date": doc.date,
        "outlet": doc.outlet,
        "removed": [{"text": r.text, "reason": r.reason} for r in doc.removed],
        "text": doc.text,
    }


def _document_text(doc: Document, removed_only: bool) -> list[str]:
    status = doc.status if doc.status == "kept" else f"{doc.status.upper()}: {doc.reason}"
    out = [f"== {doc.source}  [{doc.kind}]  {status}"]
    for name in ("title", "date", "outlet"):
        value = getattr(doc, name)
        if value:
            out.append(f"   {name}: {value}")
    out.append(f"   removed ({len(doc.removed)} lines):")
    out += [f"     - [{r.reason}] {textwrap.shorten(r.text, 150)}" for r in doc.removed]
    if not removed_only:
        out.append(f"   kept ({len(doc.text.split())} words):")
        out += [f"     + {paragraph}" for paragraph in doc.text.split("\n\n") if paragraph.strip()]
    return out


def run(args: argparse.Namespace) -> int:
    """Like summarize: every readable cluster is shown, each failure is one line on stderr, and
    the exit code is 1 when anything failed."""
    from newsfuse.commands.inputs import Failures, each_cluster

    failures = Failures()
    for cluster, docs in failures.each(
        each_cluster(args.paths),
        lambda cluster: inspect_cluster(cluster.documents, off_topic=not args.no_off_topic),
    ):
        if args.format == "json":
            print(
                json.dumps(
                    {"id": cluster.id, "documents": [_document_json(d) for d in docs]}, ensure_ascii=False
                )
            )
            continue
        print(f"# cluster {cluster.id}: {len(docs)} documents, {sum(d.status == 'kept' for d in docs)} kept")
        for doc in docs:
            print("\n".join(_document_text(doc, args.removed_only)))
        print()
    return 1 if failures.count else 0
