"""Disagreements: real differences in numbers, dates, names and who concluded something are flagged;
paraphrase and the same actor under other names are not."""

from __future__ import annotations

import numpy as np
import pytest

from newsfuse.attribute.disagree import disagreements
from newsfuse.attribute.statements import count_conflict
from newsfuse.model import Document
from newsfuse.numbers import numbers
from newsfuse.represent import get_encoder
from newsfuse.segment import segment


def _run(*texts: str, dates: tuple[str | None, ...] = ()):
    docs = tuple(
        Document(id=f"d{n}", source=f"t{n}", text=t, date=dates[n - 1] if dates else None)
        for n, t in enumerate(texts, 1)
    )
    sentences = segment(docs)
    vectors = get_encoder("onnx").encode([s.text for s in sentences])
    return disagreements(sentences, np.asarray(vectors), docs)


def test_numbers_by_unit_with_hedges_and_ranges() -> None:
    found = numbers("At least 12 people died and 40 homes burned, from 3 to 5 days after 2019.")
    assert {unit: [(a.value, a.fuzzy) for a in amounts] for unit, amounts in found.items()} == {
        "people": [(12.0, True)],
        "home": [(40.0, False)],
        "day": [(5.0, True)],
    }


def test_different_death_tolls_are_flagged() -> None:
    found = _run(
        "The ferry capsized off the coast and 12 people died in the accident.",
        "The ferry capsized off the coast and 15 people died in the accident, police said.",
    )
    assert [(d.kind, d.topic) for d in found] == [("number", "people (death)")]
    assert [ids for _, ids in found[0].sides] == [("d1",), ("d2",)]


@pytest.mark.parametrize(
    "second",
    [
        "Twelve people died when the ferry capsized off the coast in the accident.",  # paraphrase
        "The ferry capsized off the coast and more than 10 people died in the accident.",  # a bound
        "The ferry capsized off the coast and 15 people were injured in the accident.",  # other count
    ],
)
def test_paraphrase_bounds_and_other_counts_are_not_flagged(second: str) -> None:
    assert _run("The ferry capsized off the coast and 12 people died in the accident.", second) == ()


def test_different_dates_of_the_same_event_are_flagged() -> None:
    found = _run(
        "The senator announced her resignation on March 3, 2021, in a short statement.",
        "The senator announced her resignation on March 5, 2021, in a short statement.",
    )
    assert [d.kind for d in found] == ["date"]


def test_example_cluster_has_no_false_disagreement(sony_docs) -> None:
    sentences = segment(sony_docs)
    vectors = get_encoder("onnx").encode([s.text for s in sentences])
    assert disagreements(sentences, np.asarray(vectors), sony_docs) == ()


# --- claim: who is said to have concluded something ----------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "The National Transportation Safety Board determined that pilot error caused the crash of the small plane.",
            "The Boeing Company determined that pilot error caused the crash of the small plane.",
        ),
        (
            "North Korea was behind the attack on Sony Pictures, the FBI said on Friday.",
            "North Korea was behind the attack on Sony Pictures, the Department of Homeland Security said on Friday.",
        ),
        (
            "North Korea was behind the attack on Sony Pictures, according to the FBI.",
            "North Korea was behind the attack on Sony Pictures, according to the Department of Homeland Security.",
        ),
        (
            "The county coroner ruled the singer's death a suicide on Tuesday.",
            "The Los Angeles Police Department ruled the singer's death a suicide on Tuesday.",
        ),
    ],
)
def test_one_finding_credited_to_different_actors_is_flagged(first: str, second: str) -> None:
    found = _run(first, second)
    assert [(d.kind, d.topic) for d in found] == [("claim", "who concluded")]
    assert [ids for _, ids in found[0].sides] == [("d1",), ("d2",)]


FBI = "The FBI concluded that North Korea was behind the attack on Sony Pictures."


@pytest.mark.parametrize(
    "texts",
    [
        # The same actor under other names: written out, "the bureau", a person of it.
        (
            FBI,
            "The Federal Bureau of Investigation found that North Korea was behind the attack on Sony Pictures.",
        ),
        (
            "The Federal Bureau of Investigation (FBI) opened a case. " + FBI,
            "The bureau concluded that North Korea was behind the attack on Sony Pictures.",
        ),
        (FBI, "FBI Director James Comey concluded that North Korea was behind the attack on Sony Pictures."),
        # An umbrella actor that may include the named one (the FBI is part of both).
        (FBI, "The federal government determined that North Korea was behind the attack on Sony Pictures."),
        (
            FBI,
            "U.S. intelligence officials determined that North Korea was behind the attack on Sony Pictures.",
        ),
        # One side names no actor; unnamed actors ("Sony's own investigators") are not resolved.
        (FBI, "North Korea was behind the attack on Sony Pictures."),
        (FBI, "Sony's own investigators concluded that North Korea was behind the attack on Sony Pictures."),
        # The other report also credits the FBI with the finding, in another sentence.
        (
            FBI,
            "FBI agents say North Korea was behind the attack on Sony Pictures. The Department of Homeland "
            "Security concluded that North Korea was behind the attack on Sony Pictures.",
        ),
        # A place for its government, a lone capitalised word, lawyers for a person.
        (FBI, "Washington concluded that North Korea was behind the attack on Sony Pictures."),
        (FBI, "Investigators concluded that North Korea was behind the attack on Sony Pictures."),
        (
            "Lawyer John Smith said the drug maker was to blame for the heart damage of his client.",
            "Attorneys for Mary Jones said the drug maker was to blame for the heart damage of his client.",
        ),
        # An acronym against the part of its name the name finder keeps.
        (
            "The INS ruled that the boy belongs with his father in Cuba.",
            "The Immigration and Naturalization Service ruled that the boy belongs with his father in Cuba.",
        ),
        # A person and an organisation (a person may speak for it).
        (FBI, "President Barack Obama concluded that North Korea was behind the attack on Sony Pictures."),
        # Different findings of different actors: not this check's business.
        ("Police said the fire was arson.", "Fire officials said the cause was an electrical fault."),
        # Different actors doing, not concluding, things.
        (
            "Police found the body of the missing hiker near the river on Sunday.",
            "Volunteers found the body of the missing hiker near the river on Sunday.",
        ),
    ],
)
def test_same_actor_umbrella_or_unnamed_actor_is_not_a_claim_conflict(texts: tuple[str, str]) -> None:
    assert [d.kind for d in _run(*texts) if d.kind == "claim"] == []


def test_example_cluster_fbi_against_federal_government_is_no_claim_conflict(sony_docs) -> None:
    """ABC: "The federal government determined that North Korea was responsible"; LAist: "the FBI
    also blamed North Korea". The FBI is part of the federal government, so that is one finding
    told at two levels, not a disagreement: the umbrella actor resolves to no one."""
    from newsfuse.attribute.disagree import claims
    from newsfuse.attribute.speakers import NameIndex, find_mentions

    index = NameIndex.build([m for d in sony_docs for m in find_mentions(d.text)])
    texts = [s.text for s in segment(sony_docs)]
    government = next(t for t in texts if "federal government determined" in t)
    fbi = next(t for t in texts if "the FBI also blamed North Korea" in t)
    assert claims(government, index) == []
    assert [c.actor for c in claims(fbi, index)] == ["FBI"]


def test_numbers_conflict_needs_same_unit_and_exact_values() -> None:
    from newsfuse.numbers import numbers_conflict

    assert numbers_conflict(
        "Officials said 40,000 people were evacuated.", "Officials said 42,000 people were evacuated."
    )
    assert not numbers_conflict(
        "Officials said 40,000 people were evacuated.", "About 42,000 people were evacuated."
    )
    assert not numbers_conflict("40,000 people were evacuated.", "40,000 people were moved to shelters.")
    assert not numbers_conflict("40,000 people were evacuated.", "Three people died in the storm.")


# --- issue 14: counts of the same thing, ages, clock times, name spellings -------------------------


@pytest.mark.parametrize(
    ("first", "second", "kind"),
    [
        (
            "Thirteen people were injured at the brokerage, some by bullets and others in the panic.",
            "Twelve people were injured at the brokerage, some by bullets and others in the panic.",
            "number",
        ),
        (
            "Kennedy took off from Essex County Airport in Fairfield at 8:38 p.m. on Friday.",
            "The Kennedy plane took off from Essex County airport in Fairfield at 8:30 p.m. on Friday.",
            "number",
        ),
        (
            "Keenan's lawyers described Jesse Warfield, 43, as a former security chief of the group.",
            "In tearful testimony, Keenan said one guard, Jesse Warfield, 45, struck her with a rifle.",
            "number",
        ),
        (
            "Detective Buck Gardner said the boy was found in the woods behind the house.",
            "The boy was found in the woods, Detective Buck Garner told reporters at the scene.",
            "name",
        ),
    ],
)
def test_one_thing_told_differently_is_flagged(first: str, second: str, kind: str) -> None:
    assert [d.kind for d in _run(first, second)] == [kind]


def test_a_reports_own_correction_is_noted() -> None:
    found = _run(
        "Detective Buck Gardner said the boy was found in the woods behind the house.",
        "The boy was found in the woods, Detective Buck Garner told reporters. (An earlier version of "
        "this story misspelled the detective's name.)",
    )
    assert [d.topic for d in found] == ["spelling of Buck's name (a report notes its correction)"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # two subjects: the Tanzania blast and the Kenya blast
        (
            "A nearly simultaneous blast at the U.S. Embassy in Tanzania killed 11 people.",
            "A nearly simultaneous blast at the U.S. Embassy in Kenya killed 247 people.",
        ),
        # two frames: sickened and killed
        (
            "Last year the virus sickened 55 people in Queens, all of them elderly.",
            "Last year the virus killed seven people in Queens, all of them elderly.",
        ),
        # an increment, a rate, a rounding, the other value written in the other statement
        (
            "Another three aftershocks were measured near the city on Wednesday.",
            "Over 60 aftershocks were measured near the city on Wednesday.",
        ),
        (
            "Researchers found a rate of 4 in 1,000 children with autism in the town.",
            "In the town of 72,000 people, 36 children have autism, researchers found.",
        ),
        (
            "The communist candidate finished second with 29.6 percent of the vote.",
            "The communist candidate finished second with 29 percent of the vote.",
        ),
        (
            "Twin bombings in Tanzania and Kenya killed 257 people, 11 of them in Tanzania.",
            "The blast in Tanzania killed 11 people, officials in Tanzania and Kenya said.",
        ),
        # an age at another time, and two people
        (
            "On July 1, 1998, Victoria Keenan, 43, and her son were driving near the compound.",
            "Victoria Keenan, 44, spoke briefly after the verdict on Thursday.",
        ),
        (
            "On board were Kennedy's wife, Carolyn Bessette Kennedy, and her sister Lauren.",
            "Mourners included Kennedy's sister, Caroline Kennedy Schlossberg, and his cousins.",
        ),
        # one surname, two people: the one the cluster names most is meant by the surname alone
        (
            "John F. Kennedy Jr. flew the plane. Kennedy, 38, was the only surviving son of the president.",
            "John Kennedy was the pilot. The plane carried his wife, Carolyn Bessette Kennedy, 33, and her sister.",
        ),
        # a newspaper's name is no person's
        (
            "Ron Ben Yishai, writing in the Yediot Ahronoth newspaper, suggested the arrests were a warning.",
            "Writing for the Israeli newspaper Yediot Ahronot, Ron Ben Yishai said the arrests were a warning.",
        ),
    ],
)
def test_look_alike_statements_are_not_flagged(first: str, second: str) -> None:
    assert _run(first, second) == ()


# --- counts: one tally, not different tallies of one thing -----------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # what is left after something happened, against the whole
        (
            "The airline grounded its six Concordes after the crash.",
            "The airline grounded its remaining five Concordes after the crash.",
        ),
        # one occurrence against all of them
        (
            "Police said 129 members were arrested in the latest sweep.",
            "Police said 194 members were arrested.",
        ),
        (
            "A total of 40 people were arrested in the city.",
            "Police said 30 people were arrested in the city.",
        ),
        # an earlier occurrence of the event
        ("The last war in the region killed 1,400 people.", "The war in the region killed 19 people."),
        # the same event in different years
        ("The 2008 flood in the valley killed 40 people.", "The 2010 flood in the valley killed 30 people."),
    ],
)
def test_different_tallies_of_one_thing_do_not_conflict(first: str, second: str) -> None:
    assert count_conflict(first, second) is None


@pytest.mark.parametrize(
    ("first", "second", "unit"),
    [
        (
            "Police said 12 people were arrested in the latest sweep.",
            "Police said 15 people were arrested in the latest sweep.",
            "people (arrest)",
        ),
        # a year one report leaves out is still the same flood
        (
            "The 2008 flood in the valley killed 40 people.",
            "The flood in the valley killed 30 people.",
            "people (death)",
        ),
    ],
)
def test_one_tally_told_differently_conflicts(first: str, second: str, unit: str) -> None:
    assert count_conflict(first, second) == unit


def test_a_count_of_other_things_counts_those_things() -> None:
    # "nine other murders" counts murders, not people: no tally of one thing told differently
    assert (
        count_conflict(
            "The inmate confessed to nine other murders in Texas.",
            "The inmate confessed to three other slayings in Texas.",
        )
        is None
    )
    assert (
        count_conflict(
            "The inmate killed nine other people in Texas.", "The inmate killed three other people in Texas."
        )
        == "people (death)"
    )


def test_a_tally_over_a_span_is_not_all_of_them() -> None:
    assert (
        count_conflict(
            "Bush was out of state for 16 executions over the past five years.",
            "Bush was out of state for 37 executions.",
        )
        is None
    )


@pytest.mark.parametrize(
    ("dates", "flagged"), [(("1998-11-20", "1999-10-25"), False), (("1999-10-25", "1999-10-27"), True)]
)
def test_ages_in_reports_months_apart_may_straddle_a_birthday(dates: tuple[str, str], flagged: bool) -> None:
    found = _run(
        "The other suspect, Russell Henderson, 21, waived his right to a preliminary hearing on Monday.",
        "The other suspect, Russell Henderson, 22, pleaded guilty to felony murder and kidnapping.",
        dates=dates,
    )
    assert [d.topic for d in found] == (["age of Russell Henderson"] if flagged else [])
