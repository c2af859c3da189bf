"""The web view: a JSON API and server-rendered pages over a communique database.

Needs the `web` extra (fastapi, uvicorn, jinja2). Build an app with `create_app`.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
