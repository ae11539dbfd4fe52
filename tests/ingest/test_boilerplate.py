"""Line rules and page-shape rules: furniture goes, reporters' sentences stay."""

from __future__ import annotations

import pytest

from newsfuse.ingest import boilerplate
from newsfuse.ingest.boilerplate import line_reason, mark_lines, split_label, split_long_line

FURNITURE = [
    ("Share This", boilerplate.NAVIGATION),
    ("Stay Connected", boilerplate.NAVIGATION),
    ("Support for LAist comes from", boilerplate.SUPPORT),
    ("Dear reader, we're asking you to help us keep local news available for all.", boilerplate.SUPPORT),
    ("This is an archival story that predates current editorial management.", boilerplate.DISCLAIMER),
    ("Enlarge this image toggle caption Jay Reed/NPR Jay Reed/NPR", boilerplate.CAPTION),
    ("Advertisement", boilerplate.NAVIGATION),
    ("Sign up for our daily newsletter", boilerplate.SIGNUP),
    ("We use cookies to improve your experience on our site.", boilerplate.NOTICE),
    ("Please enable Javascript to watch this video", boilerplate.NOTICE),
    ("The interactive transcript could not be loaded.", boilerplate.NOTICE),
    (
        "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive.",
        boilerplate.ARCHIVE,
    ),
    ("Sorry, the page you were looking for could not be found.", boilerplate.ERROR_PAGE),
    ("Dow Jones Reprints: This copy is for your personal, non-commercial use only.", boilerplate.SIGNUP),
    (
        "Members of Occupy Philadelphia remain on site. (David M Warren / Staff Photographer)",
        boilerplate.CAPTION,
    ),
    ("Read or Share this story: https://usat.ly/2hRShnF", boilerplate.NAVIGATION),
    ("Associated Press writer Justin Pritchard contributed to this report.", boilerplate.CREDIT),
    ("Hide Caption 3 of 23 Photos: The rise and fall of O.J. Simpson Simpson in 1974.", boilerplate.CAPTION),
    ("Firas Jumaah and his former PHD supervisor Charlotta Turner. Photo: Kennet Ruona", boilerplate.CAPTION),
    ("Please verify you're not a robot by clicking the box.", boilerplate.SIGNUP),
    (
        "Like WTOP on Facebook and follow @WTOP on Twitter to engage in conversation about this article.",
        boilerplate.SIGNUP,
    ),
    ("Don't forget to rate it in iTunes!", boilerplate.SIGNUP),
    ("Remember, you can buy the digital edition of LOOK magazine for your tablet.", boilerplate.SIGNUP),
    ("Watch the video below.", boilerplate.NAVIGATION),
    ("See video.", boilerplate.NAVIGATION),
    (
        "CITY NEWS SERVICE (Distributed by Metro Wire Features) To purchase this material contact "
        "Metro Wire Syndicate Sales at 1-555-010-0000.)",
        boilerplate.CREDIT,
    ),
    ("(To publish this article, it must be purchased from the wire.)", boilerplate.CREDIT),
]

NEWS = [
    "President Barack Obama announced today that North Korea is behind the cyberattack on Sony.",
    "The FBI said it would share more information with the public in the coming days.",
    "Sources close to the family said the funeral would be private.",
    "He said the video was shared more than a million times on Twitter.",
    "Police said the suspect had sent threats by email and on Facebook.",
    "Three of the five victims were children, the sheriff said.",
    "Fields was told of his firing late Wednesday morning",
    "Investigators watched the video below the bridge for hours.",
    "Fans were urged to like the team's page on Facebook, the club said.",
    "The film was distributed by a small company in Ohio, its director said.",
]


@pytest.mark.parametrize(("line", "reason"), FURNITURE)
def test_furniture_lines_are_named(line: str, reason: str) -> None:
    assert line_reason(line) == reason


@pytest.mark.parametrize("line", NEWS)
def test_news_sentences_are_kept(line: str) -> None:
    assert line_reason(line) is None
    assert mark_lines(["", line, ""])[1] is None


def test_related_headline_run_is_removed_but_fact_bullets_stay() -> None:
    related = [
        "George Clooney Calls Out Hollywood's Cowardice: 'We Have Allowed North Korea To Dictate Content'",
        "North Korea Is Behind The Sony Hack, U.S. Officials Say",
        "Sony Cancels 'The Interview' Theatrical Release After Terror Threats",
    ]
    facts = [  # sentence-case bullets without periods (BBC's VX explainer): news, not links
        "The most potent of the known chemical warfare agents, it is a clear, amber-coloured liquid",
        "It can be disseminated in a spray or vapour when used as a chemical weapon",
        "VX can be absorbed into the body by inhalation, ingestion, skin contact, or eye contact",
    ]
    reasons = mark_lines(["A paragraph of news text that ends properly.", *related, "", *facts])
    assert reasons[1:4] == [boilerplate.HEADLINE_LIST] * 3
    assert reasons[5:] == [None, None, None]


def test_any_fragments_after_a_related_header_are_a_list() -> None:
    lines = [
        "ALSO:",
        "Palmdale boy's torture death triggers probe",
        "Police say witnesses dispute story",
        "Cops blame lapse",
    ]
    assert mark_lines(lines)[1:] == [boilerplate.HEADLINE_LIST] * 3


def test_long_lines_split_into_sentences_but_not_after_abbreviations() -> None:
    line = "AUSTIN - Sen. Wendy Davis, in her memoir due out next week, discloses a personal story. " * 3
    parts = split_long_line(line.strip())
    assert len(parts) == 3
    assert all(p.startswith("AUSTIN - Sen. Wendy Davis") for p in parts)


def test_embedded_post_keeps_its_words_and_drops_the_attribution() -> None:
    line = (
        "My rallies are not covered properly by the media. They never discuss the real message. "
        "— Donald J. Trump (@realDonaldTrump) August 14, 2016"
    )
    body, cut, why = split_label(line)
    assert body == "My rallies are not covered properly by the media. They never discuss the real message."
    assert cut == "— Donald J. Trump (@realDonaldTrump) August 14, 2016"
    assert why == boilerplate.SOCIAL
    link_only = "Read this https://t.co/7bh7iIHHaY — Corey Lewandowski (@CLewandowski_) August 15, 2016"
    assert split_label(link_only)[0] == ""


def test_a_gallery_or_related_link_inside_a_paragraph_is_cut_and_the_paragraph_kept() -> None:
    """Seen in an unseen validation briefing: "( photos: pols who evolved on gay marriage ) "i
    support civil unions, " he said." printed the link, and the quotation's speaker was never
    named because the sentence no longer opened with the quotation."""
    from newsfuse.ingest.clean import clean_text

    text = (
        "The shutdown began Tuesday after Congress failed to agree on a budget for the fiscal year. "
        "(PHOTOS: 17 times the government has shut down) Many federal workers were sent home "
        "without pay on the first day.\n\n(WATCH: Obamacare timeline)\n\n"
        "The Senate rejected the House bill again (a third time) on Monday night."
    )
    cleaned, _, removed, _ = clean_text(text)
    assert "PHOTOS" not in cleaned and "WATCH" not in cleaned
    assert "Many federal workers were sent home without pay on the first day." in cleaned
    assert "(a third time)" in cleaned  # an ordinary parenthesis stays
    assert [(r.text, r.reason) for r in removed] == [
        ("(PHOTOS: 17 times the government has shut down)", boilerplate.RELATED),
        ("(WATCH: Obamacare timeline)", boilerplate.RELATED),
    ]
