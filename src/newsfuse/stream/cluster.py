"""Online story clustering: each arriving article joins the best recent story or starts a new one.

An article is a bag of stemmed content words of its title and lead (the first ``lead_words``
words). A story is the running sum of its articles' sublinear term frequencies (its ``terms``,
capped to the strongest ``profile_terms``), which is cheap to update and to store. They are
compared by TF-IDF cosine, where the IDF is computed over the stories active around the batch:
a word that many current stories use ("police", "said") counts little, a name that only one
story uses counts a lot, and no global vocabulary has to be kept or shipped.

Why words and not the bundled MiniLM: on the event-level evaluation stream (BENCHMARKS.md) the
sentence encoder on title+lead reached B-cubed F1 0.82 at ~6 articles/s on a loaded 2-core
machine; this reaches 0.83 on the same stream, and 0.93 once the documents that LLM votes judged
unrelated to their cluster are left out, at hundreds of articles/s. News events are told apart by
names, places and numbers, which exact words capture and a small sentence encoder blurs.

Time-aware: an article is compared only with stories active within ``window_days`` of its date
(before or after, since feeds arrive slightly out of order), and each day between the article and
the story's nearest date costs ``day_penalty`` of similarity. An old story about the same place or
people therefore does not swallow a new event, which is what a plain nearest-centroid rule does.

Junk (a web-archive placeholder, a paywall stub, a 404 page: what ``ingest`` sets aside as junk)
never joins or starts a story others can join: each junk article gets a story of its own, marked
junk, with no terms. Such pages are the same text in every feed, so clustering them by content
would pour unrelated events' junk into one big story (on the event-level stream, B-cubed F1
0.853 -> 0.866 once junk is set apart; BENCHMARKS.md).

Pure functions over plain objects: ``assign`` reads stories and returns the assignments and the
updated stories; the store decides what is persisted and when.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsfuse.errors import ConfigError, InputError
from newsfuse.model import Document
from newsfuse.text import LONE_SURROGATE

__all__ = [
    "Article",
    "Assignment",
    "ClusterOptions",
    "StoryState",
    "article_document",
    "article_from_dict",
    "article_junk",
    "article_terms",
    "article_text",
    "assign",
]

_WORDS = re.compile(r"\S+")

log = logging.getLogger(__name__)

#: Characters valid in JSON that no store can hold as text: NUL (PostgreSQL refuses it in a text
#: column) and lone UTF-16 surrogates (``"\ud800"``: not encodable as UTF-8, so SQLite and
#: PostgreSQL both fail). They carry nothing a reader could use; they are taken out of titles and
#: texts the same way for both stores, so the stored text does not depend on the backend.
_NUL = re.compile("\x00")


@dataclass(frozen=True, slots=True)
class Article:
    """One incoming report; ``date`` is ISO 8601 (YYYY-MM-DD); ``where`` names the line it came
    from ("feed.jsonl:12"), for messages, when it was read from one."""

    id: str
    date: str
    title: str
    text: str
    where: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class ClusterOptions:
    """Settings of the story clusterer (tuned on an event-level stream, see BENCHMARKS.md)."""

    # TF-IDF cosine of an article to a story above which it joins the story.
    threshold: float = 0.12
    # Stories whose dates are further than this from the article's are not candidates: news
    # events are reported over days, and anything older is a follow-up or a new event.
    window_days: int = 7
    # Similarity lost per day between the article and the story's nearest date.
    day_penalty: float = 0.03
    # Words of the text read with the title (most reports state the event in the first few
    # hundred words; the rest adds background that other stories share).
    lead_words: int = 400
    # Terms kept per story profile: bounds the store and the comparison cost of big stories.
    profile_terms: int = 300

    def __post_init__(self) -> None:
        if not 0.0 <= self.threshold <= 1.0:
            raise ConfigError(f"threshold: {self.threshold} is not a cosine similarity (0 to 1)")
        if self.window_days < 0:
            raise ConfigError(f"window_days: {self.window_days} must be 0 or more")
        if self.lead_words < 1:
            raise ConfigError(f"lead_words: {self.lead_words} must be at least 1")


@dataclass(slots=True)
class StoryState:
    """A story as the clusterer sees it; ``terms`` sums its articles' sublinear term frequencies."""

    id: str
    terms: dict[str, float]
    size: int
    first_date: str
    last_date: str
    title: str = field(default="")
    # Why the story's one article is junk (then it has no terms and nothing joins it), or None.
    junk: str | None = None


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one article went: its story, the similarity that put it there, and if it is new."""

    article_id: str
    story_id: str
    similarity: float
    new_story: bool
    junk: str | None = None  # why the article is junk (it then has a junk story of its own)


def _iso_date(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{where}: 'date' is missing; give an ISO date such as 2024-05-01")
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError as exc:
        raise InputError(f"{where}: date {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def _storable(value: str, name: str, where: str) -> str:
    """``value`` without NUL characters and with lone surrogates replaced by U+FFFD (warned)."""
    value, nuls = _NUL.subn("", value)
    value, surrogates = LONE_SURROGATE.subn("\ufffd", value)
    if nuls:
        log.warning("%s: '%s': removed %d NUL character(s), which no story store can hold", where, name, nuls)
    if surrogates:
        log.warning(
            "%s: '%s': replaced %d lone surrogate(s) (broken characters) by U+FFFD", where, name, surrogates
        )
    return value


def article_from_dict(record: Mapping[str, Any], where: str) -> Article:
    """An ``Article`` from a JSON object ``{"id", "date", "title", "text"}``.

    ``headline`` is read when ``title`` is absent (newswire corpora such as DUC use it). NUL
    characters and lone surrogates are taken out of the title and text (with a warning); an id
    holding them is refused, since changing an id could merge two articles.
    """
    if not isinstance(record, Mapping):
        raise InputError(f"{where}: expected a JSON object with id, date, title, text")
    article_id = record.get("id")
    if isinstance(article_id, bool) or not isinstance(article_id, str | int) or not str(article_id).strip():
        raise InputError(f"{where}: 'id' is missing (give a string or a number)")
    article_id = str(article_id).strip()
    if _NUL.search(article_id) or LONE_SURROGATE.search(article_id):
        raise InputError(
            f"{where}: 'id' holds a NUL or a broken (lone surrogate) character; give a plain text id"
        )
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: article {article_id}: 'text' is missing or empty")
    title = record.get("title", record.get("headline")) or ""
    if not isinstance(title, str):
        raise InputError(f"{where}: article {article_id}: 'title' must be a string")
    date = _iso_date(record.get("date"), f"{where}: article {article_id}")
    text = _storable(text, "text", f"{where}: article {article_id}").strip()
    if not text:
        raise InputError(f"{where}: article {article_id}: 'text' is missing or empty")
    title = _storable(title, "title", f"{where}: article {article_id}")
    return Article(id=article_id, date=date, title=title.strip(), text=text, where=where)


def article_text(article: Article, lead_words: int) -> str:
    """The text an article is clustered by: its title and the first ``lead_words`` words."""
    lead = " ".join(_WORDS.findall(article.text)[:lead_words])
    return f"{article.title}. {lead}" if article.title else lead


def article_terms(article: Article, lead_words: int) -> dict[str, float]:
    """Sublinear term frequencies (1 + ln count) of an article's title and lead."""
    from newsfuse.text import tokens

    counts = Counter(tokens(article_text(article, lead_words)))
    return {term: 1.0 + math.log(count) for term, count in counts.items()}


def article_document(article: Article) -> Document:
    """The article as a briefing reads it (an HTML page is recognised as one, as everywhere)."""
    from newsfuse.ingest.readers import make_document

    return make_document(
        article.text, id=article.id, source=article.id, title=article.title or None, date=article.date
    )


def article_junk(article: Article) -> str | None:
    """Why the article is set aside (junk, or a language newsfuse cannot read), or None for a
    report a briefing can use: ``ingest``'s cleaning rules, exactly as a briefing applies them."""
    from newsfuse.ingest.clean import clean_document

    cleaned = clean_document(article_document(article))
    return cleaned.reason if cleaned.status != "kept" else None


def _ordinal(date: str) -> int:
    return dt.date.fromisoformat(date).toordinal()


def _cap(terms: dict[str, float], size: int) -> dict[str, float]:
    if len(terms) <= size:
        return terms
    return dict(sorted(terms.items(), key=lambda item: (-item[1], item[0]))[:size])


class _Index:
    """Candidate stories of one batch as unit TF-IDF vectors, with an inverted index for scoring."""

    def __init__(self, stories: list[StoryState], idf: dict[str, float], default_idf: float) -> None:
        self.idf, self.default_idf = idf, default_idf
        self.postings: dict[str, dict[int, float]] = defaultdict(dict)
        for k, story in enumerate(stories):
            self.put(k, story.terms)

    def weigh(self, terms: Mapping[str, float]) -> dict[str, float]:
        vector = {t: w * self.idf.get(t, self.default_idf) for t, w in terms.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        return {t: w / norm for t, w in vector.items()}

    def put(self, k: int, terms: Mapping[str, float], old: Iterable[str] = ()) -> None:
        for term in old:
            self.postings[term].pop(k, None)
        for term, weight in self.weigh(terms).items():
            self.postings[term][k] = weight

    def scores(self, vector: Mapping[str, float]) -> dict[int, float]:
        out: dict[int, float] = defaultdict(float)
        for term, weight in vector.items():
            for k, story_weight in self.postings.get(term, {}).items():
                out[k] += weight * story_weight
        return out


def assign(
    articles: Sequence[Article],
    stories: Sequence[StoryState],
    options: ClusterOptions,
) -> tuple[list[Assignment], dict[str, StoryState]]:
    """Assign articles in order; returns the assignments and every story created or changed.

    ``stories`` should hold every story active within the window of the articles' dates (others
    are never chosen). The IDF comes from those stories and the batch's articles. The input
    stories are not modified: changed ones are copies. New stories are named
    ``s-<first article id>``, unique and stable across runs.
    """
    pool = [
        StoryState(s.id, dict(s.terms), s.size, s.first_date, s.last_date, s.title, s.junk) for s in stories
    ]
    junk = [article_junk(a) for a in articles]
    bags = [
        {} if why else article_terms(a, options.lead_words) for a, why in zip(articles, junk, strict=True)
    ]
    document_frequency: Counter[str] = Counter()
    for item in [*(s.terms for s in pool), *bags]:
        document_frequency.update(item.keys())
    total = sum(1 for item in [*(s.terms for s in pool), *bags] if item)  # junk has no terms
    idf = {t: math.log((1 + total) / (1 + n)) + 1.0 for t, n in document_frequency.items()}
    index = _Index(pool, idf, math.log(1 + total) + 1.0)
    first = [_ordinal(s.first_date) for s in pool]
    last = [_ordinal(s.last_date) for s in pool]
    changed: dict[str, StoryState] = {}
    out: list[Assignment] = []
    for article, bag, why in zip(articles, bags, junk, strict=True):
        day = _ordinal(article.date)
        best, best_score = -1, -math.inf
        for k, similarity in index.scores(index.weigh(bag)).items():
            gap = max(first[k] - day, day - last[k], 0)
            if gap > options.window_days:
                continue
            score = similarity - options.day_penalty * gap
            if score > best_score or (score == best_score and pool[k].id < pool[best].id):
                best, best_score = k, score
        if best >= 0 and best_score >= options.threshold:
            story = pool[best]
            old = story.terms
            merged = dict(old)
            for term, weight in bag.items():
                merged[term] = merged.get(term, 0.0) + weight
            story.terms = _cap(merged, options.profile_terms)
            story.size += 1
            story.first_date = min(story.first_date, article.date)
            story.last_date = max(story.last_date, article.date)
            first[best], last[best] = min(first[best], day), max(last[best], day)
            index.put(best, story.terms, old)
            out.append(Assignment(article.id, story.id, round(best_score, 4), new_story=False))
        else:
            story = StoryState(
                id=f"s-{article.id}",
                terms=_cap(dict(bag), options.profile_terms),
                size=1,
                first_date=article.date,
                last_date=article.date,
                title=article.title or article_text(article, 12),
                junk=why,
            )
            pool.append(story)
            first.append(day)
            last.append(day)
            index.put(len(pool) - 1, story.terms)
            out.append(Assignment(article.id, story.id, 1.0, new_story=True, junk=why))
        changed[story.id] = story
    return out, changed
