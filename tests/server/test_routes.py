"""POST /v1/briefings and GET /healthz through FastAPI's TestClient, on the real example cluster."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsfuse.config import SECTIONS, Options
from newsfuse.ingest.readers import read_clusters
from newsfuse.model import briefing_to_dict
from newsfuse.pipeline import summarize
from newsfuse.represent import get_encoder
from newsfuse.select.wording import BARE_QUOTE, tidy
from newsfuse.server import ServerSettings, create_app


@pytest.fixture(scope="module")
def sony_response(client: TestClient, sony_documents: list[dict[str, str]]) -> dict[str, Any]:
    response = client.post(
        "/v1/briefings",
        json={"id": "sony-interview", "documents": sony_documents, "options": {"sections": ["all"]}},
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_briefing_matches_the_cli_json(
    sony_response: dict[str, Any], sony_dir: Path, check_briefing: Callable[..., None]
) -> None:
    check_briefing(sony_response)
    cluster = next(read_clusters([sony_dir]))
    briefing = summarize(cluster.documents, options=Options(sections=SECTIONS), cluster_id=cluster.id)
    cli = json.loads(json.dumps(briefing_to_dict(briefing)))  # as the CLI prints it
    assert set(sony_response) == set(cli) | {"evidence"}
    assert sony_response["schema_version"] == cli["schema_version"]
    assert sony_response["summary"] == cli["summary"]
    for section in SECTIONS:
        assert sony_response[section] == cli[section], section
    assert [d["source"] for d in sony_response["documents"]] == [
        "abc-news-article.txt",
        "abc-video-transcript.txt",
        "laist-web-page.txt",
    ]


def _names_aside(text: str) -> list[str]:
    return [w for w in text.split() if not w[:1].isupper()]


def test_evidence_spans_point_at_the_cited_passages(sony_response: dict[str, Any]) -> None:
    texts = {d["id"]: d["text"] for d in sony_response["evidence"]["documents"]}
    assert set(texts) == {d["id"] for d in sony_response["documents"]}
    spans = sony_response["evidence"]["summary"]
    assert len(spans) == len(sony_response["summary"]) > 0
    for sentence, found in zip(sony_response["summary"], spans, strict=True):
        assert [s["doc"] for s in found] == sentence["sources"]
        exact = [s for s in found if s["exact"]]
        # The chosen sentence is quoted exactly from its own document.
        assert len(exact) == 1
        own = exact[0]
        taken = tidy(texts[own["doc"]][own["start"] : own["end"]])
        if BARE_QUOTE.match(taken):  # printed with its speaker: “…,” Obama said.
            assert sentence["text"].startswith(taken.rstrip('.”"')) and sentence["text"].endswith(" said.")
        else:  # as the source words it, but for people's names (introduced in full, then surname)
            assert _names_aside(taken) == _names_aside(sentence["text"])
        for span in found:
            assert 0 <= span["start"] < span["end"] <= len(texts[span["doc"]])
            assert -1.0 <= span["score"] <= 1.0
    # Paraphrases from other sources are matched, not just placeholders.
    others = [s for found in spans for s in found if not s["exact"]]
    assert others and sum(s["score"] >= 0.5 for s in others) >= len(others) // 2


def test_evidence_can_be_left_out(
    client: TestClient, sony_documents: list[dict[str, str]], check_briefing: Callable[..., None]
) -> None:
    short = [{"text": d["text"][:1500]} for d in sony_documents[:2]]
    response = client.post(
        "/v1/briefings", json={"documents": short, "options": {"words": 40}, "evidence": False}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    check_briefing(body)
    assert "evidence" not in body and "quotes" not in body
    assert [d["source"] for d in body["documents"]] == ["document 1", "document 2"]


def test_the_model_loads_once_per_process(client: TestClient, sony_response: dict[str, Any]) -> None:
    assert client.app.state.encoder is get_encoder("onnx")
    before = get_encoder.cache_info()
    response = client.post("/v1/briefings", json={"documents": [{"text": "Too short to use."}]})
    assert response.status_code == 200
    after = get_encoder.cache_info()
    # The app hands its one encoder to every briefing: nothing is loaded per request.
    assert after.misses == before.misses


def test_html_documents_are_read_as_pages(
    client: TestClient, sony_documents: list[dict[str, str]], check_briefing: Callable[..., None]
) -> None:
    article = sony_documents[0]["text"]
    paragraphs = "".join(f"<p>{line}</p>" for line in article.splitlines() if line.strip())
    page = f"<!doctype html><html><head><title>ABC</title></head><body><nav>Home | Sign in</nav><article>{paragraphs}</article></body></html>"
    response = client.post(
        "/v1/briefings",
        json={"documents": [{"text": page, "date": "2014-12-19"}, {"text": article, "format": "text"}]},
    )
    assert response.status_code == 200, response.text
    check_briefing(response.json())
    first, second = response.json()["documents"]
    assert first["kind"] == "html" and first["date"] == "2014-12-19"
    assert second["kind"] != "html"
    cleaned = response.json()["evidence"]["documents"][0]["text"]
    assert "<p>" not in cleaned and "Sony" in cleaned


def test_healthz_reports_the_limits(client: TestClient) -> None:
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["limits"]["max_documents"] == ServerSettings().max_documents


def test_openapi_documents_the_endpoint(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert "/v1/briefings" in schema["paths"]
    assert client.get("/docs").status_code == 200


def _error(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["status"] == status and error["code"]
    return error["message"]


@pytest.fixture(scope="module")
def small_client() -> Any:
    """An app with tiny limits, so the limit checks are cheap to reach."""
    settings = ServerSettings(max_request_bytes=5_000, max_documents=3, max_document_chars=1_000)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def test_too_many_documents(small_client: TestClient) -> None:
    message = _error(small_client.post("/v1/briefings", json={"documents": [{"text": "x"}] * 4}), 413)
    assert "4 documents" in message and "limit is 3" in message


def test_document_too_long(small_client: TestClient) -> None:
    body = {"documents": [{"text": "short"}, {"text": "y" * 1_001}]}
    message = _error(small_client.post("/v1/briefings", json=body), 413)
    assert message.startswith("documents[1]: 1001 characters")


def test_request_too_large_by_declared_length(small_client: TestClient) -> None:
    body = json.dumps({"documents": [{"text": "z" * 900}] * 6})
    message = _error(
        small_client.post("/v1/briefings", content=body, headers={"content-type": "application/json"}), 413
    )
    assert "5000" in message


def test_request_too_large_without_a_length(small_client: TestClient) -> None:
    def chunks() -> Any:  # a generator body is sent chunked, with no Content-Length
        for _ in range(10):
            yield b"a" * 1_000

    response = small_client.post(
        "/v1/briefings", content=chunks(), headers={"content-type": "application/json"}
    )
    _error(response, 413)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"documents": []}, "documents"),
        ({"documents": [{"text": "a"}], "options": {"words": 5}}, "options.words"),
        ({"documents": [{"text": "a"}], "options": {"sections": ["gossip"]}}, "options.sections"),
        ({"documents": [{"text": "a", "colour": "red"}]}, "colour"),
        ({"documents": [{"text": "a", "date": "yesterday"}]}, "date"),
    ],
)
def test_invalid_requests_name_the_field(small_client: TestClient, body: dict, expected: str) -> None:
    assert expected in _error(small_client.post("/v1/briefings", json=body), 422)


def test_malformed_json(small_client: TestClient) -> None:
    response = small_client.post(
        "/v1/briefings", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert "JSON" in _error(response, 422)


def test_unknown_route_answers_json(small_client: TestClient) -> None:
    assert _error(small_client.get("/v2/nothing"), 404) == "GET /v2/nothing: Not Found"
    assert "POST /healthz" in _error(small_client.post("/healthz"), 405)


def test_page_and_assets_are_local(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assets = [page.text] + [client.get(f"/static/{name}").text for name in ("app.js", "app.css")]
    for text in assets:
        assert "http://" not in text and "https://" not in text and "//cdn" not in text
    # The page's one safety rule, cheap to guard: document text never goes through innerHTML.
    code = assets[1].replace("never with innerHTML", "")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in code, sink
