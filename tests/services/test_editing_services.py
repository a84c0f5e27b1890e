"""Editing services and locations: guarded by the organization's version, placed
in the state their point is in, every change recorded with its values."""

import datetime as dt
import json

import pytest
from sqlalchemy import select

from cso_map.extensions import db
from cso_map.models import AuditEvent, Organization, Service, User
from cso_map.services.editing.audit import changed_fields
from cso_map.services.editing.organizations import StaleEdit
from cso_map.services.editing.services import (
    EDITABLE_SERVICE_NAMES,
    LOCATION_FIELDS,
    location_values,
    region_of_point,
    save_location,
    save_service,
    service_values,
)

NINE = dt.time(9)
ONE = dt.time(13)


def make_user():
    user = User(email="editor@example.org", role="editor", password_hash="unused")
    db.session.add(user)
    db.session.commit()
    return user


def new_service(**overrides):
    values = dict.fromkeys(EDITABLE_SERVICE_NAMES)
    values.update(
        name="Clases de inglés",
        description="",
        status="active",
        free_of_charge=True,
        no_documents_required=False,
        women_only=False,
        walk_in=True,
        by_phone=False,
        online=False,
        remote_only=False,
        eligibility_notes="",
        application_process="",
        hours_notes="",
        description_translation="",
        eligibility_notes_translation="",
        application_process_translation="",
        capacity_per_month=30,
        category="language_classes",
        languages=["eng", "spa"],
        areas=["US-IL", "MX-ZAC"],
        hours={2: (NINE, ONE), 0: (NINE, ONE)},
    )
    values.update(overrides)
    return values


def new_location(**overrides):
    values = dict.fromkeys(LOCATION_FIELDS)
    values.update(
        name="Oficina Jerez",
        location_type="physical",
        address_1="Calle 1",
        city="Jerez",
        country="MX",
        latitude=22.65,
        longitude=-103.0,
        transportation="",
    )
    values.update(overrides)
    return values


def audit(entity_id):
    return db.session.scalars(
        select(AuditEvent).where(AuditEvent.entity_id == entity_id)
    ).all()


@pytest.fixture
def india(app_context, directory):
    return db.session.get(Organization, directory["india"])


def test_a_new_service_gets_its_terms_areas_hours_and_places(india):
    user = make_user()
    service = save_service(india, None, new_service(), india.version, user)
    db.session.expire_all()
    saved = db.session.get(Service, service.id)
    assert saved.position == 2  # after the federation's two services
    assert saved.category.code == "language_classes"
    assert [t.code for t in saved.languages] == ["spa", "eng"]  # taxonomy order
    assert sorted(r.code for r in saved.area_regions) == ["MX-ZAC", "US-IL"]
    assert [(h.weekday, h.opens_at, h.closes_at) for h in saved.schedules] == [
        (0, NINE, ONE),
        (2, NINE, ONE),
    ]
    assert [link.location.city for link in saved.at_locations] == ["Chicago"]
    assert saved.assured_on == dt.date.today()
    assert (saved.capacity_per_month, saved.walk_in) == (30, True)


def test_values_read_back_as_they_were_given(india):
    values = new_service()
    service = save_service(india, None, values, india.version, make_user())
    read = service_values(service)
    assert {name: read[name] for name in EDITABLE_SERVICE_NAMES} == {
        name: values[name] for name in EDITABLE_SERVICE_NAMES
    }
    assert read["category"] == "language_classes"
    assert read["areas"] == ["MX-ZAC", "US-IL"]
    assert read["hours"] == {0: (NINE, ONE), 2: (NINE, ONE)}


def test_creating_and_updating_a_service_are_recorded(india):
    user = make_user()
    service = save_service(
        india, None, new_service(areas=["US-IL", "MX-ZAC"]), india.version, user
    )
    (created,) = audit(service.id)
    assert (created.action, created.entity, created.organization_id) == (
        "create",
        "service",
        india.id,
    )
    after = json.loads(created.after)
    assert after["hours"] == {"0": "09:00-13:00", "2": "09:00-13:00"}
    assert json.loads(created.before) == {}
    db.session.expire_all()  # edit what the database holds, as a new request would
    india = db.session.get(Organization, india.id)
    service = db.session.get(Service, service.id)
    save_service(
        india,
        service,
        new_service(
            capacity_per_month=45,
            hours={4: (NINE, dt.time(17, 30))},
            languages=["eng", "spa"],  # the same sets, in another order
            areas=["MX-ZAC", "US-IL"],
        ),
        india.version,
        user,
    )
    update = next(e for e in audit(service.id) if e.action == "update")
    assert changed_fields(update) == [
        ("capacity_per_month", 30, 45),
        ("hours", {"0": "09:00-13:00", "2": "09:00-13:00"}, {"4": "09:00-17:30"}),
    ]


def test_a_service_change_moves_the_organizations_version_on(india):
    user = make_user()
    version = india.version
    save_service(india, None, new_service(), version, user)
    assert india.version > version
    with pytest.raises(StaleEdit) as stale:
        save_service(india, None, new_service(name="Otro"), version, user)
    assert stale.value.current["name"] == "Federación Zacatecana de Illinois"
    names = [s.name for s in india.services]
    assert names.count("Otro") == 0


def test_a_new_location_is_placed_in_the_state_of_its_point(india):
    user = make_user()
    location = save_location(india, None, new_location(), india.version, user)
    assert location.region.code == "MX-ZAC"
    assert location.position == 1
    assert location.approximate is False
    assert location_values(location)["city"] == "Jerez"
    (event,) = audit(location.id)
    assert (event.action, json.loads(event.after)["latitude"]) == ("create", 22.65)


def test_moving_a_location_moves_its_state_and_no_point_means_no_state(india):
    user = make_user()
    chicago = india.locations[0]
    assert chicago.region.code == "US-IL"
    moved = save_location(
        india,
        chicago,
        new_location(latitude=36.74, longitude=-119.78, city="Fresno", country="US"),
        india.version,
        user,
    )
    assert moved.region.code == "US-CA"
    update = next(e for e in audit(chicago.id) if e.action == "update")
    assert ("city", "Chicago", "Fresno") in changed_fields(update)
    virtual = save_location(
        india,
        None,
        new_location(location_type="virtual", latitude=None, longitude=None),
        india.version,
        user,
    )
    assert virtual.region is None


def test_a_location_edit_with_an_old_version_is_refused(india):
    user = make_user()
    version = india.version
    save_location(india, None, new_location(), version, user)
    with pytest.raises(StaleEdit):
        save_location(india, None, new_location(name="Otra"), version, user)
    assert [loc.name for loc in india.locations].count("Otra") == 0


def test_the_region_of_a_point(app_context):
    assert region_of_point(22.77, -102.58).code == "MX-ZAC"
    assert region_of_point(41.85, -87.75).code == "US-IL"
    assert region_of_point(61.2, -149.9) is None  # Alaska is not a demo state
    assert region_of_point(None, -102.58) is None
    assert region_of_point(22.77, None) is None
