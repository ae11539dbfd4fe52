"""Tune the selector on dev data: ROUGE for weight/pool variants, with encodings cached in memory.

    python scripts/tune_selector.py ../shared/data/multinews-raw-dev.jsonl [--limit K] [--trained]
    python scripts/tune_selector.py ../shared/data/multinews-raw-dev.jsonl --oracle-noise 0,1,2,3

Prints one line per variant. Development tool: the shipped weights come from train_scorer.py.

``--oracle-noise`` measures how good a sentence scorer must be: selection runs as shipped (pool,
eligibility, redundancy, budget) but on the reference-based figure the scorer is trained to
predict (train_scorer's target) plus Gaussian noise of each given size (in standard deviations of
the figure within the pool; 3 seeds). Each line gives the mean per-cluster Spearman correlation of
the noisy scores and of the shipped scorer with that figure, and ROUGE.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

import numpy as np

from newsfuse import pipeline, select
from newsfuse.config import Options
from newsfuse.ingest.readers import documents_from_texts
from newsfuse.represent import get_encoder


class CachingEncoder:
    name = "onnx"

    def __init__(self) -> None:
        self.real = get_encoder("onnx")
        self.cache: dict[str, np.ndarray] = {}

    def encode(self, texts):
        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing:
            for t, v in zip(missing, self.real.encode(missing), strict=True):
                self.cache[t] = v
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.asarray([self.cache[t] for t in texts], dtype=np.float32)


def score_all(clusters, options, scorer):
    from newsfuse.evaluate import _sentences

    totals = np.zeros(3)
    for docs, refs in clusters:
        briefing = pipeline.summarize(docs, options=options)
        summary = "\n".join(s.text for s in briefing.summary)
        for ref in refs:
            r = scorer.score("\n".join(_sentences(ref)), summary)
            totals += [r["rouge1"].fmeasure, r["rouge2"].fmeasure, r["rougeLsum"].fmeasure]
    return 100 * totals / len(clusters)


def oracle_curve(clusters, sigmas: list[float], scorer) -> None:
    """ROUGE of selection on the reference-based figure plus noise (see the module docstring)."""
    from itertools import pairwise

    from scipy.stats import spearmanr
    from train_scorer import _target

    from newsfuse.evaluate import _sentences
    from newsfuse.text import tokens

    shipped_select = pipeline.select
    state: dict = {}

    def noisy_select(sentences, vectors, scores, **kwargs):
        if not sentences:
            return shipped_select(sentences, vectors, scores, **kwargs)
        words = tokens(state["reference"])
        unigrams, bigrams = set(words), set(pairwise(words))
        figure = np.asarray([_target(s.text, unigrams, bigrams) for s in sentences])
        z = (figure - figure.mean()) / (figure.std() + 1e-9)
        noisy = z + state["sigma"] * state["rng"].normal(size=len(z))
        if len(z) > 3 and figure.std() > 0:
            state["rho"].append(spearmanr(noisy, figure).statistic)
            state["rho_shipped"].append(spearmanr(scores, figure).statistic)
        return shipped_select(sentences, vectors, noisy, **kwargs)

    pipeline.select = noisy_select
    for sigma in sigmas:
        state.update(sigma=sigma, rho=[], rho_shipped=[])
        totals = np.zeros(3)
        for seed in range(3):
            state["rng"] = np.random.default_rng(seed)
            for docs, refs in clusters:
                state["reference"] = refs[0]
                summary = "\n".join(s.text for s in pipeline.summarize(docs).summary)
                r = scorer.score("\n".join(_sentences(refs[0])), summary)
                totals += [r["rouge1"].fmeasure, r["rouge2"].fmeasure, r["rougeLsum"].fmeasure]
        r1, r2, rl = 100 * totals / (3 * len(clusters))
        print(
            f"noise {sigma:4.1f}  Spearman {np.mean(state['rho']):.3f} (shipped scorer "
            f"{np.mean(state['rho_shipped']):.3f})  {r1:6.2f} {r2:6.2f} {rl:6.2f}"
        )
        sys.stdout.flush()
    pipeline.select = shipped_select


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--trained", action="store_true", help="start from select_data/weights.json")
    parser.add_argument("--weights", help="start from this weights file instead")
    parser.add_argument(
        "--variants",
        default="{}",
        help="JSON list of {weights overrides, pool, per_document, words, redundancy}",
    )
    parser.add_argument("--oracle-noise", help="comma-separated noise sizes: the scorer-quality curve")
    args = parser.parse_args()
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    with Path(args.data).open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle][: args.limit]
    clusters = [
        (documents_from_texts(r["documents"], prefix="d", source=str(r["id"])), [r["summary"]]) for r in rows
    ]
    encoder = CachingEncoder()
    pipeline.get_encoder = lambda name: encoder  # type: ignore[assignment]
    if args.oracle_noise:
        oracle_curve(clusters, [float(x) for x in args.oracle_noise.split(",")], scorer)
        return
    base = dict(select.DEFAULT_WEIGHTS)
    if args.trained or args.weights:
        source = Path(args.weights) if args.weights else select.WEIGHTS_FILE
        base.update(json.loads(source.read_text())["weights"])
    select.WEIGHTS_FILE = Path("/nonexistent")  # variants below set every weight themselves
    variants = json.loads(args.variants) or [{}]
    for variant in variants:
        variant = dict(variant)
        # Pool settings default to the shipped ones, so a variant {} reproduces `newsfuse eval`.
        pool = variant.pop("pool", Options().pool_sentences)
        per_document = variant.pop("per_document", Options().pool_per_document)
        words = variant.pop("words", 250)
        redundancy = variant.pop("redundancy", Options().redundancy_threshold)
        weights = {**base, **variant}
        select.weights.cache_clear()
        select.DEFAULT_WEIGHTS = weights  # type: ignore[misc]
        options = dataclasses.replace(
            Options(),
            pool_sentences=pool,
            pool_per_document=per_document,
            words=words,
            redundancy_threshold=redundancy,
        )
        t = time.perf_counter()
        r1, r2, rl = score_all(clusters, options, scorer)
        print(
            f"{r1:6.2f} {r2:6.2f} {rl:6.2f}  pool={pool}+{per_document}/doc words={words} red={redundancy} {variant}  ({time.perf_counter() - t:.0f}s)"
        )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
