"""The CSO potential dashboard: organizations located in a state (or all), the
services reaching it, and bars in vocabulary order with "not stated" last."""

import pytest

from cso_map.services.analysis.dashboard import NOT_STATED, Count, potential_dashboard
from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.taxonomy import CSO_TYPES
from tests.factories import insert, organization_record

POLICY = CoveragePolicy(underserved_below=1.0, include_stale=True)  # every listing
STRICT = CoveragePolicy(underserved_below=1.0)  # verified and current ones
JEREZ = (22.77, -102.58)  # MX-ZAC
CHICAGO = (41.85, -87.75)  # US-IL


@pytest.fixture
def zacatecas(app, empty_directory):
    insert(
        app,
        [
            organization_record(
                "ana",
                "Ana",
                *JEREZ,
                [("legal_advice", []), ("health", ["MX-ZAC"])],
                type="ngo",
                paid_staff=0,
                volunteers=2,
                budget_band="none",
                engagement_level="inform",
                women_led=True,
                target_groups=["women"],
            ),
            organization_record(
                "beto",
                "Beto",
                *JEREZ,
                [("womens_services", [])],
                type="hometown_club",
                paid_staff=12,
                volunteers=None,
                budget_band=None,
                engagement_level="empower",
                women_led=False,
                target_groups=[],
                verification_status="unverified",
                reviewed_days_ago=400,
            ),
            organization_record(
                "ciro",
                "Ciro",
                *CHICAGO,
                [("origin_development", [])],
                origins=[{"country": "MX", "region": "MX-ZAC", "community": "Jerez"}],
                type="federation",
                paid_staff=60,
                volunteers=50,
                target_groups=[],
            ),
        ],
    )


def counts(bars):
    """Return the bars with a count, as {code: count}."""
    return {bar.code: bar.count for bar in bars if bar.count}


def test_a_states_dashboard(app_context, zacatecas):
    board = potential_dashboard("MX-ZAC", POLICY)
    assert board.region == "MX-ZAC"
    assert board.organizations == 2  # Ciro reaches Zacatecas but is in Chicago
    assert board.services == 4  # Ana's two, Beto's one, Ciro's origin work
    assert counts(board.by_type) == {"ngo": 1, "hometown_club": 1}
    assert [bar.code for bar in board.by_type] == CSO_TYPES.codes()
    assert board.paid_staff == [
        Count("0", 1),
        Count("1-2", 0),
        Count("3-9", 0),
        Count("10-49", 1),
        Count("50+", 0),
        Count(NOT_STATED, 0),
    ]
    assert counts(board.volunteers) == {"1-2": 1, NOT_STATED: 1}
    assert counts(board.budget) == {"none": 1, NOT_STATED: 1}
    assert board.budget[-1].code == NOT_STATED
    assert counts(board.engagement) == {"inform": 1, "empower": 1}
    assert counts(board.services_by_category) == {
        "health": 1,
        "legal_advice": 1,
        "womens_services": 1,
        "origin_development": 1,
    }
    assert board.women_led == 1
    assert board.women_focused == 2  # Ana serves women; Beto offers women's services
    assert (board.stale, board.unverified) == (1, 1)


def test_the_whole_directorys_dashboard(app_context, zacatecas):
    board = potential_dashboard(None, POLICY)
    assert (board.region, board.organizations, board.services) == (None, 3, 4)
    assert counts(board.paid_staff) == {"0": 1, "10-49": 1, "50+": 1}
    assert counts(board.volunteers) == {"1-2": 1, "50+": 1, NOT_STATED: 1}
    # Ciro keeps the factory template's budget and engagement (Centro Legal del Valle)
    assert counts(board.budget) == {"none": 1, "250k_1m": 1, NOT_STATED: 1}


def test_a_state_with_no_organizations_still_counts_services_reaching_it(
    app_context, zacatecas
):
    board = potential_dashboard("US-NV", POLICY)
    assert (board.organizations, board.services) == (0, 0)
    assert all(bar.count == 0 for bar in board.by_type)
    assert board.paid_staff[-1] == Count(NOT_STATED, 0)
    illinois = potential_dashboard("US-IL", POLICY)
    # Ciro sits in Chicago, but its development projects are in Zacatecas.
    assert (illinois.organizations, illinois.services) == (1, 0)


def test_an_unknown_state_is_refused(app_context):
    with pytest.raises(ValueError, match="unknown state MX"):
        potential_dashboard("MX", POLICY)


def test_the_dashboard_counts_what_the_gap_maps_count(app_context, zacatecas):
    # Beto is unverified and not reviewed for 400 days: like the gap maps, the
    # strict count leaves him and his service out, and says how many it left out.
    strict = potential_dashboard("MX-ZAC", STRICT)
    assert (strict.organizations, strict.services, strict.left_out) == (1, 3, 1)
    assert (strict.stale, strict.unverified) == (1, 1)  # what is there, all the same
    assert potential_dashboard("MX-ZAC", POLICY).left_out == 0
