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
        "Governor Elena Varga said the storm would reach land by night.",
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


ROLE_SOURCES = [
    "The levee broke on Tuesday. Mara Quill, president of the Harbor Watch Institute, said the "
    "gauges had failed. “We warned them,” Quill said. Lena Ortiz, who runs the shelter, said "
    "beds were full. The firm's lawyer Dan Hale declined to comment.",
    "On Wednesday, Fisheries Minister Tomas Reyes ordered an evacuation. Prime Minister Reyes "
    "later flew over the coast. Rob Tan, Lena Ortiz and Dan Hale spoke at the meeting.",
    "Residents cheered when Fisheries Minister Tomas Reyes arrived. The treasurer of Governor "
    "Ana Soto counted the funds, and Governor Ana Soto thanked the volunteers.",
]


def _with_roles(texts: list[str], words: int | None = None) -> list[str]:
    book = QuoteBook(documents_from_texts(ROLE_SOURCES, prefix="d", source="t"))
    return book.introduce(texts, words=words)


def test_a_person_is_introduced_with_the_role_the_reports_give() -> None:
    out = _with_roles(
        [
            "“We warned them,” Mara Quill said.",
            "Tomas Reyes ordered an evacuation, and Reyes flew over the coast.",
            "Ana Soto thanked the volunteers.",
        ]
    )
    assert out == [
        # An appositive after the name; in a speaker tag the tag turns round, as reporters write it.
        "“We warned them,” said Mara Quill, president of the Harbor Watch Institute.",
        # A title before the name, the one most reports give ("Prime Minister Reyes" is one
        # report's); the later mention stays the surname.
        "Fisheries Minister Tomas Reyes ordered an evacuation, and Reyes flew over the coast.",
        # "The treasurer of Governor Ana Soto" is someone else's office.
        "Governor Ana Soto thanked the volunteers.",
    ]


def test_no_role_from_a_clause_a_list_or_an_office_without_its_owner() -> None:
    texts = ["Lena Ortiz said beds were full.", "Dan Hale declined to comment.", "Rob Tan spoke."]
    assert _with_roles(texts) == texts


def test_a_role_the_summary_gives_stays_and_one_past_the_budget_is_left_out() -> None:
    given = ["Mara Quill, an engineer, said the gauges had failed.", "Minister Tomas Reyes spoke."]
    assert _with_roles(given) == given
    texts = ["“We warned them,” Mara Quill said.", "Quill said the gauges had failed."]
    assert _with_roles(texts, words=13) == texts  # seven words more would pass 13
    assert _with_roles(texts, words=20)[0].startswith("“We warned them,” said Mara Quill, president")


def test_no_title_cut_from_a_longer_one() -> None:
    book = QuoteBook(
        documents_from_texts(
            ["On Monday, restaurant manager Kim Lowe closed early. Kim Lowe said the street was empty."],
            prefix="d",
            source="t",
        )
    )
    # "manager" alone is not her role: "restaurant manager" is, and a title is not cut short.
    assert book.introduce(["Kim Lowe closed early."]) == ["Kim Lowe closed early."]


def test_an_office_word_inside_a_quotation_is_no_role_given() -> None:
    out = _with_roles(["“A president must listen,” Mara Quill said."])
    assert out == ["“A president must listen,” said Mara Quill, president of the Harbor Watch Institute."]
