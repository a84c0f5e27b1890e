"""Distances to hidden addresses are what is known: 0 in their state, else to its edge.

The expected distances are worked out here, independently of the finder: the
great-circle distance from the person's point to the nearest point of the stored
(simplified) boundary of the state, densified every 0.005 degrees.
"""

import numpy as np
import pytest
import shapely

from cso_map.extensions import db
from cso_map.geo.boundaries import from_geojson
from cso_map.geo.projection import haversine_km
from cso_map.models import Location, Organization, Region
from cso_map.services.finder.help_places import resolve_place, state_where
from cso_map.services.finder.nearest import NearestQuery, nearest_services
from cso_map.services.finder.query import HelpSearch
from cso_map.services.finder.search import find_results
from cso_map.services.snapshot.data_version import bump_data_version
from tests.factories import insert, organization_record

BAKERSFIELD = (35.37, -119.02)
LOS_ANGELES = (34.05, -118.25)
RENO = (39.53, -119.81)
LAS_VEGAS = (36.17, -115.14)


def shelter(key, name, point, areas, **fields):
    """Return a reachable shelter at `point` serving `areas`."""
    return organization_record(key, name, *point, [("shelter", areas)], **fields)


def stored_boundary(code):
    """Return state `code`'s stored simplified boundary."""
    text = db.session.scalar(db.select(Region.geometry_simplified).filter_by(code=code))
    return from_geojson(text)


def km_to_edge(code, lon, lat):
    """Return great-circle km from (lon, lat) to the nearest point of the state's
    edge, by brute force over its densified boundary."""
    edge = shapely.segmentize(stored_boundary(code).boundary, 0.005)
    xy = shapely.get_coordinates(edge)
    return float(haversine_km(lon, lat, xy[:, 0], xy[:, 1]).min())


def label_km(code, lon, lat):
    """Return great-circle km from (lon, lat) to the state's label point."""
    region = db.session.scalar(db.select(Region).filter_by(code=code))
    return float(haversine_km(lon, lat, region.label_lon, region.label_lat))


def by_name(results):
    return {result.organization.name: result for result in results}


@pytest.fixture
def around_fresno(app, app_context):
    insert(
        app,
        [
            shelter("bak", "Albergue Bakersfield", BAKERSFIELD, ["US-CA"]),
            shelter("la", "Albergue Los Ángeles", LOS_ANGELES, ["US-CA"]),
            shelter(
                "reno", "Refugio Reno", RENO, ["US-NV"], location_confidential=True
            ),
            shelter(
                "vegas",
                "Refugio Vegas",
                LAS_VEGAS,
                ["US-NV"],
                location_confidential=True,
            ),
            shelter(
                "lax",
                "Refugio Angelino",
                LOS_ANGELES,
                ["US-CA"],
                location_confidential=True,
            ),
        ],
    )
    return resolve_place("Fresno", "en").where


def test_a_hidden_address_in_another_state_is_as_far_as_that_states_edge(around_fresno):
    fresno = around_fresno
    results = find_results(HelpSearch("shelter", fresno))
    nevada_edge = km_to_edge("US-NV", fresno.lon, fresno.lat)
    assert nevada_edge == pytest.approx(174.5, abs=1)  # worked out by hand once
    found = by_name(results)
    for name in ("Refugio Reno", "Refugio Vegas"):
        assert found[name].distance_km == pytest.approx(nevada_edge, rel=0.01)
    # Not the label point (337 km): false precision; not the real points either.
    assert label_km("US-NV", fresno.lon, fresno.lat) > 300
    assert found["Refugio Reno"].distance_km == found["Refugio Vegas"].distance_km
    bakersfield = found["Albergue Bakersfield"].distance_km
    los_angeles = found["Albergue Los Ángeles"].distance_km
    assert bakersfield < nevada_edge < los_angeles
    assert [r.organization.name for r in results] == [
        "Refugio Angelino",  # hidden, in the person's own state: 0 km
        "Albergue Bakersfield",
        "Refugio Reno",
        "Refugio Vegas",
        "Albergue Los Ángeles",
    ]


def test_a_hidden_address_in_the_persons_state_is_0_km_away(around_fresno):
    results = by_name(find_results(HelpSearch("shelter", around_fresno)))
    angelino = results["Refugio Angelino"]
    assert angelino.distance_km == 0
    assert angelino.location is None
    assert angelino.region.code == "US-CA"


def test_the_radius_keeps_a_hidden_address_whose_state_is_near_enough(around_fresno):
    search = HelpSearch("shelter", around_fresno, radius_km=200)
    assert sorted(r.organization.name for r in find_results(search)) == [
        "Albergue Bakersfield",
        "Refugio Angelino",
        "Refugio Reno",
        "Refugio Vegas",
    ]
    near = HelpSearch("shelter", around_fresno, radius_km=170)
    assert "Refugio Reno" not in by_name(find_results(near))


def test_where_a_hidden_address_really_is_changes_nothing_public(around_fresno):
    search = HelpSearch("shelter", around_fresno)
    before = [(r.organization.name, r.distance_km) for r in find_results(search)]
    reno, vegas = (  # the two Nevada shelters swap their real places
        db.session.scalars(
            db.select(Location).join(Organization).filter_by(name=name)
        ).one()
        for name in ("Refugio Reno", "Refugio Vegas")
    )
    (reno.latitude, reno.longitude), (vegas.latitude, vegas.longitude) = (
        (vegas.latitude, vegas.longitude),
        (reno.latitude, reno.longitude),
    )
    bump_data_version()
    db.session.commit()
    after = [(r.organization.name, r.distance_km) for r in find_results(search)]
    assert after == before


def test_from_a_whole_state_distances_start_at_its_edge(app, around_fresno):
    insert(
        app,
        [
            shelter("renopub", "Albergue Reno", RENO, ["US-NV"]),
            shelter("fresno", "Albergue Fresno", (36.74, -119.78), ["US-CA", "US-NV"]),
        ],
    )
    nevada = state_where("US-NV", "en")
    results = find_results(HelpSearch("shelter", nevada))
    found = by_name(results)
    assert found["Albergue Reno"].distance_km == 0  # in the state: no false "0 m"
    assert found["Refugio Reno"].distance_km == 0
    assert found["Refugio Vegas"].distance_km == 0
    assert found["Albergue Fresno"].distance_km == pytest.approx(
        km_to_edge("US-NV", -119.78, 36.74), rel=0.01
    )
    assert [r.organization.name for r in results][-1] == "Albergue Fresno"
    assert "Albergue Bakersfield" not in found  # it does not serve Nevada


def test_distances_agree_with_the_independent_reckoning_along_the_border(
    app, app_context
):
    """From Tijuana, a hidden address in California is as far as the border."""
    insert(
        app,
        [
            shelter(
                "sd",
                "Refugio San Diego",
                (32.72, -117.16),
                ["US-CA"],
                location_confidential=True,
            )
        ],
    )
    tijuana = resolve_place("Tijuana", "en").where
    (result,) = find_results(HelpSearch("shelter", tijuana))
    expected = km_to_edge("US-CA", tijuana.lon, tijuana.lat)
    assert expected < 5  # Tijuana is on the border
    assert result.distance_km == pytest.approx(expected, abs=0.2)
    assert result.abroad == "US"
    assert np.isfinite(result.distance_km)


def test_the_api_gives_a_hidden_address_the_same_known_distance(around_fresno):
    fresno = around_fresno
    items = nearest_services(NearestQuery(fresno.lat, fresno.lon, "shelter", limit=10))
    found = {item["organization"]["name"]: item for item in items}
    assert found["Refugio Reno"]["distance_km"] == pytest.approx(
        km_to_edge("US-NV", fresno.lon, fresno.lat), rel=0.01
    )
    assert found["Refugio Angelino"]["distance_km"] == 0
    assert found["Refugio Reno"]["location"]["approximate"] is True


def test_skipping_states_too_far_to_matter_keeps_the_nearest(around_fresno):
    """States are measured only when they can be among the nearest: the first n
    of a short list are the first n of a long one."""
    fresno = around_fresno

    def nearest_names(limit):
        query = NearestQuery(fresno.lat, fresno.lon, "shelter", limit=limit)
        return [item["organization"]["name"] for item in nearest_services(query)]

    everything = nearest_names(20)
    assert len(everything) == 5
    for limit in range(1, 5):
        assert nearest_names(limit) == everything[:limit]
