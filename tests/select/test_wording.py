"""Wording: bare quotations get their speaker (from the briefing's one QuoteBook), or stay out."""

from __future__ import annotations

import dataclasses

import pytest

from newsfuse.attribute import QuoteBook
from newsfuse.ingest.readers import documents_from_texts
from newsfuse.model import Sentence
from newsfuse.segment import segment
from newsfuse.select.wording import eligible, spoken, tidy

REPORT = (
    "Governor Elena Varga spoke to reporters at the emergency centre on Monday.\n\n"
    '"We moved early and we moved everyone we could," Varga said.\n\n'
    '"That decision saved lives tonight."\n\n'
    "Rain kept falling in the hills overnight.\n\n"
    '"Who will pay for the bridge?"\n\n'
)
ANONYMOUS = 'Water rose in the harbour.\n\n"Nobody expected the water to rise so fast."\n\n'


def _printed(texts: list[str]) -> tuple[list[str], list[str], list[bool]]:
    docs = documents_from_texts(texts, prefix="d", source="t")
    sentences = segment(docs)
    book = QuoteBook(docs)
    printed = [s.text for s in sentences]
    named = [spoken(s.text, book.speaker(s)) for s in sentences]
    return (
        printed,
        [n if n is not None else p for n, p in zip(named, printed, strict=True)],
        [n is not None for n in named],
    )


def test_a_bare_quote_is_printed_with_its_speaker() -> None:
    printed, out, ok = _printed([REPORT])
    k = printed.index('"That decision saved lives tonight."')
    assert out[k] == '"That decision saved lives tonight," Governor Elena Varga said.'
    assert ok[k]
    # Sentences that already say who speaks, and plain statements, are printed as they were.
    for text, shown, allowed in zip(printed, out, ok, strict=True):
        if not (text.startswith('"') and text.endswith('"')):
            assert shown == text and allowed


def test_a_question_keeps_its_mark_and_an_unattributed_quote_is_not_chosen() -> None:
    printed, out, ok = _printed([REPORT, ANONYMOUS])
    question = printed.index('"Who will pay for the bridge?"')
    # The quote continues the governor's, two paragraphs on; its question mark stays.
    assert out[question] == '"Who will pay for the bridge?" Governor Elena Varga said.'
    anonymous = printed.index('"Nobody expected the water to rise so fast."')
    assert not ok[anonymous] and out[anonymous] == printed[anonymous]


def test_a_quote_said_by_a_pronoun_names_the_speaker() -> None:
    harbour = (
        "The harbour master, Ines Molander, inspected the channel on Tuesday.\n\n"
        '"We will reopen the port only when it is safe," she told reporters.\n\n'
    )
    printed, out, ok = _printed([harbour, 'Boats waited.\n\n"It will take weeks," he said.\n\n'])
    k = printed.index('"We will reopen the port only when it is safe," she told reporters.')
    assert out[k] == '"We will reopen the port only when it is safe," Ines Molander told reporters.'
    assert ok[k]
    # Nobody in that report is "he": the sentence is kept out rather than printed as it is.
    unknown = printed.index('"It will take weeks," he said.')
    assert not ok[unknown]


@pytest.mark.parametrize(
    ("raw", "tidied"),
    [
        ("CAIRO (Reuters) - Egypt said on Monday it would act.", "Egypt said on Monday it would act."),
        (
            "WASHINGTON (AP) — The Senate passed the bill late on Friday.",
            "The Senate passed the bill late on Friday.",
        ),
        (
            "— -- The actions of hackers were serious, he said.",
            "The actions of hackers were serious, he said.",
        ),
        # A quotation that runs on into the next paragraph is closed where the sentence ends.
        (
            "“But what we just saw with Sony shows more work is needed.",
            "“What we just saw with Sony shows more work is needed.”",
        ),
        (
            'The LSE said: "These are disturbing allegations.',
            'The LSE said: "These are disturbing allegations."',
        ),
        # Datelines and wire credits in every shape the dev set has, and newswire quotation marks.
        (
            "KUALA LUMPUR, Malaysia (AP) — The banned nerve agent VX was used to kill him.",
            "The banned nerve agent VX was used to kill him.",
        ),
        ("WASHINGTON, March 3 (Reuters) - The Senate passed the bill.", "The Senate passed the bill."),
        ("Seoul, South Korea (CNN) North Korea is moving a missile.", "North Korea is moving a missile."),
        (
            "WOODLAND HILLS >> Homicide detectives are investigating.",
            "Homicide detectives are investigating.",
        ),
        ("SCHERTZ, Texas - The sheriff called it a tragedy.", "The sheriff called it a tragedy."),
        (
            "Clinton rules out a run WELLINGTON (Reuters) - Hillary Clinton ruled out a second run.",
            "Hillary Clinton ruled out a second run.",
        ),
        ("That first ``Wolfman'' isn't a very good movie.", "That first “Wolfman” isn't a very good movie."),
        # Connectives go whatever follows them; "So far" is not one.
        (
            "But American diplomats said Russia's move changed nothing.",
            "American diplomats said Russia's move changed nothing.",
        ),
        ("Finally, police put him in a wheelchair.", "Police put him in a wheelchair."),
        ("So far, 12 people have died.", "So far, 12 people have died."),
        ("FBI agents searched the house on Monday.", "FBI agents searched the house on Monday."),
        ("However, the plan failed in court on Tuesday.", "The plan failed in court on Tuesday."),
        ("Butter prices rose sharply this year.", "Butter prices rose sharply this year."),
        ("NASA launched the probe on Monday.", "NASA launched the probe on Monday."),
    ],
)
def test_tidy(raw: str, tidied: str) -> None:
    assert tidy(raw) == tidied


def test_eligible_keeps_statements_from_clean_reports() -> None:
    article, transcript = documents_from_texts(["a", "b"], prefix="d", source="t")
    transcript = dataclasses.replace(transcript, kind="transcript")
    items = [
        Sentence(doc=0, position=0, text="Storm Hits Coast, Thousands Flee", start=0, end=1),
        Sentence(doc=0, position=1, text="The storm hit the coast on Monday.", start=0, end=1),
        Sentence(doc=0, position=2, text="“We moved early,” the governor said.", start=0, end=1),
        Sentence(doc=1, position=0, text="the storm moved fast and hit the coast early.", start=0, end=1),
        Sentence(doc=0, position=3, text="He said more rain could fall by Saturday.", start=0, end=1),
        Sentence(doc=0, position=4, text="Helen Reyes said more rain could fall.", start=0, end=1),
    ]
    assert eligible(items, [article, transcript]).tolist() == [False, True, True, False, False, True]
    # Judged as printed: "But he said..." reads "He said..."; questions, fragments and short
    # exclamations outside quotation marks say nothing on their own.
    more = [
        "But he said more rain could fall by Saturday.",
        "What is the deadly VX nerve agent?",
        "They waited.",
        "Happy LOOK Tuesday!",
        "“We will rebuild this town, every street of it!”",
        "Officials asked why the warning came so late.",
        "About 9,000 travellers were stranded, it said.",
        "About 9,000 travellers were stranded, the airport operator said.",
    ]
    extra = [Sentence(doc=0, position=5 + k, text=t, start=0, end=1) for k, t in enumerate(more)]
    assert eligible(extra, [article, transcript]).tolist() == [
        False,
        False,
        False,
        False,
        True,
        True,
        False,
        True,
    ]
    # With no clean report, the transcript's wording is all there is (but not its "we": a speaker
    # the reader has not met, like any "we" outside quotation marks).
    we = Sentence(doc=0, position=0, text="we moved early and we moved everyone.", start=0, end=1)
    assert eligible([we], [transcript]).tolist() == [False]
    assert eligible(items[3:4], [article, transcript]).tolist() == [False]
    assert eligible([dataclasses.replace(items[3], doc=0)], [transcript]).tolist() == [True]


def test_newswire_forms() -> None:
    # DUC-style datelines, headings and a sentence split that leaves closing marks behind.
    from newsfuse.segment import sentence_texts
    from newsfuse.select.wording import printable

    assert tidy("WASHINGTON _ Despite the shootings, schools remain safe, a report concludes.") == (
        "Despite the shootings, schools remain safe, a report concludes."
    )
    assert not printable("OSTEOARTHRITIS, or degenerative joint disease.")
    assert printable("NASA launched the probe on Monday morning.")
    assert sentence_texts("It could stop the disease.'' Arthritis afflicts 2.1 million Americans.") == [
        "It could stop the disease.''",
        "Arthritis afflicts 2.1 million Americans.",
    ]
    assert sentence_texts(
        "Shootings in Pearl, Miss.; West Paducah, Ky.; and Richmond, Va., alarmed parents."
    ) == ["Shootings in Pearl, Miss.; West Paducah, Ky.; and Richmond, Va., alarmed parents."]
    # A sentence ends at initials before a word that opens sentences; not before a name or a figure.
    assert sentence_texts("It dates to the sixth century C.E. The relic was part of a basilica.") == [
        "It dates to the sixth century C.E.",
        "The relic was part of a basilica.",
    ]
    assert sentence_texts("They fled to Washington, D.C. But they came back.") == [
        "They fled to Washington, D.C.",
        "But they came back.",
    ]
    for one in ("The war began in 300 B.C. and ended later.", "In A.D. 70 the temple fell to Rome."):
        assert sentence_texts(one) == [one]
    assert sentence_texts("He was arrested at 1:30 p.m. Sunday and charged. He left.") == [
        "He was arrested at 1:30 p.m. Sunday and charged.",
        "He left.",
    ]


def test_mixed_quotation_marks_are_not_closed_twice_and_a_date_is_no_speaker() -> None:
    mixed = '“I said, ‘That’s not my daughter! Where’s my daughter?’" Patty Campbell said.'
    assert tidy(mixed) == mixed
    assert spoken('"It was the happiest day of my life."', "January") is None


def test_a_pronoun_with_nothing_to_refer_to_is_not_printed() -> None:
    from newsfuse.select.wording import printable

    # A subject pronoun after a short opening phrase that names no one, or a pronoun as the
    # source of a statement in mid-sentence: the reader never met "she" or "he".
    assert not printable(tidy("Most of all, she wants her children to stop complaining about food."))
    assert not printable(tidy("In a fit of vengeance, they were murdered by a northern lord."))
    assert not printable(tidy("Prejudice is still high in the West, he said, and a culture tolerates it."))
    assert not printable(tidy("The chip is built for “practical tasks,” he said, with the goal of speed."))
    # The phrase may hold the pronoun's antecedent, and an expletive "it" points at nothing.
    assert printable(tidy("Although she has not played since July, Williams is No. 10 in the rankings."))
    assert printable(tidy("On Monday, it was not clear whether the talks would resume at all."))
    assert printable(tidy("Prejudice is still high in the West, Suzan Harjo said, and it shows."))
    # Newswire's leading underscore is debris, not part of the sentence.
    assert tidy("_ Sitting at their desks, four teachers discussed the vote.") == (
        "Sitting at their desks, four teachers discussed the vote."
    )


def test_a_quotation_continued_after_a_pronoun_speaker_names_the_speaker() -> None:
    text = "“We had a raid,” he said, “with federal marshals that came in and shut down production.”"
    assert spoken(text, "Henry Juszkiewicz") == (
        "“We had a raid,” Henry Juszkiewicz said, “with federal marshals that came in and shut down production.”"
    )
    assert spoken(text, None) is None


def test_demonstratives_and_pronoun_quantifiers_point_back() -> None:
    from newsfuse.select.wording import printable

    for text in (
        "Without support staff, those planes could be delayed for hours.",
        "Police said these men are a separate rogue group of students.",
        "Scientists read brain patterns, but this is believed to be a first.",
        "Most are placed in institutions by families who are too poor.",
        "If so, it would be the first moon known to have its own field.",
        "Trump said to laughter and applause.",  # the quotation stayed in the source
        "The song mocks the race. ___ 1: 40 p.m. An iowa man has been arrested on charges.",
        "One bullet entered the top of his skull, according to dr. michael m.",
    ):
        assert not printable(tidy(text)), text
    for text in (
        "Churches hold relics of saints, but few of those relics come from digs.",
        "This week the board voted 6-4 to delete evolution from the standards.",
        "Sometimes those in the public eye are held to a higher standard.",
        "“Not these two,” Speaker John Boehner said of the bills.",
        "Police said the suspect fled on foot.",
    ):
        assert printable(tidy(text)), text
    # Connectives that only tie the sentence to the one before go, the statement stays.
    assert tidy("Yet, Alaskan catches of salmon reached a record last year.") == (
        "Alaskan catches of salmon reached a record last year."
    )
    assert tidy("On the one hand, science groups say evolution must be taught.") == (
        "Science groups say evolution must be taught."
    )


def test_a_thing_named_by_the_before_any_sentence_introduced_it() -> None:
    from newsfuse.select.wording import unintroduced

    summary = [
        "The LAPD declared an unlawful assembly outside City Hall on Monday.",
        "The solution is no institutions.",  # which problem's?
        "The school resource officer who was caught on camera was fired.",  # says which one
        "The banned nerve agent VX was used to kill him.",  # named in apposition
        "The book, “Forgetting to Be Afraid,” goes on sale Tuesday.",
        "The lanes will be numbered 1 and 2.",  # no lanes yet
        "Police closed two lanes of the bridge on Monday.",
        "The lanes will reopen on Friday.",  # now the reader knows them
        "The government said nothing.",  # needs no introduction
    ]
    assert unintroduced(summary) == [1, 5]


def test_quotation_marks_that_do_not_pair_up_are_not_printed() -> None:
    from newsfuse.select.wording import printable, unbalanced

    # The end of a quotation that began in the sentence before, split off by the splitter.
    tail = "The council is ignoring the thefts because it does not want to admit them.''"
    assert unbalanced(tidy(tail)) and not printable(tidy(tail))
    # A quotation cut at a sentence end inside an inner quotation: the inner mark never closes.
    cut = "``Some neighbours say `Fine, let it go."
    assert tidy(cut) == "“Some neighbours say `Fine, let it go.”"
    assert unbalanced(tidy(cut)) and not printable(tidy(cut))
    assert unbalanced("“Some neighbours say ‘Fine, let it go,” Ana Ruiz said.")
    # Pairs, mixed marks, apostrophes and a plural possessive are fine.
    for fine in (
        "“They called it ‘the worst flood in years,’” the mayor’s aide said.",
        '“I said, ‘That’s not my car!’" Dana Lee said.',
        "The teachers’ union said the ’90s rules still apply to schools.",
        "“We will rebuild,” Ana Ruiz said, “and we will do it this year.”",
        'The club called the vote "a disgrace" on Monday night.',
        "The 4’9” star has built her name on her antics, the magazine said.",
    ):
        assert not unbalanced(fine), fine


def test_list_and_credits_lines_and_bullet_labels() -> None:
    from newsfuse.select.wording import listing, printable

    for line in (
        "Drama series: “Harbour Lights,” NBC; “The Long Road,” CBS; “Night Shift,” Fox.",
        "Ana Ruiz and Tom Hale, executive producers.",
        "Dana Lee, director of photography.",
        "Music by Marco Lenz and Peter K. Olsen.",
    ):
        assert listing(line) and not printable(line), line
    for statement in (
        "Ana Ruiz and Tom Hale, the show's producers, quit on Monday.",
        "At the White House, aides kept quiet about the plan.",
        "In Boston, the city council voted against the plan.",
        "The mayor thanked Ana Ruiz, the producer, for the film.",
        "Shootings in Pearl, Miss.; West Paducah, Ky.; and Richmond, Va., alarmed parents across the nation.",
        "Dana Lee, the director, said filming would begin in May.",
    ):
        assert not listing(statement), statement
    # A wire list item: the bullet and its label go, the statement stays.
    assert tidy("_A possible model: Faced with new rules, the counties may merge their plans.") == (
        "Faced with new rules, the counties may merge their plans."
    )
    assert tidy("Bottom line: the counties may merge their plans.") == (
        "Bottom line: the counties may merge their plans."
    )


def test_a_photo_caption_is_not_a_statement() -> None:
    from newsfuse.select.wording import printable

    for caption in (
        "Deputy Sam Ortel is pictured with principal Ana Ruiz after an award ceremony in 2014.",
        "Dana Lee (left) and Ana Ruiz filming their cooking show in 1996.",
        "Smoke rises over a market near the square where the blast hit, in Vellmar, Hesse State, "
        "Wednesday, May 10, 2017.",
    ):
        assert not printable(caption), caption
    for statement in (
        "The blast hit the market on Wednesday, May 10, killing four people.",
        "Mayor Vincent Gray (D) and Rep. Tim Hale (R) are trying to keep every city worker on the job.",
        "The country held its last nuclear test on Sept. 9, 2016.",
    ):
        assert printable(statement), statement


def test_a_sentence_opening_on_a_lowercase_word_is_a_fragment() -> None:
    from newsfuse.select.wording import printable

    for fragment in (
        "and charged with five counts of aggravated battery on Sunday.",
        "woodarrd called on Britain to prepare for the single currency.",
    ):
        assert not printable(fragment), fragment
    for statement in (
        "eBay said its sales rose by a third in the spring.",
        "iPhone sales fell in China for the first time this year.",
        "de Blasio said the city would hire more teachers next year.",
    ):
        assert printable(statement), statement


def test_a_time_after_an_event_the_reader_has_not_seen_points_back() -> None:
    from newsfuse.select.wording import printable

    for dangling in (
        "Minutes later, its doors open and the passengers are forced onto the ground.",
        "A minute later, a soldier pushes a third man out of the frame.",
        "An hour later, the crowd had gone home.",
    ):
        assert not printable(dangling), dangling
    assert printable("Minutes after the blast, the police closed the square.")


def test_a_speaker_named_only_as_the_role_nobody_introduced() -> None:
    from newsfuse.select.wording import unintroduced

    summary = [
        "A project will bring water to the old base on Monday.",
        "“If this goes on, the reservoirs will be dry,” the Minister told reporters.",  # which one?
        "“We are ready,” said the spokesman.",
        "In those years players had to salute the flag, the paper said.",
        "Netflix will keep paying them normally, the company says.",  # the name came first
        "Players had to salute the flag, the paper said.",  # a capital first may be a name: kept
        "Police said the suspect fled on foot.",
        "A provincial official said output fell, and the official blamed the drought.",
    ]
    assert unintroduced(summary) == [1, 2, 3]


def test_a_page_speaking_to_its_reader_or_about_itself_is_not_printed() -> None:
    from newsfuse.select.wording import printable

    for page_text in (
        "Click on a name below to find its popularity over time, common sibling names, and more.",
        "You can reach Sarah with questions, comments and suggestions here.",
        "The pesticide needs to touch the beetles, so you may be looking at more than one spraying.",
        "Last year we had 150,000 inquiries from people who wanted to join.",
        "Welcome to Health Reform Watch, a regular look at how the law is changing health care.",
        "People gathered outside the court #justicefornoura #freenoura to support her on Thursday.",
        "— Sodfa Daaji ( @sodfadaaji ) may 10, 2018 hussein's legal team has 15 days to appeal.",
        "More photo: getty image 1 of / 25 caption close sophia is still queen and jackson king.",
    ):
        assert not printable(tidy(page_text)), page_text
    for statement in (
        '"We will not stop until the river is clean," the mayor said on Monday.',
        "The US economy grew 3 percent in the last quarter, officials said.",
        "Citizens used the hashtag #JusticeforMohawk to ask why rangers did not sedate the bird.",
        "“The failing @nytimes keeps saying that I am changing my mind,” Trump wrote on Twitter.",
        "Watching the launch from the beach, thousands of people cheered the crew.",
    ):
        assert printable(tidy(statement)), statement


def test_a_pointer_to_the_page_player_is_cut() -> None:
    assert (
        tidy("( watch below ) a north carolina man survived a brush with an eight-foot gator tuesday.")
        == "A north carolina man survived a brush with an eight-foot gator tuesday."
    )
    assert tidy("The band sold the song in 1990 (see photos).") == "The band sold the song in 1990."


def test_a_wire_credit_inside_a_sentence_starts_the_lede() -> None:
    glued = (
        'deaths appear to be a murder-suicide, police say " the school is safe, " police say on '
        "twitter ( cnn ) the deaths of two girls friday at a high school are believed to be a murder-suicide."
    )
    assert tidy(glued).startswith("The deaths of two girls friday")
    assert tidy("Two girls found dead (CNN) — Two girls were found dead at a school.") == (
        "Two girls were found dead at a school."
    )
    mention = "The report was published by the network (CNN) last week after the vote."
    assert tidy(mention) == mention


def test_a_quotation_run_on_into_the_next_sentence_without_a_speaker_is_not_printed() -> None:
    from newsfuse.select.wording import printable

    assert not printable(
        '" i don\'t think he understands what makes this country great. " speaking to a crowd of '
        "mechanics, romney pointed to the shop as a symbol."
    )
    assert printable('" it wasn\'t a gaffe. It was his ideology, " romney argued thursday at a stop.')
    assert printable('" we will win. " the mayor said on monday after the vote.')


def test_a_time_zone_cut_from_its_time_is_not_printed() -> None:
    assert tidy("Et white house press secretary sarah sanders said thursday the claims were troubling.") == (
        "White house press secretary sarah sanders said thursday the claims were troubling."
    )
    assert tidy("ET Phone Home was re-released in cinemas on Friday.") == (
        "ET Phone Home was re-released in cinemas on Friday."
    )
