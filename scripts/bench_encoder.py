"""Encoder throughput and agreement: the bundled float-cast model against its re-quantized copy.

    python scripts/bench_encoder.py [--sentences 300]

Both run on one thread over the same real dev sentences in the same process; figures are CPU
time, so other load on the machine matters less. Agreement is the mean cosine similarity of the
two vectors of each sentence.
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np

from newsfuse.ingest.clean import clean_cluster
from newsfuse.ingest.readers import documents_from_texts
from newsfuse.represent.lexical import HashedTfidf
from newsfuse.represent.onnx import OnnxMiniLM
from newsfuse.segment import segment


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="../shared/data/multinews-raw-dev.jsonl")
    parser.add_argument("--sentences", type=int, default=300)
    args = parser.parse_args()
    texts: list[str] = []
    with open(args.data, encoding="utf-8") as handle:
        for line in handle:
            docs = clean_cluster(documents_from_texts(json.loads(line)["documents"], prefix="d", source="b"))
            texts += [s.text for s in segment(docs)]
            if len(texts) >= args.sentences:
                break
    texts = texts[: args.sentences]
    encoders = {
        "minilm-float (baseline)": OnnxMiniLM(threads=1, requantize=False),
        "minilm-requantized (default)": OnnxMiniLM(threads=1),
        "lexical": HashedTfidf(),
    }
    vectors = {}
    for name, encoder in encoders.items():
        encoder.encode(texts[:5])
        started = time.process_time()
        vectors[name] = encoder.encode(texts)
        rate = len(texts) / (time.process_time() - started)
        print(f"{name:<30} {rate:8.1f} sentences/s (1 thread, CPU time)")
    base, fast = vectors["minilm-float (baseline)"], vectors["minilm-requantized (default)"]
    print(f"agreement requantized vs float: {float(np.mean(np.sum(base * fast, axis=1))):.3f} mean cosine")


if __name__ == "__main__":
    main()
