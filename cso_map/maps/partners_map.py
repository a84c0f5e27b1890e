"""A map of likely partners: the state highlighted, partners coloured by tier."""

from __future__ import annotations

from dataclasses import dataclass

import folium

from cso_map.maps.assets import MapAssets
from cso_map.maps.base import Bounds, base_map
from cso_map.maps.legend import add_legend
from cso_map.maps.results_map import marker_bounds
from cso_map.maps.safe_text import map_text
from cso_map.maps.tiles import Tiles

TIER_COLOURS = {1: "#009E73", 2: "#0072B2", 3: "#E69F00"}  # Okabe-Ito
REGION_STYLE = {
    "color": "#4a148c",
    "weight": 3,
    "fillColor": "#4a148c",
    "fillOpacity": 0.08,
}


@dataclass(frozen=True)
class PartnerMarker:
    """One partner on the map: where, its tier, name and a line about it."""

    lat: float
    lon: float
    tier: int
    name: str
    detail: str


def build_partners_map(
    region: dict,
    region_box: Bounds,
    markers: list[PartnerMarker],
    tier_labels: dict[int, str],
    legend_title: str,
    assets: MapAssets,
    tiles: Tiles,
) -> folium.Map:
    """Return a map of `region` (a GeoJSON feature) and the partners around it."""
    points = [(m.lat, m.lon) for m in markers] + list(region_box)
    figure_map = base_map(assets, tiles, marker_bounds(points))
    folium.GeoJson(region, style_function=lambda _: REGION_STYLE).add_to(figure_map)
    for marker in markers:
        folium.CircleMarker(
            location=[marker.lat, marker.lon],
            radius=7,
            color=TIER_COLOURS[marker.tier],
            fill=True,
            fill_opacity=0.85,
            tooltip=folium.Tooltip(
                f"<strong>{map_text(marker.name)}</strong><br>{map_text(marker.detail)}"
            ),
        ).add_to(figure_map)
    add_legend(
        figure_map,
        legend_title,
        [(TIER_COLOURS[tier], text) for tier, text in tier_labels.items()],
    )
    return figure_map
