"""Opt-in URL fetching that refuses loopback, private, link-local and other non-public addresses.

Off unless the server starts with ``--allow-url-fetch``: a server that fetches what its callers
name can be turned against the machine's own network (SSRF). When on, every address the host
name resolves to must be public (``ipaddress.is_global``); the connection then goes to that vetted
address (so a second DNS answer cannot swap in a private one), redirects are re-checked hop by
hop, and the body is capped in bytes and time.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

from newsfuse.errors import InputError

__all__ = ["MAX_REDIRECTS", "fetch_url", "is_public"]

MAX_REDIRECTS = 3
USER_AGENT = "newsfuse"

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


#: IPv6 ranges that carry an IPv4 address in their last 32 bits and reach it: NAT64's
#: well-known prefix (RFC 6052), IPv4-compatible (deprecated, RFC 4291) and IPv4-translated
#: (SIIT, RFC 2765) forms. ``::ffff:0:0/96`` (IPv4-mapped), 6to4 and Teredo have properties of
#: their own in ``ipaddress``.
_LAST_32_BITS_IPV4 = tuple(
    ipaddress.ip_network(n) for n in ("64:ff9b::/96", "::/96", "::ffff:0:0:0/96", "::ffff:0:0/96")
)
#: The local-use NAT64 prefix (RFC 8215): the IPv4 address may sit at several positions
#: depending on the operator's prefix length, and the range is never public, so it is refused.
_LOCAL_NAT64 = ipaddress.ip_network("64:ff9b:1::/48")


def _embedded_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses a packet to ``address`` ends up at, when it embeds any."""
    if address.sixtofour is not None:  # 2002::/16: a 6to4 relay forwards to the embedded IPv4
        return [address.sixtofour]
    if address.teredo is not None:  # 2001::/32: the Teredo server and the (unobfuscated) client
        return list(address.teredo)
    if any(address in network for network in _LAST_32_BITS_IPV4):
        return [ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)]
    return []


def is_public(address: Address) -> bool:
    """True for globally routable unicast addresses (not loopback, private, link-local, ...).

    An IPv6 address that embeds an IPv4 address (IPv4-mapped, -compatible or -translated, NAT64,
    6to4, Teredo) is judged by the IPv4 address it reaches: ``64:ff9b::a9fe:a9fe`` is the cloud
    metadata service 169.254.169.254 through a NAT64 gateway, though ``ipaddress`` calls it global.
    """
    if isinstance(address, ipaddress.IPv6Address):
        if address in _LOCAL_NAT64:
            return False
        embedded = _embedded_ipv4(address)
        if embedded:
            return all(is_public(ipv4) for ipv4 in embedded)
    return address.is_global and not address.is_multicast


def _vetted_address(name: str, host: str, port: int, allowed: Callable[[Address], bool]) -> str:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise InputError(f"{name}: cannot resolve host {host!r} ({exc})") from exc
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    refused = [str(a) for a in addresses if not allowed(a)]
    if not addresses or refused:
        raise InputError(
            f"{name}: refused, {host!r} resolves to a non-public address ({', '.join(refused) or 'none'}); "
            "only public internet addresses are fetched"
        )
    return str(addresses[0])


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to a vetted IP address, with the certificate checked against the host name."""

    def __init__(self, host: str, address: str, port: int, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


def fetch_url(
    url: str,
    *,
    name: str,
    max_bytes: int,
    timeout: float,
    allowed: Callable[[Address], bool] = is_public,
) -> str:
    """The body of ``url`` as text; ``InputError`` naming ``name`` when refused or failed."""
    for _ in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(f"{name}: only http and https URLs are fetched, not {url[:80]!r}")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = _vetted_address(name, parts.hostname, port, allowed)
        if parts.scheme == "https":
            connection: http.client.HTTPConnection = _PinnedHTTPSConnection(
                parts.hostname, address, port, timeout
            )
        else:
            connection = http.client.HTTPConnection(address, port, timeout=timeout)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            connection.request(
                "GET",
                path,
                headers={"Host": parts.netloc, "User-Agent": USER_AGENT, "Accept": "text/html, text/plain"},
            )
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308) and response.getheader("Location"):
                url = urljoin(url, response.getheader("Location", ""))
                continue
            if response.status != 200:
                raise InputError(f"{name}: {url[:80]} answered HTTP {response.status}")
            body = response.read(max_bytes + 1)
        except (OSError, http.client.HTTPException) as exc:
            raise InputError(f"{name}: cannot fetch {url[:80]} ({exc})") from exc
        finally:
            connection.close()
        if len(body) > max_bytes:
            raise InputError(f"{name}: {url[:80]} is larger than {max_bytes} bytes")
        try:
            return body.decode(response.headers.get_content_charset() or "utf-8", errors="replace")
        except LookupError:  # an unknown charset name
            return body.decode("utf-8", errors="replace")
    raise InputError(f"{name}: more than {MAX_REDIRECTS} redirects from the URL given")
