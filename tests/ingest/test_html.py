"""HTML reports: trafilatura's settings and the line rules that apply to its output (issue 16).

Small hand-written pages, one per rule that changed; the figures that chose each rule come from
``scripts/bench_html.py`` on trafilatura's own evaluation pages (BENCHMARKS.md).
"""

from __future__ import annotations

import pytest

from newsfuse.ingest import boilerplate
from newsfuse.ingest.boilerplate import line_reason
from newsfuse.ingest.clean import clean_document, clean_text
from newsfuse.ingest.readers import documents_from_bytes, documents_from_texts
from newsfuse.model import Document

LEAD = (
    "Divers cleared the channel on Friday and the port of Port Aldren reopened to cargo ships, "
    "four days after Cyclone Mara made landfall on the Verran coast."
)
BODY = [
    "The harbour master said fourteen vessels had waited offshore and would be unloaded in turn.",
    "Shipping agents said the delay had cost exporters of fruit and timber several million dollars.",
    "The airport reopened on Thursday, and the first flights to the capital left on time.",
]


def _page(*blocks: str, title: str = "Port reopens after cyclone") -> str:
    article = "".join(blocks)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<main><article><h1>{title}</h1>{article}</article></main>"
        "<footer><p>Contact the newsroom</p></footer></body></html>"
    )


def _clean(html: str | bytes) -> Document:
    if isinstance(html, bytes):
        return clean_document(documents_from_bytes(html, "page.html", html=True)[0])
    return clean_document(documents_from_texts([html], prefix="d", source="page")[0])


def _paragraphs(*texts: str) -> list[str]:
    return [f"<p>{t}</p>" for t in texts]


def test_short_lines_of_an_article_stay_in_html() -> None:
    """The shape rules for pasted text removed subheadings, ranked-list lines and German leads
    without a final period: on trafilatura's output they cost more article than boilerplate."""
    blocks = [
        *_paragraphs(LEAD, BODY[0]),
        "<h2>Storm damage</h2>",
        *_paragraphs(BODY[1]),
        "<ol><li>100. Ray Gillen</li><li>99. Jon Anderson</li><li>98. Ann Wilson</li></ol>",
        "<p>Der Hafen ist wieder offen und die ersten Schiffe werden entladen</p>",
        *_paragraphs(BODY[2]),
    ]
    doc = _clean(_page(*blocks))
    assert doc.status == "kept" and doc.kind == "html"
    for kept in ("Storm damage", "100. Ray Gillen", "Der Hafen ist wieder offen", LEAD, *BODY):
        assert kept in doc.text, kept
    assert doc.title == "Port reopens after cyclone"
    # The same lines pasted as page text still go: there they are headings and link lists.
    pasted, _, removed, _ = clean_text("\n\n".join([LEAD, "Storm damage", BODY[0]]))
    assert "Storm damage" not in pasted
    assert [r.reason for r in removed] == [boilerplate.SCRAP]


def test_tables_in_an_article_are_kept() -> None:
    """newsfuse used trafilatura without tables; with them, recall on the tuning pages rose."""
    table = "<table><tr><th>District</th><th>Homes without power</th></tr><tr><td>Kessen Hills</td><td>41,200</td></tr></table>"
    doc = _clean(_page(*_paragraphs(LEAD, BODY[0]), table, *_paragraphs(BODY[1], BODY[2])))
    assert "Kessen Hills" in doc.text and "41,200" in doc.text


def test_html_bytes_are_decoded_by_trafilatura() -> None:
    """A Polish page in Windows-1250 was decoded as cp1252 ("zdecydowa³a") or refused."""
    polish = (
        "Rada miasta zdecydowała w czwartek, że żółta linia tramwajowa zostanie przedłużona do dworca "
        "kolejowego, a prace rozpoczną się jeszcze w tym roku."
    )
    html = _page(
        *_paragraphs(polish, polish.replace("czwartek", "piątek"), polish.replace("rada", "komisja"))
    )
    html = html.replace("charset='utf-8'", "charset='windows-1250'")
    doc = _clean(html.encode("windows-1250"))
    assert "Rada miasta zdecydowała w czwartek, że żółta linia" in doc.text


def test_utf8_html_with_a_damaged_byte_stays_utf8() -> None:
    """trafilatura's own detection read it as cp1250 throughout ("Die BrĂĽcke")."""
    german = "Die Brücke über die Straße ist schön, sagte der Bürgermeister am Dienstag in Köln."
    blocks = _paragraphs(*(f"{german} Satz {n}." for n in range(6)))
    data = _page(*blocks).encode("utf-8").replace(b"Satz 3", b"Satz \xff3")
    doc = _clean(data)
    assert f"{german} Satz 0." in doc.text and "Ă" not in doc.text


FURNITURE = [
    ("VEA TAMBIÉN: Entre heces y guaricha, la escuela del barrio sigue cerrada", boilerplate.RELATED),
    ("Lea también: Impiden ingreso al país a reportero estadounidense", boilerplate.RELATED),
    ("À lire aussi : la tempête a coupé le courant dans tout le département", boilerplate.RELATED),
    ("Czytaj też: Cyklon uderzył w wybrzeże", boilerplate.RELATED),
    ("Auch lesen: Der Sturm hat die Küste erreicht", boilerplate.RELATED),
    ("Lesen Sie auch die folgenden Beiträge:", boilerplate.RELATED),
    ("Mehr zum Thema auf example.de", boilerplate.RELATED),
    ("Leggi anche: il ciclone ha raggiunto la costa", boilerplate.RELATED),
    ("Leia também: ciclone atinge a costa", boilerplate.RELATED),
    ("Never miss the latest news by signing up for our daily newsletter.", boilerplate.SIGNUP),
    ("To view the full story, please subscribe to the Island Times.", boilerplate.SIGNUP),
    ("Get The Island Times's Daily Edition by email and never miss our top stories", boilerplate.SIGNUP),
    ("Follow Jane Doe on Twitter: @janedoe", boilerplate.SIGNUP),
    ("HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS", boilerplate.SIGNUP),
    ("Abonnez-vous à notre newsletter", boilerplate.SIGNUP),
    ("Rescue workers search the rubble in Port Aldren. © AFP / Jean Dupont", boilerplate.CAPTION),
    ("Crédits photos : Bestimage", boilerplate.CAPTION),
    ("Quelle: Landesregierung", boilerplate.CAPTION),
    ("Keine Kommentare", boilerplate.COMMENTS),
    ("Du musst eingeloggt sein, um Kommentare zu schreiben!", boilerplate.COMMENTS),
    ("Kategorie: News", boilerplate.FILING),
    ("23.10.2018", boilerplate.FILING),
    ("*Werbung. Dieser Beitrag enthält Werbung für eine Marke.", boilerplate.ADVERT),
    ("Alle Angaben ohne Gewähr", boilerplate.SMALL_PRINT),
    ("Informationsschreiben vom 14. Oktober 2021 PDF | 38 KB", boilerplate.SMALL_PRINT),
    ("DHB jetzt auch digital! Einfach hier klicken und registrieren!", boilerplate.NAVIGATION),
]


@pytest.mark.parametrize(("line", "reason"), FURNITURE)
def test_european_furniture_is_named(line: str, reason: str) -> None:
    assert line_reason(line) == reason


NEWS = [
    "Weitere Informationen gab die Polizei am Abend nicht bekannt.",
    "Lea también dijo que la escuela seguirá cerrada hasta el lunes.",
    "Follow-up inspections on Twitter Street found no damage.",
    "The minister said voters should follow the debate on television.",
    "Kategorien wie Alter und Einkommen spielten bei der Wahl kaum eine Rolle, sagte die Forscherin.",
    "Die Werbung für das Fest begann schon im Januar.",
    "The storm struck at 19:49 on Thursday, the weather office said.",
]


@pytest.mark.parametrize("line", NEWS)
def test_reporters_sentences_are_not_furniture(line: str) -> None:
    assert line_reason(line) is None


def test_a_page_loses_its_furniture_and_keeps_its_article() -> None:
    blocks = _paragraphs(
        LEAD,
        "VEA TAMBIÉN: Entre heces y guaricha, la escuela del barrio sigue cerrada",
        BODY[0],
        "Never miss the latest news by signing up for our daily newsletter.",
        BODY[1],
        "Keine Kommentare",
        BODY[2],
    )
    doc = _clean(_page(*blocks))
    assert all(t in doc.text for t in (LEAD, *BODY))
    assert "VEA TAMBIÉN" not in doc.text and "Never miss" not in doc.text and "Kommentare" not in doc.text
    assert {r.reason for r in doc.removed} >= {boilerplate.RELATED, boilerplate.SIGNUP, boilerplate.COMMENTS}
