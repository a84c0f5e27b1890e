"""Snapshot columns of capacity profiles (counts, bands, masks, parents, staleness)
and of ties abroad (origins)."""

import datetime as dt

import numpy as np
import pytest

from cso_map.services.snapshot.places import read_organizations, read_regions
from cso_map.services.snapshot.profiles import add_profiles, read_origins
from tests.factories import insert, organization_record

FRESNO = (36.74, -119.78)


def record(key, name, **fields):
    return organization_record(key, name, *FRESNO, [("legal_advice", [])], **fields)


@pytest.fixture
def profiles(app, empty_directory):
    ana = record(
        "ana",
        "Ana Federación",
        type="federation",
        paid_staff=3,
        volunteers=None,
        budget_band="10k_50k",
        engagement_level="empower",
        skills=["fundraising", "digital"],
        support_needs=[],
        open_to_mentor=True,
        seeking_mentor=False,
        women_led=True,
        reviewed_days_ago=365,
        origins=[
            {"country": "MX", "region": "MX-OAX", "community": "Tlacolula"},
            {"country": "GT", "region": None, "community": None},
        ],
    )
    dora = record("dora", "Dora Pendiente", verification_status="pending")
    records = [
        ana,
        record(
            "beto",
            "Beto Club",
            parent_id=ana["id"],
            paid_staff=None,
            volunteers=7,
            budget_band=None,
            engagement_level="none",
            skills=[],
            support_needs=["funding", "networking"],
            open_to_mentor=False,
            seeking_mentor=True,
            reviewed_days_ago=366,
            origins=[{"country": "MX", "region": "MX-ZAC", "community": None}],
        ),
        record(
            "ciro", "Ciro Sin Revisar", parent_id=dora["id"], reviewed_days_ago=None
        ),
        dora,
    ]
    insert(app, records)
    regions, states_of = read_regions()
    organizations, _ = read_organizations(regions, states_of)
    return regions, states_of, organizations


def test_counts_bands_and_flags_of_each_profile(app_context, profiles):
    _, _, organizations = profiles
    add_profiles(organizations, dt.date.today())
    assert organizations["name"].tolist() == [
        "Ana Federación",
        "Beto Club",
        "Ciro Sin Revisar",
    ]
    paid = organizations["paid_staff"].to_numpy()
    volunteers = organizations["volunteers"].to_numpy()
    # Ciro keeps the factory template's 12 paid staff and 5 volunteers.
    np.testing.assert_array_equal(paid, [3.0, np.nan, 12.0])
    np.testing.assert_array_equal(volunteers, [np.nan, 7.0, 5.0])
    assert organizations["people"].tolist() == [3.0, 7.0, 17.0]
    # budget: none, under_10k, 10k_50k (2) ...; engagement: none (0) ... empower (5)
    assert organizations["budget"].tolist()[:2] == [2, -1]
    assert organizations["engagement"].tolist()[:2] == [5, 0]
    assert organizations["open_to_mentor"].tolist()[:2] == [True, False]
    assert organizations["seeking_mentor"].tolist()[:2] == [False, True]
    assert organizations["women_led"].tolist()[:2] == [True, False]


def test_skills_and_needs_are_bit_masks(app_context, profiles):
    _, _, organizations = profiles
    add_profiles(organizations, dt.date.today())
    # skills: project_design (bit 0), fundraising (1), ..., digital (6)
    assert organizations["skills"].tolist() == [2 | 64, 0, 0]
    # needs: funding (bit 0), ..., networking (7)
    assert organizations["needs"].tolist() == [0, 1 | 128, 0]


def test_staleness_starts_after_365_days_and_without_a_review(app_context, profiles):
    _, _, organizations = profiles
    add_profiles(organizations, dt.date.today())
    assert organizations["stale"].tolist() == [False, True, True]
    add_profiles(organizations, dt.date.today() + dt.timedelta(days=1))
    assert organizations["stale"].tolist() == [True, True, True]


def test_parents_are_positions_and_an_unlisted_parent_is_none(app_context, profiles):
    _, _, organizations = profiles
    add_profiles(organizations, dt.date.today())
    assert organizations["parent"].tolist() == [-1, 0, -1]


def test_origins_pair_organizations_with_states_and_skip_bare_countries(
    app_context, profiles
):
    regions, states_of, organizations = profiles
    origins = read_origins(organizations, states_of)
    codes = regions["code"].to_numpy(str)
    pairs = sorted(
        zip(origins.service.tolist(), codes[origins.region].tolist(), strict=True)
    )
    assert pairs == [(0, "MX-OAX"), (1, "MX-ZAC")]


def test_an_origin_in_a_whole_country_is_not_one_arbitrary_state(app, app_context):
    insert(
        app,
        [
            record(
                "pais",
                "Origen País",
                origins=[{"country": "MX", "region": "MX", "community": None}],
            )
        ],
    )
    regions, states_of = read_regions()
    organizations, _ = read_organizations(regions, states_of)
    origins = read_origins(organizations, states_of)
    # A tie to the whole country is no tie to one of its states in particular.
    assert regions["code"].to_numpy(str)[origins.region].tolist() == []
