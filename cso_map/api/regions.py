"""/api/v1/regions: the states as GeoJSON with their indicators."""

from __future__ import annotations

from cso_map.api.blueprint import bp
from cso_map.services.analysis.region_maps import regions_geojson


@bp.get("/regions")
def regions():
    """Return every state (simplified boundary) with code, names and indicators."""
    return regions_geojson()
