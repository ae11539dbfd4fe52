"""Words and sentences in scripts without spaces (issue 16): Chinese and Japanese text."""

from __future__ import annotations

from newsfuse.ingest.boilerplate import is_fragment, mark_lines
from newsfuse.ingest.clean import clean_text
from newsfuse.segment import split_sentences
from newsfuse.text import count_words

ZH = "气旋玛拉周四在港口附近登陆，造成三人死亡。省长说，政府在风暴到来前疏散了四万人。「我们会尽快恢复交通。」港务局长说。"
JA = "サイクロンは木曜日に上陸し、三人が死亡した。知事は四万人を避難させたと述べた。"


def test_han_and_kana_characters_count_as_words() -> None:
    assert count_words("The storm hit the coast.") == 5
    assert count_words("气旋登陆。") == 4  # four characters; the full stop is no word
    assert count_words("2026年に「AI」会議") == 6  # "2026" and "AI" by spaces, 年に会議 by character
    assert count_words(ZH) > 40


def test_a_chinese_sentence_is_not_a_short_fragment() -> None:
    """Counted by spaces, a whole sentence was one "word" and went as page scrap."""
    lead = "军队已派出一千五百名士兵。"
    assert not is_fragment(lead) and is_fragment("气旋玛拉")
    assert mark_lines([lead, "", ZH]) == [None, None, None]
    text, _, removed, _ = clean_text(f"{ZH}\n\n{lead}")
    assert not removed and text == f"{ZH}\n\n{lead}"


def test_sentences_end_at_the_ideographic_full_stop() -> None:
    text = ZH + "\n\n" + JA + " The mayor spoke on Monday. Mr. Smith agreed."
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert sentences == [
        "气旋玛拉周四在港口附近登陆，造成三人死亡。",
        "省长说，政府在风暴到来前疏散了四万人。",
        "「我们会尽快恢复交通。」港务局长说。",
        "サイクロンは木曜日に上陸し、三人が死亡した。",
        "知事は四万人を避難させたと述べた。",
        "The mayor spoke on Monday.",
        "Mr. Smith agreed.",
    ]
