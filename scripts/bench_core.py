"""Core speed and memory figures for BENCHMARKS.md, each beside a baseline measured in the same run.

    python scripts/bench_core.py [--data ../shared/data/multinews-raw-dev.jsonl] [--documents 500]

1. Cold wall time of `newsfuse summarize examples/cyclone-landfall` (a new process each time,
   median of 3), beside `newsfuse --version` (interpreter and CLI start-up alone).
2. A 500-document story (dev documents, cycled; ~250k+ words): wall time and peak memory of
   summarize() in a fresh process, beside reading + sentence splitting alone.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

STORY = """
import json, resource, sys, time
from newsfuse.ingest.readers import documents_from_texts
texts = json.load(open(sys.argv[1]))
docs = documents_from_texts(texts, prefix="d", source="big")
mode = sys.argv[2]
started = time.perf_counter()
if mode == "segment":
    from newsfuse.ingest.clean import clean_cluster
    from newsfuse.segment import segment
    n = len(segment(clean_cluster(docs)))
else:
    from newsfuse.pipeline import summarize
    n = len(summarize(docs).summary)
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "n": n}))
"""


def wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(ROOT.parent / "shared/data/multinews-raw-dev.jsonl"))
    parser.add_argument("--documents", type=int, default=500)
    args = parser.parse_args()
    cli = [sys.executable, "-m", "newsfuse.cli"]
    example = str(ROOT / "examples" / "cyclone-landfall")
    wall([*cli, "summarize", example])  # warm the disk cache and the re-quantized model once
    summarize_times = [wall([*cli, "summarize", example]) for _ in range(3)]
    start_times = [wall([*cli, "--version"]) for _ in range(3)]
    print(
        f"cold summarize of the bundled example: {statistics.median(summarize_times):.2f} s "
        f"(baseline `newsfuse --version`: {statistics.median(start_times):.2f} s)"
    )

    with open(args.data, encoding="utf-8") as handle:
        pool = [d for line in handle for d in json.loads(line)["documents"]]
    texts = [pool[i % len(pool)] for i in range(args.documents)]
    story = Path("/tmp/newsfuse-bench-story.json")
    story.write_text(json.dumps(texts), encoding="utf-8")
    words = sum(len(t.split()) for t in texts)
    results = {}
    for mode in ("segment", "summarize"):
        out = subprocess.run(
            [sys.executable, "-c", STORY, str(story), mode], check=True, capture_output=True, text=True
        ).stdout
        results[mode] = json.loads(out.strip().splitlines()[-1])
    s, b = results["summarize"], results["segment"]
    print(
        f"{args.documents}-document story ({words} words): summarize {s['seconds']:.1f} s, "
        f"peak {s['peak_mb']:.0f} MB; baseline read+clean+split only {b['seconds']:.1f} s, "
        f"peak {b['peak_mb']:.0f} MB (ratio {s['seconds'] / b['seconds']:.2f}x)"
    )


if __name__ == "__main__":
    main()
