"""Reports newsfuse cannot read are set aside with their language named (issue 15, item 10)."""

from __future__ import annotations

from pathlib import Path

from newsfuse.ingest.clean import clean_cluster, clean_document, clean_text
from newsfuse.ingest.language import language_of, unsupported_language
from newsfuse.ingest.readers import documents_from_texts, read_clusters
from newsfuse.model import briefing_to_dict
from newsfuse.pipeline import summarize

ZH_REPORT = (
    "气旋玛拉登陆维兰海岸\n\n"
    "气旋玛拉周四在奥尔德伦港附近登陆，最大风速达到每小时一百八十五公里，造成三人死亡，约十二万户停电。\n\n"
    "省长埃莱娜·瓦尔加说，政府在风暴到来前疏散了四万人，军队已派出一千五百名士兵清理道路并运送饮用水。\n\n"
    "气象部门警告说，未来三天山区的大雨可能导致河水上涨，居民应远离河道。"
)
ES_REPORT = (
    "El ciclón Mara tocó tierra el jueves cerca de Port Aldren con vientos de 185 kilómetros por hora. "
    "La gobernadora Elena Varga dijo que la provincia había evacuado a 40.000 personas antes de la tormenta."
)


def test_chinese_report_is_set_aside_as_unsupported_language() -> None:
    """It was judged page scrap ("0 words"), with no word about its language."""
    doc = clean_document(documents_from_texts([ZH_REPORT], prefix="d", source="zh")[0])
    assert doc.status == "unsupported-language"
    assert doc.reason and doc.reason.startswith("written in Chinese (zh)")
    assert "Latin alphabet" in doc.reason
    # The text itself is kept whole: the judgement is about language, not boilerplate.
    assert doc.title == "气旋玛拉登陆维兰海岸"
    assert doc.text == ZH_REPORT.split("\n\n", 1)[1]


def test_other_scripts_are_named_and_latin_ones_read() -> None:
    russian = "Циклон Мара обрушился на побережье в четверг, погибли три человека, сообщили власти региона."
    assert unsupported_language(russian).startswith("written in Russian (ru)")  # type: ignore[union-attr]
    assert unsupported_language(ES_REPORT) is None
    assert unsupported_language("The storm hit the coast on Thursday.") is None
    assert unsupported_language("") is None and unsupported_language("2026 — 14:00") is None
    assert language_of(ES_REPORT) == "es"


def test_the_briefing_names_the_language(bundled_example: Path) -> None:
    docs = (
        *next(read_clusters([bundled_example])).documents,
        *documents_from_texts([ZH_REPORT], prefix="zh", source="zh"),
    )
    briefing = summarize(docs)
    (zh,) = [d for d in briefing_to_dict(briefing)["documents"] if d["id"] == "zh1"]
    assert zh["status"] == "unsupported-language" and "Chinese" in zh["reason"]
    assert zh["words"] > 100  # counted per character, not one "word" per sentence
    assert not any("zh1" in s.sources for s in briefing.summary)


def test_english_clusters_are_untouched(sony_dir: Path) -> None:
    docs = clean_cluster(next(read_clusters([sony_dir])).documents)
    assert all(d.status == "kept" for d in docs)


ES_CLUSTER = [
    "Un incendio forestal obliga a evacuar a 3.000 vecinos de Valdemora\n\n"
    "VALDEMORA, 14 de marzo de 2026.\n\n"
    "Un incendio forestal declarado el jueves por la tarde en la sierra de Valdemora obligó a evacuar a unos "
    "3.000 vecinos de cuatro urbanizaciones, según informó el ayuntamiento.\n\n"
    "El fuego, avivado por rachas de viento de hasta 70 kilómetros por hora, ha quemado ya unas 1.200 "
    "hectáreas de pinar y matorral, dijo la consejera de Medio Ambiente, Lucía Ferrer.\n\n"
    "Más de 300 bomberos y doce aviones trabajan en la extinción. La Guardia Civil ha cortado la carretera "
    "comarcal entre Valdemora y San Telmo.",
    "Evacuadas cuatro urbanizaciones por el fuego de la sierra\n\n"
    "Unos 3.000 vecinos de Valdemora pasaron la noche en el polideportivo municipal después de que un "
    "incendio forestal obligara a desalojar cuatro urbanizaciones el jueves.\n\n"
    "Según la consejería de Medio Ambiente, las llamas han arrasado unas 1.200 hectáreas. Los técnicos creen "
    "que el fuego pudo originarse por una quema agrícola.",
    "El incendio de Valdemora sigue activo\n\n"
    "El incendio que arrasa la sierra de Valdemora desde el jueves sigue activo, con más de 300 bomberos y "
    "doce medios aéreos trabajando en su extinción.\n\n"
    "La carretera entre Valdemora y San Telmo permanece cortada y la Guardia Civil pide evitar la zona.",
]


def test_a_spanish_dateline_is_not_a_summary_sentence() -> None:
    """Issue 15, item 10: "VALDEMORA, 14 de marzo de 2026." became a summary sentence."""
    docs = documents_from_texts(ES_CLUSTER, prefix="d", source="es")
    cleaned = clean_cluster(docs)
    assert all(d.status == "kept" for d in cleaned)
    assert ("VALDEMORA, 14 de marzo de 2026.", "dateline (place and date)") in [
        (r.text, r.reason) for r in cleaned[0].removed
    ]
    briefing = summarize(docs)
    assert briefing.summary and not any("VALDEMORA" in s.text for s in briefing.summary)
    assert any(len(s.sources) >= 2 for s in briefing.summary)


def test_datelines_in_other_languages_are_cut_from_the_opening_line() -> None:
    for opening, rest in [
        ("WASHINGTON, March 3, 2026 — ", "The president signed the storm relief bill on Tuesday."),
        ("PARIS, 3 mars 2026 (AFP) - ", "Le président a signé la loi mardi."),
        ("BERLIN, 14. März 2026 – ", "Der Bundestag hat das Gesetz am Dienstag beschlossen."),
    ]:
        text, _, removed, _ = clean_text(f"{opening}{rest}")
        assert text == rest and [r.reason for r in removed] == ["dateline (place and date)"]
    # A sentence that only starts with capitals and mentions a year is no dateline.
    sentence = "NASA, the agency said, will fly again in 2026 after 14 delays."
    assert clean_text(sentence)[0] == sentence
