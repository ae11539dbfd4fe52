"""Reader checks of newsfuse briefings: what an editor would strike, per 100 summary sentences.

    python scripts/reader_check.py ../shared/data/multinews-raw-dev.jsonl
    python scripts/reader_check.py ../shared/data/multinews-validation-truncated.jsonl.gz --skip 3000 --limit 500
    python scripts/reader_check.py DATA --briefings OUT.jsonl       # briefings made already
    python scripts/reader_check.py DATA --limit 10 --show            # every flagged sentence
    python scripts/reader_check.py DATA --limit 10 --show all        # every sentence, flags beside

DATA is JSONL (optionally gzipped) of clusters ``{"id", "documents": [...], "summary": ...}``: the
sources give full names and the place of each summary sentence, the reference the opening score.
Without ``--briefings`` newsfuse summarizes each cluster here (``summary_sentences`` is the only
call into the pipeline); with it, briefings are read from ``newsfuse summarize DATA --format json``
(JSON Lines, or one JSON object) or ``newsfuse batch`` output (``{"id", "briefing"}`` lines), matched
to DATA by id. Every check and category is defined in ``newsfuse.evaluate_reading``.

Prints one table row (``--json``: the figures and every flag as JSON). Deterministic: same input,
same output.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from newsfuse.errors import NewsfuseError
from newsfuse.evaluate_reading import CATEGORIES, ClusterReading, Sources, aggregate, check_cluster
from newsfuse.ingest.readers import open_jsonl_lines, split_multinews
from newsfuse.represent import get_encoder

COLUMNS = (
    ("clusters", "clusters", "{}"),
    ("sentences", "sentences", "{}"),
    ("budget_use", "words/budget %", "{:.1f}"),
    ("under_90", "<90% budget %", "{:.1f}"),
    ("redundant", "redundant", "{:.1f}"),
    ("residue", "residue", "{:.1f}"),
    ("fragment", "fragment", "{:.1f}"),
    ("residue_or_fragment", "resid+frag", "{:.1f}"),
    ("dangling", "dangling", "{:.1f}"),
    ("name", "name early", "{:.1f}"),
    ("opening_rouge1", "opening R-1", "{:.1f}"),
)


def summary_sentences(cluster_id: str, texts: list[str], words: int) -> list[str]:
    """The summary sentences newsfuse prints for one cluster: the only call into the pipeline."""
    from newsfuse.config import Options
    from newsfuse.ingest.readers import documents_from_texts
    from newsfuse.pipeline import summarize

    documents = documents_from_texts(texts, prefix=f"{cluster_id}/d", source=cluster_id)
    briefing = summarize(documents, options=Options(words=words), cluster_id=cluster_id)
    return [s.text for s in briefing.summary]


def clusters(path: Path, skip: int, limit: int | None) -> Iterator[tuple[str, list[str], str | None]]:
    """(id, source texts, first reference) of the clusters of ``path`` after ``skip``, at most ``limit``."""
    seen = 0
    for number, line in enumerate(open_jsonl_lines(path), start=1):
        if not line.strip():
            continue
        seen += 1
        if seen <= skip:
            continue
        if limit is not None and seen > skip + limit:
            return
        try:
            record = json.loads(line)
            texts = record["documents"]
            texts = split_multinews(texts) if isinstance(texts, str) else list(texts)
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            print(f"{path}:{number}: skipped, not a cluster ({exc})", file=sys.stderr)
            continue
        reference = record.get("summary")
        if isinstance(reference, list):
            reference = reference[0] if reference else None
        yield str(record.get("id", number)), texts, reference


def read_briefings(path: Path) -> dict[str, tuple[list[str], int | None] | str]:
    """id -> (summary sentences, budget) or an error message, from summarize or batch output."""
    text = "".join(open_jsonl_lines(path))
    try:
        records = [json.loads(text)]
    except json.JSONDecodeError:
        records = [json.loads(line) for line in text.splitlines() if line.strip()]
    out: dict[str, tuple[list[str], int | None] | str] = {}
    for record in records:
        briefing = record.get("briefing", record)
        if "error" in record and "briefing" not in record:
            out[str(record["id"])] = str(record["error"])
            continue
        out[str(briefing["id"] if "id" in briefing else record["id"])] = (
            [s["text"] for s in briefing["summary"]],
            briefing.get("words"),
        )
    return out


def run(args: argparse.Namespace) -> tuple[list[ClusterReading], list[str]]:
    briefings = read_briefings(Path(args.briefings)) if args.briefings else None
    encoder = get_encoder("onnx")
    readings: list[ClusterReading] = []
    problems: list[str] = []
    for cluster_id, texts, reference in clusters(Path(args.data), args.skip, args.limit):
        budget = args.words
        if briefings is None:
            try:
                sentences = summary_sentences(cluster_id, texts, args.words)
            except NewsfuseError as exc:
                problems.append(f"{cluster_id}: {exc}")
                continue
        else:
            found = briefings.get(cluster_id)
            if found is None or isinstance(found, str):
                problems.append(f"{cluster_id}: {found or 'no briefing in ' + args.briefings}")
                continue
            sentences, budget = found[0], found[1] or args.words
        vectors = encoder.encode(sentences)
        readings.append(
            check_cluster(cluster_id, sentences, Sources(texts), vectors, budget=budget, reference=reference)
        )
    return readings, problems


def show(readings: list[ClusterReading], what: list[str]) -> None:
    """Print flagged sentences (``what``: categories, empty for all) or, with "all", every sentence."""
    every = "all" in what
    wanted = [c for c in what if c in CATEGORIES] or list(CATEGORIES)
    for reading in readings:
        for index, text in enumerate(reading.texts):
            flags = [f for f in reading.flags if f.index == index and f.category in wanted]
            if not flags and not every:
                continue
            marks = "; ".join(f"{f.category.upper()}: {f.reason}" for f in flags) or "-"
            print(f"{reading.id} [{index}] {marks}\n    {text}")


def table(figures: dict, seconds: float) -> str:
    head = " | ".join(label for _, label, _ in COLUMNS)
    cells = " | ".join("n/a" if figures[key] is None else fmt.format(figures[key]) for key, _, fmt in COLUMNS)
    note = ""
    if figures["names_measured_on"] < figures["clusters"]:
        note = (
            f"\nname early: measured on {figures['names_measured_on']} clusters (the others are lowercased)"
        )
    return f"| {head} |\n|{'---|' * len(COLUMNS)}\n| {cells} |{note}\n({seconds:.0f} s)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", help="clusters with sources and reference summaries (JSONL, .gz allowed)")
    parser.add_argument("--briefings", help="read briefings from this file instead of running newsfuse")
    parser.add_argument("--words", type=int, default=250, help="word budget (default 250)")
    parser.add_argument("--skip", type=int, default=0, help="pass over the first N clusters")
    parser.add_argument("--limit", type=int, default=None, help="check at most N clusters")
    parser.add_argument(
        "--show",
        nargs="*",
        metavar="WHAT",
        help="print flagged sentences (optionally only these categories: "
        + ", ".join(CATEGORIES)
        + "); 'all' prints every sentence",
    )
    parser.add_argument("--json", action="store_true", help="print figures and flags as JSON")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    readings, problems = run(args)
    seconds = time.perf_counter() - started
    for problem in problems:
        print(f"reader_check: {problem}", file=sys.stderr)
    if not readings:
        print("reader_check: no cluster could be checked", file=sys.stderr)
        return 1
    figures = aggregate(readings)
    if args.show is not None:
        show(readings, args.show)
    if args.json:
        out = {
            "figures": figures,
            "problems": problems,
            "clusters": [
                {
                    "id": r.id,
                    "sentences": r.sentences,
                    "words": r.words,
                    "opening_rouge1": r.opening_rouge1,
                    "flags": [
                        {"index": f.index, "category": f.category, "reason": f.reason} for f in r.flags
                    ],
                }
                for r in readings
            ],
        }
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        print(table(figures, seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
