"""The scorer: weights looked up by feature name, loaded from the trained file, injectable."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from newsfuse.errors import ModelError
from newsfuse.ingest.readers import read_clusters
from newsfuse.pipeline import prepare, summarize
from newsfuse.represent.features import FEATURES, LEXICAL_FEATURES, NEURAL_FEATURES, FeatureTable
from newsfuse.select.scorer import DEFAULT_WEIGHTS, WEIGHTS_FILE, LinearScorer, default_scorer, pool_features


@pytest.fixture(scope="module")
def sony_state(sony_dir: Path):
    (cluster,) = read_clusters([sony_dir])
    return prepare(cluster.documents)


def test_trained_weights_cover_every_feature_and_state_their_terms() -> None:
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert set(data["weights"]) == set(FEATURES) == set(DEFAULT_WEIGHTS)
    assert "non-commercial" in data["terms"]
    assert default_scorer().weights == {**DEFAULT_WEIGHTS, **data["weights"]}


def test_features_have_names_and_the_pool_gets_every_one(sony_state) -> None:
    table = pool_features(sony_state)
    assert table.names == LEXICAL_FEATURES + NEURAL_FEATURES
    assert table.values.shape == (len(sony_state.pooled), len(FEATURES))
    # A column is what its name says: the lead sentence of each document has lead = 1.
    leads = [k for k, s in enumerate(sony_state.pooled) if s.position == 0]
    assert leads and all(table.column("lead")[k] == 1.0 for k in leads)


def test_reordered_columns_score_the_same(sony_state) -> None:
    table = pool_features(sony_state)
    order = list(reversed(range(len(table.names))))
    shuffled = FeatureTable(tuple(table.names[i] for i in order), table.values[:, order])
    weights = default_scorer().weights
    assert np.allclose(table.weigh(weights), shuffled.weigh(weights))
    assert np.allclose(default_scorer().score(sony_state), table.weigh(weights))


def test_a_missing_weight_is_an_error_not_a_silent_zero(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no weight"):
        LinearScorer({"bias": 1.0})
    broken = tmp_path / "weights.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match=str(broken)):
        LinearScorer.load(broken)


def test_an_injected_scorer_changes_the_choice(sony_dir: Path) -> None:
    (cluster,) = read_clusters([sony_dir])
    shipped = summarize(cluster.documents)
    # Only the sentence length counts: the longest eligible sentences win.
    lengthy = LinearScorer({name: 1.0 if name == "long" else 0.0 for name in FEATURES})
    other = summarize(cluster.documents, scorer=lengthy)
    assert [s.text for s in shipped.summary] != [s.text for s in other.summary]
    assert default_scorer() is default_scorer()  # loaded once per process
