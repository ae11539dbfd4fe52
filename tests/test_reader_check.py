"""Reader checks (newsfuse.evaluate_reading, scripts/reader_check.py) on hand-made sentences."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from newsfuse.evaluate_reading import (
    Sources,
    aggregate,
    check_cluster,
    dangling_reason,
    fragment_reasons,
    full_names,
    is_lowercased,
    names_before_introduction,
    numbers,
    opening_rouge1,
    redundancy_reason,
    residue_reasons,
)
from newsfuse.represent import get_encoder

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "reader_check.py"


def _script():
    spec = importlib.util.spec_from_file_location("reader_check", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- residue -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("CHARLOTTESVILLE, Va. (AP) -- A man who drove into a crowd was charged.", "wire credit"),
        ("NEW YORK (Reuters) - Stocks fell sharply on Monday.", "wire credit"),
        ("Officials said on Monday (AP) — that the road is closed.", "wire credit"),
        ("WASHINGTON — The Senate passed the bill late on Friday.", "dateline"),
        ("OAKVILLE >> Firefighters put out a blaze at a warehouse.", "dateline"),
        ("Jets Settle Cheerleaders' Pay Suit For Six Figures", "headline-shaped"),
        ("Crowds gather at the plaza (Jane Doe / Staff Photographer)", "photo credit"),
        (
            "Here's the mayor in happier times, waving to the crowd.",
            "points at something outside the text ('Here's...')",
        ),
        (
            "If you want proof, here's his IMDb listing for the show.",
            "points at something outside the text ('Here's...')",
        ),
        ("Royal Guard Warns: 'The Baby Is In Danger!'", "headline-shaped"),
    ],
)
def test_residue_is_found(text: str, reason: str) -> None:
    assert reason in residue_reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Senate passed the bill late on Friday, officials said.",
        "The U.S. Navy moved a destroyer toward the coast.",
        "NASA said the launch would go ahead on Tuesday.",
        "Anna Varga died on Saturday at Edinburgh's Royal Infirmary.",
    ],
)
def test_clean_sentences_carry_no_residue(text: str) -> None:
    assert residue_reasons(text) == []


# --- fragments -----------------------------------------------------------------------------------


def test_a_split_inside_a_time_is_a_fragment() -> None:
    text = "Sunday and charged with five counts of aggravated battery."
    assert "starts mid-sentence" in fragment_reasons(text)
    before = "He was arrested at 1:30 p.m."
    assert "split after an abbreviation" in fragment_reasons("Sunday, police said.", before=before)
    # A sentence that really ends on "p.m." and a new one starting with a capital is fine.
    assert fragment_reasons("The protesters left.", before="The deadline was 5 p.m.") == []


def test_a_sentence_cut_after_a_title_is_a_fragment() -> None:
    assert "cut after an abbreviation" in fragment_reasons(
        "The bill was signed by Gov.", after="Smith on Monday."
    )
    assert "split after an abbreviation" in fragment_reasons(
        "Smith signed the bill.", before="It went to Gov."
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("and then the crowd left the square.", "starts lower case"),
        ("” He left the room after that.", "starts with a closing quotation mark"),
        ("'' At the White House, the president spoke.", "starts with a closing quotation mark"),
        ('"We will not stop, he told the crowd.', "unbalanced quotation marks"),
        ("“We will not stop, he told the crowd.", "unbalanced quotation marks"),
        ("``We will not stop, he told the crowd.", "unbalanced quotation marks"),
        ("The game will be played on", "no terminal punctuation"),
        ("So, President Clinton ...", "ends in an ellipsis"),
        ("August 1974, speaking to the president shortly before he resigned.", "caption, not a statement"),
        ('"Read my lips." 18 August, 1988, during his acceptance speech.', "caption, not a statement"),
        ("Mayor Lee wrote on Twitter, referring to the vote.", "attribution without its quotation"),
        ("\"Here's our position.',\" the chief executive said.", "broken punctuation"),
    ],
)
def test_fragments_are_found(text: str, reason: str) -> None:
    assert reason in fragment_reasons(text)


def test_lowercased_tokenised_text_is_not_read_for_case_or_quote_spacing() -> None:
    text = '" i have no intention at this time, " the mayor said outside his home.'
    assert "starts lower case" in fragment_reasons(text)
    assert fragment_reasons(text, cased=False) == []
    assert "no terminal punctuation" in fragment_reasons("the game will be played on", cased=False)


@pytest.mark.parametrize(
    "text",
    [
        "iPhone sales rose by a tenth last year.",
        "The 6’2” forward scored twice.",
        "Director Joe Johnston made “Wolfman’’ in 2010.",
        '"We will not stop," he told the crowd.',
        "He asked: “Why now?”",
        "She said the fee was $5 (about £4).",
        "The lanes will be numbered “1” and “2.”",
        '“I said, ‘That’s not my daughter!’" her mother said.',
        '"We will win," the mayor wrote on Twitter.',
    ],
)
def test_whole_sentences_are_not_fragments(text: str) -> None:
    assert fragment_reasons(text) == []


# --- dangling openings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Instead, the council voted to delay the plan.", "connective 'Instead'"),
        ("Meanwhile, prices kept rising across the region.", "connective 'Meanwhile'"),
        ("But the police never arrived at the house.", "connective 'But'"),
        ("This was the first time the river had flooded.", "demonstrative 'This'"),
        ("These are the largest tools ever found there.", "demonstrative 'These'"),
        ("He said the plan had failed.", "pronoun 'He'"),
        ("I knew I had to act quickly.", "pronoun 'I'"),
        ("First, the word was used wrongly.", "connective 'First,'"),
        ("A week later, the debris was identified.", "connective 'A week later'"),
        ("Both are in hospital in a serious condition.", "demonstrative 'Both'"),
    ],
)
def test_dangling_openings_are_found(text: str, reason: str) -> None:
    assert dangling_reason(text, ["The council met on Monday."]) == reason


@pytest.mark.parametrize(
    "text",
    [
        "This week the council voted to delay the plan.",
        "It is unclear whether the plan will pass.",
        "It's not known if anyone was hurt.",
        "“He is a fighter,” the coach said.",
        "In addition to the fine, the company must apologise.",
        "The council voted to delay the plan.",
    ],
)
def test_openings_that_need_no_context(text: str) -> None:
    assert dangling_reason(text, ["The council met on Monday."]) is None


def test_a_pronoun_is_resolved_by_the_previous_sentence_or_the_source_order() -> None:
    text = "He said the plan had failed."
    assert dangling_reason(text, ["Mayor Ann Lee spoke on Monday."], antecedent="Lee") is None
    assert dangling_reason(text, ["Police spoke on Monday."], antecedent="Lee") == "pronoun 'He'"
    assert dangling_reason(text, ["Police spoke on Monday."], contiguous=True) is None
    # A first-person writer is never introduced, however the sentences were ordered in the source.
    assert dangling_reason("I ripped the article out.", ["Police spoke."], contiguous=True) == "pronoun 'I'"


def test_contiguity_allows_only_a_dropped_connective_between_sentences() -> None:
    sources = Sources(
        [
            "The storm hit the coast on Monday. But it weakened fast over the cold sea. Photo\n\nIt moved north to the hills."
        ]
    )
    first, second, third = (
        sources.locate(t)
        for t in (
            "The storm hit the coast on Monday.",
            "It weakened fast over the cold sea.",
            "It moved north to the hills.",
        )
    )
    assert sources.contiguous(first, second)  # "But" was dropped
    assert not sources.contiguous(second, third)  # a caption stands between


def test_a_definite_description_introduced_only_in_the_source_dangles() -> None:
    before = "Scientists examined a fragile linen cloth found in the cave."
    text = "The linen cloth was dated to the 13th century."
    assert dangling_reason(text, ["Scientists worked in a cave."], source_before=before) is not None
    assert dangling_reason(text, ["A linen cloth was found in a cave."], source_before=before) is None
    assert dangling_reason(text, ["Scientists worked in a cave."], source_before="Nothing here.") is None
    before = "The Times published an article on Saturday about the campaign."
    assert dangling_reason("In the article, aides described him as tired.", [], source_before=before)


# --- names ---------------------------------------------------------------------------------------

SOURCES = [
    "Police said Anna Varga, 34, was arrested in Los Angeles on Monday. Varga said she was innocent.\n"
    "The New York Times reported that Judge Tom Reyes set bail. Reyes said bail was high.",
    "Varga, who works in Los Angeles, told the Los Angeles Times she would appeal. Los Angeles police said "
    "the case was closed.",
]


def test_full_names_come_from_the_sources_and_leave_places_out() -> None:
    names = full_names(SOURCES)
    assert names == {"Varga": {"Anna Varga"}, "Reyes": {"Tom Reyes"}}


def test_a_surname_before_the_full_name_is_flagged() -> None:
    names = full_names(SOURCES)
    summary = ["Varga denied the charge.", "Anna Varga, 34, was arrested.", "Varga will appeal."]
    assert names_before_introduction(summary, names) == [(0, "Varga")]
    assert names_before_introduction(['"No," Mr. Varga said.', "Judge Reyes set bail."], names) == [
        (0, "Varga"),
        (1, "Reyes"),
    ]
    assert names_before_introduction(["Anna Varga was arrested.", '"No," Varga said.'], names) == []


def test_a_capitalised_first_word_is_not_a_given_name() -> None:
    sources = ["Whenever Netflix misses a forecast, its shares fall. Netflix said it was aware of the leak."]
    assert full_names(sources) == {}


def test_lowercased_text_is_recognised() -> None:
    cased = " ".join(SOURCES) * 3
    assert not is_lowercased([cased])
    assert is_lowercased([cased.lower()])
    assert Sources([cased.lower()]).names == {}


# --- redundancy ----------------------------------------------------------------------------------


def test_numbers_carry_what_they_count() -> None:
    assert (3.0, "peopl") in numbers("Three people were killed in the storm.")
    assert (2500.0, "$") in numbers("Each will get $2,500 per season.")
    assert (3.0, "year-old") in numbers("A 3-year-old boy was bitten.")
    assert numbers("The fire began in 2015 and ended on Nov. 14.") == set()
    assert numbers("People arrived 50,000 years ago.") == set()
    assert numbers("The show Two Fat Ladies ran for years.") == set()


def test_the_same_quotation_is_redundant_whatever_the_cosine() -> None:
    earlier = 'The mayor said: "We will rebuild every home that was lost in the fire."'
    later = '"We will rebuild every home that was lost in the fire," Mayor Ann Lee said.'
    assert redundancy_reason(later, earlier, cosine=0.3) == "same quotation"


def test_a_sentence_contained_in_an_earlier_one_is_redundant() -> None:
    earlier = '"I promise. We are a family and I appreciate all your love and support," he wrote.'
    later = "We are a family and I appreciate all your love and support."
    assert redundancy_reason(later, earlier, cosine=0.5) == "says nothing the earlier sentence does not"


def test_the_same_count_is_redundant_only_in_a_related_sentence() -> None:
    earlier = "Three people were killed when the storm hit the coast."
    assert redundancy_reason("The storm killed three people, officials said.", earlier, cosine=0.5)
    assert redundancy_reason("Three people were arrested at the march.", earlier, cosine=0.3) is None


def test_the_bundled_encoder_separates_a_paraphrase_from_a_new_fact() -> None:
    sentences = [
        "A magnitude 7 earthquake struck off the coast of Chile on Sunday, killing at least 12 people.",
        "At least 12 people died when a powerful quake hit the Chilean coast on Sunday.",
        "The country's president said schools would reopen next week.",
    ]
    vectors = get_encoder("onnx").encode(sentences)
    cosine = vectors @ vectors.T
    assert redundancy_reason(sentences[1], sentences[0], float(cosine[0, 1])) is not None
    assert redundancy_reason(sentences[2], sentences[0], float(cosine[0, 2])) is None


# --- a cluster -----------------------------------------------------------------------------------


def test_opening_rouge_reads_the_reference_first_sentence() -> None:
    reference = "A storm killed three people on Monday. Rescuers searched all night."
    assert opening_rouge1("A storm killed three people on Monday.", reference) == pytest.approx(100.0)
    assert opening_rouge1("Rescuers searched all night.", reference) < 30


def test_check_cluster_flags_each_category_once_per_sentence() -> None:
    sources = [
        "WASHINGTON (AP) — Police said Anna Varga, 34, was arrested on Monday. Varga said she was innocent.",
        "Anna Varga was arrested after a fire destroyed three homes. Varga will appear in court on Friday.",
    ]
    summary = [
        "WASHINGTON (AP) — Police said Anna Varga, 34, was arrested on Monday.",
        "Instead, the fire destroyed three homes.",
        '"I am innocent, Varga said.',
        "Anna Varga was arrested after a fire destroyed three homes.",
    ]
    vectors = get_encoder("onnx").encode(summary)
    reading = check_cluster(
        "c1", summary, Sources(sources), vectors, budget=35, reference="Police arrested a woman."
    )
    flagged = {(f.index, f.category) for f in reading.flags}
    assert (0, "residue") in flagged
    assert (1, "dangling") in flagged
    assert (2, "fragment") in flagged
    assert (3, "redundant") in flagged
    assert not any(category == "name" for _, category in flagged)
    figures = aggregate([reading])
    assert figures["sentences"] == 4
    assert figures["residue"] == 25.0
    assert figures["budget_use"] == pytest.approx(100 * 33 / 35, abs=0.1)
    assert figures["under_90"] == 0.0


# --- the script ----------------------------------------------------------------------------------


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_script_reads_summarize_and_batch_briefings(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    data = _write(
        tmp_path / "data.jsonl",
        [
            {"id": "a", "documents": [SOURCES[0]], "summary": "Anna Varga was arrested. She denies it."},
            {"id": "b", "documents": [SOURCES[1]], "summary": "A woman will appeal."},
            {"id": "c", "documents": [SOURCES[1]], "summary": "Not briefed."},
        ],
    )
    summary = [{"text": "Varga said she was innocent.", "sources": ["a/d1"]}]
    briefings = _write(
        tmp_path / "out.jsonl",
        [
            {"id": "a", "briefing": {"id": "a", "words": 40, "summary": summary}},
            {"id": "b", "summary": [{"text": "Anna Varga will appeal.", "sources": ["b/d1"]}], "words": 40},
            {"id": "c", "error": "c: no documents"},
        ],
    )
    script = _script()
    assert script.main([str(data), "--briefings", str(briefings), "--json", "--show"]) == 0
    out = capsys.readouterr()
    figures = json.loads(out.out[out.out.index("{") :])["figures"]
    assert figures["clusters"] == 2
    assert figures["name"] == 50.0
    assert "a [0] NAME: Varga before the full name" in out.out
    assert "c: c: no documents" in out.err


def test_script_runs_newsfuse_on_dev_clusters(dev_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert _script().main([str(dev_path), "--limit", "2", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["figures"]["clusters"] == 2
    assert result["figures"]["sentences"] > 5
    assert 0 < result["figures"]["budget_use"] <= 100


def test_aggregate_of_no_sentences_is_empty() -> None:
    figures = aggregate([])
    assert figures["clusters"] == 0
    assert figures["redundant"] is None
    assert figures["budget_use"] is None
