"""POST /v1/briefings with random JSON shapes: a briefing that fits the schema, or the JSON error
shape with 413 or 422; never HTTP 500."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("fastapi", reason="the server extra is not installed: pip install 'newsfuse[server]'")

from fastapi.testclient import TestClient

from newsfuse.server import ServerSettings, create_app

from .strategies import DATE_STRINGS, JSON_SCALARS, JSON_VALUES, budget, messy_text

SECTION_NAMES = st.sampled_from(["quotes", "facts", "disagreements", "timeline", "all", "gossip", ""])

DOCUMENT = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(messy_text(), JSON_SCALARS),
        "title": st.one_of(messy_text(4), JSON_SCALARS),
        "source": st.one_of(messy_text(4), JSON_SCALARS),
        "date": st.one_of(DATE_STRINGS, JSON_SCALARS),
        "format": st.one_of(st.sampled_from(["auto", "text", "html"]), JSON_SCALARS),
        "url": st.one_of(st.just("http://127.0.0.1/"), JSON_SCALARS),
        "colour": JSON_VALUES,
    },
)
BODY = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(messy_text(3), JSON_SCALARS),
        "documents": st.one_of(st.lists(DOCUMENT, max_size=4), JSON_VALUES),
        "options": st.one_of(
            st.fixed_dictionaries(
                {},
                optional={
                    "words": st.one_of(st.integers(-10, 6000), JSON_SCALARS),
                    "sections": st.one_of(st.lists(SECTION_NAMES, max_size=3), JSON_VALUES),
                },
            ),
            JSON_VALUES,
        ),
        "evidence": st.one_of(st.booleans(), JSON_SCALARS),
    },
)


@pytest.fixture(scope="module")
def api() -> Iterator[TestClient]:
    settings = ServerSettings(
        encoder="lexical", max_request_bytes=50_000, max_documents=3, max_document_chars=5_000
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


def _answer(api: TestClient, content: bytes, check_briefing: Callable[..., None]) -> None:
    response = api.post("/v1/briefings", content=content, headers={"content-type": "application/json"})
    body: Any = response.json()
    if response.status_code == 200:
        check_briefing(body)
        return
    # 400: a body that is not UTF-8 (FastAPI cannot decode it); 413: over a limit; 422: invalid.
    assert response.status_code in (400, 413, 422), (response.status_code, body)
    assert set(body) == {"error"} and body["error"]["status"] == response.status_code
    assert (
        body["error"]["code"] in ("http_error", "too_large", "invalid_request") and body["error"]["message"]
    )


@budget(40)
@given(body=st.one_of(BODY, JSON_VALUES))
def test_json_bodies_get_a_briefing_or_a_json_error(
    api: TestClient, check_briefing: Callable[..., None], body: Any
) -> None:
    _answer(api, json.dumps(body).encode("utf-8"), check_briefing)


@budget(30)
@given(
    raw=st.one_of(st.binary(max_size=200), messy_text(6).map(lambda t: t.encode("utf-8", "surrogatepass")))
)
def test_raw_bytes_get_a_json_error(api: TestClient, check_briefing: Callable[..., None], raw: bytes) -> None:
    _answer(api, raw, check_briefing)
