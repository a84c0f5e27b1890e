"""A state's brief: coverage ordered gaps first, partners for the gaps, its
dashboard, and a static map of it, its neighbours and its organizations."""

import re

from cso_map.services.analysis.dashboard import potential_dashboard
from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.services.analysis.region_brief import (
    GAPS_WITH_RUNNERS_UP,
    STATUS_ORDER,
    region_brief,
    state_svg_map,
)
from cso_map.taxonomy import SERVICE_CATEGORIES

POLICY = CoveragePolicy(underserved_below=1.0, include_stale=True)


def test_only_a_state_has_a_brief(app_context):
    assert region_brief("MX", POLICY) is None
    assert region_brief("XX-YY", POLICY) is None


def test_coverage_comes_gaps_first_and_partners_only_for_gaps(app_context, directory):
    brief = region_brief("MX-ZAC", POLICY)
    assert brief.code == "MX-ZAC"
    coverage = brief.coverage
    assert sorted(coverage["service"]) == sorted(SERVICE_CATEGORIES.codes())
    order = coverage["status"].map(STATUS_ORDER).tolist()
    assert order == sorted(order)
    wanted = coverage[coverage["status"].isin(["gap", "underserved"])]["service"]
    assert list(brief.partners) == wanted.tolist()  # every gap, each with partners
    for service in brief.partners:
        assert brief.status(service) in ("gap", "underserved")
    runners_up = brief.runners_up()
    assert len(runners_up) <= GAPS_WITH_RUNNERS_UP
    for service, partners in runners_up.items():
        assert partners == brief.partners[service][1:]
        assert partners
    listed = {p.organization_id for found in brief.partners.values() for p in found}
    assert set(brief.contacts) <= listed
    assert "order" not in coverage.columns
    assert brief.dashboard == potential_dashboard("MX-ZAC", POLICY)
    # Ñandú's cooperative is the one organization located in Zacatecas.
    assert brief.dashboard.organizations == 1
    assert len(brief.map.points) == 1


def test_the_map_frames_the_state_with_its_neighbours_and_points(
    app_context, directory
):
    drawing = state_svg_map("MX-ZAC")
    assert drawing.width == 600.0
    assert drawing.height > 0
    assert drawing.shape.startswith("M")
    assert drawing.shape.endswith("Z")
    assert len(drawing.neighbours) == 8  # AGU COA DUR GUA JAL NAY NLE SLP
    ((x, y),) = drawing.points  # Jerez, inside the frame
    assert 0 < x < drawing.width
    assert 0 < y < drawing.height
    numbers = [float(n) for n in re.findall(r"-?\d+\.\d", drawing.shape)]
    assert min(numbers) >= 0
    assert max(numbers) <= max(drawing.width, drawing.height)


def test_a_state_with_one_neighbour_and_no_organizations(app_context):
    drawing = state_svg_map("US-ME")
    assert len(drawing.neighbours) == 1  # New Hampshire
    assert drawing.points == []
