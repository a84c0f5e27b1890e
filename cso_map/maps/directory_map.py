"""The directory map: every organization that matches the filters, by type."""

from __future__ import annotations

import folium

from cso_map.maps.assets import MapAssets
from cso_map.maps.base import Bounds, base_map
from cso_map.maps.legend import add_legend
from cso_map.maps.points import FAMILY_COLOURS, PointsLayer, PointsSource
from cso_map.maps.tiles import Tiles


def build_directory_map(
    source: PointsSource,
    type_codes: list[str],
    family_labels: dict[str, str],
    legend_title: str,
    assets: MapAssets,
    tiles: Tiles,
    bounds: Bounds,
) -> folium.Map:
    """Return a map whose points layer loads `source`, with a legend of families."""
    figure_map = base_map(assets, tiles, bounds, draws_states=True)
    PointsLayer(source, type_codes, name=legend_title).add_to(figure_map)
    add_legend(
        figure_map,
        legend_title,
        [(FAMILY_COLOURS[key], label) for key, label in family_labels.items()],
    )
    return figure_map
