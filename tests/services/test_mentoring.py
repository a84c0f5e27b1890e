"""Mentoring suggestions on a constructed scenario whose right answer is argued here."""

import math

import pytest

from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.services.matching.mentoring import (
    NotOptedIn,
    ParticipantQuery,
    find_participants,
    mentoring_suggestions,
)
from tests.factories import insert, organization_record
from tests.services.test_finder_public_distances import km_to_edge, label_km

ZACATECAS = (22.77, -102.58)
HELPFUL = ["fundraising", "legal_expertise"]  # what the club's needs call for
SERVICES = [("origin_development", ["MX-ZAC"])]
POLICY = CoveragePolicy(underserved_below=1.0)


def small_club(**fields):
    return organization_record(
        "mentee",
        "Club Pequeño de Jerez",
        *ZACATECAS,
        SERVICES,
        seeking_mentor=True,
        support_needs=["funding", "legal_registration"],
        paid_staff=0,
        volunteers=4,
        budget_band="under_10k",
        **fields,
    )


def mentor(key, name, skills, open_to_mentor=True, people=30, place=ZACATECAS):
    return organization_record(
        key,
        name,
        *place,
        SERVICES,
        open_to_mentor=open_to_mentor,
        skills=skills,
        paid_staff=people,
        volunteers=10,
        budget_band="250k_1m",
    )


@pytest.fixture
def scenario(app, app_context):
    """One small club seeking a mentor, and four larger organizations around it."""
    insert(
        app,
        [
            small_club(),
            # has the skills the club asks for (fundraising, legal expertise)
            mentor(
                "right", "Fundación con Abogadas", ["fundraising", "legal_expertise"]
            ),
            # open to mentor, but none of the needed skills
            mentor("digital", "Red Digital", ["digital"]),
            # the best skills, but it has not opted in to mentoring
            mentor(
                "shy", "Fundación Reservada", ["fundraising", "legal_expertise"], False
            ),
            # the right skills, but far away in Chicago
            mentor(
                "far",
                "Federación Lejana",
                ["fundraising", "legal_expertise"],
                place=(41.85, -87.75),
            ),
        ],
    )


def club_id():
    return str(small_club()["id"])


def names(suggestions):
    return [suggestion.name for suggestion in suggestions]


def test_a_mentor_with_the_needed_skills_ranks_first_and_says_why(scenario):
    organization, suggestions = mentoring_suggestions(club_id(), "mentee", POLICY)
    assert organization.name == "Club Pequeño de Jerez"
    order = names(suggestions)
    assert order[0] == "Fundación con Abogadas"
    assert order.index("Fundación con Abogadas") < order.index("Red Digital")
    # the same skills far away rank below the same skills next door
    assert order.index("Fundación con Abogadas") < order.index("Federación Lejana")
    best = suggestions[0]
    assert best.components["skills"] == 1.0
    assert best.components["geography"] == 1.0
    assert {
        "code": "skills",
        "needs": ["funding", "legal_registration"],
        "skills": ["fundraising", "legal_expertise"],
    } in best.reasons
    assert {"code": "same_state", "region": "MX-ZAC"} in best.reasons


def test_an_organization_that_did_not_opt_in_is_never_suggested(scenario):
    _, suggestions = mentoring_suggestions(club_id(), "mentee", POLICY)
    assert "Fundación Reservada" not in names(suggestions)


def test_suggestions_go_both_ways(scenario):
    right = organization_record("right", "x", 0, 0, [])["id"]
    _, mentees = mentoring_suggestions(right, "mentor", POLICY)
    assert names(mentees) == ["Club Pequeño de Jerez"]


def test_an_organization_that_has_not_opted_in_gets_no_suggestions(scenario):
    shy = organization_record("shy", "x", 0, 0, [])["id"]
    with pytest.raises(NotOptedIn):
        mentoring_suggestions(shy, "mentor", POLICY)
    with pytest.raises(NotOptedIn):
        mentoring_suggestions(club_id(), "mentor", POLICY)
    with pytest.raises(KeyError):
        mentoring_suggestions("00000000-0000-0000-0000-000000000000", "mentee", POLICY)


def test_geography_is_the_distance_the_reason_gives(app, app_context):
    # Durango touches Zacatecas, but this mentor is about 500 km away: a state next
    # door scores its kilometres, not a floor, so reason and score agree.
    insert(
        app,
        [
            small_club(),
            mentor(
                "next_door",
                "Fundación de Gómez Palacio",
                ["fundraising", "legal_expertise"],
                place=(25.57, -103.50),
            ),
        ],
    )
    _, suggestions = mentoring_suggestions(club_id(), "mentee", POLICY)
    (found,) = suggestions
    distance = next(r for r in found.reasons if r["code"] == "distance")
    assert distance["km"] > 300
    assert found.components["geography"] == pytest.approx(
        math.exp(-distance["km"] / 300), abs=0.01
    )


def test_participants_are_browsed_by_filters_and_paged(scenario):
    everyone = find_participants(ParticipantQuery(), POLICY, per_page=2)
    # the club and the three mentors that opted in; the shy one did not
    assert everyone.total == 4
    assert everyone.pages == 2
    assert len(everyone.items) == 2
    in_zacatecas = find_participants(
        ParticipantQuery(area="MX-ZAC", role="mentor", skill="legal_expertise"), POLICY
    )
    assert [p.name for p in in_zacatecas.items] == ["Fundación con Abogadas"]
    club = find_participants(ParticipantQuery(need="funding", area="MX"), POLICY)
    assert [(p.name, p.region, p.needs) for p in club.items] == [
        ("Club Pequeño de Jerez", "MX-ZAC", ["funding", "legal_registration"])
    ]


def test_a_hidden_mentor_is_as_far_as_its_states_edge(app, app_context):
    # A mentor in Gómez Palacio that hides its address is known only as "in
    # Durango": the distance is from the club's point to Durango's edge (worked out
    # here by brute force over the stored boundary), not to Durango's label point.
    insert(
        app,
        [
            small_club(),
            mentor(
                "hidden",
                "Fundación Discreta de Durango",
                ["fundraising", "legal_expertise"],
                place=(25.57, -103.50),
            )
            | {"location_confidential": True},
        ],
    )
    _, suggestions = mentoring_suggestions(club_id(), "mentee", POLICY)
    (found,) = suggestions
    distance = next(r for r in found.reasons if r["code"] == "distance")
    lat, lon = ZACATECAS
    edge = km_to_edge("MX-DUR", lon, lat)
    assert distance["to_state"] == "MX-DUR"
    assert distance["km"] == pytest.approx(edge, abs=3)
    assert distance["km"] < label_km("MX-DUR", lon, lat) - 100
    assert found.components["geography"] == pytest.approx(
        math.exp(-edge / 300), abs=0.01
    )
