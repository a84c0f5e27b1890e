"""The JSON API's blueprint, which each resource module adds its routes to."""

from flask import Blueprint

from cso_map.web.cors import allow_any_origin

bp = Blueprint("api", __name__, url_prefix="/api/v1")
bp.after_request(allow_any_origin)  # maps in sandboxed frames read it too
