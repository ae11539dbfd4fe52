"""Markup inside newswire words: entities, typesetting codes, the wire's dash, interview markers."""

from __future__ import annotations

import pytest

from newsfuse.ingest.clean import clean_text
from newsfuse.ingest.markup import decode_entities, interview_markers, wire_dashes


@pytest.mark.parametrize(
    ("raw", "decoded"),
    [
        ("Baker &AMP; Sons sold the mill.", "Baker & Sons sold the mill."),
        ("Baker &amp; Sons &Amp; Co.", "Baker & Sons & Co."),
        ("Fees &LT; 5 percent &GT; none.", "Fees < 5 percent > none."),
        ("Caf&eacute; owner Ren&Eacute; said &#8220;yes&#x201D;.", "Café owner RenÉ said “yes”."),
        ("A pipe &#124; in a title.", "A pipe | in a title."),
        ("_ &LR; &LR; The mayor left town.", "_   The mayor left town."),
        ("clown &UR; Max Ortel &LR; waved.", "clown  Max Ortel  waved."),
        ("the day ended. &QL;", "the day ended. "),
        # Glued to a word: a tokeniser's leftover, not a code; and no entity without its ";".
        ("texas a&m; students and at&t; users", "texas a&m; students and at&t; users"),
        ("Barnes&noble and R&paragraph", "Barnes&noble and R&paragraph"),
        ("no entities here", "no entities here"),
    ],
)
def test_entities_are_decoded_in_any_case_and_unknown_codes_dropped(raw: str, decoded: str) -> None:
    assert decode_entities(raw) == decoded


def test_the_wire_dash_reads_as_a_dash() -> None:
    assert wire_dashes("The town of 9,000 _ most of them farmers _ voted.") == (
        "The town of 9,000 — most of them farmers — voted."
    )
    # A bullet opening a line and a word with "_" in it are no dashes.
    assert wire_dashes("_ A bullet about snake_case") == "_ A bullet about snake_case"


def test_interview_markers_go_only_where_the_text_asks_and_answers() -> None:
    lines = ["Q. What happens next?", "", "A. The council meets on Monday.", "Q: Why now?", "A: Money."]
    out, cut = interview_markers(lines)
    assert out == ["What happens next?", "", "The council meets on Monday.", "Why now?", "Money."]
    assert cut == ["Q.", "A.", "Q:", "A:"]
    plain = ["A. Philip Norland founded the union.", "He led it for 30 years."]
    assert interview_markers(plain) == (plain, [])


def test_clean_text_leaves_no_markup_in_the_report() -> None:
    text = (
        "The drug maker Baker &AMP; Sons said sales rose in the spring.\n\n"
        "_ &LR; &LR; The town of 9,000 _ most of them farmers _ voted against the plan.\n\n"
        "Q. The council says it will reject the plan. What happens next?\n\n"
        "A. Council is not scheduled to meet until Monday afternoon. &QL;"
    )
    cleaned, _, removed, _ = clean_text(text)
    assert "&" not in cleaned.replace("Baker & Sons", "")
    assert "Baker & Sons said" in cleaned
    assert "9,000 — most of them farmers — voted" in cleaned
    assert "The council says it will reject the plan." in cleaned and "Q." not in cleaned
    assert "Council is not scheduled to meet until Monday afternoon." in cleaned
    assert {r.text for r in removed if r.reason.startswith("interview")} == {"Q.", "A."}
