"""Reports newsfuse cannot read are set aside with their language named (issue 15, item 10)."""

from __future__ import annotations

from pathlib import Path

from newsfuse.ingest.clean import clean_cluster, clean_document
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
