"""ServerSettings: the limits and resources of one server process, in one small dataclass.

Kept apart from ``Options`` on purpose: these settings protect the process (sizes, time, queue)
and never change what a briefing says; ``Options`` (words, sections) comes with each request.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.errors import ConfigError

__all__ = ["ServerSettings"]


@dataclass(frozen=True, slots=True)
class ServerSettings:
    """Limits of the HTTP API; every limit answers a clear JSON error when passed."""

    # Whole request body: 20 documents of ~100 KB each is far more news than one story needs.
    max_request_bytes: int = 2_000_000
    # Documents per request: clusters in Multi-News have 2-10; 30 leaves room for a busy story.
    max_documents: int = 30
    # Characters per document: a long feature runs 30-60k characters (HTML pages more).
    max_document_chars: int = 300_000
    # Seconds of work per request, from the moment a worker takes it up (waiting not included:
    # a burst of requests is handled by the queue bound below, not punished with timeouts). The
    # example cluster takes 1-5 s on 2 cores, depending on what else the machine runs.
    time_limit: float = 60.0
    # Seconds a request may wait for a free worker before it is refused with 503.
    queue_limit: float = 300.0
    # Briefings computed at once. Each runs the encoder on one ONNX thread (represent/onnx.py),
    # so two use both cores of the 2-core target machine; more would only make every request
    # slower there.
    workers: int = 2
    # Requests allowed to wait for a worker; more are refused at once with 503 (load shedding)
    # rather than timing out after a long wait (0: refuse whenever every worker is busy).
    max_pending: int = 64
    # Documents may be given as {"url": ...} only when this is on (``serve --allow-url-fetch``);
    # even then loopback, private, link-local and other non-public addresses are refused.
    allow_url_fetch: bool = False
    # Seconds per fetch (connect and each read); the briefing's time limit covers the whole.
    fetch_timeout: float = 10.0
    # Sentence encoder loaded at start-up ("onnx" = bundled MiniLM, "lexical" for tests/speed).
    encoder: str = "onnx"

    def __post_init__(self) -> None:
        for name in ("max_request_bytes", "max_documents", "max_document_chars", "workers"):
            if getattr(self, name) < 1:
                raise ConfigError(f"server setting {name}: {getattr(self, name)} must be at least 1")
        if self.max_pending < 0:
            raise ConfigError(f"server setting max_pending: {self.max_pending} must not be negative")
        for name in ("time_limit", "queue_limit", "fetch_timeout"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"server setting {name}: {getattr(self, name)} must be positive")
