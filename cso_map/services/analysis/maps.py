"""Maps of the directory and of coverage gaps, built from the snapshot."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import folium
import pandas as pd

from cso_map.maps.assets import MapAssets
from cso_map.maps.base import Bounds
from cso_map.maps.directory_map import build_directory_map
from cso_map.maps.gap_map import GapMapTexts, build_gap_map
from cso_map.maps.points import PointsSource
from cso_map.maps.tiles import Tiles
from cso_map.services.analysis.coverage import (
    CoverageQuery,
    by_unmet_demand,
    region_coverage,
)
from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.services.analysis.region_maps import regions_geojson
from cso_map.services.snapshot.build import directory_snapshot
from cso_map.taxonomy import CSO_TYPES

NumberFormat = Callable[[float | None], str]


@dataclass(frozen=True)
class MapSetting:
    """What every map needs from the web layer: assets, tiles, words, numbers."""

    assets: MapAssets
    tiles: Tiles
    format_number: NumberFormat


def region_bounds(code: str | None = None) -> Bounds:
    """Return ((south, west), (north, east)) of one state, or of them all."""
    regions = directory_snapshot().regions
    if code is not None and (regions["code"] == code).any():
        regions = regions[regions["code"] == code]
    west, south, east, north = regions.total_bounds
    return (float(south), float(west)), (float(north), float(east))


def directory_map(
    setting: MapSetting,
    source: PointsSource,
    family_labels: dict[str, str],
    legend_title: str,
    region: str | None = None,
) -> folium.Map:
    """Return the directory map (points from `source`), fitted to `region` if given."""
    return build_directory_map(
        source,
        CSO_TYPES.codes(),
        family_labels,
        legend_title,
        setting.assets,
        setting.tiles,
        region_bounds(region),
    )


def gap_map(
    setting: MapSetting,
    query: CoverageQuery,
    policy: CoveragePolicy,
    texts: GapMapTexts,
    status_labels: dict[str, str],
    lang: str,
    providers: PointsSource | None = None,
) -> folium.Map:
    """Return the gap map of `query`: a choropleth, and providers as a layer."""
    table = region_coverage(query, policy)
    regions = regions_geojson(extra=table[["status", "ratio"]], overview=True)
    number = setting.format_number
    tooltips = [
        (
            row.name_es if lang == "es" else row.name_en,
            number(row.providers),
            number(row.capacity),
            number(row.demand),
            number(row.ratio),
            status_labels[row.status],
        )
        for row in table.itertuples()
    ]
    return build_gap_map(
        regions,
        tooltips,
        texts,
        number,
        setting.assets,
        setting.tiles,
        region_bounds(),
        providers=providers,
        type_codes=CSO_TYPES.codes(),
        threshold=policy.threshold(query.service),
    )


def gap_table(query: CoverageQuery, policy: CoveragePolicy) -> pd.DataFrame:
    """Return the coverage of `query` per state, largest unmet need first."""
    return by_unmet_demand(region_coverage(query, policy))
