"""Routes: ``POST /v1/briefings``, ``GET /healthz`` and the web page at ``/``.

The endpoints are plain ``def``: FastAPI runs them on its thread pool, and the CPU-bound work
goes on to the ``Runner`` (bounded workers, time limit). Request bodies become the same
``Document``/``Options`` objects the CLI builds, and the answer is ``briefing_to_dict`` (the CLI's
JSON schema) plus an ``evidence`` key for the page's highlighting.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from newsfuse import __version__
from newsfuse.config import SECTIONS, Options, options_from
from newsfuse.errors import InputError
from newsfuse.model import SCHEMA_VERSION, Document
from newsfuse.server.runner import Runner
from newsfuse.server.settings import ServerSettings

__all__ = [
    "BriefingRequest",
    "DocumentIn",
    "OptionsIn",
    "TooLargeError",
    "create_briefing",
    "healthz",
    "page",
    "router",
]

router = APIRouter()

#: The page may load scripts, styles and data from this server only: even if document text ever
#: reached the DOM as markup, inline scripts and event handlers would not run.
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


#: A date field starts with YYYY-MM-DD (``date.fromisoformat`` alone would also take "20141217").
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:$|[T ])")


class TooLargeError(Exception):
    """A request passes one of the size limits (answered with 413)."""


class DocumentIn(BaseModel):
    """One report: plain text or an HTML page, with optional metadata."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(
        default=None, min_length=1, description="The report: plain text or a whole HTML page."
    )
    url: str | None = Field(
        default=None,
        max_length=2000,
        description="Instead of text: a public http(s) URL to fetch (only with serve --allow-url-fetch).",
    )
    title: str | None = Field(default=None, max_length=500)
    source: str | None = Field(default=None, max_length=500, description="Where it came from (name or URL).")
    date: str | None = Field(
        default=None,
        max_length=64,
        description="ISO 8601 calendar date (YYYY-MM-DD), or a timestamp that starts with one.",
        examples=["2014-12-19"],
    )
    format: Literal["auto", "text", "html"] = Field(
        default="auto", description="'auto' treats the text as HTML when it looks like a page."
    )

    @field_validator("date")
    @classmethod
    def _calendar_date(cls, value: str | None) -> str | None:
        """The day of a real calendar date: "2014-13-45" or "2014-12-17garbage" is refused."""
        if value is None:
            return None
        try:
            if not ISO_DAY.match(value):
                raise ValueError(value)
            day = (
                dt.date.fromisoformat(value) if len(value) == 10 else dt.datetime.fromisoformat(value).date()
            )
        except ValueError:
            raise ValueError(f"{value!r} is not a calendar date (YYYY-MM-DD)") from None
        return day.isoformat()

    @model_validator(mode="after")
    def _text_or_url(self) -> DocumentIn:
        if (self.text is None) == (self.url is None):
            raise ValueError("give either 'text' or 'url'")
        return self


class OptionsIn(BaseModel):
    """What to make of the reports (the CLI's --words and --sections)."""

    model_config = ConfigDict(extra="forbid")

    words: int = Field(default=250, ge=10, le=5000, description="Word budget of the summary.")
    sections: list[Literal["quotes", "facts", "disagreements", "timeline", "all"]] = Field(
        default_factory=list, description=f"Extra sections: {', '.join(SECTIONS)}, or 'all'."
    )


class BriefingRequest(BaseModel):
    """Reports about one story and the options of their briefing."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(default="briefing", min_length=1, max_length=200, description="Id of the briefing.")
    documents: list[DocumentIn] = Field(min_length=1)
    options: OptionsIn = Field(default_factory=OptionsIn)
    evidence: bool = Field(default=True, description="Add the 'evidence' key (spans for highlighting).")


def _check_limits(body: BriefingRequest, settings: ServerSettings) -> None:
    if len(body.documents) > settings.max_documents:
        raise TooLargeError(
            f"documents: {len(body.documents)} documents; the limit is {settings.max_documents} per request"
        )
    for n, doc in enumerate(body.documents):
        if doc.url is not None and not settings.allow_url_fetch:
            raise InputError(
                f"documents[{n}].url: this server does not fetch URLs; send the page's text instead "
                "(or start it with newsfuse serve --allow-url-fetch)"
            )
        _check_size(n, doc.text or "", settings)


def _check_size(n: int, text: str, settings: ServerSettings) -> None:
    if len(text) > settings.max_document_chars:
        raise TooLargeError(
            f"documents[{n}]: {len(text)} characters; the limit is {settings.max_document_chars}"
        )


def _text(n: int, item: DocumentIn, settings: ServerSettings) -> str:
    """The document's text, fetched when it came as a URL (on a worker, within the time limit)."""
    if item.text is not None:
        return item.text
    from newsfuse.server.fetch import fetch_url

    # UTF-8 takes at most 4 bytes a character: this cap never refuses a page within the
    # character limit, and the character check below still applies.
    text = fetch_url(
        item.url or "",
        name=f"documents[{n}].url",
        max_bytes=4 * settings.max_document_chars,
        timeout=settings.fetch_timeout,
    )
    _check_size(n, text, settings)
    return text


#: A document's ``format`` as ``make_document``'s ``html`` flag ("auto": decided by its tags).
HTML_FLAG = {"auto": None, "html": True, "text": False}


def _documents(body: BriefingRequest, settings: ServerSettings) -> tuple[Document, ...]:
    from newsfuse.ingest.readers import make_document

    return tuple(
        make_document(
            _text(n - 1, item, settings),
            id=f"d{n}",
            source=item.source or item.url or f"document {n}",
            title=item.title,
            date=item.date,  # the validator's day.isoformat(): YYYY-MM-DD or None
            html=HTML_FLAG[item.format],
        )
        for n, item in enumerate(body.documents, start=1)
    )


def _options(body: BriefingRequest, settings: ServerSettings) -> Options:
    return options_from(words=body.options.words, sections=body.options.sections, encoder=settings.encoder)


@router.post(
    "/v1/briefings",
    summary="Make a cited briefing of several reports",
    responses={
        413: {"description": "The request, a document or the number of documents passes a limit."},
        422: {"description": "The request or an option cannot be used; the message says which."},
        503: {"description": "The server is busy (queue full); retry later."},
        504: {"description": "The briefing passed the per-request time limit."},
    },
)
def create_briefing(body: BriefingRequest, request: Request) -> dict[str, Any]:
    """The briefing in the CLI's JSON schema (docs/schema.md), plus ``evidence`` when asked."""
    from newsfuse.model import briefing_to_dict
    from newsfuse.pipeline import summarize
    from newsfuse.server.evidence import evidence

    settings: ServerSettings = request.app.state.settings
    runner: Runner = request.app.state.runner
    _check_limits(body, settings)
    options = _options(body, settings)
    encoder = request.app.state.encoder

    def work() -> dict[str, Any]:
        documents = _documents(body, settings)
        briefing = summarize(documents, options=options, cluster_id=body.id, encoder=encoder)
        out = briefing_to_dict(briefing)
        if body.evidence:
            out["evidence"] = evidence(briefing)
        return out

    return runner.run(work)


@router.get("/healthz", summary="Liveness and the limits of this server")
def healthz(request: Request) -> dict[str, Any]:
    settings: ServerSettings = request.app.state.settings
    return {
        "status": "ok",
        "version": __version__,
        "schema_version": SCHEMA_VERSION,
        "encoder": settings.encoder,
        "limits": {
            "max_request_bytes": settings.max_request_bytes,
            "max_documents": settings.max_documents,
            "max_document_chars": settings.max_document_chars,
            "time_limit": settings.time_limit,
        },
        "url_fetch": settings.allow_url_fetch,
    }


@router.get("/", include_in_schema=False)
def page() -> HTMLResponse:
    html = resources.files("newsfuse.server").joinpath("static/index.html").read_text(encoding="utf-8")
    return HTMLResponse(html, headers={"Content-Security-Policy": PAGE_POLICY})
