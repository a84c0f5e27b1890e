"""Time zones are found offline from points, with today's IANA boundaries."""

import math

import pytest

from cso_map.geo.timezones import zone_at, zones_at

# (lon, lat) and the IANA zone the place keeps (tzdata 2022 onwards).
PLACES = {
    "Ciudad Juárez": ((-106.44, 31.72), "America/Ciudad_Juarez"),  # US summer time
    "Chihuahua": ((-106.09, 28.64), "America/Chihuahua"),  # UTC-6 all year
    "Delicias": ((-105.47, 28.19), "America/Chihuahua"),
    "Matamoros": ((-97.50, 25.87), "America/Matamoros"),  # US Central summer time
    "Tampico": ((-97.86, 22.25), "America/Monterrey"),  # no summer time
    "Fresno": ((-119.78, 36.74), "America/Los_Angeles"),
    "Phoenix": ((-112.07, 33.45), "America/Phoenix"),
}


@pytest.mark.parametrize("name", PLACES)
def test_each_place_has_the_zone_of_its_point(name):
    (lon, lat), zone = PLACES[name]
    assert zone_at(lon, lat) == zone


def test_many_points_at_once_give_the_same_zones_and_none_without_a_point():
    points = [point for point, _zone in PLACES.values()]
    lons = [lon for lon, _lat in points] + [None, math.nan]
    lats = [lat for _lon, lat in points] + [None, math.nan]
    assert zones_at(lons, lats) == [zone for _p, zone in PLACES.values()] + [
        None,
        None,
    ]
    assert zone_at(None, None) is None
    assert zones_at([], []) == []


def test_a_point_at_sea_has_the_nautical_hour():
    assert zone_at(-90.0, 24.0) == "Etc/GMT+6"  # the Gulf of Mexico
