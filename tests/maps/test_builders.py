"""Map builders on plain data: assets, tiles, colours, legends (no app needed)."""

import re

import numpy as np
import pytest
import shapely

from cso_map.geo.geojson import feature_collection
from cso_map.maps.assets import LEAFLET_DIR, MapAssets, inline_assets
from cso_map.maps.classes import (
    GAP_COLOUR,
    NO_DATA_COLOUR,
    fill_colour,
    ratio_breaks,
)
from cso_map.maps.directory_map import build_directory_map
from cso_map.maps.gap_map import GapMapTexts, build_gap_map
from cso_map.maps.points import PointsSource
from cso_map.maps.tiles import OSM_URL, Tiles, tiles_from_setting

ASSETS = MapAssets(scripts=("/vendor/leaflet.js", "/static/points.js"), styles=())
NO_TILES = Tiles(None)
BOUNDS = ((0.0, 0.0), (2.0, 2.0))
TEXTS = GapMapTexts(
    title="Places",
    aliases=("Region", "Providers", "Capacity", "Need", "Ratio", "Status"),
    gap="Gap",
    no_data="No data",
    unknown="Capacity not reported",
    class_label="up to {value}",
    providers_layer="Providers",
    regions_layer="Coverage",
)
HOSTILE = "</script><script>window.hit=1</script>${window.hit=2}`);//"


def regions(statuses, ratios, name="Left"):
    return feature_collection(
        [shapely.box(i, 0, i + 1, 1) for i in range(len(statuses))],
        [
            {"code": f"XX-{i}", "name": name, "status": s, "ratio": r}
            for i, (s, r) in enumerate(zip(statuses, ratios, strict=True))
        ],
    )


def gap_html(statuses, ratios, name="Left", tiles=NO_TILES, providers=None):
    figure_map = build_gap_map(
        regions(statuses, ratios, name),
        [(name, "1", "2", "3", "4", "gap")] * len(statuses),
        TEXTS,
        lambda value: f"{value:.2f}",
        ASSETS,
        tiles,
        BOUNDS,
        providers=providers,
        type_codes=["ngo"],
    )
    return figure_map.get_root().render()


def script_sources(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"#]+)"', html)


def test_maps_load_only_the_assets_they_are_given():
    html = gap_html(["gap", "served"], [0.0, 5.0])
    assert [s for s in script_sources(html) if "leafletjs.com" not in s] == list(
        ASSETS.scripts
    )
    assert "cdn" not in html
    assert "jquery" not in html.lower()
    assert "bootstrap" not in html.lower()


def test_without_tiles_there_is_no_tile_layer_but_a_max_zoom():
    html = gap_html(["gap"], [0.0])
    assert "tileLayer" not in html
    assert '"maxZoom": 14' in html
    with_tiles = gap_html(["gap"], [0.0], tiles=tiles_from_setting("osm"))
    assert OSM_URL in with_tiles


def test_hostile_region_names_reach_the_map_only_escaped():
    html = gap_html(["gap", "no_data"], [0.0, None], name=HOSTILE)
    assert "<script>window.hit" not in html
    assert "${window.hit" not in html
    assert "`);//" not in html
    # Escaped by map_text, then embedded as JSON (where & is written \u0026).
    assert "\\u0026lt;/script\\u0026gt;\\u0026lt;script\\u0026gt;window.hit=1" in html


def test_a_directory_map_carries_no_points_at_all():
    def html(url):
        source = PointsSource(url=url, service_labels={"health": "Health"})
        return (
            build_directory_map(
                source, ["ngo"], {"ngo": "NGOs"}, "Types", ASSETS, NO_TILES, BOUNDS
            )
            .get_root()
            .render()
        )

    small = html("/api/v1/organizations?format=points")
    assert "/api/v1/organizations?format=points" in small
    assert len(small) < 20_000


def test_inline_assets_make_a_file_that_needs_no_server(tmp_path):
    script = tmp_path / "points.js"
    script.write_text("window.x = '</script>';", encoding="utf-8")
    assets = inline_assets([LEAFLET_DIR / "leaflet.js", script], [])
    figure_map = build_directory_map(
        PointsSource(data={"lon": [], "lat": [], "type": [], "ids": []}),
        ["ngo"],
        {"ngo": "NGOs"},
        "Types",
        assets,
        NO_TILES,
        BOUNDS,
    )
    html = figure_map.get_root().render()
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=", html)
    assert "window.x = '<\\/script>';" in html
    assert html.count("<script>") >= 2


def test_ratio_classes_and_colours():
    breaks = ratio_breaks(np.array([1.0, 2.0, 3.0, 4.0, np.nan]))
    assert breaks == pytest.approx([1.75, 2.5, 3.25, 4.0])
    assert fill_colour("gap", 0.0, breaks) == GAP_COLOUR
    assert fill_colour("no_data", np.nan, breaks) == NO_DATA_COLOUR
    least, most = (
        fill_colour("underserved", 1.0, breaks),
        fill_colour("served", 4.0, breaks),
    )
    assert least != most
    assert ratio_breaks(np.array([np.nan])) == []
    assert ratio_breaks(np.array([2.0, 2.0])) == [2.0]


def test_the_gap_legend_names_every_class():
    html = gap_html(["gap", "underserved", "served", "no_data"], [0.0, 1.0, 9.0, None])
    assert "Gap" in html
    assert "No data" in html
    # Two ratios make two quantile classes: up to the median, and up to the top.
    assert "up to 5.00" in html
    assert "up to 9.00" in html


def test_tiles_setting_is_checked():
    assert tiles_from_setting("none").url is None
    assert tiles_from_setting("osm").host == "https://tile.openstreetmap.org"
    custom = tiles_from_setting("https://{s}.tiles.example.org/{z}/{x}/{y}.png")
    assert custom.host == "https://*.tiles.example.org"
    for bad in ("http://tiles.example.org/{z}/{x}/{y}.png", "javascript:x", "osm2"):
        with pytest.raises(ValueError, match="TILES"):
            tiles_from_setting(bad)
