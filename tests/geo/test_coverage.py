"""Coverage on hand-built squares whose answers are worked out here, by hand.

Four 1-degree squares on the equator (1 degree is about 111.2 km there):

    D (0..1, 1..2) demand 500     .
    A (0..1, 0..1) demand 1,000   B (1..2, 0..1) demand 3,000   C (2..3, 0..1) no figure
"""

import geopandas as gpd
import numpy as np
import pytest
import shapely

from cso_map.geo.coverage import Reach, coverage, language_gaps, radius_reach
from cso_map.geo.projection import haversine_km

A, B, C, D = 0, 1, 2, 3
SQUARES = gpd.GeoSeries(
    [
        shapely.box(0, 0, 1, 1),
        shapely.box(1, 0, 2, 1),
        shapely.box(2, 0, 3, 1),
        shapely.box(0, 1, 1, 2),
    ],
    crs="EPSG:4326",
)
DEMAND = np.array([1000.0, 3000.0, np.nan, 500.0])

# Services 0..4: capacity per month, and how each reaches regions.
CAPACITY = np.array([10.0, 30.0, 40.0, 20.0, np.nan])
LISTED = (np.array([0, 3, 3]), np.array([A, A, C]))  # s0 lists A; s3 lists A and C
LOCATED = (np.array([1, 4]), np.array([B, B]))  # s1 and s4 have an office in B
# s2 works 60 km round (0.6, 0.4): 0.4 deg (44 km) from B, 0.6 deg (67 km) from D.
RADIUS_POINT = (np.array([0.6]), np.array([0.4]), np.array([60.0]))


def reach() -> Reach:
    point_index, region_index = radius_reach(*RADIUS_POINT, SQUARES)
    services = np.array([2])[point_index]
    return Reach.union(LISTED, LOCATED, (services, region_index))


def test_a_radius_reaches_across_a_border_but_not_beyond_it():
    point_index, region_index = radius_reach(*RADIUS_POINT, SQUARES)
    assert point_index.tolist() == [0, 0]
    assert sorted(region_index.tolist()) == [A, B]


def test_a_radius_is_measured_in_kilometres():
    # From (0.6, 0.4) the border with B is 44.5 km away: 40 km falls short.
    lons, lats, _ = RADIUS_POINT
    assert haversine_km(0.6, 0.4, 1.0, 0.4) == pytest.approx(44.48, abs=0.05)
    assert radius_reach(lons, lats, np.array([40.0]), SQUARES)[1].tolist() == [A]
    assert radius_reach(lons, lats, np.array([np.nan]), SQUARES)[1].tolist() == []


def test_providers_capacity_ratio_and_status_per_region():
    table = coverage(reach(), CAPACITY, DEMAND, underserved_below=25)
    # A: s0 (10) + s2's share (40 x 1000/4000 = 10) + s3's share (20 / 2 = 10) = 30.
    # B: s1 (30) + s2's share (40 x 3000/4000 = 30) + s4 (unknown: 0) = 60.
    # C: s3's other half = 10, but no demand figure. D: nobody.
    assert table["providers"].tolist() == [3, 3, 1, 0]
    assert table["capacity"].tolist() == pytest.approx([30, 60, 10, 0])
    # 30 places for 1,000 people = 30 per 1,000; 60 for 3,000 = 20 per 1,000.
    assert table["ratio"].iloc[A] == pytest.approx(30)
    assert table["ratio"].iloc[B] == pytest.approx(20)
    assert np.isnan(table["ratio"].iloc[C])
    # B is below 25, but s4 reports no capacity: it might make up the difference.
    assert table["unreported"].tolist() == [0, 1, 0, 0]
    assert table["status"].tolist() == ["served", "unknown", "no_data", "gap"]


def test_a_region_below_the_threshold_is_underserved_only_if_all_report():
    table = coverage(reach(), CAPACITY, DEMAND, underserved_below=35)
    assert table["status"].tolist()[:2] == ["underserved", "unknown"]
    reported = np.nan_to_num(CAPACITY)  # the same, had s4 reported 0
    table = coverage(reach(), reported, DEMAND, underserved_below=25)
    assert table["status"].iloc[B] == "underserved"


def test_where_no_provider_reports_a_capacity_the_ratio_is_unknown_not_zero():
    silent = np.full(len(CAPACITY), np.nan)
    table = coverage(reach(), silent, DEMAND)
    assert table["status"].tolist()[:2] == ["unknown", "unknown"]
    assert table["ratio"].iloc[[A, B]].isna().all()  # never "0 per 1,000"
    assert table["unreported"].tolist()[:2] == table["providers"].tolist()[:2]


def test_missing_demand_is_never_taken_as_zero():
    table = coverage(Reach.union(LISTED), CAPACITY, np.full(4, np.nan))
    assert set(table["status"]) == {"no_data"}
    # Without any figure, s3 splits its 20 equally between A and C.
    assert table["capacity"].tolist() == pytest.approx([20, 0, 10, 0])


def test_zero_demand_is_not_a_gap():
    table = coverage(Reach.union(LISTED), CAPACITY, np.array([0, 0, 0, 0.0]))
    assert set(table["status"]) == {"served"}
    assert table["ratio"].isna().all()


def test_restricting_to_some_services_keeps_only_their_pairs():
    only_s2 = reach().restrict(np.array([False, False, True, False, False]))
    table = coverage(only_s2, CAPACITY, DEMAND, underserved_below=25)
    assert table["providers"].tolist() == [1, 1, 0, 0]
    assert table["status"].tolist() == ["underserved", "underserved", "no_data", "gap"]


def test_pairs_are_counted_once_however_a_service_reaches_a_region():
    twice = Reach.union((np.array([0]), np.array([A])), (np.array([0]), np.array([A])))
    assert twice.service.tolist() == [0]
    assert coverage(twice, np.array([10.0]), DEMAND)["providers"].tolist()[A] == 1


def test_language_gaps_are_regions_served_but_not_in_that_language():
    assert language_gaps([2, 0, 1, 0], [1, 0, 0, 0]).tolist() == [
        False,
        False,
        True,
        False,
    ]


def test_no_services_means_every_region_with_demand_is_a_gap():
    table = coverage(Reach.union(), np.array([]), DEMAND)
    assert table["status"].tolist() == ["gap", "gap", "no_data", "gap"]
