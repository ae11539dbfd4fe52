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
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from newsfuse.config import Options
from newsfuse.evaluate import ROUGE_KEYS, reference_rouge
from newsfuse.ingest.readers import documents_from_texts
from newsfuse.pipeline import summarize
from newsfuse.represent import get_encoder
from newsfuse.represent.features import FeatureTable
from newsfuse.select.scorer import DEFAULT_WEIGHTS, WEIGHTS_FILE, LinearScorer
from newsfuse.state import Prepared


class CachingEncoder:
    """The bundled encoder, remembering every sentence it encoded (variants re-encode nothing)."""

    name = "onnx"

    def __init__(self) -> None:
        self.real = get_encoder("onnx")
        self.cache: dict[str, np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing:
            for t, v in zip(missing, self.real.encode(missing), strict=True):
                self.cache[t] = v
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.asarray([self.cache[t] for t in texts], dtype=np.float32)


def score_all(clusters, options, rouge_scorer, encoder, scorer) -> np.ndarray:
    totals = np.zeros(3)
    for docs, refs in clusters:
        briefing = summarize(docs, options=options, encoder=encoder, scorer=scorer)
        summary = "\n".join(s.text for s in briefing.summary)
        for ref in refs:
            totals += np.asarray(reference_rouge(rouge_scorer, ref, summary))
    return 100 * totals / len(clusters)


class OracleScorer:
    """Scores pooled sentences by the reference-based figure the shipped scorer is trained to
    predict (train_scorer.sentence_target), plus Gaussian noise of ``sigma`` standard deviations;
    records each cluster's Spearman correlation of the noisy and of the shipped scores with it."""

    def __init__(self, shipped: LinearScorer, sigma: float, seed: int) -> None:
        self.shipped, self.sigma = shipped, sigma
        self.rng = np.random.default_rng(seed)
        self.reference = ""
        self.rho: list[float] = []
        self.rho_shipped: list[float] = []

    def prescore(self, lexical: FeatureTable) -> np.ndarray:
        return self.shipped.prescore(lexical)  # the same pool as the shipped run

    def score(self, state: Prepared) -> np.ndarray:
        from itertools import pairwise

        from scipy.stats import spearmanr
        from train_scorer import sentence_target

        from newsfuse.text import tokens

        words = tokens(self.reference)
        unigrams, bigrams = set(words), set(pairwise(words))
        figure = np.asarray([sentence_target(s.text, unigrams, bigrams) for s in state.pooled])
        z = (figure - figure.mean()) / (figure.std() + 1e-9)
        noisy = z + self.sigma * self.rng.normal(size=len(z))
        if len(z) > 3 and figure.std() > 0:
            self.rho.append(spearmanr(noisy, figure).statistic)
            self.rho_shipped.append(spearmanr(self.shipped.score(state), figure).statistic)
        return noisy


def oracle_curve(clusters, sigmas: list[float], rouge_scorer, encoder) -> None:
    """ROUGE of selection on the reference-based figure plus noise (see the module docstring)."""
    shipped = LinearScorer.load()
    for sigma in sigmas:
        totals = np.zeros(3)
        rho, rho_shipped = [], []
        for seed in range(3):
            oracle = OracleScorer(shipped, sigma, seed)
            for docs, refs in clusters:
                oracle.reference = refs[0]
                summary = "\n".join(s.text for s in summarize(docs, encoder=encoder, scorer=oracle).summary)
                totals += np.asarray(reference_rouge(rouge_scorer, refs[0], summary))
            rho += oracle.rho
            rho_shipped += oracle.rho_shipped
        r1, r2, rl = 100 * totals / (3 * len(clusters))
        print(
            f"noise {sigma:4.1f}  Spearman {np.mean(rho):.3f} (shipped scorer "
            f"{np.mean(rho_shipped):.3f})  {r1:6.2f} {r2:6.2f} {rl:6.2f}"
        )
        sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--trained", action="store_true", help="start from select/data/weights.json")
    parser.add_argument("--weights", help="start from this weights file instead")
    parser.add_argument(
        "--variants",
        default="{}",
        help="JSON list of {weights overrides, pool, per_document, words, redundancy}",
    )
    parser.add_argument("--oracle-noise", help="comma-separated noise sizes: the scorer-quality curve")
    args = parser.parse_args()
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(ROUGE_KEYS), use_stemmer=True)
    with Path(args.data).open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle][: args.limit]
    clusters = [
        (documents_from_texts(r["documents"], prefix="d", source=str(r["id"])), [r["summary"]]) for r in rows
    ]
    encoder = CachingEncoder()
    if args.oracle_noise:
        oracle_curve(clusters, [float(x) for x in args.oracle_noise.split(",")], scorer, encoder)
        return
    base = dict(DEFAULT_WEIGHTS)
    if args.trained or args.weights:
        base = dict(LinearScorer.load(Path(args.weights) if args.weights else WEIGHTS_FILE).weights)
    variants = json.loads(args.variants) or [{}]
    for variant in variants:
        variant = dict(variant)
        # Pool settings default to the shipped ones, so a variant {} reproduces `newsfuse eval`
        # (with --trained).
        defaults = Options()
        pool = variant.pop("pool", defaults.pool_sentences)
        per_document = variant.pop("per_document", defaults.pool_per_document)
        words = variant.pop("words", 250)
        redundancy = variant.pop("redundancy", defaults.redundancy_threshold)
        options = dataclasses.replace(
            defaults,
            pool_sentences=pool,
            pool_per_document=per_document,
            words=words,
            redundancy_threshold=redundancy,
        )
        t = time.perf_counter()
        r1, r2, rl = score_all(clusters, options, scorer, encoder, LinearScorer({**base, **variant}))
        print(
            f"{r1:6.2f} {r2:6.2f} {rl:6.2f}  pool={pool}+{per_document}/doc words={words} red={redundancy} {variant}  ({time.perf_counter() - t:.0f}s)"
        )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
