"""The site's icon at /favicon.ico, where browsers and crawlers look for it."""

from __future__ import annotations

from flask import Flask, current_app, send_from_directory

ONE_WEEK = 7 * 24 * 3600


def favicon():
    """Send the icon from the static folder."""
    return send_from_directory(
        current_app.static_folder,
        "favicon.ico",
        mimetype="image/vnd.microsoft.icon",
        max_age=ONE_WEEK,
    )


def register_favicon(app: Flask) -> None:
    """Answer /favicon.ico with the icon (pages also link the SVG one)."""
    app.add_url_rule("/favicon.ico", "favicon", favicon)
