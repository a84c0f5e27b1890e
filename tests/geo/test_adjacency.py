"""Neighbours on hand-built squares (no app needed)."""

import geopandas as gpd
import shapely

from cso_map.geo.adjacency import region_neighbours

KM = 1 / 111.2  # degrees of longitude per km on the equator


def squares(*boxes) -> gpd.GeoSeries:
    return gpd.GeoSeries([shapely.box(*b) for b in boxes], crs="EPSG:4326")


def test_edges_and_corners_make_neighbours():
    grid = squares((0, 0, 1, 1), (1, 0, 2, 1), (0, 1, 1, 2), (1, 1, 2, 2), (5, 5, 6, 6))
    neighbours = region_neighbours(grid)
    assert neighbours[0] == {1, 2, 3}  # the corner counts (Queen)
    assert neighbours[3] == {0, 1, 2}
    assert neighbours[4] == set()


def test_a_sliver_narrower_than_the_tolerance_is_bridged():
    near = squares((0, 0, 1, 1), (1 + 1 * KM, 0, 2, 1))
    far = squares((0, 0, 1, 1), (1 + 10 * KM, 0, 2, 1))
    assert region_neighbours(near) == {0: {1}, 1: {0}}
    assert region_neighbours(far) == {0: set(), 1: set()}
