"""Snapshot tables of services: which are in, their masks and freshness, which
states they reach (listed area, location, radius) and their weekly hours."""

import datetime as dt

import numpy as np
import pytest

from cso_map.geo.coverage import Reach
from cso_map.services.snapshot.places import read_organizations, read_regions
from cso_map.services.snapshot.reach import read_reach
from cso_map.services.snapshot.services import read_schedules, read_services
from cso_map.taxonomy import SERVICE_CATEGORIES
from tests.factories import insert, organization_record

EAGLE_PASS = (28.71, -100.49)  # US-TX, 2.5 km from Coahuila, 106 km from Nuevo León
FRESNO = (36.74, -119.78)  # US-CA


def with_services(record, *changes):
    """Apply one dict of changes to each of the record's services, in order."""
    for service, change in zip(record["services"], changes, strict=True):
        service.update(change)
    return record


@pytest.fixture
def tables(app, empty_directory):
    alba = with_services(
        organization_record(
            "alba",
            "Alba Fronteriza",
            *EAGLE_PASS,
            [
                ("legal_advice", ["US-NV"]),
                ("health", ["MX"]),
                ("shelter", []),
                ("housing", []),
                ("employment", []),
            ],
            target_groups=["women", "families"],
            reviewed_days_ago=400,
        ),
        {"name": "Alba legal", "capacity_per_month": 80},
        {
            "name": "Alba health",
            "languages": ["hat"],
            "free_of_charge": False,
            "assured_days_ago": 400,
            "schedules": [],
        },
        {
            "name": "Alba shelter",
            "radius_km": 50,
            "languages": [],
            "women_only": True,
            "walk_in": True,
            "capacity_per_month": None,
            "assured_days_ago": None,
            "schedules": [[6, "08:30", "12:15"]],
        },
        {"name": "Alba housing", "status": "inactive"},
        {"name": "Alba jobs", "radius_km": 120, "location_ids": []},
    )
    bruno = organization_record(
        "bruno",
        "Bruno Pendiente",
        *FRESNO,
        [("legal_advice", ["US-CA"])],
        verification_status="pending",
    )
    cora = organization_record(
        "cora",
        "Cora Valle",
        *FRESNO,
        [("legal_advice", [])],
        verification_status="unverified",
        target_groups=[],
    )
    insert(app, [alba, bruno, cora])
    regions, states_of = read_regions()
    organizations, _ = read_organizations(regions, states_of)
    services = read_services(dt.date.today(), organizations)
    return regions, states_of, organizations, services


def by_name(services):
    return services.set_index("name")


def test_only_active_services_of_listed_organizations_are_read(app_context, tables):
    _, _, organizations, services = tables
    assert sorted(services["name"]) == [
        "Alba health",
        "Alba jobs",
        "Alba legal",
        "Alba shelter",
        "Cora Valle: legal_advice",
    ]
    owners = organizations["name"].to_numpy()[services["owner"].to_numpy()]
    assert {n.split()[0] for n in owners} == {"Alba", "Cora"}
    rows = by_name(services)
    assert rows.loc["Alba health", "category"] == "health"
    assert rows.loc["Alba legal", "capacity"] == 80.0
    assert np.isnan(rows.loc["Alba shelter", "capacity"])
    assert rows.loc["Alba shelter", "radius_km"] == 50.0
    assert np.isnan(rows.loc["Alba legal", "radius_km"])


def test_flags_and_language_masks(app_context, tables):
    rows = by_name(tables[3])
    # the factory's template service: free, no documents, spa + eng + mix
    assert rows.loc[
        "Alba legal", ["free", "no_documents", "women_only", "walk_in"]
    ].tolist() == [True, True, False, False]
    assert rows.loc["Alba shelter", ["women_only", "walk_in"]].tolist() == [True, True]
    assert not rows.loc["Alba health", "free"]
    assert rows.loc["Alba legal", "languages"] == 1 | 2 | 4
    assert rows.loc["Alba health", "languages"] == 1 << 16  # hat
    assert rows.loc["Alba shelter", "languages"] == 0


def test_a_service_is_stale_when_neither_it_nor_its_organization_was_checked(
    app_context, tables
):
    rows = by_name(tables[3])
    # Alba was reviewed 400 days ago: only its services assured recently are fresh.
    assert not rows.loc["Alba legal", "stale"]  # assured 30 days ago
    assert rows.loc["Alba health", "stale"]  # assured 400 days ago
    assert rows.loc["Alba shelter", "stale"]  # never assured
    assert not rows.loc["Cora Valle: legal_advice", "stale"]
    assert rows.loc["Alba legal", "verified"]
    assert not rows.loc["Cora Valle: legal_advice", "verified"]


def test_organizations_get_the_masks_of_their_services_and_groups(app_context, tables):
    _, _, organizations, services = tables
    alba, cora = organizations.iloc[0], organizations.iloc[1]
    codes = SERVICE_CATEGORIES.codes()
    expected = sum(
        1 << codes.index(c) for c in ("legal_advice", "health", "shelter", "employment")
    )
    assert alba["categories"] == expected  # not housing: it is inactive
    assert cora["categories"] == 1 << codes.index("legal_advice")
    assert alba["languages"] == 1 | 2 | 4 | 1 << 16
    assert alba["target_groups"] == 1 | 1 << 13  # women (0), families (13)
    assert cora["target_groups"] == 0
    rows = by_name(services)
    assert rows.loc["Alba shelter", "target_groups"] == 1 | 1 << 13


NO_TIES = Reach.union()


def test_reach_is_the_places_the_radius_and_the_listed_states_near(app_context, tables):
    regions, states_of, _, services = tables
    reach = read_reach(services, regions, states_of, NO_TIES).in_person
    codes = regions["code"].to_numpy(str)
    names = services["name"].to_numpy()
    reached = {}
    for service, region in zip(reach.service, reach.region, strict=True):
        reached.setdefault(names[service], set()).add(codes[region])
    mexico = {code for code in codes if code.startswith("MX-")}
    # Nevada is listed, but 1,000 km from its only place: not served in person.
    assert reached["Alba legal"] == {"US-TX"}
    # "MX" lists every Mexican state, but a state across the border is served
    # only when listed itself (Coahuila is 2.5 km away).
    assert reached["Alba health"] == {"US-TX"}
    assert mexico
    # 50 km from Eagle Pass would reach Coahuila, but a radius stays in its country.
    assert reached["Alba shelter"] == {"US-TX"}
    assert "Alba jobs" not in reached  # a radius needs a place to start from
    assert reached["Cora Valle: legal_advice"] == {"US-CA"}
    assert len(reach.service) == sum(len(states) for states in reached.values())


def test_points_are_the_services_places_with_their_state(app_context, tables):
    regions, states_of, _, services = tables
    points = read_reach(services, regions, states_of, NO_TIES).points
    assert list(points.columns) == [
        "service",
        "location",
        "lon",
        "lat",
        "approximate",
        "state",
    ]
    names = services["name"].to_numpy()[points["service"].to_numpy()]
    assert sorted(names) == [
        "Alba health",
        "Alba legal",
        "Alba shelter",
        "Cora Valle: legal_advice",
    ]
    alba = points[names == "Alba legal"].iloc[0]
    assert (alba["lat"], alba["lon"]) == EAGLE_PASS
    assert regions["code"].iat[int(alba["state"])] == "US-TX"


def test_hours_are_minutes_of_the_day_per_weekday(app_context, tables):
    services = tables[3]
    schedules = read_schedules(services)
    names = services["name"].to_numpy()
    rows = sorted(
        (names[s], d, o, c)
        for s, d, o, c in schedules[["service", "weekday", "opens", "closes"]]
        .to_numpy()
        .tolist()
    )
    shelter = [row for row in rows if row[0] == "Alba shelter"]
    assert shelter == [("Alba shelter", 6, 8 * 60 + 30, 12 * 60 + 15)]
    legal = [row[1:] for row in rows if row[0] == "Alba legal"]
    # the template: Monday to Friday 9:00-17:00, Saturday 10:00-13:00
    assert legal == [(d, 540, 1020) for d in range(5)] + [(5, 600, 780)]
    assert not [row for row in rows if row[0] == "Alba health"]
