"""/docs (Swagger UI) and /redoc (ReDoc) load every asset from this server: they work offline."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from newsfuse.server import ServerSettings, create_app

CONTENT_TYPES = {"script": "text/javascript", "stylesheet": "text/css", "icon": "image/"}


class _Assets(HTMLParser):
    """The URLs a page loads: (kind, url) for each script src and link href."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("src"):
            self.found.append(("script", values["src"] or ""))
        elif tag == "link" and values.get("href"):
            rel = values.get("rel") or ""
            self.found.append(("stylesheet" if rel == "stylesheet" else "icon", values["href"] or ""))


@pytest.fixture(scope="module")
def docs_client() -> Iterator[TestClient]:
    # No lifespan (no `with`): the pages and assets need no encoder, so none is loaded.
    yield TestClient(create_app(ServerSettings()))


@pytest.mark.parametrize(("page", "kinds"), [("/docs", {"script", "stylesheet"}), ("/redoc", {"script"})])
def test_docs_assets_are_local(docs_client: TestClient, page: str, kinds: set[str]) -> None:
    response = docs_client.get(page)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    parser = _Assets()
    parser.feed(response.text)
    assert kinds <= {kind for kind, _ in parser.found}
    for kind, url in parser.found:
        assert url.startswith("/") and not url.startswith("//"), f"{page} loads {url} from elsewhere"
        asset = docs_client.get(url)
        assert asset.status_code == 200, url
        assert asset.headers["content-type"].startswith(CONTENT_TYPES[kind]), (url, asset.headers)
    assert "http://" not in response.text and "https://" not in response.text
    assert "'/openapi.json'" in response.text or '"/openapi.json"' in response.text
    # The page's policy allows this server only (and the page's own inline script, by hash).
    policy = response.headers["content-security-policy"]
    assert "http" not in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "img-src 'self' data:;" in policy


def test_the_page_keeps_its_strict_policy(docs_client: TestClient) -> None:
    policy = docs_client.get("/").headers["content-security-policy"]
    assert "script-src 'self';" in policy and "style-src 'self';" in policy


def test_openapi_is_served(docs_client: TestClient) -> None:
    schema = docs_client.get("/openapi.json").json()
    assert "/v1/briefings" in schema["paths"]
    assert not any(path.startswith(("/docs", "/redoc", "/static-docs")) for path in schema["paths"])
