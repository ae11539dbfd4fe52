"""create_app(settings): the FastAPI application; the encoder loads once, in the lifespan.

Errors all answer one JSON shape, ``{"error": {"status", "code", "message"}}``, whose message
names the input and the problem (the same text the CLI prints):

    413 too_large        request body, document count or document size over the limit
    422 invalid_request  malformed JSON or fields (FastAPI validation), or a bad option/input
    503 busy             every worker busy and the queue full (with Retry-After)
    504 timeout          the briefing passed the per-request time limit
    500 model_error      the bundled model could not be loaded or run
    500 internal_error   anything else (a bug): logged with its traceback, answered in this shape
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsfuse import __version__
from newsfuse.errors import ConfigError, InputError, ModelError
from newsfuse.server.routes import TooLargeError, router
from newsfuse.server.runner import BusyError, Runner, TimedOutError
from newsfuse.server.settings import ServerSettings

__all__ = ["ERROR_CODES", "BodyLimit", "create_app", "error_response"]

log = logging.getLogger(__name__)


def error_response(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    """The one JSON error shape of the API."""
    headers = {"Retry-After": "5"} if status == 503 else None
    return JSONResponse(
        {"error": {"status": status, "code": code, "message": message, **extra}},
        status_code=status,
        headers=headers,
    )


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes with 413 before anything parses them.

    Checks the declared Content-Length first, then counts the bytes actually received (a client
    may send a chunked body with no length), so no oversized body is ever held in memory.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    def _too_large(self) -> JSONResponse:
        return error_response(
            413, "too_large", f"request body: more than {self.limit} bytes; the limit is {self.limit}"
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await error_response(400, "bad_request", "Content-Length: not a number")(scope, receive, send)
                return
            if int(declared) > self.limit:
                await self._too_large()(scope, receive, send)
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._too_large()(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors()[:5]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts)


#: Exceptions answered with the API's error shape, as (type, status, code); the message is the
#: exception's own text, which names the input.
ERROR_CODES: tuple[tuple[type[Exception], int, str], ...] = (
    (TooLargeError, 413, "too_large"),
    (InputError, 422, "invalid_request"),
    (ConfigError, 422, "invalid_request"),
    (ModelError, 500, "model_error"),
    (BusyError, 503, "busy"),
    (TimedOutError, 504, "timeout"),
)


def _answer(status: int, code: str) -> Callable[[Request, Exception], Awaitable[JSONResponse]]:
    async def handler(_: Request, exc: Exception) -> JSONResponse:
        return error_response(status, code, str(exc))

    return handler


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, "invalid_request", _validation_message(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        message = f"{request.method} {request.url.path}: {exc.detail}"
        return error_response(exc.status_code, "http_error", message)

    for exc_type, status, code in ERROR_CODES:
        app.add_exception_handler(exc_type, _answer(status, code))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        # Last resort for a bug: the API's JSON error shape, not Starlette's plain-text 500. The
        # exception's text may hold internals (paths, data), so only its type goes to the client.
        log.error("%s %s: internal error", request.method, request.url.path, exc_info=exc)
        message = (
            f"{request.method} {request.url.path}: internal error ({type(exc).__name__}), a bug in "
            "newsfuse; the server log has the details"
        )
        return error_response(500, "internal_error", message)


#: Where the Swagger UI and ReDoc assets are served from. They come from the ``fastapi-offline``
#: package (Swagger UI 5, which reads FastAPI's OpenAPI 3.1; ReDoc), so /docs and /redoc need no
#: CDN and work on machines with no internet access.
DOCS_ASSETS = "/static-docs"

#: The docs pages' policy: everything from this server, plus the page's own inline script (allowed
#: by its hash) and the inline styles Swagger UI and ReDoc set. It also keeps ReDoc from fetching
#: its attribution logo from cdn.redoc.ly. Stricter ``PAGE_POLICY`` (routes.py) guards ``/``.
DOCS_POLICY = (
    "default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL)


def _with_docs_policy(page: HTMLResponse) -> HTMLResponse:
    """``page`` with ``DOCS_POLICY``, its inline scripts allowed by their SHA-256."""
    inline = re.findall(INLINE_SCRIPT, bytes(page.body).decode("utf-8"))
    scripts = ["'self'"] + [
        f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'" for script in inline
    ]
    page.headers["Content-Security-Policy"] = DOCS_POLICY.format(scripts=" ".join(scripts))
    return page


def _install_docs(app: FastAPI) -> None:
    """``/docs`` (Swagger UI) and ``/redoc`` (ReDoc) with their scripts and styles served locally."""
    assets = resources.files("fastapi_offline").joinpath("static")
    app.mount(DOCS_ASSETS, StaticFiles(directory=str(assets)), name="static-docs")
    openapi_url = app.openapi_url or "/openapi.json"

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        page = get_swagger_ui_html(
            openapi_url=f"{root}{openapi_url}",
            title=f"{app.title} - Swagger UI",
            swagger_js_url=f"{root}{DOCS_ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{DOCS_ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{root}{DOCS_ASSETS}/favicon.png",
            swagger_ui_parameters=app.swagger_ui_parameters,
        )
        return _with_docs_policy(page)

    @app.get("/redoc", include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        page = get_redoc_html(
            openapi_url=f"{root}{openapi_url}",
            title=f"{app.title} - ReDoc",
            redoc_js_url=f"{root}{DOCS_ASSETS}/redoc.standalone.js",
            redoc_favicon_url=f"{root}{DOCS_ASSETS}/favicon.png",
            with_google_fonts=False,
        )
        return _with_docs_policy(page)


def create_app(settings: ServerSettings | None = None) -> FastAPI:
    """The API and web page, with ``settings`` (limits) fixed for the app's life."""
    settings = settings or ServerSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from newsfuse.represent import get_encoder

        encoder = get_encoder(settings.encoder)
        encoder.encode(["newsfuse is warming up"])  # the first run allocates ONNX buffers
        app.state.encoder = encoder
        app.state.runner = Runner(settings)
        yield
        app.state.runner.shutdown()

    app = FastAPI(
        title="newsfuse",
        version=__version__,
        description="Several news reports about one story in, one faithful, cited briefing out.",
        lifespan=lifespan,
        docs_url=None,  # replaced by _install_docs: FastAPI's own pages load their assets from a CDN
        redoc_url=None,
    )
    app.state.settings = settings
    _install_error_handlers(app)
    app.include_router(router)
    _install_docs(app)
    static = resources.files("newsfuse.server").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)
    return app
