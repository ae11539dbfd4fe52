"""Server fixtures: the example cluster as a request body, and one app per module (model loaded once)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed: pip install 'newsfuse[server]'")

from fastapi.testclient import TestClient

from newsfuse.server import ServerSettings, create_app


@pytest.fixture(scope="session")
def sony_documents(sony_dir: Path) -> list[dict[str, str]]:
    """The sony-interview reports as the API takes them (file order, as the CLI reads them)."""
    return [
        {"text": path.read_text(encoding="utf-8"), "source": path.name}
        for path in sorted(sony_dir.glob("*.txt"))
    ]


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    """A client of an app with the default limits and the bundled MiniLM encoder."""
    with TestClient(create_app(ServerSettings())) as test_client:
        yield test_client
