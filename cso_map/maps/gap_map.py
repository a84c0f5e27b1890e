"""The gap map: a choropleth of one service's supply against need, per region."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import folium
import numpy as np

from cso_map.geo.coverage import DEFAULT_UNDERSERVED_BELOW
from cso_map.maps.assets import MapAssets
from cso_map.maps.base import Bounds, base_map
from cso_map.maps.classes import (
    GAP_COLOUR,
    NO_DATA_COLOUR,
    UNKNOWN_COLOUR,
    class_colours,
    fill_colour,
    ratio_edges,
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
    below_label: str  # the first class, e.g. "under {high}"
    between_label: str  # e.g. "{low} to under {high}"
    above_label: str  # the last class, e.g. "{low} or more"
    threshold_note: str  # e.g. "Underserved: under {value}"
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
    threshold: float = DEFAULT_UNDERSERVED_BELOW,
) -> folium.Map:
    """Return a choropleth of `regions` (GeoJSON with `status` and `ratio`).

    `tooltips` holds, per feature, the texts shown beside TOOLTIP_FIELDS' aliases.
    Colours: a gap in deep purple, ratio classes (quantiles, mapclassify, with an
    edge at the underserved `threshold`) in ColorBrewer PuBu from dark (least
    served) to light, no data in grey.
    """
    edges = _style_features(regions["features"], tooltips, threshold)
    figure_map = base_map(assets, tiles, bounds, draws_states=True)
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
    _add_legend(figure_map, texts, edges, threshold, format_ratio)
    return figure_map


def _style_features(
    features: list[dict], tooltips: list[tuple[str, ...]], threshold: float
) -> list[float]:
    """Give each feature only what the map shows, escaped; return the class edges."""
    ratios = np.array(
        [
            np.nan if f["properties"]["ratio"] is None else f["properties"]["ratio"]
            for f in features
            if f["properties"]["status"] in ("underserved", "served")
        ],
        float,
    )
    edges = ratio_edges(ratios, threshold)
    for feature, texts_of_region in zip(features, tooltips, strict=True):
        props = feature["properties"]
        # Only what the map shows, escaped: no raw directory text enters the page.
        feature["properties"] = {
            "code": map_text(props["code"]),
            "status": props["status"],
            "fill": fill_colour(props["status"], _ratio(props["ratio"]), edges),
            **{
                field: map_text(text)
                for field, text in zip(TOOLTIP_FIELDS, texts_of_region, strict=True)
            },
        }
    return edges


def class_labels(texts: GapMapTexts, edges: list[float], format_ratio) -> list[str]:
    """Return the legend's words for each class of `edges`, lowest first."""
    shown = [format_ratio(edge) for edge in edges]
    middle = [
        texts.between_label.format(low=low, high=high) for low, high in pairwise(shown)
    ]
    return [
        texts.below_label.format(high=shown[0]),
        *middle,
        texts.above_label.format(low=shown[-1]),
    ]


def _add_legend(figure_map, texts: GapMapTexts, edges, threshold, format_ratio):
    """Add the legend: a gap, each ratio class, capacity unknown, no data."""
    legend = [(GAP_COLOUR, texts.gap)]
    legend += list(
        zip(class_colours(edges), class_labels(texts, edges, format_ratio), strict=True)
    )
    legend.append((UNKNOWN_COLOUR, texts.unknown))
    legend.append((NO_DATA_COLOUR, texts.no_data))
    note = texts.threshold_note.format(value=format_ratio(threshold))
    add_legend(figure_map, texts.title, legend, note=note)


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
