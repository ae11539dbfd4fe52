"""Figures for the cleaning work (issue 3): junk/off-topic detection, boilerplate in summaries.

    .venv/bin/python scripts/bench_cleaning.py validation [--clusters 300]
        precision/recall of junk and off-topic detection against the LLM labels
        (``llm_irrelevant_doc_indices``) of Multi-News validation; off-topic thresholds swept
        on a sample of clusters with three or more documents (encoding all 5,622 takes hours
        on two cores).
    .venv/bin/python scripts/bench_cleaning.py dev [--limit K]
        summaries of the raw dev clusters, and the summary sentences a boilerplate detector
        flags, printed one by one. The detector is independent of the cleaner's rules: a
        sentence is flagged when most of its 8-word shingles recur in five or more unrelated
        clusters of Multi-News validation + dev (templated page text), or when it contains a
        term of a short furniture lexicon written for this count (FURNITURE_TERMS).
    .venv/bin/python scripts/bench_cleaning.py dev-text
        the same detector over every sentence of the kept documents (what the summarizer reads).
    .venv/bin/python scripts/bench_cleaning.py example
        every briefing of the sony-interview example (several budgets, all encoders) checked
        for any line the cleaner removed as boilerplate or transcript header.

For "before" figures run the same command with PYTHONPATH pointing at an older checkout's src.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
VALIDATION = SHARED / "data" / "multinews-validation-truncated.jsonl.gz"
DEV = SHARED / "data" / "multinews-raw-dev.jsonl"
SONY = SHARED / "examples" / "sony-interview"

# Terms that page furniture uses and a news sentence almost never does (written for this count,
# not copied from the cleaner).
FURNITURE_TERMS = (
    "click here", "subscribe to", "subscribe now", "newsletter", "cookies", "javascript", "advertisement",
    "caption", "getty images", "ap photo", "photo:", "sign up", "share this", "wayback", "alexa internet",
    "transcript has been", "donate", "your browser", "http", "www.", "image copyright", "copyright 20", "©",
    "all rights reserved", "read more", "contributed to this report", "skip ad", "autoplay", "toggle",
    "follow us", "dear reader",
)  # fmt: skip
SHINGLE = 8
SHINGLE_CLUSTERS = 5
_TOKEN = re.compile(r"[a-z0-9]+")


def _need(path: Path) -> Path:
    if not path.exists():
        sys.exit(f"{path} is absent (the shared data lives beside the repository in ../shared)")
    return path


def _validation() -> list[dict]:
    with gzip.open(_need(VALIDATION), "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _dev() -> list[dict]:
    return [json.loads(line) for line in _need(DEV).open(encoding="utf-8")]


def _prf(pairs: Iterable[tuple[bool, bool]]) -> str:
    pairs = list(pairs)
    tp = sum(g and f for g, f in pairs)
    fp = sum(f and not g for g, f in pairs)
    fn = sum(g and not f for g, f in pairs)
    precision = tp / max(1, tp + fp)
    recall = tp / max(1, tp + fn)
    return f"P {precision:.3f}  R {recall:.3f}  (tp {tp}, fp {fp}, fn {fn}, docs {len(pairs)})"


# --- validation: junk and off-topic against the LLM labels --------------------------------------


def run_validation(clusters_wanted: int) -> None:
    from newsfuse.ingest.clean import clean_cluster
    from newsfuse.ingest.readers import documents_from_texts
    from newsfuse.pipeline import prepare
    from newsfuse.represent import get_encoder

    clusters = _validation()
    start = time.perf_counter()
    cleaned = []
    for c in clusters:
        docs = documents_from_texts(c["documents"], prefix="d", source=c["id"])
        cleaned.append(clean_cluster(docs))
    seconds = time.perf_counter() - start
    n_docs = sum(len(d) for d in cleaned)
    print(f"cleaned {len(clusters)} clusters / {n_docs} documents in {seconds:.1f} s")
    gold = [set(c["llm_irrelevant_doc_indices"]) for c in clusters]
    junk_pairs = [
        (i in g, d.status == "junk")
        for g, docs in zip(gold, cleaned, strict=True)
        for i, d in enumerate(docs)
    ]
    print(f"junk (all clusters)                : {_prf(junk_pairs)}")
    reasons = Counter(
        d.reason.split(" (")[0] for docs in cleaned for d in docs if d.status == "junk" and d.reason
    )
    for reason, count in reasons.most_common():
        print(f"    {count:5d}  {reason}")

    # Off-topic needs sentence vectors: a fixed sample of clusters with 3+ documents, judged as a
    # briefing judges them (``prepare``: on the encoded pool).
    sample = [k for k, c in enumerate(clusters) if len(c["documents"]) >= 3][:clusters_wanted]
    encoder = get_encoder("onnx")
    start = time.perf_counter()
    scored = []  # (gold irrelevant, junk, score or None) per document of the sample
    flagged_default = []
    n_sentences = 0
    for k in sample:
        docs = documents_from_texts(clusters[k]["documents"], prefix="d", source=clusters[k]["id"])
        state = prepare(docs, encoder=encoder)
        n_sentences += len(state.pool)
        for i, d in enumerate(state.documents):
            scored.append((i in gold[k], d.status == "junk", state.relevance.get(i)))
            flagged_default.append((i in gold[k], d.status != "kept"))
    seconds = time.perf_counter() - start
    print(
        f"\noff-topic sample: {len(sample)} clusters with 3+ documents, {len(scored)} documents, "
        f"{n_sentences} sentences encoded in {seconds:.0f} s"
    )
    print(f"junk alone on the sample           : {_prf((g, j) for g, j, _ in scored)}")
    for threshold in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
        pairs = [(g, s is not None and s < threshold) for g, j, s in scored if not j]
        print(f"off-topic alone, threshold {threshold:.2f}  : {_prf(pairs)}")
    print(f"junk + off-topic as shipped         : {_prf(flagged_default)}")


# --- dev: boilerplate sentences in summaries -----------------------------------------------------


def _shingles(text: str) -> set[int]:
    tokens = _TOKEN.findall(text.lower())
    return {hash(tuple(tokens[i : i + SHINGLE])) for i in range(len(tokens) - SHINGLE + 1)}


def templated_shingles(texts_by_cluster: Iterable[Iterable[str]]) -> frozenset[int]:
    """Shingles found in SHINGLE_CLUSTERS or more clusters: text that pages repeat, not news."""
    counts: Counter[int] = Counter()
    for texts in texts_by_cluster:
        seen: set[int] = set()
        for text in texts:
            seen |= _shingles(text)
        counts.update(seen)
    return frozenset(h for h, n in counts.items() if n >= SHINGLE_CLUSTERS)


def boilerplate_hits(sentence: str, templated: frozenset[int]) -> list[str]:
    """Why the independent detector counts ``sentence`` as boilerplate (empty: it does not)."""
    lowered = sentence.lower()
    hits = [f"term {term!r}" for term in FURNITURE_TERMS if term in lowered]
    shingles = _shingles(sentence)
    if shingles:
        share = len(shingles & templated) / len(shingles)
        if share >= 0.5:
            hits.append(f"templated text ({share:.0%} of its 8-grams recur in {SHINGLE_CLUSTERS}+ clusters)")
    return hits


def run_dev(limit: int | None) -> None:
    from newsfuse.config import Options
    from newsfuse.ingest.readers import documents_from_texts
    from newsfuse.pipeline import summarize

    dev = _dev()[:limit] if limit else _dev()
    start = time.perf_counter()
    templated = templated_shingles([c["documents"] for c in _validation()] + [c["documents"] for c in dev])
    print(f"templated 8-gram set: {len(templated)} shingles ({time.perf_counter() - start:.0f} s)")
    options = Options()
    flagged = total = 0
    aside = Counter()
    for c in dev:
        docs = documents_from_texts(c["documents"], prefix=f"{c['id']}/d", source=c["id"])
        briefing = summarize(docs, options=options, cluster_id=c["id"])
        aside.update(d.status for d in briefing.documents)
        for s in briefing.summary:
            total += 1
            hits = boilerplate_hits(s.text, templated)
            if hits:
                flagged += 1
                print(f"  {c['id']}: {s.text[:150]!r}\n      <- {'; '.join(hits)}")
    print(f"\nsummary sentences flagged as boilerplate: {flagged} of {total} ({len(dev)} clusters)")
    print(f"documents by status: {dict(aside)}")


def run_dev_text(show: int) -> None:
    """Boilerplate among all sentences the pipeline would read (kept documents), not only summaries."""
    from newsfuse.ingest.clean import clean_cluster
    from newsfuse.ingest.readers import documents_from_texts
    from newsfuse.segment import segment

    dev = _dev()
    templated = templated_shingles([c["documents"] for c in _validation()] + [c["documents"] for c in dev])
    flagged = total = 0
    shown = 0
    for c in dev:
        docs = clean_cluster(documents_from_texts(c["documents"], prefix="d", source=c["id"]))
        for sentence in segment(docs):
            total += 1
            hits = boilerplate_hits(sentence.text, templated)
            if hits:
                flagged += 1
                if shown < show:
                    shown += 1
                    print(f"  {c['id']}: {sentence.text[:120]!r}\n      <- {'; '.join(hits)}")
    print(f"\nsentences of kept documents flagged as boilerplate: {flagged} of {total} ({len(dev)} clusters)")


# --- the example cluster -------------------------------------------------------------------------


def run_example() -> None:
    from newsfuse.config import Options
    from newsfuse.ingest.clean import clean_cluster
    from newsfuse.ingest.readers import read_clusters
    from newsfuse.pipeline import summarize

    cluster = next(read_clusters([_need(SONY)]))
    cleaned = clean_cluster(cluster.documents)
    removed = [(d.source, r) for d in cleaned for r in d.removed if "title" not in r.reason]
    print(f"{len(removed)} lines removed from the example (headlines kept as titles not counted)")
    leaks = 0
    briefings = 0
    for encoder in ("onnx", "lexical"):
        for words in (50, 100, 250, 400, 1000):
            briefing = summarize(cluster.documents, options=Options(words=words, encoder=encoder))
            briefings += 1
            for s in briefing.summary:
                for source, line in removed:
                    if line.text in s.text or s.text in line.text:
                        leaks += 1
                        print(
                            f"  LEAK ({encoder}, {words} words): {line.reason}: {line.text[:80]!r} ({source})"
                        )
    print(f"{briefings} briefings checked; boilerplate or transcript-header lines in them: {leaks}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="part", required=True)
    validation = sub.add_parser("validation")
    validation.add_argument("--clusters", type=int, default=300, help="off-topic sample size (default 300)")
    dev = sub.add_parser("dev")
    dev.add_argument("--limit", type=int, default=None)
    dev_text = sub.add_parser("dev-text")
    dev_text.add_argument("--show", type=int, default=40, help="print this many flagged sentences")
    sub.add_parser("example")
    args = parser.parse_args(argv)
    if args.part == "validation":
        run_validation(args.clusters)
    elif args.part == "dev":
        run_dev(args.limit)
    elif args.part == "dev-text":
        run_dev_text(args.show)
    else:
        run_example()
    return 0


if __name__ == "__main__":
    sys.exit(main())
