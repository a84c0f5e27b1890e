"""A map of mentoring suggestions: a line from the organization to each one."""

from __future__ import annotations

from dataclasses import dataclass

import folium

from cso_map.maps.assets import MapAssets
from cso_map.maps.base import base_map
from cso_map.maps.results_map import HERE_COLOUR, RESULT_COLOUR, marker_bounds
from cso_map.maps.safe_text import map_text
from cso_map.maps.tiles import Tiles


@dataclass(frozen=True)
class PairEnd:
    """An organization at one end of a suggested pair."""

    lat: float
    lon: float
    name: str
    detail: str


def build_mentoring_map(
    origin: PairEnd, others: list[PairEnd], assets: MapAssets, tiles: Tiles
) -> folium.Map:
    """Return a map with the organization, its suggestions, and lines between them."""
    points = [(origin.lat, origin.lon), *((o.lat, o.lon) for o in others)]
    figure_map = base_map(assets, tiles, marker_bounds(points))
    for other in others:
        folium.PolyLine(
            [[origin.lat, origin.lon], [other.lat, other.lon]],
            color=RESULT_COLOUR,
            weight=2,
            opacity=0.7,
        ).add_to(figure_map)
        folium.CircleMarker(
            location=[other.lat, other.lon],
            radius=7,
            color=RESULT_COLOUR,
            fill=True,
            fill_opacity=0.8,
            tooltip=folium.Tooltip(
                f"<strong>{map_text(other.name)}</strong><br>{map_text(other.detail)}"
            ),
        ).add_to(figure_map)
    folium.CircleMarker(
        location=[origin.lat, origin.lon],
        radius=8,
        color=HERE_COLOUR,
        fill=True,
        fill_opacity=1,
        tooltip=folium.Tooltip(
            f"<strong>{map_text(origin.name)}</strong><br>{map_text(origin.detail)}"
        ),
    ).add_to(figure_map)
    return figure_map
