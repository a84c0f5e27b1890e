"""Cross-origin reads of the public, read-only JSON APIs."""

from __future__ import annotations


def allow_any_origin(response):
    """Let any page read the response (no credentials: the APIs use no cookies)."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response
