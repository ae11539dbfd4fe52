"""Story clustering: B-cubed P/R/F1 and articles/s on event-level and DUC streams.

    .venv/bin/python scripts/bench_stream.py                 # report (held-out event stream + DUC)
    .venv/bin/python scripts/bench_stream.py --tune          # threshold sweep on the tuning stream
    .venv/bin/python scripts/bench_stream.py --ceiling       # what hindsight could reach (needs scipy)

The event-level stream is built from Multi-News validation clusters (``event_stream``): clusters
0-999 tune, clusters 1000-1999 are held out for the reported figure. Each run ingests through a
real SQLite store in a temporary directory (WAL, synchronous=FULL, one transaction per batch), with
briefings off: the rate is the clustering + storage rate; briefing upkeep is measured apart.
Baseline in the same run: every article its own story (what B-cubed gives for "no clustering").

``--ceiling`` bounds what word-based clustering can reach on the held-out event stream: (1) junk
apart and every other article in its gold story (the best any clusterer that sets junk apart can
do), and (2) offline average-link clustering of the same word profiles with the whole stream
known at once (same window and day penalty), at the threshold that is best on that very stream.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
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


def time_briefings(limit: int, batch: int) -> int:
    """Briefing upkeep on the first K DUC articles: clustering only (the baseline), then briefings
    kept current by the background refresher. Ingest rate is the articles over the time to the
    last acknowledgement; "all current" adds the drain after the last article."""
    articles = [a for a, _ in duc_stream(DATA / "duc-news-stream.jsonl.gz", limit=limit)]
    for briefings in (False, True):
        with tempfile.TemporaryDirectory() as tmp:
            store = SqliteStore(Path(tmp) / "stories.db")
            start = time.perf_counter()
            report = run_stream(articles, store, batch_size=batch, briefings=briefings)
            seconds = time.perf_counter() - start
            stale = len(store.stale_stories())
            store.close()
        ingest = seconds - report.drain_seconds
        print(
            f"DUC first {limit}, batch {batch}, briefings {'on ' if briefings else 'off'}: "
            f"ingest {len(articles) / ingest:.1f} articles/s, all current after {seconds:.1f} s "
            f"({len(articles) / seconds:.1f} articles/s), {report.new_stories} stories, "
            f"{report.briefings} briefings ({report.briefing_seconds:.1f} s summarizing), {stale} stale",
            flush=True,
        )
    return 0


def ceiling(articles: list[Article], gold: dict[str, str], options: ClusterOptions) -> int:
    """Print the two bounds described in the module docstring."""
    import math
    from collections import Counter

    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.sparse import csr_matrix
    from scipy.spatial.distance import squareform

    from newsfuse.stream.cluster import article_junk, article_terms

    junk = {a.id for a in articles if article_junk(a)}
    perfect = bcubed({i: f"junk-{i}" if i in junk else g for i, g in gold.items()}, gold)
    print(
        f"junk apart, the rest perfect: P={perfect.precision:.3f} R={perfect.recall:.3f} F1={perfect.f1:.3f}"
    )
    kept = [a for a in articles if a.id not in junk]
    bags = [article_terms(a, options.lead_words) for a in kept]
    df = Counter(t for bag in bags for t in bag)
    column = {t: k for k, t in enumerate(df)}
    rows, cols, values = [], [], []
    for row, bag in enumerate(bags):
        for term, weight in bag.items():
            rows.append(row)
            cols.append(column[term])
            values.append(weight * (math.log((1 + len(bags)) / (1 + df[term])) + 1.0))
    matrix = csr_matrix((values, (rows, cols)), shape=(len(bags), len(column)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
    unit = csr_matrix(matrix.multiply(1.0 / norms[:, None]))
    similarity = (unit @ unit.T).toarray()
    days = np.asarray([date.fromisoformat(a.date).toordinal() for a in kept])
    gap = np.abs(days[:, None] - days[None, :])
    similarity -= options.day_penalty * gap
    similarity[gap > options.window_days] = -1.0
    distance = np.clip(1.0 - similarity, 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    best = None
    for threshold in (0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.1, 0.12):
        labels = fcluster(tree, 1.0 - threshold, criterion="distance")
        predicted = {a.id: f"c{label}" for a, label in zip(kept, labels, strict=True)}
        predicted.update({i: f"junk-{i}" for i in junk})
        score = bcubed(predicted, gold)
        print(
            f"hindsight average-link, threshold {threshold}: P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f}"
        )
        best = max(best or score, score, key=lambda s: s.f1)
    print(f"best hindsight F1: {best.f1:.3f}" if best else "no articles")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tune", action="store_true", help="sweep the threshold on the tuning stream")
    parser.add_argument(
        "--ceiling", action="store_true", help="bounds for word-based clustering on the held-out stream"
    )
    parser.add_argument("--clusters", type=int, default=1000, help="Multi-News clusters per stream")
    parser.add_argument("--days", type=int, default=180, help="days the stream's events spread over")
    parser.add_argument("--batch", type=int, default=64, help="articles per store transaction")
    parser.add_argument("--duc-limit", type=int, default=None, help="only the first K DUC articles")
    parser.add_argument(
        "--briefings", type=int, default=0, help="also time briefing upkeep on the first K DUC articles"
    )
    args = parser.parse_args()
    validation = DATA / "multinews-validation-truncated.jsonl.gz"
    base = ClusterOptions()
    if args.briefings:
        return time_briefings(args.briefings, args.batch)
    if args.ceiling:
        articles, gold = event_stream(validation, clusters=args.clusters, skip=args.clusters, days=args.days)
        return ceiling(articles, gold, base)
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
