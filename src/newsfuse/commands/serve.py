"""``newsfuse serve``: the HTTP API and web page, on uvicorn.

Builds the app with ``newsfuse.server.create_app`` and hands it to uvicorn (as datasette's
``serve`` does); the server extra is imported here only, so ``newsfuse --help`` stays fast and a
missing extra gets a message naming the install command.
"""

from __future__ import annotations

import argparse

from newsfuse.commands.arguments import add_encoder
from newsfuse.errors import ConfigError

__all__ = ["register", "run"]

INSTALL_HINT = "pip install 'newsfuse[server]'"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the HTTP API (POST /v1/briefings) and the web page",
        description=(
            "Serve the briefing API and a web page on HOST:PORT. The page needs no external network. "
            "The API docs are at /docs (Swagger UI) and /redoc (ReDoc), served by this server (no CDN), "
            "and /openapi.json."
        ),
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument(
        "--workers", type=int, default=2, help="briefings computed at once (default 2, one per core)"
    )
    parser.add_argument(
        "--time-limit",
        type=float,
        default=60.0,
        help="seconds of work per request, from when a worker takes it up (default 60)",
    )
    add_encoder(parser)
    parser.add_argument(
        "--allow-url-fetch",
        action="store_true",
        help="let documents be given as {'url': ...}; non-public addresses (loopback, private, "
        "link-local) are still refused (default: off, send text only)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535:
        raise ConfigError(f"--port {args.port}: not a TCP port (0 to 65535)")
    try:
        import uvicorn

        from newsfuse.server import ServerSettings, create_app
    except ImportError as exc:
        raise ConfigError(f"serve: {exc.name or exc} is not installed; run {INSTALL_HINT}") from exc
    settings = ServerSettings(
        workers=args.workers,
        time_limit=args.time_limit,
        encoder=args.encoder,
        allow_url_fetch=args.allow_url_fetch,
    )
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info")
    return 0
