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


def migrants() -> dict[str, int]:
    with (SEED_DIR / "indicators.csv").open(encoding="utf-8") as handle:
        return {
            row["region"]: int(row["migrant_population"])
            for row in csv.DictReader(handle)
            if row["migrant_population"]
        }


POLICY = CoveragePolicy(underserved_below=1.0)


def by_code(query: CoverageQuery, policy: CoveragePolicy = POLICY):
    return region_coverage(query, policy).set_index("code")


def test_legal_advice_counts_each_listed_active_verified_service(
    app_context, directory
):
    table = by_code(CoverageQuery("legal_advice"))
    # india serves US-IL, bravo US-CA, echo all of Mexico; foxtrot is pending,
    # golf defunct and hotel's legal service inactive, so none of them counts.
    assert table.loc["US-IL", "providers"] == 1
    assert table.loc["US-CA", "providers"] == 1
    assert table.loc["US-TX", "providers"] == 0
    assert table.loc["US-TX", "status"] == "gap"
    mexico = [code for code in table.index if code.startswith("MX-")]
    assert (table.loc[mexico, "providers"] == 1).all()
    # 50 places for 4,613,537 migrants in California: 0.0108 per 1,000.
    assert table.loc["US-CA", "capacity"] == pytest.approx(50)
    assert table.loc["US-CA", "ratio"] == pytest.approx(50 / 4_613_537 * 1000)
    assert table.loc["US-CA", "status"] == "underserved"


def test_a_national_service_splits_its_capacity_by_each_states_need(
    app_context, directory
):
    table = by_code(CoverageQuery("legal_advice"))
    figures = migrants()
    mexico_total = sum(v for k, v in figures.items() if k.startswith("MX-"))
    # Campeche has no figure: it counts as an average Mexican state.
    known = [k for k in figures if k.startswith("MX-")]
    average = mexico_total / len(known)
    share = figures["MX-ZAC"] / (mexico_total + average)
    assert table.loc["MX-ZAC", "capacity"] == pytest.approx(50 * share)
    assert table.loc["MX-CAM", "status"] == "no_data"
    mexico = [code for code in table.index if code.startswith("MX-")]
    assert table.loc[mexico, "capacity"].sum() == pytest.approx(50)


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
