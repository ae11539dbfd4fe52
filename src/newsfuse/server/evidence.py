"""Evidence: for each summary sentence, the passage of each cited source that supports it.

The web page highlights these passages; the CLI's JSON schema does not carry them, so the server
adds them under an extra ``evidence`` key (docs in README, section "server").

The summary sentence's own span is exact (``Sentence.start``/``end``). For every other cited
document the best-matching sentence is found in two steps: a word-overlap shortlist (cheap, keeps
the cost bounded on big clusters) re-ranked with the same sentence encoder the pipeline used.
Only sentences the pipeline kept (``Briefing.sentences``) are searched: in clusters big enough to
be pre-filtered, a cited document's supporting sentence may lie outside that pool, and the best
pool match (with its lower ``score``) is shown instead.
"""

from __future__ import annotations

from typing import Any

from newsfuse.model import Briefing
from newsfuse.represent import Encoder
from newsfuse.text import tokens

__all__ = ["SHORTLIST", "evidence"]

#: Candidates per (summary sentence, cited document) passed from word overlap to the encoder.
#: On the example and 4 dev clusters the top 3 hold the encoder's own best match 15 times in 19
#: (top 1 alone: 10), while encoding 3 instead of 8 roughly halves the cost of evidence.
SHORTLIST = 3


def _overlap(mine: set[str], other: set[str]) -> float:
    if not mine or not other:
        return 0.0
    return len(mine & other) / len(mine | other)


def evidence(briefing: Briefing, encoder: Encoder) -> dict[str, Any]:
    """``{"documents": [{id, text}], "summary": [[{doc, start, end, score, exact}], ...]}``.

    ``summary`` runs parallel to the briefing's summary; each inner list has one span per cited
    document, in the order of ``sources``. Spans index the document's cleaned ``text`` given here
    (the text the pipeline read, not the raw HTML).
    """
    sentences = briefing.sentences
    index_of = {doc.id: i for i, doc in enumerate(briefing.documents)}
    by_doc: dict[int, list[int]] = {}
    for k, sentence in enumerate(sentences):
        by_doc.setdefault(sentence.doc, []).append(k)
    bags = [set(tokens(s.text)) for s in sentences]

    plans: list[list[tuple[str, list[int]]]] = []
    needed: set[int] = set()
    for item in briefing.summary:
        own = sentences[item.sentence]
        needed.add(item.sentence)
        plan = []
        for doc_id in item.sources:
            doc = index_of.get(doc_id)
            if doc is None:
                continue
            if doc == own.doc:
                plan.append((doc_id, [item.sentence]))
                continue
            mine = bags[item.sentence]
            ranked = sorted(by_doc.get(doc, []), key=lambda k: -_overlap(mine, bags[k]))[:SHORTLIST]
            plan.append((doc_id, ranked))
            needed.update(ranked)
        plans.append(plan)

    order = sorted(needed)
    row_of = {k: row for row, k in enumerate(order)}
    vectors = encoder.encode([sentences[k].text for k in order])

    spans: list[list[dict[str, Any]]] = []
    for item, plan in zip(briefing.summary, plans, strict=True):
        target = vectors[row_of[item.sentence]]
        found = []
        for doc_id, candidates in plan:
            if not candidates:
                continue
            scores = [float(vectors[row_of[k]] @ target) for k in candidates]
            best = max(range(len(candidates)), key=scores.__getitem__)
            sentence = sentences[candidates[best]]
            exact = candidates[best] == item.sentence
            found.append(
                {
                    "doc": doc_id,
                    "start": sentence.start,
                    "end": sentence.end,
                    "score": 1.0 if exact else round(scores[best], 3),
                    "exact": exact,
                }
            )
        spans.append(found)
    return {
        "documents": [{"id": doc.id, "text": doc.text} for doc in briefing.documents],
        "summary": spans,
    }
