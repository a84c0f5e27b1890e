"""Reach respects countries and hidden addresses: a radius never crosses the
international border, and an organization that hides its address reaches only the
states it is in or lists (issue 15, cases 1 and 12)."""

import uuid

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from cso_map.extensions import db
from cso_map.geo.locate import locate_points
from cso_map.models import Organization, Service
from cso_map.services.records.seeding import seed_demo
from cso_map.services.snapshot.build import directory_snapshot
from cso_map.services.snapshot.places import read_regions
from cso_map.services.snapshot.services import _radius_pairs
from tests.conftest import clear_directory


@pytest.fixture(scope="module")
def states(app):
    """The demo states (a module's worth of read-only geography)."""
    with app.app_context():
        clear_directory()
        regions, _states_of = read_regions()
    return regions


@settings(max_examples=60, deadline=None)
@given(
    lon=st.floats(-118.0, -97.0),
    lat=st.floats(25.0, 33.0),
    radius=st.floats(1.0, 400.0),
)
def test_no_radius_reaches_a_state_of_another_country(states, lon, lat, radius):
    home = locate_points([lon], [lat], list(states.geometry))[0]
    place = pd.DataFrame(
        {
            "service": [0],
            "lon": [lon],
            "lat": [lat],
            "state": [float(home) if home >= 0 else np.nan],
        }
    )
    services = pd.DataFrame({"radius_km": [radius]})
    _, reached = _radius_pairs(place, services, states, np.zeros(1, bool))
    codes = states["code"].to_numpy(str)
    if home < 0:
        assert len(reached) == 0  # a place in no known state has no country
    else:
        assert {code[:2] for code in codes[reached]} <= {codes[home][:2]}


def test_a_hidden_address_draws_no_radius(states):
    codes = states["code"].to_numpy(str)
    el_paso = pd.DataFrame(
        {
            "service": [0],
            "lon": [-106.485],
            "lat": [31.762],
            "state": [float(np.flatnonzero(codes == "US-TX")[0])],
        }
    )
    services = pd.DataFrame({"radius_km": [100.0]})
    _, open_reach = _radius_pairs(el_paso, services, states, np.array([False]))
    _, hidden_reach = _radius_pairs(el_paso, services, states, np.array([True]))
    assert set(codes[open_reach]) == {"US-TX", "US-NM"}  # not Chihuahua
    assert len(hidden_reach) == 0


@pytest.fixture(scope="module")
def demo(app):
    with app.app_context():
        clear_directory()
        seed_demo()
        yield directory_snapshot()
        clear_directory()


def reached_codes(snapshot, service_index: int) -> set[str]:
    codes = snapshot.regions["code"].to_numpy(str)
    return set(codes[snapshot.reach.region[snapshot.reach.service == service_index]])


def service_index(snapshot, organization: str, category: str) -> int:
    services = snapshot.services
    owner = snapshot.organizations["name"].to_numpy()[services["owner"].to_numpy(int)]
    found = np.flatnonzero((owner == organization) & (services["category"] == category))
    assert len(found) == 1, (organization, category)
    return int(found[0])


def test_a_reynosa_shelter_does_not_deliver_in_texas(app, demo):
    shelter = service_index(demo, "Albergue San Francisco de Asís", "shelter")
    assert reached_codes(demo, shelter) == {"MX-TAM"}


def test_on_the_demo_a_service_reaches_another_country_only_where_it_lists(app, demo):
    with app.app_context():
        listed = {
            service.id: {r.code for r in service.area_regions}
            for service in db.session.scalars(select(Service))
        }
    services = demo.services
    codes = demo.regions["code"].to_numpy(str)
    home = {}
    for point in demo.points.itertuples():
        if not np.isnan(point.state):
            home.setdefault(point.service, set()).add(codes[int(point.state)][:2])
    for service, region in zip(demo.reach.service, demo.reach.region, strict=True):
        code = codes[region]
        areas = listed[uuid.UUID(services["id"].iloc[service])]
        if code[:2] not in home.get(service, {code[:2]}):
            assert code in areas or code[:2] in areas, (
                services["name"].iloc[service],
                code,
            )


def test_a_hidden_address_reaches_only_its_own_state_or_what_it_lists(app, demo):
    with app.app_context():
        hidden = {
            organization.id: organization
            for organization in db.session.scalars(
                select(Organization).where(Organization.location_confidential)
            )
        }
        allowed = {
            org_id: {loc.region.code for loc in o.locations if loc.region}
            | {r.code for s in o.services for r in s.area_regions}
            for org_id, o in hidden.items()
        }
    assert hidden, "the demo has organizations that hide their address"
    codes = demo.regions["code"].to_numpy(str)
    owners = demo.services["owner"].to_numpy(int)
    ids = [uuid.UUID(value) for value in demo.organizations["id"]]
    for service, region in zip(demo.reach.service, demo.reach.region, strict=True):
        org_id = ids[owners[service]]
        if org_id in allowed:
            code = codes[region]
            assert code in allowed[org_id] or code[:2] in allowed[org_id], code


def test_a_hidden_address_publishes_no_radius(app, client, directory):
    with app.app_context():
        refugio = db.session.get(Organization, directory["delta"])
        for service in refugio.services:
            service.radius_km = 40.0
        db.session.commit()
        state = refugio.locations[0].region
    profile = client.get(f"/en/organizations/{directory['delta']}")
    assert profile.status_code == 200
    text = profile.get_data(as_text=True)
    assert "within 40 km" not in text
    assert state.name_en in text  # where it is offered: its state, nothing finer
    api = client.get(f"/api/v1/organizations/{directory['delta']}").get_json()
    assert {s["service_area"]["radius_km"] for s in api["services"]} == {None}
    hsds = client.get(f"/hsds/organizations/{directory['delta']}").get_json()
    services = client.get(
        f"/hsds/services?organization_id={directory['delta']}&full=true"
    ).get_json()["contents"]
    assert services, hsds
    for service in services:
        codes = {a["taxonomy_term"]["code"] for a in service["attributes"]}
        assert "radius_km" not in codes


@pytest.mark.parametrize(
    ("organization", "category"),
    [
        ("Comedor Migrante Belén", "language_classes"),  # Ciudad Juárez, 75 km
        ("Casa del Migrante Betania", "health"),  # Nuevo Laredo, 75 km
    ],
)
def test_capacity_at_the_border_stays_in_its_country(app, demo, organization, category):
    service = service_index(demo, organization, category)
    assert {code[:2] for code in reached_codes(demo, service)} == {"MX"}
