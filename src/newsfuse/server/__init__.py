"""The HTTP API and web page (``newsfuse serve``); needs the ``server`` extra (FastAPI, uvicorn)."""

from newsfuse.server.app import create_app
from newsfuse.server.settings import ServerSettings

__all__ = ["ServerSettings", "create_app"]
