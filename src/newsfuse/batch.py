"""Resumable batch runs: one JSON line per input cluster, on a local process pool or on Ray Data.

Each output line is ``{"id", "options", "briefing": {...}}`` (the versioned ``briefing_to_dict``
form) or ``{"id", "options", "error": "..."}``; ``options`` holds every ``Options`` field the record
was made with. Why the output file is also the checkpoint:

* every line is written with one ``write`` of the complete line, then flushed and fsynced, so a
  line that is in the file is whole and durable; a SIGKILL can at worst leave the last line torn;
* on start ``ResultWriter`` truncates a torn last line (everything after the last newline), reads
  the ids already written, and the run skips them;
* a resume with other options than the records already written is refused (``_check_resume``),
  so one file never mixes, say, 250-word and 60-word briefings;
* results are written in input order (an ordered ``imap``; Ray Data with ``preserve_order``), so
  the same input gives the same file however many workers ran it, and however often it resumed.

Workers load the encoder once each (the pool initializer, or a Ray actor's constructor).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsfuse.config import Options
from newsfuse.errors import ConfigError, InputError, NewsfuseError
from newsfuse.ingest.readers import JSONL_SUFFIXES, Cluster, input_groups, read_clusters

__all__ = [
    "ENGINES",
    "BatchReport",
    "Progress",
    "ResultWriter",
    "options_stamp",
    "run_batch",
    "summarize_record",
]

log = logging.getLogger(__name__)

ENGINES = ("local", "ray")


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a run stands, handed to the caller's progress callback after every cluster."""

    done: int  # clusters written in this run
    total: int | None  # clusters this run will write (None when the input size is unknown)
    errors: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.done / self.seconds if self.seconds > 0 else 0.0

    @property
    def eta(self) -> float | None:
        if self.total is None or not self.rate:
            return None
        return (self.total - self.done) / self.rate


@dataclass(slots=True)
class BatchReport:
    """What a run did: clusters written, errors among them, ids skipped as already done."""

    written: int = 0
    errors: int = 0
    skipped: int = 0
    duplicates: int = 0
    seconds: float = 0.0
    error_ids: list[str] = field(default_factory=list)
    # Inputs that could not be read to the end (missing, truncated .gz): the clusters before the
    # problem were written; the message names the input.
    input_errors: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.written / self.seconds if self.seconds > 0 else 0.0


class ResultWriter:
    """Append-only JSONL output that survives SIGKILL: whole lines only, fsynced one by one.

    Opening repairs a torn last line and collects ``done`` ids; ``write`` appends one record.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.done: set[str] = set()
        # The options of the records already written (``options_stamp`` form, as JSON) and how
        # many records carry none (written before records carried them).
        self.options: set[str] = set()
        self.unstamped = 0
        self._fd = -1
        if not self.path.parent.is_dir():
            raise InputError(f"{self.path}: cannot write there: folder {self.path.parent} does not exist")
        self._repair_and_scan()
        try:
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        except OSError as exc:
            raise InputError(f"{self.path}: cannot write there ({exc.strerror})") from exc

    def _repair_and_scan(self) -> None:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as exc:
            raise InputError(f"{self.path}: cannot read the existing output ({exc.strerror})") from exc
        end = data.rfind(b"\n") + 1
        if end < len(data):
            log.warning("%s: dropping a torn last line (%d bytes)", self.path, len(data) - end)
            with self.path.open("r+b") as handle:
                handle.truncate(end)
                handle.flush()
                os.fsync(handle.fileno())
        for number, line in enumerate(data[:end].splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                self.done.add(str(record["id"]))
            except (ValueError, RecursionError, KeyError, TypeError) as exc:
                raise InputError(
                    f"{self.path}:{number}: not a newsfuse batch record; use another output file"
                ) from exc
            if "options" in record:
                self.options.add(json.dumps(record["options"], sort_keys=True))
            else:
                self.unstamped += 1

    def write(self, record: dict[str, Any]) -> None:
        """Append one record as one complete line, durable when this returns."""
        # "replace": a message naming a file whose name is raw bytes (not UTF-8) holds lone
        # surrogates; the line is still written, with "?" for them.
        data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8", errors="replace")
        view = memoryview(data)
        while view:  # os.write may write less than asked (rare on regular files); finish the line
            written = os.write(self._fd, view)
            view = view[written:]
        os.fsync(self._fd)
        self.done.add(str(record["id"]))

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> ResultWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def summarize_record(cluster: Cluster, options: Options) -> dict[str, Any]:
    """The output record of one cluster: its briefing, or the reason it has none.

    Any exception becomes an error record: one bad cluster must not stop a run of thousands.
    """
    from newsfuse.model import briefing_to_dict
    from newsfuse.pipeline import summarize

    if cluster.error:
        return {"id": cluster.id, "error": cluster.error}
    try:
        briefing = summarize(cluster.documents, options=options, cluster_id=cluster.id)
    except NewsfuseError as exc:
        return {"id": cluster.id, "error": str(exc)}
    except Exception as exc:  # a bug on one input: record it and carry on
        log.exception("%s: unexpected failure", cluster.id)
        return {"id": cluster.id, "error": f"{cluster.id}: internal error: {type(exc).__name__}: {exc}"}
    return {"id": cluster.id, "briefing": briefing_to_dict(briefing)}


def options_stamp(options: Options) -> dict[str, Any]:
    """The options a record was made with, as JSON values (every field changes the briefing)."""
    return json.loads(json.dumps(dataclasses.asdict(options)))


def _check_resume(writer: ResultWriter, stamp: dict[str, Any]) -> None:
    """Refuse to add records made with other options than those already in the output."""
    if writer.unstamped:
        log.warning(
            "%s: %d records carry no options (an older newsfuse wrote them); not checked against this run's",
            writer.path,
            writer.unstamped,
        )
    others = writer.options - {json.dumps(stamp, sort_keys=True)}
    if not others:
        return
    found = json.loads(min(others))  # the first in sorted order: the same one every run
    keys = [*stamp, *(key for key in found if key not in stamp)]  # in the order of Options
    differ = [
        f"{key} {json.dumps(found.get(key))}, this run {json.dumps(stamp.get(key))}"
        for key in keys
        if found.get(key) != stamp.get(key)
    ]
    raise ConfigError(
        f"{writer.path}: was written with other options ({'; '.join(differ)}); "
        "resume with the same options or write to another file"
    )


def _same_file(a: str | Path, b: str | Path) -> bool:
    if str(a) == "-" or str(b) == "-":
        return False
    a, b = Path(a), Path(b)
    if a.exists() and b.exists():
        return os.path.samefile(a, b)
    return a.resolve() == b.resolve()


# --- local process pool -------------------------------------------------------------------

_worker_options: Options | None = None


def _init_worker(options: Options) -> None:
    """Load the encoder once per worker process, before the first cluster arrives."""
    global _worker_options
    from newsfuse.represent import get_encoder

    _worker_options = options
    get_encoder(options.encoder)


def _work(cluster: Cluster) -> dict[str, Any]:
    assert _worker_options is not None, "pool worker used before _init_worker"
    return summarize_record(cluster, _worker_options)


def _run_local(clusters: Iterable[Cluster], options: Options, workers: int) -> Iterator[dict[str, Any]]:
    if workers == 1:
        for cluster in clusters:
            yield summarize_record(cluster, options)
        return
    import multiprocessing

    # "spawn": onnxruntime's threads do not survive fork, and the caller may already hold a session.
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(options,)) as pool:
        yield from pool.imap(_work, clusters, chunksize=1)


# --- Ray Data -----------------------------------------------------------------------------


class _RaySummarizer:
    """A Ray Data actor: loads the encoder once, summarizes batches of pickled clusters."""

    def __init__(self, options: Options) -> None:
        _init_worker(options)
        self.options = options

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import pickle

        lines = [
            json.dumps(summarize_record(pickle.loads(blob), self.options), ensure_ascii=False)
            for blob in batch["cluster"]
        ]
        return {"index": batch["index"], "line": lines}


def _run_ray(
    clusters: Iterable[Cluster], options: Options, workers: int, address: str | None
) -> Iterator[dict[str, Any]]:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise ConfigError("engine ray: Ray is not installed; run `pip install 'newsfuse[ray]'`") from exc
    import pickle

    items = [{"index": i, "cluster": pickle.dumps(c)} for i, c in enumerate(clusters)]
    if not items:
        return
    started_here = not ray.is_initialized()
    if started_here:
        if address:
            ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
        else:
            ray.init(
                num_cpus=workers,
                include_dashboard=False,
                log_to_driver=False,
                logging_level=logging.WARNING,
            )
    try:
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        dataset = ray.data.from_items(items, override_num_blocks=max(1, min(len(items), 4 * workers)))
        results = dataset.map_batches(
            _RaySummarizer,
            fn_constructor_kwargs={"options": options},
            batch_size=1,
            compute=ray.data.ActorPoolStrategy(size=workers),
            num_cpus=1,
        )
        for expected, row in enumerate(results.iter_rows()):
            # preserve_order keeps input order; check it, since deterministic output relies on it.
            if int(row["index"]) != expected:
                raise NewsfuseError(f"engine ray: got result {row['index']} while expecting {expected}")
            yield json.loads(row["line"])
    finally:
        if started_here:
            ray.shutdown()


# --- the run ------------------------------------------------------------------------------


def _count_clusters(paths: Sequence[str | Path]) -> int | None:
    """How many clusters the inputs hold (non-blank JSONL lines), or None if not cheaply known."""
    import gzip

    total = 0
    for raw in paths:
        name = str(raw)
        if name == "-" or not name.endswith(JSONL_SUFFIXES):
            return None
        opener = gzip.open if name.endswith(".gz") else open
        try:
            with opener(name, "rb") as handle:  # type: ignore[operator]
                total += sum(1 for line in handle if line.strip())
        except (OSError, EOFError, zlib.error):  # unreadable or cut short: reading will say so
            return None
    return total


def run_batch(
    inputs: Sequence[str | Path],
    output: str | Path,
    *,
    options: Options | None = None,
    workers: int = 1,
    engine: str = "local",
    address: str | None = None,
    progress: Callable[[Progress], None] | None = None,
) -> BatchReport:
    """Summarize every cluster of ``inputs`` into ``output``, skipping ids it already holds.

    A repeated id in the input is written once (the first occurrence) and counted in
    ``duplicates``: the output has one line per cluster id, which is what resuming relies on.
    """
    options = options or Options()
    if engine not in ENGINES:
        raise ConfigError(f"engine: unknown engine {engine!r}; choose {' or '.join(ENGINES)}")
    if workers < 1:
        raise ConfigError(f"workers: {workers} must be at least 1")
    for source in inputs:
        if _same_file(source, output):
            raise ConfigError(f"{output}: the output is also an input; choose another output file")
    stamp = options_stamp(options)
    report = BatchReport()
    start = time.perf_counter()
    with ResultWriter(output) as writer:
        _check_resume(writer, stamp)
        done_before = frozenset(writer.done)
        seen: set[str] = set()

        def readable() -> Iterator[Cluster]:
            # Input by input, so one that fails part-way keeps what it gave and the others still run.
            for group in input_groups([str(source) for source in inputs]):
                try:
                    yield from read_clusters(group)
                except NewsfuseError as exc:
                    report.input_errors.append(str(exc))

        def pending() -> Iterator[Cluster]:
            for cluster in readable():
                if cluster.id in seen:
                    report.duplicates += 1
                    log.warning("%s: id repeated in the input; only its first cluster is written", cluster.id)
                    continue
                seen.add(cluster.id)
                if cluster.id in done_before:
                    report.skipped += 1
                    continue
                yield cluster

        total = _count_clusters(inputs)
        if engine == "ray":
            # Ray Data takes the whole work list up front, so its exact size is known.
            todo = list(pending())
            total = len(todo)
            records = _run_ray(todo, options, workers, address)
        else:
            if total is not None:
                total = max(total - len(done_before), 0)  # assumes the done ids came from this input
            records = _run_local(pending(), options, workers)
        for record in records:
            record = {"id": record["id"], "options": stamp, **record}
            writer.write(record)
            report.written += 1
            if "error" in record:
                report.errors += 1
                report.error_ids.append(record["id"])
            if progress is not None:
                progress(Progress(report.written, total, report.errors, time.perf_counter() - start))
    report.seconds = time.perf_counter() - start
    return report
