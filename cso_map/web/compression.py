"""Compressed pages for visitors without an account, uncompressed ones for accounts.

`make run` serves with gunicorn, which cannot compress, and no proxy stands in
front of it, so the app compresses (Flask-Compress: zstd, brotli or gzip, as the
browser asks). A compressed page that holds a secret (a CSRF token) next to text
an attacker chooses leaks that secret through its length (BREACH), so responses
to requests that carry a cookie, which only accounts have, go uncompressed.
Anonymous visitors send no cookie (security.md), and their pages hold no secret.
"""

from __future__ import annotations

from flask import Flask, Response, request

from cso_map.extensions import compress


def register_compression(app: Flask) -> None:
    """Compress HTML, JSON, CSS and JavaScript for requests that carry no cookie."""
    app.config["COMPRESS_REGISTER"] = False  # `compress_anonymous` decides instead
    compress.init_app(app)
    app.after_request(compress_anonymous)


def compress_anonymous(response: Response) -> Response:
    """Return `response` compressed, unless the request carries a cookie."""
    if request.cookies:
        return response
    if (
        response.direct_passthrough
        and response.mimetype in compress.compress_mimetypes_set
    ):
        # A static text file (tens of KB): read whole and its file closed at
        # once (a response that is never closed, as when the browser hangs up,
        # would leave it open), then compressed with a length.
        wrapper = response.response
        response.direct_passthrough = False
        response.make_sequence()
        if hasattr(wrapper, "close"):
            wrapper.close()
    return compress.after_request(response)
