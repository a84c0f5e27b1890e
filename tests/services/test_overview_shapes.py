"""States' outlines for a whole-country map: lighter, and still one tiling."""

import itertools

import geopandas as gpd
import pytest
import shapely

from cso_map.services.analysis.overview_shapes import overview_shapes


def test_overview_shapes_are_lighter_and_still_tile_the_same_area():
    squares = [shapely.box(x, 0, x + 1, 1).segmentize(0.001) for x in range(3)]
    wiggly = gpd.GeoSeries([shapely.set_precision(s, 1e-4) for s in squares])
    coarse = overview_shapes(wiggly)
    assert coarse.index.equals(wiggly.index)
    assert shapely.get_num_coordinates(coarse.values).sum() < (
        shapely.get_num_coordinates(wiggly.values).sum() / 10
    )
    assert coarse.union_all().area == pytest.approx(3, rel=1e-3)
    assert all(a.touches(b) for a, b in itertools.pairwise(coarse))
