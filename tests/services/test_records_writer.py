"""The bulk writer: records become rows, a second write replaces in place, a bad
record writes nothing, and the field registry decides the organization's columns."""

import copy
import datetime as dt
import json
import uuid

import pytest
from sqlalchemy import func, select

from cso_map.extensions import db
from cso_map.models import (
    AuditEvent,
    Location,
    Organization,
    OrganizationOrigin,
    Service,
    ServiceAtLocation,
    ServiceSchedule,
)
from cso_map.services.records.columns import STORED_COLUMNS
from cso_map.services.records.driver import DriverWriter
from cso_map.services.records.fields import ORGANIZATION_FIELDS, Kind
from cso_map.services.records.ids import derived_id
from cso_map.services.records.writer import write_organizations
from tests.conftest import fixture_records
from tests.factories import organization_record

TODAY = dt.date(2026, 12, 1)


def record(**changes) -> dict:
    """Return a copy of the fixture's "Centro Legal del Valle" with `changes`."""
    found = copy.deepcopy(next(r for r in fixture_records() if r["key"] == "bravo"))
    found.update(changes)
    return found


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_every_stored_field_of_the_registry_is_a_column_the_writer_fills():
    stored = {
        field.name
        for field in ORGANIZATION_FIELDS
        if field.kind not in (Kind.TERM, Kind.TERMS, Kind.PARENT, Kind.ORIGINS)
    }
    terms = {f"{f.name}_id" for f in ORGANIZATION_FIELDS if f.kind is Kind.TERM}
    assert stored | terms <= set(STORED_COLUMNS)


def test_a_new_record_becomes_its_rows(app_context):
    item = record(reviewed_days_ago=10, accepts_volunteers=True)
    report = write_organizations([item], today=TODAY)
    assert report.added == [uuid.UUID(item["id"])]
    assert report.updated == []
    organization = db.session.get(Organization, uuid.UUID(item["id"]))
    assert organization.name == item["name"]
    assert organization.accepts_volunteers is True
    assert organization.last_reviewed_on == TODAY - dt.timedelta(days=10)
    assert organization.version == 1
    assert organization.type.code == item["type"]
    assert {t.code for t in organization.target_groups} == set(item["target_groups"])
    # The place falls in California whatever state it names: the point decides.
    assert organization.locations[0].region.code == "US-CA"
    service = organization.services[0]
    source = item["services"][0]
    assert service.category.code == source["category"]
    assert [t.code for t in service.languages] == source["languages"]
    assert [(h.weekday, h.opens_at) for h in service.schedules] == [
        (day, dt.time.fromisoformat(opens)) for day, opens, _ in source["schedules"]
    ]
    hours = source["schedules"][0]
    assert str(service.schedules[0].id) == derived_id(
        "schedule", source["id"], *hours[:3]
    )
    link = db.session.scalar(
        select(ServiceAtLocation).where(ServiceAtLocation.service_id == service.id)
    )
    assert str(link.id) == derived_id(
        "service_at_location", source["id"], source["location_ids"][0]
    )


def test_writing_the_same_record_again_replaces_it_in_place(app_context):
    item = record()
    write_organizations([item], today=TODAY)
    counts = {m: count(m) for m in (Service, Location, ServiceSchedule)}
    changed = record(name="Centro Legal del Valle Central")
    changed["services"][0]["languages"] = ["eng"]
    report = write_organizations([changed], today=TODAY)
    assert report.updated == [uuid.UUID(item["id"])]
    assert report.added == []
    organization = db.session.get(Organization, uuid.UUID(item["id"]))
    db.session.refresh(organization)
    assert organization.name == "Centro Legal del Valle Central"
    assert organization.version == 2
    assert [t.code for t in organization.services[0].languages] == ["eng"]
    assert {m: count(m) for m in counts} == counts


def test_without_replace_an_existing_organization_is_left_alone(app_context):
    write_organizations([record()], today=TODAY)
    report = write_organizations([record(name="Other")], today=TODAY, replace=False)
    assert report.added == report.updated == []
    assert db.session.scalar(select(Organization.name)) == "Centro Legal del Valle"


def test_an_unknown_code_writes_nothing(app_context):
    good = record()
    bad = organization_record("bad", "Bad", 36.7, -119.8, [], type="not_a_type")
    with pytest.raises(ValueError, match="not_a_type"):
        write_organizations([good, bad], today=TODAY)
    assert count(Organization) == 0


def test_a_member_written_before_its_federation_is_linked_to_it(app_context):
    federation = organization_record(
        "federation", "Federación", 41.85, -87.75, [("origin_development", [])]
    )
    member = record(parent_id=federation["id"])
    write_organizations([member, federation], today=TODAY)
    found = db.session.get(Organization, uuid.UUID(member["id"]))
    assert str(found.parent_id) == federation["id"]


def test_origins_get_ids_from_what_they_hold_and_an_import_is_audited(app_context):
    item = record(origins=[{"country": "MX", "region": "MX-ZAC", "community": "Jerez"}])
    write_organizations([item], today=TODAY, source="file.csv")
    origin = db.session.scalar(select(OrganizationOrigin))
    assert str(origin.id) == derived_id("origin", item["id"], "MX", "MX-ZAC", "Jerez")
    event = db.session.scalar(select(AuditEvent))
    assert (event.action, str(event.entity_id)) == ("import", item["id"])
    after = event.after if isinstance(event.after, dict) else json.loads(event.after)
    assert after == {"source": "file.csv"}


def test_ids_reach_the_driver_as_the_database_stores_them(app_context):
    writer = DriverWriter(db.session.connection())
    text = "8e17d57c-098b-52c8-ad7f-09d343eb5c7d"
    expected = text.replace("-", "") if writer.dialect.name == "sqlite" else text
    assert writer.key(text) == expected
