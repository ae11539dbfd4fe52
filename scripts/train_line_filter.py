"""Issue 16, third pass: can a small learned line filter raise precision on HTML text? (CV only.)

    PYTHONPATH=src .venv/bin/python scripts/train_line_filter.py                    # about 3 min
    PYTHONPATH=src .venv/bin/python scripts/train_line_filter.py --cache /tmp/lines.pkl  # reruns

Reads the TUNING half only of ``../shared/data/trafilatura-eval-dev.tar.gz`` with
``scripts/bench_html.py``'s loader and split (the held-out pages are never read). Every page goes
through newsfuse as shipped (the file reader, trafilatura, the line rules for HTML); each line of
the cleaned text gets general, language-agnostic features (``FEATURES``: length, punctuation at
its end, capitalisation, digits, links and handles, position, length against the page's median,
share of short function-like words, prose before and after it, whether trafilatura's XML marks
it as a heading or list item; nothing names a word or a site, and pages are independent) and,
where the evaluation names it, a label: a line containing, or (15+ characters) contained in, a
'without' snippet (whitespace collapsed, as the scorer does) is furniture; one containing or
contained in a 'with' snippet is article; a line with both or neither is not trained on, unless
``--weak`` gives unnamed lines that weight as article.

Model: L2-regularised logistic regression (numpy, Newton steps), features standardised, the two
classes weighted equally. Threshold: the best F1 of the scorer's snippet metric on out-of-fold
scores with precision >= 0.93 ("remove nothing" is a candidate; ties go to fewer removals).
Figures: nested 5-fold cross-validation grouped by page -- each outer fold's model, L2 strength
and threshold are chosen on the other four folds alone (the threshold and L2 by an inner 5-fold
CV over those pages) -- pooled over the outer folds, beside newsfuse without the filter on the same pages, with a
paired bootstrap over pages of the F1 difference; and, as an optimistic ceiling, what removing
the top-k lines of plain 5-fold out-of-fold scores does to the metric.

The filter is not part of newsfuse: cross-validation showed no gain (BENCHMARKS.md, "HTML
extraction", "Third pass"), so no weights are written or shipped. Deterministic: folds come from
the SHA-256 of the page's file name. The pages are third-party web pages kept in trafilatura's
repository for evaluation; nothing of them is written anywhere but the optional ``--cache``.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import pickle
import re
import statistics
import sys
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_html import TARBALL, Page, load_pages, norm

from newsfuse.text import SENTENCE_END_MARKS, count_words

MIN_PRECISION = 0.93
FOLDS = 5
L2_GRID = (1.0, 10.0, 100.0, 1000.0)
#: A line shorter than this (whitespace collapsed) is labelled only by containing a snippet, not by
#: being contained in one ("Share" is inside many snippets).
MIN_CONTAINED_CHARS = 15

# --- features -----------------------------------------------------------------------------------

_SENTENCE_END = re.compile(rf"[.!?…{SENTENCE_END_MARKS}][\"”’')\]」』）»]*$")
_COLON_END = re.compile(r"[:：]\s*$")
_URL = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|de|fr|es|it|pl|co|uk|ru|jp|cn|info|io)\b", re.I)
_HANDLE = re.compile(r"(?:^|\s)@\w|\S@\S+\.\w|©|\(c\)", re.I)
_SEPARATORS = re.compile(r"[|•·»›►▶→]")
_WORD = re.compile(r"\w+")
#: A line of prose: this many words, ending like a sentence.
PROSE_WORDS = 20

FEATURES: tuple[str, ...] = (
    "log_words",
    "log_chars",
    "sentence_end",
    "colon_end",
    "capitalised_share",
    "digit_share",
    "symbol_share",
    "short_word_share",
    "has_link",
    "has_handle_or_copyright",
    "has_separator",
    "list_item",
    "heading",
    "relative_position",
    "first_line",
    "last_line",
    "log_length_to_median",
    "prose_after",
    "prose_before",
    "log_page_lines",
)


def _is_prose(line: str) -> bool:
    return count_words(line) >= PROSE_WORDS and bool(_SENTENCE_END.search(line.strip()))


def line_features(line: str) -> dict[str, float]:
    """Features of the line alone."""
    text = line.strip()
    words = text.split()
    cased = [w for w in words if w[:1].isalpha() and w[:1].lower() != w[:1].upper()]
    letters = [c for c in text if not c.isspace()]
    tokens = _WORD.findall(text)
    return {
        "log_words": math.log1p(count_words(text)),
        "log_chars": math.log1p(len(text)),
        "sentence_end": float(bool(_SENTENCE_END.search(text))),
        "colon_end": float(bool(_COLON_END.search(text))),
        "capitalised_share": sum(w[:1].isupper() for w in cased) / len(cased) if cased else 0.0,
        "digit_share": sum(c.isdigit() for c in letters) / len(letters) if letters else 0.0,
        "symbol_share": sum(not c.isalnum() for c in letters) / len(letters) if letters else 0.0,
        "short_word_share": sum(len(t) <= 3 for t in tokens) / len(tokens) if tokens else 0.0,
        "has_link": float(bool(_URL.search(text))),
        "has_handle_or_copyright": float(bool(_HANDLE.search(text))),
        "has_separator": float(bool(_SEPARATORS.search(text))),
        "list_item": float(text.startswith(("- ", "• ", "* "))),
    }


def page_features(lines: Sequence[str], headings: Collection[str] = ()) -> list[list[float]]:
    """One feature vector (in ``FEATURES`` order) per line of a page's text.

    ``headings``: the whitespace-collapsed texts trafilatura marked as headings on the page.
    """
    n = len(lines)
    lengths = [len(line.strip()) for line in lines]
    median = statistics.median(lengths) if lengths else 1.0
    prose_words = [count_words(line) if _is_prose(line) else 0 for line in lines]
    total_prose = sum(prose_words) or 1
    rows = []
    before = 0
    for i, line in enumerate(lines):
        after = total_prose - before - prose_words[i]
        values = line_features(line)
        values.update(
            {
                "heading": float(" ".join(line.split()) in headings),
                "relative_position": i / (n - 1) if n > 1 else 0.0,
                "first_line": float(i == 0),
                "last_line": float(i == n - 1),
                "log_length_to_median": math.log((lengths[i] + 1) / (median + 1)),
                "prose_after": after / total_prose,
                "prose_before": before / total_prose,
                "log_page_lines": math.log(n),
            }
        )
        before += prose_words[i]
        rows.append([values[name] for name in FEATURES])
    return rows


# --- the pages' lines and labels ---------------------------------------------------------------


@dataclass
class PageLines:
    file: str
    with_: tuple[str, ...]
    without: tuple[str, ...]
    scored: bool  # False: set aside as junk or refused (counts as empty, as bench_html does)
    prefix: str  # the headline moved into the title: scored with the text, never filtered
    lines: list[str]
    headings: frozenset[str]


def _headings(page: Page) -> frozenset[str]:
    """Texts trafilatura marks as headings (``<head>``) in its XML body, whitespace collapsed."""
    import trafilatura

    from newsfuse.ingest.extraction import EXTRACTION

    try:
        doc = trafilatura.bare_extraction(page.data, **EXTRACTION)
    except Exception:  # a page trafilatura cannot read has no headings
        return frozenset()
    if doc is None or doc.body is None:
        return frozenset()
    return frozenset(norm("".join(e.itertext())) for e in doc.body.iter("head"))


def read_page(page: Page) -> PageLines:
    """The page's cleaned lines as newsfuse gives them (bench_html's 'newsfuse as shipped')."""
    from newsfuse.errors import InputError
    from newsfuse.ingest.clean import TITLE_REASON, clean_document
    from newsfuse.ingest.readers import documents_from_bytes

    try:
        (doc,) = documents_from_bytes(page.data, page.file, html=True)
        doc = clean_document(doc)
    except InputError:  # refused by the reader: an empty page, as bench_html counts it
        return PageLines(page.file, page.with_, page.without, False, "", [], frozenset())
    moved = any(r.reason == TITLE_REASON for r in doc.removed) and doc.title
    lines = [line for line in doc.text.split("\n\n") if line.strip()]
    prefix = doc.title if moved and doc.title else ""
    return PageLines(
        page.file, page.with_, page.without, doc.status != "junk", prefix, lines, _headings(page)
    )


def labels(page: PageLines) -> list[int | None]:
    """1 furniture, 0 article, None unnamed or both, per line."""
    out: list[int | None] = []
    with_ = [norm(s) for s in page.with_]
    without = [norm(s) for s in page.without]
    for line in page.lines:
        text = norm(line)
        bad = any(s in text or (len(text) >= MIN_CONTAINED_CHARS and text in s) for s in without)
        good = any(s in text or (len(text) >= MIN_CONTAINED_CHARS and text in s) for s in with_)
        out.append(1 if bad and not good else 0 if good and not bad else None)
    return out


def reach(pages: Sequence[PageLines]) -> Counter[str]:
    """Each kept 'without' snippet by the line holding it: a furniture line, a line that also holds
    article text, the headline moved into the title, or no single line."""
    out: Counter[str] = Counter()
    for page in pages:
        if not page.scored:
            continue
        text = norm("\n".join(filter(None, [page.prefix, "\n\n".join(page.lines)])))
        named = labels(page)
        for snippet in (norm(s) for s in page.without if norm(s) in text):
            held = [i for i, line in enumerate(page.lines) if snippet in norm(line)]
            if any(named[i] == 1 for i in held):
                out["furniture line"] += 1
            elif held:
                out["line with article text"] += 1
            else:
                out["headline" if snippet in norm(page.prefix) else "across lines"] += 1
    return out


def fold_of(file: str, salt: str = "", folds: int = FOLDS) -> int:
    return hashlib.sha256((salt + file).encode()).digest()[1] % folds


# --- the model ---------------------------------------------------------------------------------


def fit(x: np.ndarray, y: np.ndarray, sample: np.ndarray | None = None, l2: float = 1.0) -> dict[str, object]:
    """Standardised, class-balanced, L2-regularised logistic regression by Newton's method."""
    sample = np.ones(len(y)) if sample is None else sample
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    positives, negatives = (sample * y).sum(), (sample * (1 - y)).sum()
    weight = sample * np.where(y == 1, 0.5 / max(positives, 1e-9), 0.5 / max(negatives, 1e-9)) * sample.sum()
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0  # the intercept is not shrunk
    for _ in range(100):
        p = 1 / (1 + np.exp(-np.clip(z @ beta, -30, 30)))
        gradient = z.T @ (weight * (p - y)) + penalty * beta
        hessian = (z * (weight * p * (1 - p))[:, None]).T @ z + np.diag(penalty) + 1e-9 * np.eye(len(beta))
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return {"mean": mean, "scale": scale, "coef": beta[:-1], "intercept": float(beta[-1])}


def predict(model: dict[str, object], x: np.ndarray) -> np.ndarray:
    if not len(x):
        return np.zeros(0)
    z = (x - model["mean"]) / model["scale"]  # type: ignore[operator]
    return 1 / (1 + np.exp(-np.clip(z @ model["coef"] + model["intercept"], -30, 30)))  # type: ignore[operator]


# --- the scorer's metric -----------------------------------------------------------------------

_BASE: dict[str, tuple[int, int, int]] = {}


def counts(page: PageLines, keep: Sequence[bool] | None = None) -> tuple[int, int, int]:
    """(tp, fp, fn) of the page's text with only the kept lines, scored as bench_html scores it."""
    if not page.scored:
        return 0, 0, len(page.with_)
    if keep is None or all(keep):
        if page.file not in _BASE:
            _BASE[page.file] = _counts(page, [True] * len(page.lines))
        return _BASE[page.file]
    return _counts(page, keep)


def _counts(page: PageLines, keep: Sequence[bool]) -> tuple[int, int, int]:
    lines = [line for line, k in zip(page.lines, keep, strict=True) if k]
    text = norm("\n".join(filter(None, [page.prefix, "\n\n".join(lines)])))
    if not text:
        return 0, 0, len(page.with_)
    tp = sum(norm(s) in text for s in page.with_)
    fp = sum(norm(s) in text for s in page.without)
    return tp, fp, len(page.with_) - tp


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * tp / (2 * tp + fp + fn) if tp else 0.0)


def total(pages: Sequence[PageLines], scores: dict[str, np.ndarray] | None, threshold: float) -> np.ndarray:
    """(tp, fp, fn) summed over the pages, lines scoring >= threshold removed."""
    out = np.zeros(3, dtype=int)
    for page in pages:
        out += counts(page, None if scores is None else list(scores[page.file] < threshold))
    return out


NEVER = 2.0  # a threshold no score reaches: remove nothing


def choose_threshold(pages: Sequence[PageLines], scores: dict[str, np.ndarray]) -> tuple[float, float]:
    """(threshold, its F1): best F1 with precision >= MIN_PRECISION; ties go to fewer removals."""
    pooled = np.concatenate([scores[p.file] for p in pages])
    candidates = {float(t) for t in np.quantile(pooled, np.linspace(0.80, 1.0, 81))} | {NEVER}
    best, best_f1 = NEVER, -1.0
    for t in sorted(candidates, reverse=True):
        precision, _, f1 = prf(*total(pages, scores, t))
        if precision >= MIN_PRECISION and f1 > best_f1 + 1e-12:
            best, best_f1 = t, f1
    return best, best_f1


# --- cross-validation --------------------------------------------------------------------------

_FEATURES: dict[str, np.ndarray] = {}


def features_of(page: PageLines) -> np.ndarray:
    if page.file not in _FEATURES:
        _FEATURES[page.file] = np.array(page_features(page.lines, page.headings)).reshape(-1, len(FEATURES))
    return _FEATURES[page.file]


def matrices(pages: Sequence[PageLines], weak: float = 0.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    xs, ys, ws = [], [], []
    for page in pages:
        if not page.lines or not page.scored:
            continue
        for row, label in zip(features_of(page), labels(page), strict=True):
            if label is None and not weak:
                continue
            xs.append(row)
            ys.append(0 if label is None else label)
            ws.append(weak if label is None else 1.0)
    return np.array(xs), np.array(ys, dtype=float), np.array(ws)


def train(pages: Sequence[PageLines], weak: float, l2: float) -> dict[str, object]:
    x, y, w = matrices(pages, weak)
    return fit(x, y, w, l2)


def oof_scores(pages: Sequence[PageLines], weak: float, l2: float, salt: str = "") -> dict[str, np.ndarray]:
    """Out-of-fold scores: each page scored by a model fitted on the other folds' pages."""
    out: dict[str, np.ndarray] = {}
    for k in range(FOLDS):
        model = train([p for p in pages if fold_of(p.file, salt) != k], weak, l2)
        out.update({p.file: predict(model, features_of(p)) for p in pages if fold_of(p.file, salt) == k})
    return out


def nested_cv(
    pages: Sequence[PageLines], weak: float, grid: Sequence[float]
) -> tuple[dict[str, np.ndarray], dict[str, float], list[str]]:
    """Outer-fold scores, the threshold each page's outer fold chose, and what each fold chose."""
    scores: dict[str, np.ndarray] = {}
    thresholds: dict[str, float] = {}
    notes = []
    for k in range(FOLDS):
        train_pages = [p for p in pages if fold_of(p.file) != k]
        test_pages = [p for p in pages if fold_of(p.file) == k]
        inner = {
            l2: choose_threshold(train_pages, oof_scores(train_pages, weak, l2, f"inner{k}")) for l2 in grid
        }
        l2 = max(grid, key=lambda g: (round(inner[g][1], 12), g))  # best inner F1; ties: stronger L2
        threshold = inner[l2][0]
        model = train(train_pages, weak, l2)
        for page in test_pages:
            scores[page.file] = predict(model, features_of(page))
            thresholds[page.file] = threshold
        removes = "nothing" if threshold == NEVER else f"score >= {threshold:.3f}"
        notes.append(f"fold {k}: {len(test_pages)} pages, L2 {l2:g}, removes {removes}")
    return scores, thresholds, notes


def bootstrap(before: np.ndarray, after: np.ndarray, n: int = 2000) -> np.ndarray:
    rng = np.random.default_rng(16)
    diffs = []
    for _ in range(n):
        idx = rng.integers(0, len(before), len(before))
        diffs.append(prf(*after[idx].sum(axis=0))[2] - prf(*before[idx].sum(axis=0))[2])
    return np.quantile(diffs, [0.05, 0.5, 0.95])


def _fmt(tp_fp_fn: Sequence[int]) -> str:
    tp, fp, fn = (int(v) for v in tp_fp_fn)
    precision, recall, f1 = prf(tp, fp, fn)
    return f"P/R/F1 {precision:.3f} / {recall:.3f} / {f1:.3f} (tp {tp}, fp {fp}, fn {fn})"


def report_cv(pages: Sequence[PageLines], name: str, weak: float, grid: Sequence[float]) -> None:
    base = np.array([counts(p) for p in pages])
    scores, thresholds, notes = nested_cv(pages, weak, grid)
    after = np.array([counts(p, list(scores[p.file] < thresholds[p.file])) for p in pages])
    removed = sum(int((scores[p.file] >= thresholds[p.file]).sum()) for p in pages)
    low, mid, high = bootstrap(base, after)
    print(f"\n{name}: nested 5-fold CV {_fmt(after.sum(axis=0))}, {removed} lines removed")
    for note in notes:
        print(f"  {note}")
    print(
        f"  F1 change, paired bootstrap over pages: median {mid:+.4f}, 90 % interval [{low:+.4f}, {high:+.4f}]"
    )


def report_ceiling(pages: Sequence[PageLines], name: str, weak: float, l2: float) -> None:
    """Removing the top-k lines of plain out-of-fold scores: the best any threshold could do."""
    scores = oof_scores(pages, weak, l2)
    pooled = np.sort(np.concatenate(list(scores.values())))[::-1]
    labelled = [(s, label) for p in pages for s, label in zip(scores[p.file], labels(p), strict=True)]
    y = np.array([label for _, label in labelled if label is not None])
    s = np.array([s for s, label in labelled if label is not None])
    auc = (s[y == 1][:, None] > s[y == 0][None, :]).mean() + 0.5 * (
        s[y == 1][:, None] == s[y == 0][None, :]
    ).mean()
    print(f"\n{name}, L2 {l2:g}: out-of-fold AUC on the named lines {auc:.3f}; removing the top k lines:")
    for k in (0, 5, 10, 20, 40, 80, 160, 320):
        threshold = pooled[k - 1] if k else NEVER
        print(f"  k = {k:3d}: {_fmt(total(pages, scores, threshold))}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=TARBALL)
    parser.add_argument(
        "--cache", type=Path, help="pickle of the pages' lines: read if present, else written"
    )
    parser.add_argument(
        "--weak", type=float, default=0.1, help="weight of unnamed lines as article, variant 3"
    )
    args = parser.parse_args(argv)

    if args.cache and args.cache.exists():
        pages = pickle.loads(args.cache.read_bytes())
    else:
        pages = [read_page(p) for p in load_pages(args.data) if p.half == "tuning"]
        if args.cache:
            args.cache.write_bytes(pickle.dumps(pages))
    named = [label for p in pages if p.scored for label in labels(p)]
    print(
        f"{len(pages)} tuning pages, {len(named)} lines of newsfuse's text: {named.count(1)} furniture, "
        f"{named.count(0)} article, {named.count(None)} unnamed or both"
    )
    print(f"newsfuse without a filter: {_fmt(total(pages, None, NEVER))}")
    print(f"where its kept 'without' snippets sit (what a line filter can reach): {dict(reach(pages))}")
    report_cv(pages, "1. L2 1 (fixed)", 0.0, (1.0,))
    report_cv(pages, "2. L2 chosen in the inner CV", 0.0, L2_GRID)
    report_cv(pages, f"3. unnamed lines as article, weight {args.weak:g}, L2 chosen", args.weak, L2_GRID)
    for l2 in (1.0, 1000.0):
        report_ceiling(pages, "named lines only", 0.0, l2)
    report_ceiling(pages, f"unnamed lines as article, weight {args.weak:g}", args.weak, 1.0)

    return 0


if __name__ == "__main__":
    sys.exit(main())
