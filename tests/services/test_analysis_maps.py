"""Map framing: the bounds of one state, or of all of them."""

import json

import pytest
from shapely.geometry import shape
from sqlalchemy import select

from cso_map.extensions import db
from cso_map.models import Region
from cso_map.services.analysis.maps import region_bounds


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
