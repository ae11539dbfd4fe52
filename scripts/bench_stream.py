"""Story clustering: B-cubed P/R/F1 and articles/s on event-level and DUC streams.

    .venv/bin/python scripts/bench_stream.py                 # report (held-out event stream + DUC)
    .venv/bin/python scripts/bench_stream.py --tune          # threshold sweep on the tuning stream

The event-level stream is built from Multi-News validation clusters (``event_stream``): clusters
0-999 tune, clusters 1000-1999 are held out for the reported figure. Each run ingests through a
real SQLite store in a temporary directory (WAL, synchronous=FULL, one transaction per batch), with
briefings off: the rate is the clustering + storage rate; briefing upkeep is measured apart.
Baseline in the same run: every article its own story (what B-cubed gives for "no clustering").
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))

from newsfuse.stream.cluster import Article, ClusterOptions  # noqa: E402
from newsfuse.stream.evaluate import bcubed, duc_stream, event_stream  # noqa: E402
from newsfuse.stream.runner import run_stream  # noqa: E402
from newsfuse.stream.store import SqliteStore  # noqa: E402


def measure(articles: list[Article], gold: dict[str, str], options: ClusterOptions, batch: int) -> dict:
    predicted: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteStore(Path(tmp) / "stories.db")
        start = time.perf_counter()
        report = run_stream(
            articles,
            store,
            options=options,
            batch_size=batch,
            briefings=False,
            on_ack=lambda a: predicted.__setitem__(a.article_id, a.story_id),
        )
        seconds = time.perf_counter() - start
        problems = store.check()
        store.close()
    score = bcubed(predicted, gold)
    singletons = bcubed({k: k for k in gold}, gold)
    return {
        "articles": len(articles),
        "gold_stories": len(set(gold.values())),
        "stories": report.new_stories,
        "P": score.precision,
        "R": score.recall,
        "F1": score.f1,
        "singleton_F1": singletons.f1,
        "per_s": len(articles) / seconds,
        "problems": len(problems),
    }


def show(name: str, row: dict) -> None:
    print(
        f"{name:<42} articles={row['articles']:<5} gold={row['gold_stories']:<5} found={row['stories']:<5} "
        f"P={row['P']:.3f} R={row['R']:.3f} F1={row['F1']:.3f} (singletons F1={row['singleton_F1']:.3f}) "
        f"{row['per_s']:.0f} articles/s store_problems={row['problems']}",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tune", action="store_true", help="sweep the threshold on the tuning stream")
    parser.add_argument("--clusters", type=int, default=1000, help="Multi-News clusters per stream")
    parser.add_argument("--days", type=int, default=180, help="days the stream's events spread over")
    parser.add_argument("--batch", type=int, default=64, help="articles per store transaction")
    parser.add_argument("--duc-limit", type=int, default=None, help="only the first K DUC articles")
    args = parser.parse_args()
    validation = DATA / "multinews-validation-truncated.jsonl.gz"
    base = ClusterOptions()
    if args.tune:
        for clean in (False, True):
            articles, gold = event_stream(
                validation, clusters=args.clusters, days=args.days, drop_irrelevant=clean
            )
            for threshold in (0.08, 0.1, 0.12, 0.14, 0.16, 0.2):
                for penalty in (0.0, 0.01, 0.03):
                    options = replace(base, threshold=threshold, day_penalty=penalty)
                    label = f"tune {'clean' if clean else 'full '} th={threshold} pen={penalty}"
                    show(label, measure(articles, gold, options, args.batch))
        return 0
    print(f"defaults: {base}")
    for clean in (False, True):
        for days in (args.days, 30):
            articles, gold = event_stream(
                validation, clusters=args.clusters, skip=args.clusters, days=days, drop_irrelevant=clean
            )
            label = f"held-out {'clean' if clean else 'full'} events over {days} days"
            show(label, measure(articles, gold, base, args.batch))
    duc = list(duc_stream(DATA / "duc-news-stream.jsonl.gz", limit=args.duc_limit))
    show("DUC topics", measure([a for a, _ in duc], {a.id: g for a, g in duc}, base, args.batch))
    wide = replace(base, window_days=60)
    show(
        "DUC topics, window 60 days",
        measure([a for a, _ in duc], {a.id: g for a, g in duc}, wide, args.batch),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
