"""People in a summary are introduced as news style does: full name first, surname after."""

from __future__ import annotations

from newsfuse.attribute import QuoteBook
from newsfuse.ingest.readers import documents_from_texts

SOURCES = [
    "Governor Elena Varga ordered the evacuation of the coast on Tuesday. Varga said the storm "
    "would reach land by night. Harbour master Ines Molander closed the port.",
    "Like Chaney, many actors took small parts. Mr. Coldham, the mayor, thanked the crews. "
    "Council leader Tom Coldham said the roads would reopen on Friday.",
]


def _introduce(texts: list[str]) -> list[str]:
    return QuoteBook(documents_from_texts(SOURCES, prefix="d", source="t")).introduce(texts)


def test_a_surname_first_gets_the_full_name_and_later_mentions_the_surname() -> None:
    out = _introduce(
        [
            "Varga said the storm would reach land by night.",
            "Governor Elena Varga ordered the evacuation of the coast on Tuesday.",
            "Mr. Coldham thanked the crews.",
        ]
    )
    assert out == [
        "Elena Varga said the storm would reach land by night.",
        "Varga ordered the evacuation of the coast on Tuesday.",
        "Tom Coldham thanked the crews.",
    ]


def test_quotations_and_names_the_sources_never_give_in_full_stay_as_written() -> None:
    texts = ['"Varga will decide," Molander said.', "Chaney took a small part."]
    out = _introduce(texts)
    # The quotation is the speaker's own words; Ines Molander is named in full outside it.
    assert out[0] == '"Varga will decide," Ines Molander said.'
    # "Like Chaney" opens a sentence in the source: it is no one's full name.
    assert out[1] == texts[1]


def test_a_titled_surname_is_the_person_with_that_title_and_groups_are_no_people() -> None:
    book = QuoteBook(
        documents_from_texts(
            [
                "Senator Hillary Rodham Clinton spoke first. Hillary Rodham Clinton said the vote was "
                "close. Hillary Rodham Clinton left early. President Bill Clinton signed the bill.",
                "A Republican committee aide said the New Jersey Republican office had closed.",
            ],
            prefix="d",
            source="t",
        )
    )
    out = book.introduce(["President Clinton met the aides.", "A Republican committee aide spoke."])
    assert out == ["President Bill Clinton met the aides.", "A Republican committee aide spoke."]


def test_a_full_name_does_not_repeat_the_word_before_the_mention() -> None:
    book = QuoteBook(
        documents_from_texts(
            [
                "The site includes an Early Christian basilica from the 6th century. Early Christians "
                "prized relics, Early Christian scholar Ana Ruiz said.",
                "The relic was found in an early Christian basilica, archaeologists said. He said "
                "Early Christian pilgrims came.",
            ],
            prefix="d",
            source="t",
        )
    )
    text = "The reliquary was once part of an early Christian basilica, archaeologists said."
    assert book.introduce([text]) == [text]
