"""POST /v1/briefings with random JSON shapes: a briefing that fits the schema, or the JSON error
shape with 413 or 422; never HTTP 500."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

pytest.importorskip("fastapi", reason="the server extra is not installed: pip install 'newsfuse[server]'")

from fastapi.testclient import TestClient

from newsfuse.server import ServerSettings, create_app

from .strategies import DATE_STRINGS, JSON_SCALARS, JSON_VALUES, budget, messy_text, news_text

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


def _whole(text: str) -> str:
    """Text pydantic takes as a JSON string (it refuses lone surrogates, with 422)."""
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


#: Requests the API must answer with a briefing: well-formed, with any text in them.
VALID_BODY = st.fixed_dictionaries(
    {
        "documents": st.lists(
            st.fixed_dictionaries(
                {"text": st.one_of(news_text(), messy_text()).map(_whole).filter(str.strip)},
                optional={
                    "title": messy_text(4).map(lambda t: _whole(t)[:500]),  # the API's limit
                    "source": messy_text(4).map(lambda t: _whole(t)[:500]),
                    "date": st.dates().map(lambda d: d.isoformat()),
                    "format": st.sampled_from(["auto", "text", "html"]),
                },
            ),
            min_size=1,
            max_size=3,
        ),
    },
    optional={
        "id": messy_text(3).map(_whole).filter(lambda t: 0 < len(t) <= 200),
        "options": st.fixed_dictionaries(
            {},
            optional={
                "words": st.integers(10, 5000),
                "sections": st.lists(
                    st.sampled_from(["quotes", "facts", "disagreements", "timeline", "all"])
                ),
            },
        ),
        "evidence": st.booleans(),
    },
)


@pytest.fixture(scope="module")
def api() -> Iterator[TestClient]:
    settings = ServerSettings(encoder="lexical", max_documents=3)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


def _answer(api: TestClient, content: bytes, check_briefing: Callable[..., None]) -> None:
    response = api.post("/v1/briefings", content=content, headers={"content-type": "application/json"})
    body: Any = response.json()
    event(f"HTTP {response.status_code}")  # the mix of answers, shown by --hypothesis-show-statistics
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
@given(body=VALID_BODY)
def test_well_formed_requests_get_a_briefing(
    api: TestClient, check_briefing: Callable[..., None], body: Any
) -> None:
    """Whatever the text, dates and options, a well-formed request is answered with a briefing."""
    response = api.post("/v1/briefings", json=body)
    assert response.status_code == 200, response.text
    check_briefing(response.json())
    event("with a summary" if response.json()["summary"] else "no usable text")


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
