"""Load benchmark of ``newsfuse serve``: N concurrent clients posting the example cluster.

Starts the server in a subprocess on 127.0.0.1 (loopback only), waits for /healthz, then for each
client count runs a bounded number of requests under a wall-clock limit and prints requests/s,
p50/p95 latency, errors (by status) and the server's peak resident memory (VmHWM, cumulative).
The baseline, measured in the same run, is ``summarize()`` called directly in this process on
the same documents: the server's latency at 1 client minus it is the HTTP + JSON + evidence cost.

    .venv/bin/python scripts/bench_server.py                    # 1 and 16 clients, 32 requests each
    .venv/bin/python scripts/bench_server.py --clients 1,4,16 --requests 48
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SONY = ROOT.parent / "shared" / "examples" / "sony-interview"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def peak_rss_mib(pid: int) -> float:
    """Peak resident set size of a process so far (Linux VmHWM), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def post(url: str, body: bytes, timeout: float) -> tuple[int, float]:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        exc.read()
        status = exc.code
    except OSError:
        status = 0  # connection refused / reset / client timeout
    return status, time.perf_counter() - start


def run_clients(url: str, body: bytes, clients: int, requests: int, limit: float) -> dict[str, float]:
    """``requests`` POSTs shared by ``clients`` threads; none starts after ``limit`` seconds."""
    lock = threading.Lock()
    remaining = [requests]
    results: list[tuple[int, float]] = []
    deadline = time.monotonic() + limit

    def client() -> None:
        while True:
            with lock:
                if remaining[0] <= 0 or time.monotonic() > deadline:
                    return
                remaining[0] -= 1
            outcome = post(url, body, timeout=max(1.0, deadline - time.monotonic() + 60))
            with lock:
                results.append(outcome)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    latencies = [latency for status, latency in results if status == 200]
    errors = Counter(status for status, _ in results if status != 200)
    return {
        "clients": clients,
        "done": len(results),
        "ok": len(latencies),
        "errors": sum(errors.values()),
        "error_statuses": dict(errors),
        "wall_s": wall,
        "rps": len(latencies) / wall if wall else 0.0,
        "p50_s": statistics.median(latencies) if latencies else float("nan"),
        "p95_s": percentile(latencies, 0.95) if latencies else float("nan"),
    }


def baseline(documents: list[dict[str, str]], sections: tuple[str, ...], repeat: int) -> tuple[float, float]:
    """Median seconds of ``summarize()`` and of the server's ``evidence()`` on the same documents,
    in this process, no HTTP."""
    from newsfuse.config import Options
    from newsfuse.ingest.readers import make_document
    from newsfuse.pipeline import summarize
    from newsfuse.server.evidence import evidence

    docs = tuple(
        make_document(d["text"], id=f"d{n}", source=d["source"]) for n, d in enumerate(documents, start=1)
    )
    options = Options(sections=sections)
    summarize(docs, options=options)  # load the model, warm caches
    times, extra = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        briefing = summarize(docs, options=options)
        middle = time.perf_counter()
        evidence(briefing)
        times.append(middle - start)
        extra.append(time.perf_counter() - middle)
    return statistics.median(times), statistics.median(extra)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", default="1,16", help="comma-separated client counts (default 1,16)")
    parser.add_argument("--requests", type=int, default=32, help="requests per client count (default 32)")
    parser.add_argument("--limit", type=float, default=300, help="seconds per client count (default 300)")
    parser.add_argument("--workers", type=int, default=2, help="server --workers (default 2)")
    parser.add_argument("--time-limit", type=float, default=60, help="server --time-limit (default 60)")
    parser.add_argument(
        "--examples", type=Path, default=SONY, help="directory of .txt reports (default sony)"
    )
    args = parser.parse_args()

    documents = [
        {"text": p.read_text(encoding="utf-8"), "source": p.name} for p in sorted(args.examples.glob("*.txt"))
    ]
    if not documents:
        print(f"bench_server: no .txt reports in {args.examples}", file=sys.stderr)
        return 1
    sections = ("quotes", "disagreements", "timeline")  # what the page asks for by default
    body = json.dumps(
        {"documents": documents, "options": {"sections": list(sections)}, "evidence": True}
    ).encode()
    direct, spans = baseline(documents, sections, repeat=3)

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "newsfuse.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--workers", str(args.workers), "--time-limit", str(args.time_limit)]
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            started = time.perf_counter()
            while True:
                try:
                    with urllib.request.urlopen(url + "/healthz", timeout=2):
                        break
                except OSError:
                    if server.poll() is not None or time.perf_counter() - started > 120:
                        log.seek(0)
                        print(log.read().decode(errors="replace"), file=sys.stderr)
                        return 1
                    time.sleep(0.2)
            startup = time.perf_counter() - started
            print(f"documents: {len(documents)} from {args.examples} ({len(body)} bytes per request)")
            print(
                f"server: workers={args.workers} time-limit={args.time_limit:g}s; ready in {startup:.1f} s, "
                f"peak RSS after start {peak_rss_mib(server.pid):.0f} MiB"
            )
            print(
                f"baseline: summarize() in-process, no HTTP: {direct:.2f} s per briefing "
                f"({1 / direct:.2f} briefings/s on one thread); the server's evidence() adds {spans:.2f} s"
            )
            print()
            print(
                f"{'clients':>7} {'requests':>8} {'ok':>4} {'errors':>6} {'req/s':>6} {'p50 s':>6} "
                f"{'p95 s':>6} {'wall s':>7} {'peak RSS MiB':>12}"
            )
            for clients in (int(c) for c in args.clients.split(",")):
                row = run_clients(url + "/v1/briefings", body, clients, args.requests, args.limit)
                statuses = f"  {row['error_statuses']}" if row["errors"] else ""
                print(
                    f"{clients:>7} {row['done']:>8} {row['ok']:>4} {row['errors']:>6} {row['rps']:>6.2f} "
                    f"{row['p50_s']:>6.2f} {row['p95_s']:>6.2f} {row['wall_s']:>7.1f} "
                    f"{peak_rss_mib(server.pid):>12.0f}{statuses}"
                )
        finally:
            server.terminate()
            server.wait(15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
