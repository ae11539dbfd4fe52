"""Bare quotations get their speaker, or stay out of the summary."""

from __future__ import annotations

from newsfuse.attribute.speaking import with_speakers
from newsfuse.ingest.readers import documents_from_texts
from newsfuse.segment import segment

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
    printed = [s.text for s in sentences]
    out, ok = with_speakers(printed, sentences, docs)
    return printed, out, ok


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
