"""Train the selector's linear sentence scorer on Multi-News validation clusters.

    python scripts/train_scorer.py ../shared/data/multinews-validation-truncated.jsonl.gz \
        --clusters 800 --out src/newsfuse/select_data/weights.json

For every sentence of a cluster it computes the selector's features (select.FEATURES) exactly as
summarize() does, and a target: how much of the sentence the reference summary contains
(unigram precision plus twice the bigram precision over stemmed content words). A ridge
regression maps features to target; its weights ship in the package. Deterministic for a given
data file and cluster count (clusters are taken in file order).
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from itertools import pairwise
from pathlib import Path

import numpy as np

from newsfuse.align import align
from newsfuse.config import Options
from newsfuse.ingest.clean import clean_cluster
from newsfuse.ingest.readers import documents_from_texts
from newsfuse.represent import get_encoder
from newsfuse.segment import segment
from newsfuse.select import DEFAULT_WEIGHTS, FEATURES, lexical_features, neural_features
from newsfuse.text import tokens

PRIOR_ONLY = ("transcript",)
TERMS = (
    "Trained on the Multi-News validation split (Fabbri et al., 2019), which its authors release for "
    "non-commercial research and education only. The weights are a few numbers derived from it; no text "
    "of the data set is included."
)


def _target(sentence: str, reference_unigrams: set[str], reference_bigrams: set[tuple[str, str]]) -> float:
    words = tokens(sentence)
    if not words:
        return 0.0
    unigram = sum(w in reference_unigrams for w in words) / len(words)
    pairs = list(pairwise(words))
    bigram = sum(p in reference_bigrams for p in pairs) / len(pairs) if pairs else 0.0
    return unigram + 2.0 * bigram


def cluster_rows(texts: list[str], summary: str, options: Options) -> tuple[np.ndarray, np.ndarray]:
    docs = clean_cluster(documents_from_texts(texts, prefix="d", source="train"))
    sentences = segment(docs)
    if len(sentences) < 2:
        return np.zeros((0, len(FEATURES))), np.zeros(0)
    vectors = get_encoder("onnx").encode([s.text for s in sentences])
    alignment = align(sentences, vectors, docs, threshold=options.support_threshold)
    x = np.hstack([lexical_features(sentences, docs), neural_features(sentences, vectors, alignment)])
    ref = tokens(summary)
    ref_uni, ref_bi = set(ref), set(pairwise(ref))
    y = np.asarray([_target(s.text, ref_uni, ref_bi) for s in sentences])
    return x, y


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data")
    parser.add_argument("--clusters", type=int, default=800)
    parser.add_argument("--ridge", type=float, default=1.0)
    parser.add_argument("--out", default="src/newsfuse/select_data/weights.json")
    parser.add_argument("--cache", help="save/load the feature matrix here (.npz)")
    args = parser.parse_args()
    options = Options()
    started = time.perf_counter()
    if args.cache and Path(args.cache).exists():
        saved = np.load(args.cache)
        x, y = saved["x"], saved["y"]
    else:
        xs, ys = [], []
        opener = gzip.open if args.data.endswith(".gz") else open
        with opener(args.data, "rt", encoding="utf-8") as handle:
            for n, line in enumerate(handle):
                if n >= args.clusters:
                    break
                record = json.loads(line)
                x, y = cluster_rows(record["documents"], record["summary"], options)
                xs.append(x)
                ys.append(y)
        x, y = np.vstack(xs), np.concatenate(ys)
        if args.cache:
            np.savez(args.cache, x=x, y=y)
    # Ridge regression on standardised features (the bias column is left unpenalised).
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-6
    mean[0], std[0] = 0.0, 1.0
    z = (x - mean) / std
    penalty = args.ridge * np.eye(z.shape[1])
    penalty[0, 0] = 0.0
    coef = np.linalg.solve(z.T @ z + penalty, z.T @ y)
    raw = coef / std
    raw[0] = coef[0] - float(np.sum(coef[1:] * mean[1:] / std[1:]))
    prediction = x @ raw
    r = float(np.corrcoef(prediction, y)[0, 1])
    weights = {name: round(float(w), 5) for name, w in zip(FEATURES, raw, strict=True)}
    # A feature that never varies in the training data (validation text has no transcripts)
    # cannot be learned there: it keeps its hand-set prior.
    unlearned = [name for name, spread in zip(FEATURES[1:], x.std(axis=0)[1:], strict=True) if spread < 1e-6]
    # Validation text has no real video transcripts (the few documents the detector matches are
    # speech-shaped articles), so the transcript weight always keeps its prior.
    unlearned += [name for name in PRIOR_ONLY if name not in unlearned]
    for name in unlearned:
        weights[name] = DEFAULT_WEIGHTS[name]
    out = {
        "weights": weights,
        "trained_on": Path(args.data).name,
        "clusters": args.clusters,
        "sentences": len(y),
        "correlation": round(r, 4),
        "hand_set": unlearned,
        "command": f"python scripts/train_scorer.py {args.data} --clusters {args.clusters} --ridge {args.ridge}",
        "terms": TERMS,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=2))
    print(f"{len(y)} sentences, {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
    main()
