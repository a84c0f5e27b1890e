"""JSON API under /api/v1: one module per resource."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.after_request
def allow_any_origin(response):
    """Let any page read the public, read-only API (maps run in sandboxed frames).

    No credentials are involved: the API sets and reads no cookies.
    """
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


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
