"""Point-in-polygon on hand-built squares with known answers (no app needed)."""

import numpy as np
import shapely

from cso_map.geo.locate import locate_points

LEFT = shapely.box(0, 0, 1, 1)
RIGHT = shapely.box(1, 0, 2, 1)


def test_points_inside_get_their_region():
    found = locate_points([0.5, 1.5], [0.5, 0.5], [LEFT, RIGHT])
    assert found.tolist() == [0, 1]


def test_a_point_on_a_shared_border_goes_to_the_first_region():
    assert locate_points([1.0], [0.5], [LEFT, RIGHT]).tolist() == [0]
    assert locate_points([1.0], [0.5], [RIGHT, LEFT]).tolist() == [0]


def test_a_point_just_outside_snaps_to_the_nearest_region_within_tolerance():
    found = locate_points([2.1, -0.3], [0.5, 0.5], [LEFT, RIGHT], snap_tolerance=0.2)
    assert found.tolist() == [1, -1]


def test_snapping_can_be_switched_off():
    assert locate_points([2.1], [0.5], [LEFT, RIGHT], snap_tolerance=0).tolist() == [-1]


def test_empty_inputs_give_empty_or_unlocated_results():
    assert locate_points([], [], [LEFT]).tolist() == []
    assert locate_points([0.5], [0.5], []).tolist() == [-1]


def test_many_points_in_a_multipolygon_region():
    islands = shapely.MultiPolygon([shapely.box(0, 0, 1, 1), shapely.box(5, 5, 6, 6)])
    lons = np.array([0.5, 5.5, 3.0])
    lats = np.array([0.5, 5.5, 3.0])
    assert locate_points(lons, lats, [islands], snap_tolerance=0).tolist() == [0, 0, -1]
