"""Quote detection and speaker attribution on the example cluster and crafted news paragraphs."""

from __future__ import annotations

import pytest

from newsfuse.attribute import QuoteBook
from newsfuse.attribute.quotes import find_quote_spans
from newsfuse.model import Document


def _quotes(*texts: str):
    docs = [Document(id=f"d{n}", source=f"t{n}", text=t) for n, t in enumerate(texts, 1)]
    return QuoteBook(docs).all()


def test_spans_pair_curly_and_straight_marks() -> None:
    text = 'He said "one two three" and “four five six”.'
    spans = [text[q.start : q.end] for q in find_quote_spans(text)]
    assert spans == ["one two three", "four five six"]


def test_quote_left_open_runs_to_the_paragraph_end() -> None:
    text = "Leary said: “The first part goes on\n\n“And the second part closes.”"
    spans = find_quote_spans(text)
    assert [(text[q.start : q.end], q.closed) for q in spans] == [
        ("The first part goes on", False),
        ("And the second part closes.", True),
    ]


def test_split_quote_gives_both_parts_the_speaker() -> None:
    quotes = _quotes(
        "Mayor Jane Doe spoke on Monday.\n\n"
        "“We will rebuild the bridge,” Doe said, “and we will do it this year.”"
    )
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We will rebuild the bridge", "Mayor Jane Doe"),
        ("and we will do it this year.", "Mayor Jane Doe"),
    ]


def test_titles_and_scare_quotes_are_not_quotes() -> None:
    quotes = _quotes('The film "The Interview" was pulled, and critics called it "a mess".')
    assert quotes == ()


def test_speaker_before_the_quote_and_unattributed_continuation() -> None:
    quotes = _quotes(
        "Police Chief Ann Lee addressed reporters. Lee said: “We have arrested two men.”\n\n"
        "“More arrests are likely in the coming days.”"
    )
    assert [q.speaker for q in quotes] == ["Police Chief Ann Lee", "Police Chief Ann Lee"]


def test_unnamed_speaker_is_kept_as_written() -> None:
    quotes = _quotes("“It was terrifying to watch the water rise,” a neighbor said.")
    assert quotes[0].speaker == "a neighbor"


def test_spans_index_the_document_text(sony_docs) -> None:
    quotes = QuoteBook(sony_docs).all()
    by_id = {d.id: d for d in sony_docs}
    assert quotes
    for q in quotes:
        assert by_id[q.doc_id].text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("fragment", "speaker"),
    [
        ("We’ve made progress", "President Barack Obama"),  # “…,” Obama said
        ("The cyber-attack is very serious", "President Barack Obama"),  # Obama told Muir
        ("For now my recommendation would be that people go to the movies.", "President Barack Obama"),
        ("no credible evidence", "President Barack Obama"),  # "the president said … “…”"
        ("made a mistake", "President Barack Obama"),  # inside a paraphrase
        ("I wish they spoke to me first", "President Barack Obama"),  # “…,” he said
        ("We respect and understand", "Sony Pictures Entertainment"),  # the company said
        ("As a result of our investigation", "FBI"),  # the FBI wrote in a statement
    ],
)
def test_sony_speakers(sony_docs, fragment: str, speaker: str) -> None:
    found = [q for q in QuoteBook(sony_docs).all() if q.text.startswith(fragment)]
    assert found, f"no quote starting {fragment!r}"
    assert found[0].speaker == speaker


def test_transcript_without_quote_marks_yields_no_quotes(sony_docs) -> None:
    transcript = next(d for d in sony_docs if "transcript" in d.source)
    assert not [q for q in QuoteBook(sony_docs).all() if q.doc_id == transcript.id]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # DUC newswire: ``…'' marks
        (
            "``He kept to himself,'' Mrs. Johnson said. ``If he drove by, he waved.''",
            ["He kept to himself,", "If he drove by, he waved."],
        ),
        # APW in 2000: ''…'' on both sides
        ("''You can leave London at 10,'' said Seymour Druion.", ["You can leave London at 10,"]),
        # an opening pair where the closing one belongs
        (
            "``He then shot both guns at the same time, `` Chief Beverly Harvard said.",
            ["He then shot both guns at the same time,"],
        ),
        # curly opening mark used to close, and guillemets
        ("“We are not leaving today,“ she said.", ["We are not leaving today,"]),
        ("Il a dit «nous partirons demain matin» hier.", ["nous partirons demain matin"]),
    ],
)
def test_spans_in_every_quotation_style(text: str, spans: list[str]) -> None:
    assert [text[q.start : q.end].strip() for q in find_quote_spans(text)] == spans


def test_newswire_quote_gets_its_speaker() -> None:
    quotes = _quotes("``We put the furniture up against the door and hid,'' said Morgan Lyle, 51.")
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We put the furniture up against the door and hid", "Morgan Lyle")
    ]


# --- speakers from spaCy's parse (optional: the "nlp" extra) --------------------------------------


@pytest.fixture(scope="module")
def parser():
    from newsfuse.attribute.nlp import default_parser

    found = default_parser()
    if found is None:
        pytest.skip("spaCy's small English pipeline is not installed (pip install 'newsfuse[nlp]')")
    return found


def _speakers(text: str, parser) -> list[tuple[str, str | None]]:
    from newsfuse.attribute.quotes import attribute_quotes, cluster_names

    docs = [Document(id="d1", source="t1", text=text)]
    index, mentions = cluster_names(docs)
    return [(q.text[:20], q.speaker) for q in attribute_quotes(docs[0], index, mentions[0], parser=parser)]


NEIGHBOURS = (
    "Mrs. Christine Johnson lived next door. ``He kept to himself,'' Mrs. Johnson said.\n\n"
    "Another acquaintance in Morrow, Marsha Jean DeFreese, said Barton went to church every week. "
    "She said he took the boys out every Tuesday. ``He looked odd to me,'' she said. "
    "``I thought something was weird about this man.''"
)


def test_a_pronoun_means_the_subject_of_the_sentences_before(parser) -> None:
    assert [who for _, who in _speakers(NEIGHBOURS, parser)] == [
        "Mrs. Christine Johnson",
        "Marsha Jean DeFreese",
        "Marsha Jean DeFreese",
    ]


def test_a_quote_introduced_by_a_colon_is_the_introducers(parser) -> None:
    text = (
        "Mark Barton walked into the office at 3 p.m. and chatted with a trader.\n\n"
        "Police later said he made a chilling remark:\n\n"
        "``It's a bad trading day and it's about to get worse.''"
    )
    assert _speakers(text, parser) == [("It's a bad trading d", "Mark Barton")]


def test_rules_alone_still_name_speakers() -> None:
    text = "“We will rebuild the bridge this year,” said Mayor Jane Doe on Monday."
    assert [who for _, who in _speakers(text, None)] == ["Mayor Jane Doe"]


# --- a paragraph that is only a quotation ---------------------------------------------------------

CLOSING = (
    "The board voted to release him, and board member Ann Corda said he was a “low risk to reoffend.”\n\n"
    "Walter Simpson said in closing remarks that he had been a model prisoner.\n\n"
    "“I have spent nine years making no excuses about anything. I am sorry for what I did.”"
)


@pytest.mark.parametrize("rules_only", [False, True])
def test_a_bare_quotation_is_the_paragraph_befores_speaker(rules_only: bool, request) -> None:
    # The quote before is Corda's and close, but the paragraph between names a new speaker.
    parser = None if rules_only else request.getfixturevalue("parser")
    assert [who for _, who in _speakers(CLOSING, parser)] == ["Ann Corda", "Walter Simpson"]


def test_a_bare_quotation_after_he_said_is_the_person_he_means(parser) -> None:
    text = CLOSING.replace(
        "Walter Simpson said in closing",
        "Walter Simpson, 70, thanked the board. He said in closing",
    )
    assert [who for _, who in _speakers(text, parser)] == ["Ann Corda", "Walter Simpson"]


def test_a_bare_quotation_after_a_quote_continues_that_speaker(parser) -> None:
    # "Unless that paragraph is itself a quote by someone else": Lee's words go on.
    text = (
        "Mayor Tom Reyes said the bridge would reopen.\n\n"
        "“We have arrested two men tonight,” Police Chief Ann Lee said at the scene.\n\n"
        "“More arrests are likely in the coming days.”"
    )
    assert [who for _, who in _speakers(text, parser)] == ["Police Chief Ann Lee", "Police Chief Ann Lee"]


def test_a_bare_quotation_in_a_dev_cluster(dev_path) -> None:
    from newsfuse.ingest.readers import read_clusters

    cluster = next(c for c in read_clusters([dev_path]) if c.id == "multinews-test-57")
    quotes = QuoteBook(cluster.documents).of(0)
    found = next(q for q in quotes if q.text.startswith("I've spent nine years"))
    assert found.speaker == "O.J. Simpson"  # not Tony Corda, and the initials keep their periods


def _referent(texts: list[str], opening: str) -> str | None:
    from newsfuse.ingest.readers import documents_from_texts
    from newsfuse.model import Sentence

    docs = documents_from_texts(texts, prefix="d", source="t")
    doc, at = next((k, d.text.find(opening)) for k, d in enumerate(docs) if opening in d.text)
    sentence = Sentence(doc=doc, position=1, text=opening, start=at, end=at + len(opening))
    return QuoteBook(docs).referent(sentence, opening.split()[0].lower())


def test_an_opening_he_or_she_means_the_main_subject_before_it(parser) -> None:
    text = (
        "Maria Lopez, 34, said she had been driving home from work when the crash happened.\n\n"
        "While her lawyer, Tom Reed, said he would appeal, Lopez left the court on foot.\n\n"
        "She was booked into the county jail on Tuesday."
    )
    assert _referent([text], "She was booked") in ("Lopez", "Maria Lopez")


def test_a_person_no_report_calls_he_or_she_is_not_guessed(parser) -> None:
    # Nothing says whether Sam Reed is "he" or "she": a wrong name would be a false statement.
    text = "Officers stopped a car driven by Sam Reed on Main Street.\n\nShe was booked on Tuesday."
    assert _referent([text], "She was booked") is None


@pytest.mark.parametrize(
    ("cluster", "opening", "person"),
    [
        # "While Secretary of State Al Haig memorably declared himself “in charge,” Mr. Bush slid
        # into place…": the main clause's subject, with the quotation's comma kept for the parse.
        ("multinews-test-3690", "He ran to succeed Mr. Reagan", "Mr. Bush"),
        # "…world No. 2 Kim Clijsters also sustained a freak foot accident…": the name, not the
        # ranking before it; not Serena Williams, the story's subject two paragraphs up.
        ("multinews-test-3060", "She was at her cousin", "Kim Clijsters"),
    ],
)
def test_dev_openings_he_and_she(parser, dev_clusters, cluster: str, opening: str, person: str) -> None:
    texts = next(c["documents"] for c in dev_clusters if c["id"] == cluster)
    assert _referent(texts, opening) == person
