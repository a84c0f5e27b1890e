"""Map framing (the bounds of one state, or of all), and the gap map's classes."""

import json

import pytest
from shapely.geometry import shape
from sqlalchemy import select

from cso_map.extensions import db
from cso_map.maps.assets import MapAssets
from cso_map.maps.gap_map import GapMapTexts
from cso_map.maps.tiles import Tiles
from cso_map.models import Region
from cso_map.services.analysis.coverage import CoverageQuery
from cso_map.services.analysis.maps import MapSetting, gap_map, region_bounds
from cso_map.services.analysis.policy import CoveragePolicy
from tests.factories import insert, organization_record


def test_bounds_are_south_west_then_north_east_of_the_state(app_context):
    zacatecas = db.session.scalar(select(Region).where(Region.code == "MX-ZAC"))
    # maps frame the shape they draw (the simplified one)
    west, south, east, north = shape(json.loads(zacatecas.geometry_simplified)).bounds
    (s, w), (n, e) = region_bounds("MX-ZAC")
    assert (s, w, n, e) == pytest.approx((south, west, north, east))
    assert 21 < s < n < 26
    assert -105 < w < e < -100


def test_without_a_known_state_the_bounds_hold_every_state(app_context):
    everything = region_bounds()
    (south, west), (north, east) = everything
    # from southern Chiapas to the Canadian border, from Washington to Maine
    assert 14 < south < 15
    assert 48 < north < 50
    assert -125 < west < -124
    assert -67.5 < east < -66.5
    assert region_bounds("XX-YY") == everything
    (s, w), (n, e) = region_bounds("US-ME")
    assert south < s < n <= north
    assert west < w < e <= east


TEXTS = GapMapTexts(
    title="Places",
    aliases=("Region", "Providers", "Capacity", "Need", "Ratio", "Status"),
    gap="Gap",
    no_data="No data",
    unknown="Not known",
    below_label="under {high}",
    between_label="{low} to under {high}",
    above_label="{low} or more",
    threshold_note="Underserved: under {value}",
    providers_layer="Providers",
    regions_layer="Coverage",
)
ASSETS = MapAssets(scripts=("/leaflet.js",), styles=())
STATUSES = dict.fromkeys(("gap", "underserved", "unknown", "served", "no_data"), "s")


@pytest.mark.parametrize("threshold", [1.0, 2.5])
def test_the_gap_map_puts_a_class_edge_at_the_policy_threshold(app_context, threshold):
    insert(
        app_context,
        [
            organization_record(
                "zac", "Zacatecas", 22.77, -102.58, [("legal_advice", ["MX-ZAC"])]
            ),
            organization_record(
                "fresno", "Fresno", 36.74, -119.79, [("legal_advice", ["US-CA"])]
            ),
        ],
    )
    setting = MapSetting(ASSETS, Tiles(None), lambda value: f"{value:.2f}")
    html = (
        gap_map(
            setting,
            CoverageQuery(service="legal_advice"),
            CoveragePolicy(underserved_below=threshold, include_stale=True),
            TEXTS,
            STATUSES,
            "en",
        )
        .get_root()
        .render()
    )
    assert f"under {threshold:.2f}" in html
    assert f"{threshold:.2f} to under" in html or f"{threshold:.2f} or more" in html
    assert f"Underserved: under {threshold:.2f}" in html
