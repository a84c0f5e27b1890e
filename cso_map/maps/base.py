"""A blank map: our assets, the configured tiles, and a view of given bounds."""

from __future__ import annotations

import folium

from cso_map.maps.assets import MapAssets, SelfHostedMap, attach_assets
from cso_map.maps.safe_text import map_text
from cso_map.maps.tiles import Tiles

MAX_ZOOM = 14

Bounds = tuple[
    tuple[float, float], tuple[float, float]
]  # ((south, west), (north, east))


def base_map(assets: MapAssets, tiles: Tiles, bounds: Bounds) -> folium.Map:
    """Return a canvas-rendered map fitted to `bounds`, loading only `assets`."""
    figure_map = SelfHostedMap(
        location=None, tiles=None, prefer_canvas=True, control_scale=True
    )
    # Leaflet needs a maxZoom of the map itself when no tile layer sets one.
    figure_map.options["maxZoom"] = MAX_ZOOM
    figure_map.options["minZoom"] = 2
    figure_map.options["zoomSnap"] = 0.25  # fit the bounds closely on small screens
    if tiles.url:
        folium.TileLayer(
            tiles=tiles.url,
            attr=map_text(tiles.attribution),
            max_zoom=MAX_ZOOM,
            control=False,
        ).add_to(figure_map)
    figure_map.fit_bounds([list(bounds[0]), list(bounds[1])])
    attach_assets(figure_map, assets)
    return figure_map
