"""Attribution on clusters the rules were never tuned on (issue 14): quotes and speakers, disagreements,
timeline, document dates, and briefing speed, scored against tests/data/attribution/labels.json.

    .venv/bin/python scripts/bench_attribution_unseen.py --split tuning|locked|locked2 [--verbose] [--only quotes,...]

The labels hold only ids, offsets and labels; the texts are read from ../shared/data (DUC newswire,
raw Multi-News dev, Multi-News validation). Tune on ``--split tuning`` only; ``--split locked`` is
scored once, at the end. ``--split locked2`` holds disagreement pairs only (a second locked set, labelled
after ``locked`` was spent): the other parts find nothing labelled in it. Prints figures, asserts
nothing; exits quietly when ../shared is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import defaultdict
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
LABELS = ROOT / "tests" / "data" / "attribution" / "labels.json"
PARTS = ("quotes", "disagreements", "timeline", "docdates", "speed")


@cache
def duc() -> dict[str, dict]:
    with gzip.open(DATA / "duc-news-stream.jsonl.gz", "rt", encoding="utf-8") as lines:
        return {row["docno"]: row for row in map(json.loads, lines)}


@cache
def dev() -> dict[str, list[str]]:
    with (DATA / "multinews-raw-dev.jsonl").open(encoding="utf-8") as lines:
        return {row["id"]: row["documents"] for row in map(json.loads, lines)}


@cache
def validation_lines() -> list[str]:
    """The validation file's lines, read once (a cluster is parsed when first asked for)."""
    with gzip.open(DATA / "multinews-validation-truncated.jsonl.gz", "rt", encoding="utf-8") as lines:
        return lines.readlines()


@cache
def validation(cluster: int) -> list[str]:
    return json.loads(validation_lines()[cluster])["documents"]


def raw_text(ref: str) -> str:
    kind, _, rest = ref.partition(":")
    if kind == "duc":
        return duc()[rest]["text"]
    cluster, _, k = rest.rpartition(":")
    if kind == "dev":
        return dev()[cluster][int(k)]
    return validation(int(cluster))[int(k)]


def doc_id(ref: str) -> str:
    """The ``Document.id`` a reference gets in ``cluster_documents``."""
    kind, _, rest = ref.partition(":")
    return rest if kind == "duc" else f"d{int(rest.rpartition(':')[2]) + 1}"


@cache
def cluster_documents(cluster: str, spec: str) -> tuple:
    """The cluster's documents cleaned as the pipeline cleans them (DUC with its feed date)."""
    from newsfuse.ingest.clean import clean_cluster
    from newsfuse.ingest.readers import documents_from_texts
    from newsfuse.model import Document

    info = json.loads(spec)
    if info["source"] == "duc":
        docs = tuple(
            Document(id=d, source=d, text=duc()[d]["text"], raw=duc()[d]["text"], date=duc()[d]["date"])
            for d in info["docs"]
        )
    else:
        docs = documents_from_texts(dev()[cluster], prefix="d", source=cluster)
    return clean_cluster(docs)


def docs_of(labels: dict, cluster: str) -> tuple:
    return cluster_documents(cluster, json.dumps(labels["clusters"][cluster], sort_keys=True))


WORD = re.compile(r"[\w']+")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'").replace("''", " ").replace("``", " "))


def overlap(label: str, found: str) -> float:
    """Share of the label's words that the found text holds (bags of words)."""
    want, have = words(label), set(words(found))
    return sum(w in have for w in want) / max(1, len(want))


# --- quotes ---------------------------------------------------------------------------------------


def quote_figures(labels: dict, split: str, verbose: bool) -> None:
    from newsfuse.attribute.quotes import attribute_quotes, cluster_names
    from newsfuse.attribute.score import garbled, speaker_matches

    chosen = [q for q in labels["quotes"] if q["split"] == split]
    by_cluster: dict[str, list[dict]] = defaultdict(list)
    for q in chosen:
        by_cluster[q["cluster"]].append(q)
    found = right = 0
    garbles: list[str] = []
    wrong: list[str] = []
    missed: list[str] = []
    seconds = 0.0
    for cluster, items in sorted(by_cluster.items()):
        docs = docs_of(labels, cluster)
        start = time.perf_counter()
        kept = [d for d in docs if d.status == "kept"]
        index, mentions = cluster_names(kept)
        quotes = {d.id: attribute_quotes(d, index, m) for d, m in zip(kept, mentions, strict=True)}
        seconds += time.perf_counter() - start
        wanted_docs = {doc_id(q["doc"]) for q in items}
        for doc, qs in quotes.items():
            if doc in wanted_docs:
                garbles += [f"{cluster} {doc}: {q.speaker!r}" for q in qs if q.speaker and garbled(q.speaker)]
        for q in items:
            label = raw_text(q["doc"])[q["start"] : q["end"]]
            candidates = [
                p
                for p in quotes.get(doc_id(q["doc"]), ())
                if overlap(label, p.text) >= 0.6 and len(words(p.text)) <= 3 * len(words(label)) + 10
            ]
            names = [q["speaker"], *q.get("also", ())]
            if not candidates:
                missed.append(f"{cluster} {q['doc']} {label[:70]!r} ({q['speaker']})")
                continue
            found += 1
            best = max(candidates, key=lambda p: overlap(label, p.text))
            if speaker_matches(names, best.speaker):
                right += 1
            else:
                wrong.append(f"{cluster} {label[:60]!r}: {best.speaker!r}, labelled {q['speaker']!r}")
    total = len(chosen)
    print(
        f"quotes [{split}]: {total} labelled, found {found} ({found / max(1, total):.1%}); "
        f"speaker right {right}/{found} ({right / max(1, found):.1%}; {right / max(1, total):.1%} of all labelled); "
        f"garbled names {len(garbles)}; attribution {seconds * 1000:.0f} ms"
    )
    if verbose:
        for title, rows in (("wrong speaker", wrong), ("garbled", garbles), ("missed", missed)):
            print(f"-- {title}:")
            for row in rows:
                print("  ", row)


# --- disagreements ----------------------------------------------------------------------------------


def disagreement_figures(labels: dict, split: str, verbose: bool) -> None:
    from newsfuse.attribute.disagree import disagreements
    from newsfuse.represent import get_encoder
    from newsfuse.segment import segment

    chosen = [p for p in labels["pairs"] if p["split"] == split]
    by_cluster: dict[str, list[dict]] = defaultdict(list)
    for p in chosen:
        by_cluster[p["cluster"]].append(p)
    encoder = get_encoder("onnx")
    flagged_right = flagged_false = unlabelled = 0
    caught: set[int] = set()
    notes: list[str] = []
    for cluster, items in sorted(by_cluster.items()):
        docs = docs_of(labels, cluster)
        kept = tuple(d for d in docs if d.status == "kept")
        sentences = segment(kept)
        if not sentences:
            continue
        vectors = encoder.encode([s.text for s in sentences])
        for d in disagreements(sentences, vectors, kept):
            (text_a, ids_a), (text_b, ids_b) = d.sides
            hit = None
            for k, p in enumerate(items):
                ends = [(doc_id(p[s][0]), raw_text(p[s][0])[p[s][1] : p[s][2]]) for s in ("a", "b")]
                for (ia, la), (ib, lb) in (ends, ends[::-1]):
                    if (
                        ia in ids_a
                        and ib in ids_b
                        and overlap(la, text_a) >= 0.6
                        and overlap(lb, text_b) >= 0.6
                    ):
                        hit = k
            if hit is None:
                unlabelled += 1
                notes.append(f"unlabelled {cluster} {d.kind}/{d.topic}: {text_a[:110]!r} // {text_b[:110]!r}")
            elif items[hit]["conflict"]:
                flagged_right += 1
                caught.add(id(items[hit]))
            else:
                flagged_false += 1
                notes.append(f"FALSE {cluster} {d.kind}/{d.topic}: {text_a[:110]!r} // {text_b[:110]!r}")
        for p in items:
            if p["conflict"] and id(p) not in caught:
                a, b = (raw_text(p[s][0])[p[s][1] : p[s][2]] for s in ("a", "b"))
                notes.append(f"missed {cluster} {p['kind']}: {a[:100]!r} // {b[:100]!r}")
    conflicts = sum(p["conflict"] for p in chosen)
    judged = flagged_right + flagged_false
    flagged = judged + unlabelled
    print(
        f"disagreements [{split}]: {conflicts} conflicts, {len(chosen) - conflicts} non-conflicting pairs; "
        f"flagged {flagged} ({flagged_right} labelled conflicts, {flagged_false} labelled non-conflicts, "
        f"{unlabelled} unlabelled); precision {flagged_right / max(1, judged):.1%} of judged, "
        f"{flagged_right / max(1, flagged):.1%} counting unlabelled as false; "
        f"recall {len(caught)}/{conflicts} ({len(caught) / max(1, conflicts):.1%})"
    )
    if verbose:
        for row in notes:
            print("  ", row)


# --- timeline ---------------------------------------------------------------------------------------


def timeline_figures(labels: dict, split: str, verbose: bool) -> None:
    from newsfuse.align import align
    from newsfuse.attribute.timeline import timeline
    from newsfuse.config import Options
    from newsfuse.represent import get_encoder
    from newsfuse.segment import segment

    chosen = [d for d in labels["dated"] if d["split"] == split]
    by_cluster: dict[str, list[dict]] = defaultdict(list)
    for d in chosen:
        by_cluster[d["cluster"]].append(d)
    encoder = get_encoder("onnx")
    listed = {"absolute": [0, 0], "relative": [0, 0]}
    wrong_year = negatives = duplicates = events_total = 0
    notes: list[str] = []
    for cluster, items in sorted(by_cluster.items()):
        docs = docs_of(labels, cluster)
        kept = tuple(d for d in docs if d.status == "kept")
        sentences = segment(kept)
        vectors = encoder.encode([s.text for s in sentences])
        alignment = align(kept, sentences, vectors, threshold=Options().support_threshold)
        events = timeline(sentences, kept, alignment.facts)
        events_total += len(events)
        for x, y in ((x, y) for k, x in enumerate(events) for y in events[k + 1 :]):
            if x.date == y.date and min(overlap(x.text, y.text), overlap(y.text, x.text)) >= 0.6:
                duplicates += 1
                notes.append(f"twice {cluster} {x.date}: {x.text[:90]!r} // {y.text[:90]!r}")
        for d in items:
            sentence = raw_text(d["doc"])[d["start"] : d["end"]]
            source = doc_id(d["doc"])
            # An event merged from several reports shows one report's wording and cites them all.
            matching = [
                e
                for e in events
                if overlap(sentence, e.text) >= 0.6
                or overlap(e.text, sentence) >= 0.8
                or (source in e.sources and overlap(sentence, e.text) >= 0.3)
            ]
            if d["date"] is None:
                negatives += 1
                bad = [e for e in matching if e.date == d["not_date"] and overlap(sentence, e.text) >= 0.6]
                wrong_year += bool(bad)
                if bad:
                    notes.append(f"filed under {d['not_date']}: {sentence[:110]!r}")
                continue
            tally = listed[d["kind"]]
            tally[1] += 1
            if any(e.date == d["date"] for e in matching):
                tally[0] += 1
            else:
                got = sorted({e.date for e in matching}) or "not listed"
                notes.append(f"{d['kind']} {d['date']} -> {got}: {sentence[:110]!r}")
    (a_ok, a_all), (r_ok, r_all) = listed["absolute"], listed["relative"]
    print(
        f"timeline [{split}]: absolute dates listed at their date {a_ok}/{a_all} ({a_ok / max(1, a_all):.1%}); "
        f"relative {r_ok}/{r_all} ({r_ok / max(1, r_all):.1%}); filed under a year they only mention "
        f"{wrong_year}/{negatives}; events listed twice {duplicates} (of {events_total} events)"
    )
    if verbose:
        for row in notes:
            print("  ", row)


# --- document dates ---------------------------------------------------------------------------------


def docdate_figures(labels: dict, split: str, verbose: bool) -> None:
    from newsfuse.ingest.clean import clean_document
    from newsfuse.ingest.readers import documents_from_texts

    chosen = [d for d in labels["docdates"] if d["split"] == split]
    right = given = false_dates = undated_texts = 0
    notes: list[str] = []
    for d in chosen:
        doc = documents_from_texts([raw_text(d["doc"])], prefix="d", source=d["doc"])[0]
        date = clean_document(doc).date
        if d["date"] is None:
            undated_texts += 1
            false_dates += date is not None
            continue
        given += 1
        if date in (d["date"], *d.get("also", ())):
            right += 1
        else:
            notes.append(
                f"{d['doc']}: {date} for {d['date']} ({raw_text(d['doc'])[d['at'] : d['at'] + 40]!r})"
            )
    print(
        f"document dates [{split}]: {right}/{given} ({right / max(1, given):.1%}) of documents whose text gives "
        f"their date are dated with it; {false_dates}/{undated_texts} documents whose text gives no publication "
        f"date got one"
    )
    if verbose:
        for row in notes:
            print("  ", row)


# --- speed ------------------------------------------------------------------------------------------


def speed_figures(labels: dict, split: str) -> None:
    """A briefing with every section beside reading + cleaning + splitting the same clusters."""
    from newsfuse.config import SECTIONS, Options
    from newsfuse.ingest.clean import clean_cluster
    from newsfuse.pipeline import summarize
    from newsfuse.represent import get_encoder
    from newsfuse.segment import segment

    names = sorted(c for c, info in labels["clusters"].items() if info["split"] == split)
    get_encoder("onnx").encode(["warm up"])
    clusters = [docs_of(labels, c) for c in names]
    base = brief = plain = 0.0
    for cluster, docs in zip(names, clusters, strict=True):
        fresh = tuple(d.__class__(id=d.id, source=d.source, text=d.raw, raw=d.raw, date=d.date) for d in docs)
        start = time.perf_counter()
        segment(clean_cluster(fresh))
        base += time.perf_counter() - start
        start = time.perf_counter()
        summarize(fresh, options=Options(), cluster_id=cluster)
        plain += time.perf_counter() - start
        start = time.perf_counter()
        summarize(fresh, options=Options(sections=SECTIONS), cluster_id=cluster)
        brief += time.perf_counter() - start
    print(
        f"speed [{split}, {len(names)} clusters]: read+clean+split {base:.2f} s; summarize {plain:.2f} s "
        f"({plain / base:.2f}x); summarize with every section {brief:.2f} s ({brief / base:.2f}x)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tuning", "locked", "locked2"), required=True)
    parser.add_argument("--only", default=",".join(PARTS), help=f"comma-separated subset of {PARTS}")
    parser.add_argument("--verbose", action="store_true", help="list misses, wrong speakers, false flags")
    args = parser.parse_args()
    if not (DATA / "duc-news-stream.jsonl.gz").exists() or not (DATA / "multinews-raw-dev.jsonl").exists():
        print(f"skipped: {DATA} (DUC stream, raw dev, validation) is not there")
        sys.exit(0)
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    wanted = args.only.split(",")
    if "quotes" in wanted:
        quote_figures(labels, args.split, args.verbose)
    if "disagreements" in wanted:
        disagreement_figures(labels, args.split, args.verbose)
    if "timeline" in wanted:
        timeline_figures(labels, args.split, args.verbose)
    if "docdates" in wanted:
        docdate_figures(labels, args.split, args.verbose)
    if "speed" in wanted:
        speed_figures(labels, args.split)


if __name__ == "__main__":
    main()
