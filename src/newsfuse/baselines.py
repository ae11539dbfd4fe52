"""Further baselines for ``newsfuse eval``: sumy's LexRank and TextRank.

sumy tokenises with nltk's punkt models, which are not on PyPI; it accepts any object with
``to_sentences``/``to_words``, so we hand it our own sentence splitter (pysbd, as the pipeline
uses) and a plain word regex. Documents are concatenated into one text, as in the Multi-News
paper's baselines; the summary takes ranked sentences in document order until the word budget.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfuse.model import Document
from newsfuse.segment import split_sentences

__all__ = ["sumy_summary"]

WORDS = re.compile(r"[\w'’-]+")


class _Tokenizer:
    """The two methods sumy's parsers call, without nltk data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(paragraph[a:b] for a, b in split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(WORDS.findall(sentence))


def sumy_summary(name: str, documents: Sequence[Document], words: int) -> list[str]:
    """Sentences chosen by sumy's ``name`` summarizer ("lexrank" or "textrank") within ``words``."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    text = "\n\n".join(d.raw or d.text for d in documents)
    parser = PlaintextParser.from_string(text, _Tokenizer())
    summarizer = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}[name](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    # sumy's public call returns the top k sentences in document order; the largest k whose
    # sentences fit the budget is found by bisection (sumy rates sentences the same each call).
    chosen: list[str] = []
    low, high = 1, len(parser.document.sentences)
    while low <= high:
        middle = (low + high) // 2
        candidate = [str(s) for s in summarizer(parser.document, middle)]
        if sum(len(s.split()) for s in candidate) <= words:
            chosen, low = candidate, middle + 1
        else:
            high = middle - 1
    return chosen
