"""Third-party browser assets served by the app from the Python packages that ship them.

Visitors' browsers never contact a CDN: Leaflet comes from `xstatic-leaflet`.
"""

from __future__ import annotations

from flask import Flask, send_from_directory

from cso_map.maps.assets import LEAFLET_DIR

ONE_WEEK = 7 * 24 * 3600


def leaflet_asset(filename: str):
    """Serve one of Leaflet's files (its script, stylesheet or images)."""
    return send_from_directory(LEAFLET_DIR, filename, max_age=ONE_WEEK)


def register_vendor_assets(app: Flask) -> None:
    """Serve Leaflet under /vendor/leaflet/."""
    app.add_url_rule("/vendor/leaflet/<path:filename>", "leaflet", leaflet_asset)
