"""Reach respects countries and hidden addresses: a radius never crosses the
international border, and an organization that hides its address reaches only the
states it is in or lists (issue 15, cases 1 and 12)."""

import json
import uuid

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from cso_map.config import PROJECT_ROOT
from cso_map.extensions import db
from cso_map.geo.coverage import split_shares
from cso_map.geo.locate import locate_points
from cso_map.models import Organization, Service
from cso_map.services.records.seeding import seed_demo
from cso_map.services.snapshot.build import directory_snapshot
from cso_map.services.snapshot.places import read_regions
from cso_map.services.snapshot.reach import _near_listed_pairs, _radius_pairs
from tests.conftest import clear_directory


@pytest.fixture(scope="module")
def states(app):
    """The demo states (a module's worth of read-only geography)."""
    with app.app_context():
        clear_directory()
        regions, _states_of = read_regions()
    return regions


def located_place(states, lon: float, lat: float) -> tuple[int, pd.DataFrame]:
    """Return the state a point is in (-1: none) and a one-place points table."""
    home = locate_points([lon], [lat], list(states.geometry))[0]
    place = pd.DataFrame(
        {
            "service": [0],
            "lon": [lon],
            "lat": [lat],
            "state": [float(home) if home >= 0 else np.nan],
        }
    )
    return home, place


@settings(max_examples=60, deadline=None)
@given(
    lon=st.floats(-118.0, -97.0),
    lat=st.floats(25.0, 33.0),
    radius=st.floats(1.0, 400.0),
)
def test_no_radius_reaches_a_state_of_another_country(states, lon, lat, radius):
    home, place = located_place(states, lon, lat)
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


def demo_services_at(
    towns: set[str], category: str | None = None
) -> list[tuple[dict, dict]]:
    """Return (organization, service) of the demo's services offered in `towns`."""
    path = PROJECT_ROOT / "seed_data" / "organizations.json"
    found = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        cities = {loc["id"]: loc.get("city") for loc in record["locations"]}
        for service in record["services"]:
            offered = {cities.get(i) for i in service["location_ids"]}
            if offered & towns and category in (None, service["category"]):
                found.append((record, service))
    return found


def test_a_reynosa_shelter_does_not_deliver_in_texas(app, demo):
    shelters = demo_services_at({"Reynosa"}, "shelter")
    assert shelters
    for record, _service in shelters:
        reached = reached_codes(demo, service_index(demo, record["name"], "shelter"))
        assert "MX-TAM" in reached
        assert {code[:2] for code in reached} == {"MX"}, record["name"]


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
    abroad = 0
    for service, region in zip(demo.reach.service, demo.reach.region, strict=True):
        code = codes[region]
        areas = listed[uuid.UUID(services["id"].iloc[service])]
        if services["category"].iloc[service] == "origin_development":
            continue  # delivered in the origin states (tested in test_coverage)
        if code[:2] not in home.get(service, {code[:2]}):
            abroad += 1  # binational: the state itself is listed, not its country
            assert code in areas, (services["name"].iloc[service], code)
    assert abroad > 0  # the demo has binational services


def test_on_the_demo_every_service_credits_exactly_its_capacity(demo):
    """Shared by need among the states it serves in person, a service's credited
    capacity adds up to what it reports, whatever the question's demand."""
    capacity = demo.services["capacity"].to_numpy(float)
    for demand in ("migrant_population", "migrant_women", "emigrant_population"):
        shares = split_shares(
            demo.reach, demo.regions[demand].to_numpy(float), len(capacity)
        )
        total = np.bincount(demo.reach.service, shares, minlength=len(capacity))
        reaching = np.bincount(demo.reach.service, minlength=len(capacity)) > 0
        assert np.allclose(total[reaching], 1.0)
        credited = np.nansum(capacity[demo.reach.service] * shares)
        assert credited == pytest.approx(np.nansum(capacity[reaching]))


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


def test_capacity_at_the_border_stays_in_its_country(app, demo):
    border = {"Tijuana", "Mexicali", "Ciudad Juárez", "Nuevo Laredo", "Reynosa"}
    with_radius = [
        (record["name"], service["category"])
        for record, service in demo_services_at(border)
        if service["radius_km"] and all(c[:2] == "MX" for c in service["area_regions"])
    ]
    assert len(with_radius) >= 3  # a radius of 25 to 150 km from a border town
    for organization, category in with_radius:
        service = service_index(demo, organization, category)
        assert {code[:2] for code in reached_codes(demo, service)} == {"MX"}


@settings(max_examples=60, deadline=None)
@given(
    lon=st.floats(-118.0, -97.0),
    lat=st.floats(25.0, 33.0),
    radius=st.floats(1.0, 400.0),
    listed=st.lists(st.integers(0, 79), max_size=6),
    own=st.lists(st.booleans(), min_size=6, max_size=6),
    hidden=st.booleans(),
)
def test_no_service_reaches_a_state_of_another_country_it_does_not_list(
    states, lon, lat, radius, listed, own, hidden
):
    """In person, a service reaches a state of another country only when it lists
    that state itself: not by radius, not by nearness, not by a listed country."""
    home, place = located_place(states, lon, lat)
    areas = pd.DataFrame(
        {
            "service": 0,
            "state": listed,
            "own": own[: len(listed)],  # False: listed through its country
        }
    ).drop_duplicates(["service", "state"])
    private = np.array([hidden])
    services = pd.DataFrame({"radius_km": [radius]})
    _, by_radius = _radius_pairs(place, services, states, private)
    _, by_listing = _near_listed_pairs(areas, place, states, private)
    codes = states["code"].to_numpy(str)
    named = set(areas.loc[areas["own"], "state"])
    for state in {*by_radius, *by_listing}:
        assert home >= 0 or state in named
        if home >= 0 and codes[state][:2] != codes[home][:2]:
            assert state in named, codes[state]
    if hidden:
        assert len(by_radius) == 0
