"""JSON API under /api/v1: one module per resource."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from cso_map.api import (  # noqa: E402, F401  (routes attach to bp)
    coverage,
    organizations,
    regions,
    taxonomy,
)
