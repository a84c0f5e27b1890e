"""JSON API under /api/v1: one module per resource."""

from flask import Blueprint

from cso_map.web.cors import allow_any_origin

bp = Blueprint("api", __name__, url_prefix="/api/v1")
bp.after_request(allow_any_origin)  # maps in sandboxed frames read it too

from cso_map.api import (  # noqa: E402, F401  (routes attach to bp)
    coverage,
    mentoring,
    nearest,
    openapi,
    organizations,
    partners,
    regions,
    taxonomy,
)
