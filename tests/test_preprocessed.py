"""Multi-News' preprocessed form: lower case with sentence starts re-capitalised, tokenised.

Names are lower case there ("john smith"), "I" is "i", and the preprocessor capitalised the word
after any full stop its own splitter took for a sentence end ("7: 40 p.m. And drove off…"). Rules
that read case must not be fooled by either. The hand-written inputs imitate that form; the
validation clusters are read from ../shared (research-only data: never copied here).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest

from newsfuse.evaluate_reading import is_lowercased
from newsfuse.ingest.readers import documents_from_texts
from newsfuse.model import Briefing, Sentence
from newsfuse.segment import segment, sentence_texts
from newsfuse.select import opening
from newsfuse.select.wording import eligible, printable, speaks_as_i, tidy

# Lower-cased report text (the preprocessed form), long enough to be recognised as such.
FILLER = (
    "the crowd outside the hall had been waiting for hours in the heat, and some of them said they "
    "had driven from other states to see him, while police kept the street closed to traffic and "
    "asked people to stay behind the barriers that were put up in the morning."
)


def test_a_time_does_not_end_a_sentence_in_lowercased_text() -> None:
    text = (
        "Dressed in a grey suit, smith reached the hall at about 7: 40 p.m. And went in by a back "
        "entrance, avoiding the cameras. The debate aired at 10 p.m. Et sunday. The shop shuts at 6 "
        "p.m. The owner said so. " + FILLER.capitalize()
    )
    assert is_lowercased([text])
    assert sentence_texts(text)[:4] == [
        "Dressed in a grey suit, smith reached the hall at about 7: 40 p.m. And went in by a back "
        "entrance, avoiding the cameras.",
        "The debate aired at 10 p.m. Et sunday.",
        "The shop shuts at 6 p.m.",  # "The" may open a statement: the break stays
        "The owner said so.",
    ]


def test_a_time_stamp_is_not_joined_to_the_sentence_after_it() -> None:
    text = "Updated: monday, 6: 15 a.m. In a statement, the council said the road would reopen. " + (
        FILLER.capitalize()
    )
    assert sentence_texts(text)[:2] == [
        "Updated: monday, 6: 15 a.m.",
        "In a statement, the council said the road would reopen.",
    ]


def test_cased_text_keeps_its_sentence_break_after_a_time() -> None:
    cased = "The vote closed at 9 p.m. And then the counting began, officials said."
    assert sentence_texts(cased) == [
        "The vote closed at 9 p.m.",
        "And then the counting began, officials said.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The tax plan, i don't mind it much one way or the other.",
        "The tax plan, I don't mind it much one way or the other.",
        "Looking back on that winter, i ' m not sure anyone saw it coming.",
    ],
)
def test_i_outside_quotation_marks_is_heard_in_any_case(text: str) -> None:
    assert speaks_as_i(text)


@pytest.mark.parametrize(
    "text",
    [
        '"i back the plan, " smith said on his radio show on monday.',
        "Veterans of World War I were honoured at the ceremony on Sunday.",
        "The patient has type I diabetes and needs insulin, her doctor said.",
        "The report covers part i of the inquiry, i.e. the first two years.",
        "€˜i’ve done it myself more than once, ’ said mr jones in a column.",
    ],
)
def test_i_inside_a_quotation_or_as_a_numeral_is_no_first_person(text: str) -> None:
    assert not speaks_as_i(text)


def test_a_quotation_run_on_without_marks_is_not_printed() -> None:
    # A quotation cut off at the end of a truncated report is split after its first sentence: the
    # next one says "i" and has no marks of its own. After a closed quotation, the same words are
    # a blogger's aside.
    run_on = (
        FILLER.capitalize() + " Radio host john smith says critics of the tax plan have no argument "
        'left. "i back the plan, " he said. "i always did. The tax plan thing, i don\'t mind it much '
        "one way or the other. I think the states should decide."
    )
    aside = (
        FILLER.capitalize() + " Radio host john smith says critics of the tax plan have no argument "
        'left. "i back the plan, " he said. The tax plan thing, i don\'t mind it much one way or the '
        "other."
    )
    (doc, other) = documents_from_texts([run_on, aside], prefix="d", source="t")
    spoken_on = [s for s in segment([doc]) if s.text.startswith("The tax plan thing")]
    blogged = [s for s in segment([other]) if s.text.startswith("The tax plan thing")]
    assert len(spoken_on) == len(blogged) == 1
    assert not eligible(spoken_on, [doc]).any()
    assert eligible(blogged, [other]).all()


@pytest.mark.parametrize(
    ("raw", "tidied"),
    [
        ("Photo what's new is the price of the tickets.", "What's new is the price of the tickets."),
        (
            "Photo The mayor said the city would recover quickly.",
            "The mayor said the city would recover quickly.",
        ),
        ("Getty images the team has lost its best player.", "The team has lost its best player."),
        (
            "Photos show the damage the storm did to the houses.",
            "Photos show the damage the storm did to the houses.",
        ),
        (
            "Video of the crash was posted online by a witness.",
            "Video of the crash was posted online by a witness.",
        ),
        (
            "Close inspection revealed cells that line the skin.",
            "Close inspection revealed cells that line the skin.",
        ),
    ],
)
def test_a_caption_label_before_a_sentence_is_cut(raw: str, tidied: str) -> None:
    assert tidy(raw) == tidied


@pytest.mark.parametrize(
    ("raw", "tidied"),
    [
        (
            "Springfield, ill. ( ap ) — a 3-carat diamond has been found by a farmer.",
            "A 3-carat diamond has been found by a farmer.",
        ),
        (
            "( cnn ) — a pilot says she was grounded for refusing to fly the plane.",
            "A pilot says she was grounded for refusing to fly the plane.",
        ),
        (
            "( ap photo/jane doe ) ( associated press ) springfield ( ap ) — the governor misstated "
            "the budget figures.",
            "The governor misstated the budget figures.",
        ),
        (
            "Dayton, ohio -- the driver of a stolen van was shot and killed.",
            "The driver of a stolen van was shot and killed.",
        ),
        (
            "The ship, the biggest ever... ( associated press ) bath, maine ( ap ) — the ship "
            "suffered an engine failure.",
            "The ship suffered an engine failure.",
        ),
        (
            "( kxyz ) a man has been charged with stealing a boat.",
            "A man has been charged with stealing a boat.",
        ),
        # An aside between two dashes, an acronym and cased text are not datelines.
        (
            "Copper ( cu ) is the only metal that does it well.",
            "Copper ( cu ) is the only metal that does it well.",
        ),
        (
            "Democrats — and some republicans — said the bill would fail.",
            "Democrats — and some republicans — said the bill would fail.",
        ),
        (
            "Ukraine — once a breadbasket of Europe — is now poor.",
            "Ukraine — once a breadbasket of Europe — is now poor.",
        ),
        (
            "The typical ( median ) teen user has 300 friends online.",
            "The typical ( median ) teen user has 300 friends online.",
        ),
    ],
)
def test_a_lowercased_dateline_is_cut(raw: str, tidied: str) -> None:
    assert tidy(raw) == tidied


def test_an_agency_photo_caption_is_not_printed_in_any_case() -> None:
    assert not printable(tidy("File - smoke rises from a chimney at a power plant in the city."))
    assert not printable(tidy("The plant, the oldest... ( associated press ) file - this photo shows it."))
    assert not printable(tidy("FILE - In this March 3 photo, smoke rises from a chimney."))


def test_the_opening_prefers_a_dated_lead_in_lowercased_text() -> None:
    texts = [
        "Wild times in the transfer market in the final hours before the biggest signing of the year.",
        "Every sign is that john smith will sign with the city club on thursday night, sources said.",
    ]
    leads = [Sentence(doc=d, position=0, text=t, start=0, end=len(t)) for d, t in enumerate(texts)]
    scores = np.asarray([0.62, 0.6], dtype=np.float32)
    assert opening(leads, texts, scores, np.ones(2, dtype=bool)) == 1


def test_the_opening_is_no_first_person_aside_in_lowercased_text() -> None:
    texts = [
        "Having followed the team for years, i feel able to judge the new coach on his first day.",
        "The club named john smith its new coach on monday after a search of several months.",
    ]
    leads = [Sentence(doc=d, position=0, text=t, start=0, end=len(t)) for d, t in enumerate(texts)]
    scores = np.asarray([0.9, 0.6], dtype=np.float32)
    assert opening(leads, texts, scores, np.ones(2, dtype=bool)) == 1


VALIDATION = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews-validation-truncated.jsonl.gz"
)


def _validation_cluster(index: int) -> dict:
    if not VALIDATION.exists():
        pytest.skip(f"{VALIDATION} is absent (the shared data lives beside the repository in ../shared)")
    with gzip.open(VALIDATION, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number == index:
                return json.loads(line)
    pytest.skip(f"{VALIDATION} has no cluster {index}")


def _briefing(cluster: dict) -> Briefing:
    from newsfuse.config import Options
    from newsfuse.pipeline import summarize

    documents = documents_from_texts(cluster["documents"], prefix="d", source=cluster["id"])
    return summarize(documents, options=Options(words=250), cluster_id=cluster["id"])


def test_validation_3701_cites_no_report_for_what_it_does_not_say() -> None:
    # d1, a poll report, and d2, a talk-show host's remarks: lower-cased, so the two reports'
    # leads share names and topic words that looked like the same action.
    briefing = _briefing(_validation_cluster(3701))
    opening_sentence = briefing.summary[0]
    assert briefing.sentences[opening_sentence.sentence].doc == 1
    assert opening_sentence.sources == ("d2",)
    texts = [s.text for s in briefing.summary]
    assert not any(speaks_as_i(t) for t in texts), texts  # the host's words, run on without marks
    assert not any(t.startswith("Photo ") for t in texts), texts


def test_validation_3702_prints_no_fragment_after_a_time() -> None:
    briefing = _briefing(_validation_cluster(3702))
    for sentence in briefing.summary:
        first = sentence.text.split()[0]
        assert first not in ("And", "Et", "Entered"), sentence.text


def test_a_stray_quotation_mark_does_not_glue_a_paragraph_into_one_sentence() -> None:
    # pysbd never splits inside a quotation: the tokenised apostrophe of "mo ' nique" and the one
    # of "king's" read as a quotation spanning every sentence between them.
    text = (
        "A few minutes ago in los angeles, mo ' nique and the academy boss announced the nominees "
        "for the awards. It was a good morning for front-runners like the social network, which "
        "led the field with eight nominations after a long season of prizes. Several actors who "
        "had been tipped for weeks were not so lucky this time around. The full list follows "
        "below, and the king's speech leads with twelve nominations in all."
    )
    assert len(text.split()) > 60
    assert [s.split()[0] for s in sentence_texts(text)] == ["A", "It", "Several", "The"]


def test_a_short_quotation_is_still_one_sentence() -> None:
    text = '"We will not stop. We will win," the mayor said on Monday after the vote.'
    assert sentence_texts(text) == [text]


def test_validation_3917_is_not_an_empty_briefing() -> None:
    # Its reports are two long paragraphs with stray marks: before the re-split, no sentence was
    # short enough to print and the summary was empty.
    briefing = _briefing(_validation_cluster(3917))
    assert briefing.summary
