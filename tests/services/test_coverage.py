"""Coverage over the fixture directory; expected figures are worked out here."""

import csv

import pytest

from cso_map.services.analysis.coverage import (
    CoverageQuery,
    by_unmet_demand,
    region_coverage,
)
from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.services.records.seeding import SEED_DIR


def indicator(name: str) -> dict[str, int]:
    """Return the demo's figures of indicator `name`, by region code."""
    with (SEED_DIR / "indicators.csv").open(encoding="utf-8") as handle:
        return {
            row["region"]: int(row[name]) for row in csv.DictReader(handle) if row[name]
        }


def migrants() -> dict[str, int]:
    return indicator("migrant_population")


POLICY = CoveragePolicy(underserved_below=1.0)


def by_code(query: CoverageQuery, policy: CoveragePolicy = POLICY):
    return region_coverage(query, policy).set_index("code")


def test_legal_advice_counts_each_listed_active_verified_service(
    app_context, directory
):
    table = by_code(CoverageQuery("legal_advice"))
    # india serves US-IL, bravo US-CA, echo (Mexico City, listing all Mexico) the
    # states within 200 km of its office in person and all Mexico by phone;
    # foxtrot is pending, golf defunct and hotel's legal service inactive.
    assert table.loc["US-IL", "providers"] == 1
    assert table.loc["US-CA", "providers"] == 1
    assert table.loc["US-TX", "providers"] == 0
    assert table.loc["US-TX", "status"] == "gap"
    # 50 places for 4,613,537 migrants in California: 0.0108 per 1,000.
    assert table.loc["US-CA", "capacity"] == pytest.approx(50)
    assert table.loc["US-CA", "ratio"] == pytest.approx(50 / 4_613_537 * 1000)
    assert table.loc["US-CA", "status"] == "underserved"


def test_a_national_phone_line_does_not_make_far_states_served(app_context, directory):
    table = by_code(CoverageQuery("legal_advice"))
    # Mexico City (its office) and Puebla (border 60 km away) are served in person;
    # Zacatecas, 500 km away, is a gap that the phone line reaches.
    for near in ("MX-CMX", "MX-PUE"):
        assert (table.loc[near, "providers"], table.loc[near, "remote"]) == (1, 0)
    zacatecas = table.loc["MX-ZAC"]
    assert (zacatecas["providers"], zacatecas["remote"]) == (0, 1)
    assert (zacatecas["status"], zacatecas["capacity"]) == ("gap", 0)
    assert table.loc["US-IL", "remote"] == 0  # it is for Mexico only


def test_a_service_splits_its_capacity_by_need_among_the_states_it_serves(
    app_context, directory
):
    table = by_code(CoverageQuery("legal_advice"))
    figures = migrants()
    served = table[(table["providers"] > 0) & table.index.str.startswith("MX-")]
    assert set(served.index) >= {"MX-CMX", "MX-PUE", "MX-MEX", "MX-MOR", "MX-TLA"}
    assert not {"MX-ZAC", "MX-CHH", "MX-BCN", "MX-YUC"} & set(served.index)
    # echo's 50 places a month, shared by migrants among the states it serves,
    # add up to its capacity: none is credited to a state it does not reach.
    assert served["capacity"].sum() == pytest.approx(50)
    total = sum(figures[code] for code in served.index)
    assert table.loc["MX-PUE", "capacity"] == pytest.approx(
        50 * figures["MX-PUE"] / total
    )


def test_a_language_narrows_providers_and_marks_language_gaps(app_context, directory):
    table = by_code(CoverageQuery("legal_advice", language="mix"))
    assert table.loc["US-CA", "providers"] == 1  # bravo works in Mixteco
    assert table.loc["US-IL", "providers"] == 0
    assert bool(table.loc["US-IL", "language_gap"])  # india: Spanish only
    assert not bool(table.loc["US-TX", "language_gap"])  # nothing there at all


def test_unverified_and_stale_listings_count_only_when_asked(app_context, directory):
    strict = by_code(CoverageQuery("shelter"))
    lenient = by_code(CoverageQuery("shelter"), CoveragePolicy(1.0, include_stale=True))
    assert strict.loc["MX-CHP", "providers"] == 0  # charlie is unverified
    assert strict.loc["MX-CHP", "status"] == "gap"
    assert lenient.loc["MX-CHP", "providers"] == 1


def test_womens_services_are_measured_against_migrant_women(app_context, directory):
    table = by_code(CoverageQuery("womens_services"))
    # delta (confidential) serves Chihuahua; demand is its migrant women.
    with (SEED_DIR / "indicators.csv").open(encoding="utf-8") as handle:
        women = {r["region"]: r["migrant_women"] for r in csv.DictReader(handle)}
    assert table.loc["MX-CHH", "demand"] == int(women["MX-CHH"])
    assert table.loc["MX-CHH", "providers"] == 1


def test_a_change_to_the_directory_is_seen_at_once(app_context, directory):
    from cso_map.extensions import db
    from cso_map.models import Service

    assert by_code(CoverageQuery("legal_advice")).loc["US-IL", "providers"] == 1
    service = db.session.scalars(
        db.select(Service).where(Service.name.is_not(None))
    ).all()
    for item in service:
        item.status = "inactive"
    db.session.commit()
    assert by_code(CoverageQuery("legal_advice")).loc["US-IL", "providers"] == 0


def test_unmet_demand_comes_first(app_context, directory):
    ordered = by_unmet_demand(region_coverage(CoverageQuery("legal_advice"), POLICY))
    statuses = ordered["status"].tolist()
    assert statuses == sorted(
        statuses, key=["gap", "underserved", "served", "no_data"].index
    )
    gaps = ordered[ordered["status"] == "gap"]["demand"].tolist()
    assert gaps == sorted(gaps, reverse=True)


def emigrants() -> dict[str, int]:
    return indicator("emigrant_population")


def test_development_projects_are_credited_to_the_communities_of_origin(
    app_context, directory
):
    table = by_code(CoverageQuery("origin_development"))
    # The federation (india) and the club (alpha) sit in Chicago; their projects
    # are in Zacatecas, where their communities are: 2 providers, 100 places a
    # month, against the people from Zacatecas who live abroad.
    zacatecas = table.loc["MX-ZAC"]
    assert (zacatecas["providers"], zacatecas["capacity"]) == (2, 100)
    assert zacatecas["demand"] == emigrants()["MX-ZAC"]
    assert zacatecas["ratio"] == pytest.approx(100 / emigrants()["MX-ZAC"] * 1000)
    # Nothing is delivered in Illinois, and US states have no emigration figure.
    assert (table.loc["US-IL", "providers"], table.loc["US-IL", "status"]) == (
        0,
        "no_data",
    )
    assert table["capacity"].sum() == pytest.approx(100)
