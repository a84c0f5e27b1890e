"""Results say how far to trust them, whether one can reach them, and their country."""

import datetime as dt
from dataclasses import replace

import pytest

from cso_map.services.finder.help_places import resolve_place
from cso_map.services.finder.nearest import nearest_hits
from cso_map.services.finder.query import HelpSearch
from cso_map.services.finder.search import find_results
from cso_map.services.snapshot.build import directory_snapshot
from tests.factories import insert, organization_record

TIJUANA_CENTRE = (32.52, -117.03)  # about 2 km from the town's point
SAN_DIEGO = (32.7157, -117.1611)  # about 28 km away, in the United States
NO_CONTACT = {"phone": None, "email": None, "website": None}


@pytest.fixture
def tijuana(app, app_context):
    insert(
        app,
        [
            organization_record(
                "tj",
                "Casa Tijuana",
                *TIJUANA_CENTRE,
                [("shelter", ["MX-BCN"])],
                **NO_CONTACT,
            ),
            organization_record(
                "sd", "San Diego Shelter", *SAN_DIEGO, [("shelter", ["US-CA"])]
            ),
            organization_record(
                "mail",
                "Albergue por Correo",
                32.50,
                -116.95,
                [("shelter", ["MX-BCN"])],
                **{**NO_CONTACT, "email": "hola@example.org"},
            ),
        ],
    )
    return resolve_place("Tijuana", "es").where


def names(results):
    return [result.organization.name for result in results]


def test_a_listing_with_no_way_to_reach_it_ranks_after_the_reachable(tijuana):
    results = find_results(HelpSearch("shelter", tijuana, radius_km=50))
    assert names(results) == [
        "Albergue por Correo",  # 5 km, an e-mail is a way to reach it
        "San Diego Shelter",  # 28 km
        "Casa Tijuana",  # 2 km, but no phone, e-mail or website
    ]
    assert [r.reachable for r in results] == [True, True, False]
    assert results[0].distance_km > results[2].distance_km


def test_reachable_first_holds_beyond_the_first_few(tijuana):
    """The nearest reachable one comes first even when the limit is one."""
    query = HelpSearch("shelter", tijuana).nearest_query(limit=1)
    snapshot = directory_snapshot()
    first = nearest_hits(query, snapshot)
    nearest = nearest_hits(replace(query, reachable_first=False), snapshot)
    service_names = snapshot.services["name"].to_numpy()
    assert list(service_names[first.services]) == ["Albergue por Correo: shelter"]
    assert list(service_names[nearest.services]) == ["Casa Tijuana: shelter"]


def test_a_result_across_the_border_is_flagged_with_its_country(tijuana):
    results = {
        r.organization.name: r for r in find_results(HelpSearch("shelter", tijuana))
    }
    assert results["San Diego Shelter"].abroad == "US"
    assert results["San Diego Shelter"].distance_km == pytest.approx(28, abs=2)
    assert results["Casa Tijuana"].abroad is None
    san_diego = resolve_place("San Diego", "en").where
    from_there = {
        r.organization.name: r for r in find_results(HelpSearch("shelter", san_diego))
    }
    assert from_there["Casa Tijuana"].abroad == "MX"
    assert from_there["San Diego Shelter"].abroad is None


def test_the_last_check_is_the_later_of_the_service_and_the_organization(
    app, app_context
):
    record = organization_record(
        "old", "Albergue Viejo", *SAN_DIEGO, [("shelter", ["US-CA"])]
    )
    record["reviewed_days_ago"] = 400
    record["services"][0]["assured_days_ago"] = 10
    stale = organization_record(
        "older", "Albergue Olvidado", *SAN_DIEGO, [("shelter", ["US-CA"])]
    )
    stale["reviewed_days_ago"] = 500
    stale["services"][0]["assured_days_ago"] = 450
    insert(app, [record, stale])
    where = resolve_place("San Diego", "en").where
    results = {
        r.organization.name: r for r in find_results(HelpSearch("shelter", where))
    }
    today = dt.date.today()
    assert results["Albergue Viejo"].reviewed_on == today - dt.timedelta(days=10)
    assert not results["Albergue Viejo"].stale
    assert results["Albergue Olvidado"].reviewed_on == today - dt.timedelta(days=450)
    assert results["Albergue Olvidado"].stale
