"""The gap map: a choropleth of one service's supply against need, per region."""

from __future__ import annotations

from dataclasses import dataclass

import folium
import numpy as np

from cso_map.maps.assets import MapAssets
from cso_map.maps.base import Bounds, base_map
from cso_map.maps.classes import (
    GAP_COLOUR,
    NO_DATA_COLOUR,
    UNKNOWN_COLOUR,
    class_colours,
    fill_colour,
    ratio_breaks,
)
from cso_map.maps.legend import add_legend
from cso_map.maps.points import PointsLayer, PointsSource
from cso_map.maps.safe_text import map_text
from cso_map.maps.tiles import Tiles

TOOLTIP_FIELDS = (
    "t_name",
    "t_providers",
    "t_capacity",
    "t_demand",
    "t_ratio",
    "t_status",
)


@dataclass(frozen=True)
class GapMapTexts:
    """The translated words of a gap map (the caller formats numbers)."""

    title: str
    aliases: tuple[str, ...]  # one per TOOLTIP_FIELDS
    gap: str
    no_data: str
    unknown: str  # below the threshold, but some providers report no capacity
    class_label: str  # e.g. "up to {value} per 1,000"
    providers_layer: str
    regions_layer: str


def build_gap_map(
    regions: dict,
    tooltips: list[tuple[str, ...]],
    texts: GapMapTexts,
    format_ratio,
    assets: MapAssets,
    tiles: Tiles,
    bounds: Bounds,
    providers: PointsSource | None = None,
    type_codes: list[str] | None = None,
) -> folium.Map:
    """Return a choropleth of `regions` (GeoJSON with `status` and `ratio`).

    `tooltips` holds, per feature, the texts shown beside TOOLTIP_FIELDS' aliases.
    Colours: a gap in deep purple, ratio classes (quantiles, mapclassify) in
    ColorBrewer PuBu from dark (least served) to light, no data in grey.
    """
    breaks = _style_features(regions["features"], tooltips)
    figure_map = base_map(assets, tiles, bounds)
    folium.GeoJson(
        regions,
        name=map_text(texts.regions_layer),
        style_function=_style,
        highlight_function=lambda feature: {"weight": 3, "color": "#000000"},
        tooltip=folium.GeoJsonTooltip(
            fields=list(TOOLTIP_FIELDS),
            aliases=[map_text(alias) for alias in texts.aliases],
            sticky=True,
        ),
    ).add_to(figure_map)
    if providers is not None:
        PointsLayer(
            providers, type_codes or [], name=texts.providers_layer, show=False
        ).add_to(figure_map)
        folium.LayerControl(collapsed=False).add_to(figure_map)
    _add_legend(figure_map, texts, breaks, format_ratio)
    return figure_map


def _style_features(features: list[dict], tooltips: list[tuple[str, ...]]) -> list:
    """Give each feature only what the map shows, escaped; return the class breaks."""
    ratios = np.array(
        [
            np.nan if f["properties"]["ratio"] is None else f["properties"]["ratio"]
            for f in features
            if f["properties"]["status"] in ("underserved", "served")
        ],
        float,
    )
    breaks = ratio_breaks(ratios)
    for feature, texts_of_region in zip(features, tooltips, strict=True):
        props = feature["properties"]
        # Only what the map shows, escaped: no raw directory text enters the page.
        feature["properties"] = {
            "code": map_text(props["code"]),
            "status": props["status"],
            "fill": fill_colour(props["status"], _ratio(props["ratio"]), breaks),
            **{
                field: map_text(text)
                for field, text in zip(TOOLTIP_FIELDS, texts_of_region, strict=True)
            },
        }
    return breaks


def _add_legend(figure_map: folium.Map, texts: GapMapTexts, breaks, format_ratio):
    """Add the legend: a gap, each ratio class, no data."""
    legend = [(GAP_COLOUR, texts.gap)]
    legend += [
        (colour, texts.class_label.format(value=format_ratio(bound)))
        for colour, bound in zip(class_colours(breaks), breaks, strict=True)
    ]
    legend.append((UNKNOWN_COLOUR, texts.unknown))
    legend.append((NO_DATA_COLOUR, texts.no_data))
    add_legend(figure_map, texts.title, legend)


def _ratio(value) -> float:
    return np.nan if value is None else float(value)


def _style(feature: dict) -> dict:
    return {
        "fillColor": feature["properties"]["fill"],
        "fillOpacity": 0.8,
        "color": "#ffffff",
        "weight": 1,
        "dashArray": "4 3" if feature["properties"]["status"] == "no_data" else None,
    }
