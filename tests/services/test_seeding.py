"""Seeding the demo: idempotent, every location placed, deliberate gaps kept true."""

import pyproj
import pytest
import shapely
from sqlalchemy import func, select

from cso_map.demo.profiles import DELIBERATE_GAPS
from cso_map.extensions import db
from cso_map.geo.boundaries import from_geojson
from cso_map.models import (
    Location,
    Organization,
    Region,
    RegionIndicator,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from cso_map.services.directory.regions import (
    get_region,
    region_scope,
    services_reaching,
)
from cso_map.services.records.seeding import seed_demo
from cso_map.taxonomy import SERVICE_CATEGORIES, VOCABULARIES
from tests.conftest import clear_directory

COUNTED = (
    Organization,
    Service,
    Location,
    ServiceAtLocation,
    Region,
    RegionIndicator,
    TaxonomyTerm,
)


def counts() -> dict[str, int]:
    return {
        model.__name__: db.session.scalar(select(func.count()).select_from(model))
        for model in COUNTED
    }


def test_seeding_twice_gives_the_same_counts(app_context):
    first = seed_demo()
    after_first = counts()
    second = seed_demo()
    assert counts() == after_first
    assert first.organizations >= 400
    assert second.organizations == 0
    assert second.regions == 0
    assert after_first["Region"] == 82
    assert after_first["TaxonomyTerm"] == sum(
        len(v.terms) for v in VOCABULARIES.values()
    )


def test_if_empty_skips_a_database_that_has_organizations(app_context):
    seed_demo()
    assert seed_demo(if_empty=True) is None


@pytest.fixture(scope="module")
def demo(app):
    """Load the demo once for the read-only tests of this module."""
    with app.app_context():
        clear_directory()
        seed_demo()
        yield
        clear_directory()


def test_every_demo_location_is_placed_in_the_state_that_contains_it(demo):
    rows = db.session.execute(
        select(Location.longitude, Location.latitude, Region.geometry).join(
            Region, Region.id == Location.region_id
        )
    ).all()
    unplaced = db.session.scalar(
        select(func.count())
        .select_from(Location)
        .where(Location.latitude.is_not(None), Location.region_id.is_(None))
    )
    assert unplaced == 0
    outside = [
        (lon, lat)
        for lon, lat, geometry in rows
        if from_geojson(geometry).distance(shapely.Point(lon, lat)) > 0.25
    ]
    assert len(rows) > 400
    assert outside == []
    assert (
        db.session.scalar(
            select(func.count()).select_from(Organization).where(~Organization.is_demo)
        )
        == 0
    )


def kilometres_between(region_geometry, lon: float, lat: float) -> float:
    """Return the km from a point to a polygon, in a projection centred on the point."""
    local = pyproj.Transformer.from_crs(
        "EPSG:4326", f"+proj=aeqd +lat_0={lat} +lon_0={lon} +units=km", always_xy=True
    )
    projected = shapely.transform(region_geometry, local.transform, interleaved=False)
    return projected.distance(shapely.Point(0, 0))


@pytest.mark.parametrize(("region_code", "category"), DELIBERATE_GAPS)
def test_deliberate_gaps_have_demand_and_no_provider(demo, region_code, category):
    region = get_region(region_code)
    assert region.latest_indicator.migrant_population > 0
    reaching = db.session.scalar(
        select(func.count(Service.id))
        .where(Service.category_id == SERVICE_CATEGORIES.term_id(category))
        .where(Service.id.in_(services_reaching(region_scope(region))))
    )
    assert reaching == 0
    boundary = from_geojson(region.geometry)
    radii = db.session.execute(
        select(Service.radius_km, Location.longitude, Location.latitude)
        .join(ServiceAtLocation, ServiceAtLocation.service_id == Service.id)
        .join(Location, Location.id == ServiceAtLocation.location_id)
        .where(Service.category_id == SERVICE_CATEGORIES.term_id(category))
        .where(Service.radius_km.is_not(None), Location.latitude.is_not(None))
    ).all()
    too_close = [
        row for row in radii if kilometres_between(boundary, row[1], row[2]) <= row[0]
    ]
    assert too_close == []


def test_the_cli_loads_the_demo_and_reports_what_it_wrote(runner):
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0
    assert "new organizations: 480" in result.output
    again = runner.invoke(args=["seed-demo", "--if-empty"])
    assert "already has organizations" in again.output


def test_the_cli_writes_the_taxonomy(runner):
    result = runner.invoke(args=["sync-taxonomy"])
    assert result.exit_code == 0
    terms = sum(len(vocabulary.terms) for vocabulary in VOCABULARIES.values())
    assert f"Taxonomy terms written: {terms}." in result.output
