"""Web addresses we pass on to pages and exports: only http(s) ones."""

from __future__ import annotations

from urllib.parse import urlsplit


def safe_url(url: str | None) -> str | None:
    """Return `url` if it is an http(s) address, else None (no javascript: links)."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None
