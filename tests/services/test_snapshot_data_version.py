"""The data version: bumped by every flush that changes directory rows, only then."""

import datetime as dt

from sqlalchemy import select

from cso_map.extensions import db
from cso_map.models import Organization, Region, TaxonomyTerm, ZeroResultSearch
from cso_map.services.snapshot.data_version import (
    bump_data_version,
    current_data_version,
    track_data_version,
)
from cso_map.taxonomy import SERVICE_CATEGORIES


def test_a_bump_adds_one_in_the_current_transaction(app_context):
    before = current_data_version()
    bump_data_version()
    bump_data_version()
    assert current_data_version() == before + 2
    db.session.rollback()
    assert current_data_version() == before


def test_a_flush_that_changes_an_organization_bumps_once(app_context, directory):
    track_data_version()  # registering twice must not count twice
    before = current_data_version()
    organization = db.session.get(Organization, directory["alpha"])
    organization.description = "Nueva descripción"
    db.session.flush()
    assert current_data_version() == before + 1
    db.session.commit()
    assert current_data_version() == before + 1


def test_a_region_change_bumps_too(app_context):
    before = current_data_version()
    region = db.session.scalar(select(Region).where(Region.code == "MX-ZAC"))
    region.name_en = "Zacatecas (renamed)"
    db.session.flush()
    assert current_data_version() == before + 1
    db.session.rollback()


def test_terms_and_unmet_demand_counts_do_not_bump(app_context):
    before = current_data_version()
    term = db.session.get(TaxonomyTerm, SERVICE_CATEGORIES.term_id("health"))
    term.label_en = "Health (edited)"
    db.session.add(
        ZeroResultSearch(
            day=dt.date(2026, 1, 2),
            service_code="health",
            region_code="",
            language_code="",
            searches=1,
        )
    )
    db.session.flush()
    assert current_data_version() == before
    db.session.rollback()


def test_a_flush_with_nothing_changed_does_not_bump(app_context, directory):
    before = current_data_version()
    db.session.get(Organization, directory["alpha"])
    db.session.flush()
    assert current_data_version() == before
