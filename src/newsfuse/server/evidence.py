"""Evidence: for each summary sentence, the passage of each cited source that supports it.

The web page highlights these passages; the CLI's JSON schema does not carry them, so the server
adds them under an extra ``evidence`` key (docs in README, section "server"). They are the
``cite`` stage's own findings (``SummarySentence.evidence``): the sentence the summary printed
(exact), and in every other cited source the passage most similar to it among those the
citation check encoded. Nothing is encoded again here.
"""

from __future__ import annotations

from typing import Any

from newsfuse.model import Briefing

__all__ = ["evidence"]


def evidence(briefing: Briefing) -> dict[str, Any]:
    """``{"documents": [{id, text}], "summary": [[{doc, start, end, score, exact}], ...]}``.

    ``summary`` runs parallel to the briefing's summary; each inner list has one span per cited
    document, in the order of ``sources``. Spans index the document's cleaned ``text`` given here
    (the text the pipeline read, not the raw HTML).
    """
    return {
        "documents": [{"id": doc.id, "text": doc.text} for doc in briefing.documents],
        "summary": [
            [
                {"doc": e.doc_id, "start": e.start, "end": e.end, "score": e.score, "exact": e.exact}
                for e in item.evidence
            ]
            for item in briefing.summary
        ],
    }
