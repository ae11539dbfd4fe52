"""Batch throughput in clusters/s on the raw Multi-News dev set: 1 and 2 local workers, Ray local.

    .venv/bin/python scripts/bench_batch.py                  # all 60 dev clusters, every engine
    .venv/bin/python scripts/bench_batch.py --limit 20 --skip-ray

Each configuration writes a fresh output file in a temporary directory, so none resumes from
another. The baseline in the same run is the plain loop the batch replaces: ``summarize`` on each
cluster in this process, with no output writing and the encoder already loaded. Wall time
includes worker start-up (spawned processes load the encoder; Ray starts a local cluster), which
is what a user waits for.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "multinews-raw-dev.jsonl"
sys.path.insert(0, str(ROOT / "src"))

from newsfuse.batch import run_batch  # noqa: E402
from newsfuse.config import Options  # noqa: E402
from newsfuse.ingest.readers import read_clusters  # noqa: E402


def baseline(path: Path, options: Options) -> float:
    from newsfuse.pipeline import summarize
    from newsfuse.represent import get_encoder

    clusters = list(read_clusters([path]))
    get_encoder(options.encoder)
    start = time.perf_counter()
    for cluster in clusters:
        summarize(cluster.documents, options=options, cluster_id=cluster.id)
    return len(clusters) / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first K dev clusters")
    parser.add_argument("--skip-ray", action="store_true", help="leave out the Ray run")
    args = parser.parse_args()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    options = Options()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "dev.jsonl"
        with DEV.open(encoding="utf-8") as handle:
            lines = [line for line in handle if line.strip()][: args.limit]
        source.write_text("".join(lines), encoding="utf-8")
        print(
            f"commit {commit.stdout.strip()}, {len(lines)} dev clusters, encoder {options.encoder}",
            flush=True,
        )
        print(
            f"baseline (in-process loop, encoder preloaded): {baseline(source, options):.2f} clusters/s",
            flush=True,
        )
        runs = [("local", 1), ("local", 2)] + ([] if args.skip_ray else [("ray", 2)])
        for engine, workers in runs:
            out = Path(tmp) / f"{engine}-{workers}.jsonl"
            report = run_batch([source], out, options=options, workers=workers, engine=engine)
            errors = sum("error" in json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
            print(
                f"batch --engine {engine} --workers {workers}: {report.written} clusters in "
                f"{report.seconds:.1f} s = {report.rate:.2f} clusters/s ({errors} errors)",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
