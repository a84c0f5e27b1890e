"""A blank map: our assets, the configured background, and a view of given bounds."""

from __future__ import annotations

import folium
from branca.element import MacroElement
from folium.template import Template

from cso_map.maps.assets import MapAssets, SelfHostedMap, attach_assets
from cso_map.maps.safe_text import map_text, script_json
from cso_map.maps.tiles import Tiles

MAX_ZOOM = 14
SCALE_MAX_WIDTH = 120  # px: wide enough that "1000 km" stays inside its bar

Bounds = tuple[
    tuple[float, float], tuple[float, float]
]  # ((south, west), (north, east))


class MapControls(MacroElement):
    """Zoom buttons titled in the page's language, a scale, and state outlines."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        CSOMap.controls({{ this._parent.get_name() }}, {{ this.options_json }});
        {% endmacro %}
        """
    )

    def __init__(self, assets: MapAssets, outlines_url: str | None) -> None:
        super().__init__()
        self._name = "MapControls"
        zoom_in, zoom_out = assets.zoom_titles
        self.options_json = script_json(
            {
                "zoomIn": zoom_in,  # Leaflet sets titles as text, not HTML
                "zoomOut": zoom_out,
                "scaleWidth": SCALE_MAX_WIDTH,
                "outlinesUrl": outlines_url,
            }
        )


def base_map(
    assets: MapAssets, tiles: Tiles, bounds: Bounds, draws_states: bool = False
) -> folium.Map:
    """Return a canvas-rendered map fitted to `bounds`, loading only `assets`.

    Without tiles, the states' outlines are drawn as the background, unless the
    map draws the states itself (`draws_states`).
    """
    figure_map = SelfHostedMap(
        location=None, tiles=None, prefer_canvas=True, zoom_control=False
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
    outlines = None if tiles.url or draws_states else tiles.outlines_url
    MapControls(assets, outlines).add_to(figure_map)
    attach_assets(figure_map, assets)
    return figure_map
