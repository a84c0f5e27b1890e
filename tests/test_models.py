"""Model constraints hold in the database itself, on SQLite and PostgreSQL alike."""

import datetime as dt
import uuid

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from cso_map.extensions import db
from cso_map.models import Location, Organization, Service
from cso_map.taxonomy import CSO_TYPES, ENGAGEMENT_LEVELS, SERVICE_CATEGORIES


def new_organization(**fields) -> Organization:
    values = {
        "name": "Grupo de prueba",
        "name_key": "grupo de prueba",
        "type_id": CSO_TYPES.term_id("community_group"),
        "engagement_level_id": ENGAGEMENT_LEVELS.term_id("none"),
    }
    values.update(fields)
    return Organization(**values)


def save(*objects) -> None:
    db.session.add_all(objects)
    db.session.commit()


def test_an_organization_gets_a_uuid_version_and_aware_timestamps(app_context):
    organization = new_organization()
    save(organization)
    db.session.expire_all()
    stored = db.session.get(Organization, organization.id)
    assert isinstance(stored.id, uuid.UUID)
    assert stored.version == 1
    assert stored.created_at.tzinfo is not None
    assert abs(stored.created_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)


@pytest.mark.parametrize(
    "fields",
    [
        {"verification_status": "approved"},
        {"status": "closed"},
        {"paid_staff": -1},
        {"volunteers": -3},
        {"year_founded": 1066},
        {"type_id": uuid.uuid4()},  # foreign keys are enforced, SQLite included
    ],
)
def test_the_database_refuses_invalid_organizations(app_context, fields):
    with pytest.raises(IntegrityError):
        save(new_organization(**fields))
    db.session.rollback()


@pytest.mark.parametrize(
    "fields",
    [
        {"latitude": 91.0, "longitude": 0.0},
        {"latitude": 0.0, "longitude": -181.0},
        {"latitude": 10.0, "longitude": None},
        {"location_type": "imaginary"},
    ],
)
def test_the_database_refuses_invalid_locations(app_context, fields):
    organization = new_organization()
    save(organization)
    with pytest.raises(IntegrityError):
        save(Location(organization_id=organization.id, **fields))
    db.session.rollback()


@pytest.mark.parametrize(
    "fields",
    [
        {"minimum_age": 18, "maximum_age": 10},
        {"capacity_per_month": -5},
        {"radius_km": 0.0},
        {"status": "open"},
    ],
)
def test_the_database_refuses_invalid_services(app_context, fields):
    organization = new_organization()
    save(organization)
    service = Service(
        organization_id=organization.id,
        category_id=SERVICE_CATEGORIES.term_id("health"),
        name="Consulta",
        **fields,
    )
    with pytest.raises(IntegrityError):
        save(service)
    db.session.rollback()


def test_each_update_bumps_the_version_and_a_stale_one_is_refused(app_context):
    organization = new_organization()
    save(organization)
    organization.name = "Otro nombre"
    db.session.commit()
    assert organization.version == 2
    db.session.execute(
        Organization.__table__.update()
        .values(version=3)
        .where(Organization.__table__.c.id == organization.id)
    )
    organization.name = "Cambio con una versión vieja"
    with pytest.raises(StaleDataError):
        db.session.commit()
    db.session.rollback()


def test_deleting_an_organization_removes_its_services_and_locations(app_context):
    organization = new_organization()
    save(organization)
    save(
        Location(organization_id=organization.id, latitude=19.4, longitude=-99.1),
        Service(
            organization_id=organization.id,
            category_id=SERVICE_CATEGORIES.term_id("health"),
            name="Consulta",
        ),
    )
    db.session.execute(Organization.__table__.delete())
    db.session.commit()
    assert db.session.scalars(select(Service)).all() == []
    assert db.session.scalars(select(Location)).all() == []


@pytest.mark.parametrize(
    ("fields", "listed"),
    [
        ({}, True),
        ({"verification_status": "verified"}, True),
        ({"verification_status": "pending"}, False),
        ({"verification_status": "rejected"}, False),
        ({"status": "defunct"}, False),
        ({"status": "inactive"}, True),
        ({"deleted_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)}, False),
    ],
)
def test_is_listed_agrees_in_python_and_in_sql(app_context, fields, listed):
    organization = new_organization(**fields)
    save(organization)
    assert organization.is_listed is listed
    in_sql = db.session.scalar(
        select(Organization.id).where(
            Organization.id == organization.id, Organization.is_listed
        )
    )
    assert (in_sql is not None) is listed
