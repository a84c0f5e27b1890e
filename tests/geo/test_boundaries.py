"""Boundary reading, repair and coverage simplification."""

import gzip
import json

import geopandas as gpd
import pytest
import shapely
import shapely.geometry

from cso_map.geo.boundaries import (
    as_coverage,
    from_geojson,
    label_point,
    read_boundary_file,
    read_demo_boundaries,
    repair,
    simplify_coverage,
    to_geojson,
)


def jagged_neighbours() -> gpd.GeoSeries:
    """Two polygons sharing a zig-zag edge of 21 vertices."""
    edge = [(1 + (0.02 if i % 2 else 0), i / 20) for i in range(21)]
    left = shapely.Polygon([(0, 0), *edge, (0, 1)])
    right = shapely.Polygon([(2, 0), (2, 1), *reversed(edge)])
    return gpd.GeoSeries([left, right], crs="EPSG:4326")


def test_coverage_simplification_keeps_neighbours_sharing_their_edge():
    simplified = simplify_coverage(jagged_neighbours(), tolerance=0.05, grid_size=1e-6)
    left, right = simplified
    assert left.intersection(right).area == pytest.approx(0, abs=1e-12)
    assert left.union(right).area == pytest.approx(2.0, abs=1e-9)
    assert shapely.get_num_coordinates(left) < 20


def test_repair_turns_a_bow_tie_into_a_valid_polygon():
    bow_tie = shapely.Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])
    fixed = repair(gpd.GeoSeries([bow_tie]))[0]
    assert fixed.is_valid
    assert fixed.geom_type in ("Polygon", "MultiPolygon")
    assert fixed.area == pytest.approx(0.5)


def test_label_point_lies_inside_even_for_a_crescent():
    crescent = shapely.box(0, 0, 3, 3).difference(shapely.box(1, 1, 3, 2))
    lat, lon = label_point(crescent)
    assert crescent.contains(shapely.Point(lon, lat))


def test_geojson_round_trip_is_lon_lat():
    point = from_geojson(to_geojson(shapely.Point(-102.5, 22.7)))
    assert point.equals(shapely.Point(-102.5, 22.7))
    assert to_geojson(shapely.Point(-102.5, 22.7)).startswith(
        '{"type":"Point","coordinates":[-102.5'
    )


@pytest.mark.parametrize(("source", "count"), [("mexico", 32), ("us48", 48)])
def test_the_demo_boundaries_ship_with_libpysal_and_are_valid(source, count):
    frame = read_demo_boundaries(source)
    assert len(frame) == count
    assert frame.crs.to_epsg() == 4326
    assert frame.geometry.is_valid.all()
    minx, miny, maxx, maxy = frame.total_bounds
    assert -125 < minx < maxx < -66
    assert 14 < miny < maxy < 50


def test_as_coverage_gives_an_overlap_to_the_first_and_shares_the_edge():
    left, right = shapely.box(0, 0, 1.1, 1), shapely.box(1, 0, 2, 1)
    first, second = as_coverage([left, right])
    assert first.equals(left)
    assert second.equals(shapely.box(1.1, 0, 2, 1))
    assert shapely.coverage_is_valid([first, second])


def test_a_gzipped_boundary_file_reads_as_codes_and_wgs84_geometry(tmp_path):
    feature = {
        "type": "Feature",
        "properties": {"code": "US-NV"},
        "geometry": shapely.geometry.mapping(shapely.box(-120, 35, -114, 42)),
    }
    path = tmp_path / "boundaries.geojson.gz"
    collection = {"type": "FeatureCollection", "features": [feature]}
    path.write_bytes(gzip.compress(json.dumps(collection).encode()))
    frame = read_boundary_file(path)
    assert frame.code.tolist() == ["US-NV"]
    assert frame.crs.to_epsg() == 4326
    assert frame.geometry[0].equals(shapely.box(-120, 35, -114, 42))
