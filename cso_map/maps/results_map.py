"""A small map of help-finder results: the person's place and up to 20 services."""

from __future__ import annotations

from dataclasses import dataclass

import folium

from cso_map.maps.assets import MapAssets
from cso_map.maps.base import Bounds, base_map
from cso_map.maps.legend import add_legend
from cso_map.maps.safe_text import map_text
from cso_map.maps.tiles import Tiles

RESULT_COLOUR = "#0072B2"
HERE_COLOUR = "#D55E00"
APPROXIMATE_COLOUR = "#cce3f0"  # the result colour at the approximate fill opacity
PADDING_DEGREES = 0.05


@dataclass(frozen=True)
class ResultMarker:
    """One result on the map: where, and its words."""

    lat: float
    lon: float
    title: str
    detail: str
    approximate: bool = False


@dataclass(frozen=True)
class ResultsLegend:
    """The words of a results map's legend."""

    title: str
    result: str
    approximate: str  # a dashed, pale circle: the place is known only roughly


def marker_bounds(points: list[tuple[float, float]]) -> Bounds:
    """Return bounds around (lat, lon) points, padded so one point is not a speck."""
    lats = [lat for lat, _ in points]
    lons = [lon for _, lon in points]
    return (
        (min(lats) - PADDING_DEGREES, min(lons) - PADDING_DEGREES),
        (max(lats) + PADDING_DEGREES, max(lons) + PADDING_DEGREES),
    )


def build_results_map(
    markers: list[ResultMarker],
    here: tuple[float, float] | None,
    here_label: str,
    assets: MapAssets,
    tiles: Tiles,
    legend: ResultsLegend | None = None,
) -> folium.Map:
    """Return a map with a marker per result and one for the person's place."""
    points = [(m.lat, m.lon) for m in markers] + ([here] if here else [])
    figure_map = base_map(assets, tiles, marker_bounds(points or [(23.6, -102.5)]))
    for marker in markers:
        # A tooltip, not a folium.Popup: folium's popups need jQuery, which the
        # maps do not load. The result list beside the map has the links.
        folium.CircleMarker(
            location=[marker.lat, marker.lon],
            radius=8,
            color=RESULT_COLOUR,
            weight=2,
            dash_array="4 4" if marker.approximate else None,
            fill=True,
            fill_opacity=0.2 if marker.approximate else 0.8,
            tooltip=folium.Tooltip(
                f"<strong>{map_text(marker.title)}</strong><br>{map_text(marker.detail)}"
            ),
        ).add_to(figure_map)
    if here:
        folium.CircleMarker(
            location=list(here),
            radius=6,
            color=HERE_COLOUR,
            fill=True,
            fill_opacity=1,
            tooltip=folium.Tooltip(map_text(here_label)),
        ).add_to(figure_map)
    if legend is not None:
        items = [(RESULT_COLOUR, legend.result)]
        if any(marker.approximate for marker in markers):
            items.append((APPROXIMATE_COLOUR, legend.approximate))
        if here:
            items.append((HERE_COLOUR, here_label))
        add_legend(figure_map, legend.title, items)
    return figure_map
