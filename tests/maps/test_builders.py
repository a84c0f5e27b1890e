"""Map builders on plain data: assets, tiles, colours, legends (no app needed)."""

import re

import numpy as np
import pytest
import shapely

from cso_map.geo.coverage import DEFAULT_UNDERSERVED_BELOW
from cso_map.geo.geojson import feature_collection
from cso_map.maps.assets import LEAFLET_DIR, MapAssets, inline_assets
from cso_map.maps.classes import (
    GAP_COLOUR,
    NO_DATA_COLOUR,
    RATIO_COLOURS,
    fill_colour,
    ratio_edges,
)
from cso_map.maps.directory_map import build_directory_map
from cso_map.maps.gap_map import GapMapTexts, build_gap_map
from cso_map.maps.links_map import LinksLegend, TieLine, build_links_map
from cso_map.maps.partners_map import build_partners_map
from cso_map.maps.points import PointsSource
from cso_map.maps.results_map import ResultMarker, ResultsLegend, build_results_map
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
    below_label="under {high}",
    between_label="{low} to under {high}",
    above_label="{low} or more",
    threshold_note="Underserved: under {value}",
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


def gap_html(
    statuses, ratios, name="Left", tiles=NO_TILES, providers=None, threshold=1.0
):
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
        threshold=threshold,
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
    edges = ratio_edges(np.array([1.0, 2.0, 3.0, 4.0, np.nan]), threshold=1.0)
    # Quantile edges, and the threshold (here the smallest ratio) as an edge.
    assert edges == pytest.approx([1.0, 1.75, 2.5, 3.25])
    assert fill_colour("gap", 0.0, edges) == GAP_COLOUR
    assert fill_colour("no_data", np.nan, edges) == NO_DATA_COLOUR
    least, most = (
        fill_colour("underserved", 0.5, edges),
        fill_colour("served", 4.0, edges),
    )
    assert least == RATIO_COLOURS[0]
    assert most == RATIO_COLOURS[4]
    assert ratio_edges(np.array([np.nan]), threshold=1.0) == [1.0]
    assert ratio_edges(np.array([2.0, 2.0]), threshold=1.0) == [1.0]


@pytest.mark.parametrize("threshold", [DEFAULT_UNDERSERVED_BELOW, 0.5, 2.0])
def test_the_underserved_threshold_is_always_a_class_edge(threshold):
    # The demo's ratios: the quantile edges alone were 0.3 / 1.23 / 4.54 / 33.7.
    ratios = np.array([0.05, 0.2, 0.3, 0.6, 0.9, 1.23, 2.0, 4.54, 9.0, 20.0, 33.7])
    edges = ratio_edges(ratios, threshold)
    assert threshold in edges
    assert len(edges) <= len(RATIO_COLOURS) - 1
    below = fill_colour("underserved", np.nextafter(threshold, 0), edges)
    at = fill_colour("served", threshold, edges)
    # A state exactly at the threshold is served: it starts the class above.
    assert below != at
    assert RATIO_COLOURS.index(below) + 1 == RATIO_COLOURS.index(at)


def test_an_edge_that_reads_as_the_threshold_gives_way_to_it():
    # Quantile edges 0.4, 1.0004 (which reads "1") and 3; the threshold stays exact.
    edges = ratio_edges(np.array([0.2, 0.4, 1.0004, 3.0, 8.0]), threshold=0.9999)
    assert edges == [0.4, 0.9999, 3.0]


def test_the_gap_legend_names_every_class_and_the_underserved_line():
    html = gap_html(["gap", "underserved", "served", "no_data"], [0.0, 0.5, 9.0, None])
    assert "Gap" in html
    assert "No data" in html
    # Two ratios make two quantile classes; the threshold (1.00) is an edge.
    assert "under 1.00" in html
    assert "1.00 to under 4.75" in html
    assert "4.75 or more" in html
    assert "Underserved: under 1.00" in html
    assert "up to" not in html


def test_the_legend_folds_on_a_small_screen():
    html = gap_html(["served"], [2.0])
    assert '<details class="cso-legend" open>' in html
    assert "matchMedia('(max-width: 480px)" in html
    assert "legend.open=false" in html


def test_zoom_buttons_are_titled_in_the_language_given():
    assets = MapAssets(ASSETS.scripts, (), zoom_titles=("Acercar", "Alejar"))
    html = build_results_map([], None, "Aquí", assets, NO_TILES).get_root().render()
    assert '"zoomIn":"Acercar"' in html
    assert '"zoomOut":"Alejar"' in html
    assert "zoomControl" in html  # Leaflet's own, English one is off
    assert '"zoomControl": false' in html


OUTLINES = "/api/v1/regions"
STATE = feature_collection([shapely.box(0, 0, 1, 1)], [{"code": "XX-1"}])["features"]


def maps_without_a_background(tiles):
    """Return the HTML of the maps that draw no states of their own."""
    marker = ResultMarker(1.0, 1.0, "Clinic", "Legal advice")
    return {
        "results": build_results_map([marker], (0.5, 0.5), "Here", ASSETS, tiles),
        "links": build_links_map(
            [TieLine((0.2, 0.2), (1.5, 1.5), 2, "2 ties")], BOUNDS, ASSETS, tiles
        ),
        "partners": build_partners_map(
            STATE[0], BOUNDS, [], {1: "In the state"}, "Partners", ASSETS, tiles
        ),
    }


def test_without_tiles_maps_draw_the_states_outlines():
    for name, figure_map in maps_without_a_background(
        Tiles(None, outlines_url=OUTLINES)
    ).items():
        html = figure_map.get_root().render()
        assert f'"outlinesUrl":"{OUTLINES}"' in html, name
    with_tiles = tiles_from_setting("osm", outlines_url=OUTLINES)
    for name, figure_map in maps_without_a_background(with_tiles).items():
        assert '"outlinesUrl":null' in figure_map.get_root().render(), name
    # The gap map's choropleth is the states: no second copy behind it.
    assert '"outlinesUrl":null' in gap_html(
        ["gap"], [0.0], tiles=Tiles(None, outlines_url=OUTLINES)
    )


def test_finder_and_links_maps_have_a_legend():
    legend = ResultsLegend("On this map", "Help found", "Approximate place")
    markers = [
        ResultMarker(1.0, 1.0, "Clinic", "Legal advice"),
        ResultMarker(1.2, 1.2, "Shelter", "Shelter", approximate=True),
    ]
    html = (
        build_results_map(markers, (0.5, 0.5), "You are here", ASSETS, NO_TILES, legend)
        .get_root()
        .render()
    )
    for words in ("On this map", "Help found", "Approximate place", "You are here"):
        assert words in html
    exact_only = build_results_map(markers[:1], None, "Here", ASSETS, NO_TILES, legend)
    assert "Approximate place" not in exact_only.get_root().render()
    links = build_links_map(
        [TieLine((0.2, 0.2), (1.5, 1.5), 2, "2 ties")],
        BOUNDS,
        ASSETS,
        NO_TILES,
        LinksLegend("Ties", "A line per pair of states", "State of origin"),
    )
    html = links.get_root().render()
    assert "cso-legend" in html
    assert "A line per pair of states" in html
    assert "State of origin" in html


def test_tiles_setting_is_checked():
    assert tiles_from_setting("none").url is None
    assert tiles_from_setting("osm").host == "https://tile.openstreetmap.org"
    custom = tiles_from_setting("https://{s}.tiles.example.org/{z}/{x}/{y}.png")
    assert custom.host == "https://*.tiles.example.org"
    for bad in ("http://tiles.example.org/{z}/{x}/{y}.png", "javascript:x", "osm2"):
        with pytest.raises(ValueError, match="TILES"):
            tiles_from_setting(bad)
