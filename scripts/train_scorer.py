"""Train the selector's linear sentence scorer on Multi-News validation clusters.

    python scripts/train_scorer.py ../shared/data/multinews-validation-truncated.jsonl.gz \
        --clusters 800 --out src/newsfuse/select_data/weights.json

For every pooled sentence of a cluster it computes the scorer's features exactly as summarize()
does (``pipeline.prepare`` then ``select.scorer.pool_features``: the same pool, after the same
off-topic check), and a target: how much of the sentence the reference summary contains (unigram
precision plus twice the bigram precision over stemmed content words, ``sentence_target``). A
ridge regression maps features to target; its weights, one per feature name, ship in the package.
Deterministic for a given data file and cluster count (clusters are taken in file order).
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from itertools import pairwise
from pathlib import Path

import numpy as np

from newsfuse.config import Options
from newsfuse.ingest.readers import documents_from_texts
from newsfuse.pipeline import prepare
from newsfuse.represent import get_encoder
from newsfuse.represent.features import FEATURES
from newsfuse.select.scorer import DEFAULT_WEIGHTS, default_scorer, pool_features
from newsfuse.text import tokens

PRIOR_ONLY = ("transcript",)
TERMS = (
    "Trained on the Multi-News validation split (Fabbri et al., 2019), which its authors release for "
    "non-commercial research and education only. The weights are a few numbers derived from it; no text "
    "of the data set is included."
)


def sentence_target(
    sentence: str, reference_unigrams: set[str], reference_bigrams: set[tuple[str, str]]
) -> float:
    """How much of ``sentence`` the reference contains: what the scorer learns to predict."""
    words = tokens(sentence)
    if not words:
        return 0.0
    unigram = sum(w in reference_unigrams for w in words) / len(words)
    pairs = list(pairwise(words))
    bigram = sum(p in reference_bigrams for p in pairs) / len(pairs) if pairs else 0.0
    return unigram + 2.0 * bigram


def cluster_rows(texts: list[str], summary: str, options: Options) -> tuple[np.ndarray, np.ndarray]:
    """Features (columns in ``FEATURES`` order) and targets of a cluster's pooled sentences."""
    docs = documents_from_texts(texts, prefix="d", source="train")
    # The shipped scorer only picks the pool (by its lexical weights), exactly as a run does.
    state = prepare(docs, options=options, encoder=get_encoder("onnx"), scorer=default_scorer())
    if len(state.pooled) < 2:
        return np.zeros((0, len(FEATURES))), np.zeros(0)
    table = pool_features(state)
    x = np.column_stack([table.column(name) for name in FEATURES])
    ref = tokens(summary)
    ref_uni, ref_bi = set(ref), set(pairwise(ref))
    y = np.asarray([sentence_target(s.text, ref_uni, ref_bi) for s in state.pooled])
    return x, y


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data")
    parser.add_argument("--clusters", type=int, default=800)
    parser.add_argument("--ridge", type=float, default=1.0)
    parser.add_argument("--out", default="src/newsfuse/select/data/weights.json")
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
    bias = FEATURES.index("bias")
    rest = np.arange(len(FEATURES)) != bias
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-6
    mean[bias], std[bias] = 0.0, 1.0
    z = (x - mean) / std
    penalty = args.ridge * np.eye(z.shape[1])
    penalty[bias, bias] = 0.0
    coef = np.linalg.solve(z.T @ z + penalty, z.T @ y)
    raw = coef / std
    raw[bias] = coef[bias] - float(np.sum(coef[rest] * mean[rest] / std[rest]))
    prediction = x @ raw
    r = float(np.corrcoef(prediction, y)[0, 1])
    weights = {name: round(float(w), 5) for name, w in zip(FEATURES, raw, strict=True)}
    # A feature that never varies in the training data (validation text has no transcripts)
    # cannot be learned there: it keeps its hand-set prior.
    unlearned = [
        name for name, spread in zip(FEATURES, x.std(axis=0), strict=True) if spread < 1e-6 and name != "bias"
    ]
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
