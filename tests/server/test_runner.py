"""Time limit and queue bound, both in the Runner and through the API."""

from __future__ import annotations

import threading
import time

import pytest
from fastapi.testclient import TestClient

from newsfuse.errors import ConfigError
from newsfuse.server import ServerSettings, create_app
from newsfuse.server.runner import BusyError, Runner, TimedOutError


def test_runner_returns_results_and_times_out() -> None:
    runner = Runner(ServerSettings(workers=1, time_limit=0.2))
    assert runner.run(lambda: 42) == 42
    gate = threading.Event()
    with pytest.raises(TimedOutError, match=r"0\.2 s"):
        runner.run(gate.wait)
    gate.set()
    runner.shutdown()


def test_runner_refuses_when_the_queue_is_full() -> None:
    runner = Runner(ServerSettings(workers=1, max_pending=1, time_limit=5))
    gate = threading.Event()
    started = threading.Event()

    def blocked() -> None:
        started.set()
        gate.wait()

    threads = [threading.Thread(target=runner.run, args=(blocked,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    started.wait(5)
    time.sleep(0.05)  # the second call is queued by now
    with pytest.raises(BusyError, match="busy"):
        runner.run(lambda: None)
    gate.set()
    for thread in threads:
        thread.join(5)
    assert runner.run(lambda: "free again") == "free again"  # slots come back
    runner.shutdown()


def test_waiting_is_bounded_apart_from_the_work() -> None:
    runner = Runner(ServerSettings(workers=1, time_limit=5, queue_limit=0.2))
    gate, started = threading.Event(), threading.Event()

    def blocked() -> None:
        started.set()
        gate.wait()

    thread = threading.Thread(target=runner.run, args=(blocked,))
    thread.start()
    started.wait(5)
    begun = time.monotonic()
    with pytest.raises(BusyError, match=r"no worker free within 0\.2 s"):
        runner.run(lambda: None)
    assert time.monotonic() - begun < 2
    gate.set()
    thread.join(5)
    # Time spent queueing does not count against the time limit of the work itself.
    runner = Runner(ServerSettings(workers=1, time_limit=0.3, queue_limit=5))
    slow = threading.Thread(target=runner.run, args=(lambda: time.sleep(0.25),))
    slow.start()
    time.sleep(0.05)
    assert runner.run(lambda: time.sleep(0.2) or "done") == "done"  # waited ~0.2 s, worked 0.2 s
    slow.join(5)
    runner.shutdown()


def test_settings_refuse_nonsense() -> None:
    with pytest.raises(ConfigError, match="time_limit"):
        ServerSettings(time_limit=0)
    with pytest.raises(ConfigError, match="workers"):
        ServerSettings(workers=0)


def test_api_answers_504_past_the_time_limit(sony_documents: list[dict[str, str]]) -> None:
    # The lexical encoder keeps the briefing left running in the background cheap.
    settings = ServerSettings(time_limit=0.001, encoder="lexical")
    with TestClient(create_app(settings)) as client:
        response = client.post("/v1/briefings", json={"documents": sony_documents[:1]})
    assert response.status_code == 504
    assert "time limit of 0.001 s" in response.json()["error"]["message"]


def test_api_answers_503_when_busy() -> None:
    settings = ServerSettings(workers=1, max_pending=0, encoder="lexical")
    with TestClient(create_app(settings)) as client:
        gate, started = threading.Event(), threading.Event()

        def blocked() -> None:
            started.set()
            gate.wait()

        thread = threading.Thread(target=client.app.state.runner.run, args=(blocked,))
        thread.start()
        started.wait(5)
        response = client.post("/v1/briefings", json={"documents": [{"text": "anything"}]})
        gate.set()
        thread.join(5)
    assert response.status_code == 503
    assert response.headers["retry-after"] == "5"
    assert "busy" in response.json()["error"]["message"]
