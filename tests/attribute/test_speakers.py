"""Names in text and the fullest form of a speaker."""

from __future__ import annotations

from newsfuse.attribute.speakers import Context, NameIndex, find_mentions, resolve

TEXT = (
    "President Barack Obama spoke on Friday. Sony Pictures Entertainment pulled the film.\n"
    "The London School of Economics opened an inquiry. Obama said more. TV3's Duncan Garner asked."
)


def _index() -> NameIndex:
    return NameIndex.build(find_mentions(TEXT))


def test_mentions_are_typed_and_trimmed() -> None:
    found = {m.text: m.kind for m in find_mentions(TEXT)}
    assert found["President Barack Obama"] == "person"
    assert found["Sony Pictures Entertainment"] == "org"
    assert found["Duncan Garner"] == "person"  # the possessive splits "TV3's Duncan Garner"
    assert "Obama spoke" not in found and "Friday" not in found


def test_a_run_stops_at_a_sentence_end() -> None:
    assert [m.text for m in find_mentions("He met South Africa. He left.")] == ["South Africa"]


def test_fullest_name_of_short_forms_and_acronyms() -> None:
    index = _index()
    assert index.fullest("Obama") == "President Barack Obama"
    assert index.fullest("Sony") == "Sony Pictures Entertainment"
    assert index.fullest("LSE") == "London School of Economics"
    assert index.fullest("Nobody") == "Nobody"


def test_resolve_titles_pronouns_and_organisation_nouns() -> None:
    index = _index()
    mentions = find_mentions(TEXT)
    context = Context(before=mentions[:2], last_speaker=None, position=len(TEXT))
    assert resolve("the president", context=context, index=index) == "President Barack Obama"
    assert resolve("the company", context=context, index=index) == "Sony Pictures Entertainment"
    assert resolve("a spokesman", context=context, index=index) == "a spokesman"
    talked = Context(
        before=mentions[:1], last_speaker=None, position=60, talkers=frozenset({mentions[0].start})
    )
    assert resolve("he", context=talked, index=index) == "President Barack Obama"


def test_a_person_is_not_the_organisation_named_after_them() -> None:
    text = (
        "the flakes were studied by Alison Brooks of George Washington University.\n"
        "the lead author, Alison Brooks, said more.\nthe National Council of Resistance of Iran met."
    )
    index = NameIndex.build(find_mentions(text))
    assert index.fullest("Alison Brooks") == "Alison Brooks"
    assert index.fullest("National Council") == "National Council of Resistance of Iran"


def test_initials_keep_their_periods_and_a_sentence_end_does_not() -> None:
    text = "the winner, O.J. Simpson, met Mark O. Barton and then Bob.\nhe later called Plan B."
    assert [m.text for m in find_mentions(text)] == ["O.J. Simpson", "Mark O. Barton", "Bob", "Plan B"]
    index = NameIndex.build(find_mentions(text))
    assert index.fullest("Simpson") == "O.J. Simpson"
    assert index.fullest("Mark O. Barton") == "Mark O. Barton"
