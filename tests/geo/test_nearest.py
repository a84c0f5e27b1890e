"""Nearest points on the sphere, checked against distances worked out here."""

import math

import numpy as np
import pytest

from cso_map.geo.nearest import NearestIndex, chord_to_km, km_to_chord

# Three points on the equator 1, 2 and 3 degrees east of the origin, one at the pole.
LONS = np.array([1.0, 2.0, 3.0, 0.0, 1.5])
LATS = np.array([0.0, 0.0, 0.0, 90.0, 0.0])
CATEGORIES = np.array([0, 0, 0, 0, 1])
DEGREE_KM = 2 * math.pi * 6371.0088 / 360  # one degree of a great circle


def test_nearest_first_with_great_circle_kilometres():
    index = NearestIndex.build(LONS, LATS, CATEGORIES)
    rows, km = index.nearest(0.0, 0.0, category=0, limit=3)
    assert rows.tolist() == [0, 1, 2]
    assert km == pytest.approx([DEGREE_KM, 2 * DEGREE_KM, 3 * DEGREE_KM])
    rows, km = index.nearest(0.0, 0.0, category=0, limit=10)
    assert rows.tolist() == [0, 1, 2, 3]
    assert km[-1] == pytest.approx(90 * DEGREE_KM)


def test_other_categories_are_not_mixed_in():
    index = NearestIndex.build(LONS, LATS, CATEGORIES)
    assert index.nearest(1.5, 0.0, category=1, limit=5)[0].tolist() == [4]
    assert index.nearest(1.5, 0.0, category=7, limit=5)[0].tolist() == []


def test_a_radius_and_a_filter_narrow_the_answer():
    index = NearestIndex.build(LONS, LATS, CATEGORIES)
    rows, _ = index.nearest(0.0, 0.0, 0, 5, radius_km=2.5 * DEGREE_KM)
    assert rows.tolist() == [0, 1]
    rows, _ = index.nearest(0.0, 0.0, 0, 5, accept=lambda r: r % 2 == 0)
    assert rows.tolist() == [0, 2]


def test_only_the_nearest_point_of_each_key_counts():
    index = NearestIndex.build(LONS, LATS, CATEGORIES)
    service_of = np.array([10, 10, 11, 12, 13])  # points 0 and 1: one service
    rows, km = index.nearest(0.0, 0.0, 0, 5, distinct=service_of)
    assert rows.tolist() == [0, 2, 3]
    assert km[0] == pytest.approx(DEGREE_KM)


def test_a_rare_match_is_found_beyond_the_first_candidates():
    lons = np.linspace(0, 50, 2000)
    index = NearestIndex.build(lons, np.zeros(2000), np.zeros(2000, int))
    rows, _ = index.nearest(0.0, 0.0, 0, 1, accept=lambda r: r == 1999)
    assert rows.tolist() == [1999]


def test_chords_and_kilometres_convert_both_ways():
    assert chord_to_km(km_to_chord(1234.5)) == pytest.approx(1234.5)
