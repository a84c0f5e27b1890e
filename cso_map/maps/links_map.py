"""A map of ties between states: a line from where organizations are to their origin."""

from __future__ import annotations

from dataclasses import dataclass

import folium

from cso_map.maps.assets import MapAssets
from cso_map.maps.base import Bounds, base_map
from cso_map.maps.legend import add_legend
from cso_map.maps.results_map import HERE_COLOUR, RESULT_COLOUR
from cso_map.maps.safe_text import map_text
from cso_map.maps.tiles import Tiles


@dataclass(frozen=True)
class TieLine:
    """Organizations at `source` tied to `target` (lat, lon points), with words."""

    source: tuple[float, float]
    target: tuple[float, float]
    organizations: int
    text: str


@dataclass(frozen=True)
class LinksLegend:
    """The words of a links map's legend."""

    title: str
    line: str  # what a line is (thicker for more organizations)
    origin: str  # what the dot at a line's end is


def build_links_map(
    lines: list[TieLine],
    bounds: Bounds,
    assets: MapAssets,
    tiles: Tiles,
    legend: LinksLegend | None = None,
) -> folium.Map:
    """Return a map with one line per pair of states, thicker for more ties."""
    figure_map = base_map(assets, tiles, bounds)
    most = max((line.organizations for line in lines), default=1)
    for line in lines:
        folium.PolyLine(
            [list(line.source), list(line.target)],
            color=RESULT_COLOUR,
            weight=1.5 + 6 * line.organizations / most,
            opacity=0.6,
            tooltip=folium.Tooltip(map_text(line.text)),
        ).add_to(figure_map)
        folium.CircleMarker(
            location=list(line.target), radius=4, color=HERE_COLOUR, fill=True
        ).add_to(figure_map)
    if legend is not None:
        add_legend(
            figure_map,
            legend.title,
            [(RESULT_COLOUR, legend.line), (HERE_COLOUR, legend.origin)],
        )
    return figure_map
