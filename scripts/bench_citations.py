"""Citation precision and recall against hand labels (issue 13): does each cited report state the
summary sentence, and is every report that states it cited?

    .venv/bin/python scripts/bench_citations.py [--split tuning|held-out|dev|all] [--verbose]

Labels (``tests/data/citations/labels.json``): for each summary sentence, keyed by the SHA-1 of
its first 40 characters as printed when it was labelled, the kept reports that state it ("yes")
or state its main claim without every detail ("partial"); every other kept report is "no". The
texts are read from ../shared/data: 16 DUC topic clusters (the first 10 reports of a topic, in
stream order; 8 for tuning, 8 held out) and 8 raw Multi-News dev clusters. A sentence the code
under test no longer chooses is left out and counted as unmatched.

Precision = cited reports judged yes or partial / cited reports; recall = reports judged yes that
are cited / reports judged yes. A sentence's own report counts on both sides. Prints figures,
asserts nothing; exits quietly when ../shared is absent.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
LABELS = ROOT / "tests" / "data" / "citations" / "labels.json"
SPLITS = ("tuning", "held-out", "dev")


def key(text: str) -> str:
    return hashlib.sha1(text[:40].encode()).hexdigest()[:16]


def cluster_documents(cluster: dict) -> list:
    from newsfuse.ingest.readers import read_clusters
    from newsfuse.model import Document

    if cluster["source"] == "duc":
        wanted = set(cluster["docs"])
        with gzip.open(DATA / "duc-news-stream.jsonl.gz", "rt", encoding="utf-8") as lines:
            rows = {r["docno"]: r for r in map(json.loads, lines) if r["docno"] in wanted}
        return [
            Document(id=d, source=d, text=rows[d]["text"], raw=rows[d]["text"], date=rows[d]["date"])
            for d in cluster["docs"]
        ]
    for found in read_clusters([DATA / "multinews-raw-dev.jsonl"]):
        if found.id == cluster["id"]:
            return list(found.documents)
    raise SystemExit(f"{cluster['id']}: not in {DATA / 'multinews-raw-dev.jsonl'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--verbose", action="store_true", help="every wrong or missed citation")
    args = parser.parse_args(argv)
    if not (DATA / "duc-news-stream.jsonl.gz").exists():
        print(f"{DATA} is absent: nothing to measure", file=sys.stderr)
        return 0
    from newsfuse.pipeline import summarize

    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    for split in SPLITS if args.split == "all" else (args.split,):
        cited = right = stated = found = sentences = unmatched = 0
        for cluster in (c for c in labels["clusters"] if c["split"] == split):
            by_key = {s["key"]: s for s in cluster["sentences"]}
            briefing = summarize(cluster_documents(cluster), cluster_id=cluster["id"])
            for n, sentence in enumerate(briefing.summary, 1):
                label = by_key.get(key(sentence.text))
                if label is None:
                    unmatched += 1
                    continue
                sentences += 1
                yes, partial, sources = set(label["yes"]), set(label["partial"]), set(sentence.sources)
                cited += len(sources)
                right += len(sources & (yes | partial))
                stated += len(yes)
                found += len(sources & yes)
                if args.verbose and (sources - yes - partial or yes - sources):
                    print(
                        f"  {cluster['id']} S{n}: wrong {sorted(sources - yes - partial)} "
                        f"missed {sorted(yes - sources)}: {sentence.text[:80]}"
                    )
        print(
            f"{split}: {sentences} sentences ({unmatched} not labelled), {cited} citations: "
            f"precision {right / max(cited, 1):.3f} ({right}/{cited}), "
            f"recall {found / max(stated, 1):.3f} ({found}/{stated})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
