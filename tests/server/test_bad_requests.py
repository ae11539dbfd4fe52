"""Requests that once got HTTP 200 for bad input or HTTP 500 plain text (issue 15.4, 15.12), and the
last-resort handler that answers any unexpected error in the API's JSON error shape."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsfuse.server import ServerSettings, create_app

FAR_FUTURE_TEXT = (
    "The storm will reach the coast tomorrow, forecasters said in their evening bulletin. "
    "Residents of the low-lying districts were told to leave their homes before nightfall. "
    "Shelters opened in three schools and the town hall, and buses will run all night."
)


@pytest.fixture(scope="module")
def lexical_client() -> Iterator[TestClient]:
    """The default limits with the fast lexical encoder; server errors come back as responses."""
    app = create_app(ServerSettings(encoder="lexical"))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def _error(response: Any, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    error = response.json()["error"]
    assert (error["status"], error["code"]) == (status, code)
    return error["message"]


def test_a_far_date_with_a_timeline_is_answered(
    lexical_client: TestClient, check_briefing: Callable[..., None]
) -> None:
    """Issue 15.4: HTTP 500 plain text (an OverflowError while resolving "tomorrow")."""
    body = {
        "documents": [{"text": FAR_FUTURE_TEXT, "date": "9999-12-31"}],
        "options": {"sections": ["timeline"]},
    }
    response = lexical_client.post("/v1/briefings", json=body)
    assert response.status_code == 200, response.text
    assert response.json()["documents"][0]["date"] == "9999-12-31"
    check_briefing(response.json())


def test_an_unexpected_error_is_answered_in_the_json_error_shape(
    lexical_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug anywhere in a briefing (simulated here) must not answer plain-text HTTP 500."""
    import newsfuse.pipeline

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(newsfuse.pipeline, "summarize", broken)
    response = lexical_client.post("/v1/briefings", json={"id": "story-7", "documents": [{"text": "x"}]})
    message = _error(response, 500, "internal_error")
    assert message == (
        "POST /v1/briefings: internal error (RuntimeError), a bug in newsfuse; the server log has the details"
    )
    assert "simulated bug" not in response.text, "internal details stay in the server log"


@pytest.mark.parametrize(
    "date",
    ["2014-13-45", "2014-12-17garbage<script>", "2014-02-30", "0000-01-01", "2014-12-17T25:00", "20141217"],
)
def test_a_date_that_is_not_a_calendar_date_is_refused(lexical_client: TestClient, date: str) -> None:
    """Issue 15.12: "2014-13-45" and "2014-12-17garbage<script>" were accepted (HTTP 200)."""
    body = {"documents": [{"text": FAR_FUTURE_TEXT, "date": date}]}
    message = _error(lexical_client.post("/v1/briefings", json=body), 422, "invalid_request")
    assert message.startswith("documents.0.date: ") and "not a calendar date" in message


@pytest.mark.parametrize("date", ["2014-12-17", "2014-12-17T08:30:00", "2014-12-17T08:30:00+01:00"])
def test_calendar_dates_and_timestamps_are_read(
    lexical_client: TestClient, date: str, check_briefing: Callable[..., None]
) -> None:
    body = {"documents": [{"text": FAR_FUTURE_TEXT, "date": date}], "evidence": False}
    response = lexical_client.post("/v1/briefings", json=body)
    assert response.status_code == 200, response.text
    assert response.json()["documents"][0]["date"] == "2014-12-17"
    check_briefing(response.json())
