"""scripts/train_line_filter.py (issue 16, third pass) on hand-made pages: labels, metric, model."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("train_line_filter", SCRIPTS / "train_line_filter.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up there
    spec.loader.exec_module(module)
    return module


def _page(script, lines, with_=(), without=(), prefix=""):
    return script.PageLines("p.html", tuple(with_), tuple(without), True, prefix, list(lines), frozenset())


ARTICLE = "The council voted on Tuesday to close the old bridge to  cars, citing cracks found last month."
BIO = "Jane Roe writes about cities for the paper. Reach her at jane@example.com."


def test_labels_follow_the_scorers_whitespace_and_containment(script) -> None:
    page = _page(
        script,
        [ARTICLE, BIO, "Share", "Both: the council voted. Reach her at jane@example.com.", "Unnamed line"],
        with_=["the council voted", "The council voted on Tuesday to close the old bridge to cars"],
        without=["Reach her at  jane@example.com", "Share this story"],
    )
    # "Share" is inside a 'without' snippet but too short to be labelled by containment alone.
    assert script.labels(page) == [0, 1, None, None, None]


def test_counts_score_like_bench_html(script) -> None:
    page = _page(
        script, [ARTICLE, BIO], with_=["close the old bridge"], without=["Reach her at"], prefix="Bridge"
    )
    assert script.counts(page) == (1, 1, 0)
    assert script.counts(page, [True, False]) == (1, 0, 0)
    assert script.counts(page, [False, True]) == (0, 1, 1)
    # A page set aside as junk is empty: every 'with' snippet missed.
    junk = script.PageLines("j.html", ("a",), ("b",), False, "", ["a b"], frozenset())
    assert script.counts(junk) == (0, 0, 1)
    assert script.prf(1, 1, 0) == (0.5, 1.0, pytest.approx(2 / 3))


def test_features_are_defined_for_any_script_and_page(script) -> None:
    lines = [
        "北京市政府周二宣布，新的地铁线路将于明年开通。",
        "Weitere Informationen unter www.example.de",
        "- Punkt",
    ]
    rows = script.page_features(lines, {"Weitere Informationen unter www.example.de"})
    assert len(rows) == 3 and all(len(r) == len(script.FEATURES) for r in rows)
    named = dict(zip(script.FEATURES, rows[1], strict=True))
    assert named["has_link"] == 1.0 and named["heading"] == 1.0 and named["last_line"] == 0.0
    assert dict(zip(script.FEATURES, rows[0], strict=True))["sentence_end"] == 1.0
    assert dict(zip(script.FEATURES, rows[2], strict=True))["list_item"] == 1.0
    assert script.page_features([]) == []


def test_the_model_learns_a_separable_rule_and_is_deterministic(script) -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 3))
    y = (x[:, 0] > 0.5).astype(float)
    model = script.fit(x, y, l2=1.0)
    again = script.fit(x, y, l2=1.0)
    assert np.array_equal(model["coef"], again["coef"])
    scores = script.predict(model, x)
    assert scores[y == 1].min() > scores[y == 0].mean()
    assert abs(model["coef"][0]) > 5 * max(abs(model["coef"][1]), abs(model["coef"][2]))


def test_the_threshold_removes_furniture_only_when_it_pays(script) -> None:
    good = _page(script, [ARTICLE, BIO], with_=["close the old bridge"], without=["Reach her at"])
    scores = {"p.html": np.array([0.1, 0.9])}
    threshold, f1 = script.choose_threshold([good], scores)
    assert threshold <= 0.9 and f1 == 1.0
    # The article line scores highest: removing anything costs more than it gains.
    bad = {"p.html": np.array([0.9, 0.1])}
    assert script.choose_threshold([good], bad)[0] == script.NEVER
