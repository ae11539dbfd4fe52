"""Opt-in URL fetching: off by default, and never to loopback, private or link-local addresses.

The fetching itself is tested against a local HTTP server by passing an address policy that
admits loopback; the real policy is tested on addresses alone (no network needed).
"""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from fastapi.testclient import TestClient

from newsfuse.errors import InputError
from newsfuse.server import ServerSettings, create_app
from newsfuse.server.fetch import fetch_url, is_public

PAGE = "<html><head><title>Local</title></head><body><p>A page served on loopback.</p></body></html>"


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/redirect-private":
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.2:{self.server.server_port}/page")
            self.end_headers()
            return
        if self.path == "/redirect-ok":
            self.send_response(301)
            self.send_header("Location", "/page")
            self.end_headers()
            return
        body = (PAGE if self.path == "/page" else "x" * 5000).encode()
        self.send_response(200 if self.path in ("/page", "/big") else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def local_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def only_127_0_0_1(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return str(address) == "127.0.0.1"


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "::1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "fe80::1",
        "0.0.0.0",
        "100.64.0.1",
        "::ffff:127.0.0.1",
        "224.0.0.1",
        "fd00::1",
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "address",
    [
        "64:ff9b::a9fe:a9fe",  # NAT64 (RFC 6052) of 169.254.169.254, the cloud metadata service
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b::10.0.0.1",
        "64:ff9b:1::a9fe:a9fe",  # local-use NAT64 prefix (RFC 8215): never public
        "64:ff9b:1:ffff::5db8:d822",
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
        "2002:a9fe:a9fe::1",  # 6to4 of 169.254.169.254
        "2002:c0a8:101::",  # 6to4 of 192.168.1.1
        "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo, client 127.0.0.1
        "2001:0:a00:1:8000:63bf:a247:27dd",  # Teredo, server 10.0.0.1
        "::7f00:1",  # IPv4-compatible 127.0.0.1
        "::a9fe:a9fe",  # IPv4-compatible 169.254.169.254
        "::ffff:0:7f00:1",  # IPv4-translated (SIIT) 127.0.0.1
        "::ffff:169.254.169.254",
    ],
)
def test_ipv6_forms_of_non_public_ipv4_are_refused(address: str) -> None:
    """Issue 15.9: IPv6 addresses that carry an IPv4 address reach that address (through a
    NAT64 gateway, a 6to4 or Teredo relay, or the host's own stack), so the IPv4 decides."""
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["64:ff9b::5db8:d822", "2002:5db8:d822::1", "::ffff:93.184.216.34"])
def test_ipv6_forms_of_public_ipv4_pass(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))


def test_public_addresses_pass() -> None:
    assert is_public(ipaddress.ip_address("93.184.216.34")) and is_public(
        ipaddress.ip_address("2606:4700::1")
    )


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/",
        "http://localhost/",
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://0x7f000001/",
        "http://[64:ff9b::a9fe:a9fe]/latest/meta-data/",
        "http://[2002:7f00:1::1]/",
    ],
)
def test_fetch_refuses_non_public_hosts(url: str) -> None:
    with pytest.raises(InputError, match="refused"):
        fetch_url(url, name="documents[0].url", max_bytes=1000, timeout=2)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/", "http:///nohost"]
)
def test_fetch_refuses_other_schemes(url: str) -> None:
    with pytest.raises(InputError, match="only http and https"):
        fetch_url(url, name="documents[0].url", max_bytes=1000, timeout=2)


def test_fetch_reads_a_page_and_follows_a_redirect(local_url: str) -> None:
    for path in ("/page", "/redirect-ok"):
        assert (
            fetch_url(f"{local_url}{path}", name="d", max_bytes=10_000, timeout=5, allowed=only_127_0_0_1)
            == PAGE
        )


def test_redirects_are_vetted_too(local_url: str) -> None:
    with pytest.raises(InputError, match=r"refused.*127\.0\.0\.2"):
        fetch_url(
            f"{local_url}/redirect-private", name="d", max_bytes=10_000, timeout=5, allowed=only_127_0_0_1
        )


def test_fetch_caps_size_and_reports_status(local_url: str) -> None:
    with pytest.raises(InputError, match="larger than 1000 bytes"):
        fetch_url(f"{local_url}/big", name="d", max_bytes=1000, timeout=5, allowed=only_127_0_0_1)
    with pytest.raises(InputError, match="HTTP 404"):
        fetch_url(f"{local_url}/missing", name="d", max_bytes=1000, timeout=5, allowed=only_127_0_0_1)


def test_api_does_not_fetch_by_default() -> None:
    with TestClient(create_app(ServerSettings(encoder="lexical"))) as client:
        response = client.post("/v1/briefings", json={"documents": [{"url": "http://example.org/"}]})
        assert client.get("/healthz").json()["url_fetch"] is False
    assert response.status_code == 422
    assert "does not fetch URLs" in response.json()["error"]["message"]


def test_api_with_fetching_on_still_refuses_loopback(local_url: str) -> None:
    with TestClient(create_app(ServerSettings(encoder="lexical", allow_url_fetch=True))) as client:
        response = client.post("/v1/briefings", json={"documents": [{"url": f"{local_url}/page"}]})
    assert response.status_code == 422
    assert response.json()["error"]["message"].startswith("documents[0].url: refused")


def test_text_or_url_not_both() -> None:
    with TestClient(create_app(ServerSettings(encoder="lexical"))) as client:
        both = client.post("/v1/briefings", json={"documents": [{"text": "a", "url": "http://x/"}]})
        neither = client.post("/v1/briefings", json={"documents": [{"title": "a"}]})
    for response in (both, neither):
        assert response.status_code == 422 and "either 'text' or 'url'" in response.json()["error"]["message"]
