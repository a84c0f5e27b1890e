"""Services and their places as HSDS 3.0 objects: hours, languages, areas, and a
hidden address reduced to its state."""

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import pytest

from cso_map.extensions import db
from cso_map.models import Service
from cso_map.services.hsds.service_objects import (
    hsds_timestamp,
    service_at_location_object,
    service_object,
)
from cso_map.services.records.ids import derived_id
from tests.conftest import fixture_records


def fixture_service(key, position=0):
    record = next(r for r in fixture_records() if r["key"] == key)
    return db.session.get(Service, uuid.UUID(record["services"][position]["id"]))


def test_timestamps_are_utc_with_a_z():
    moment = dt.datetime(2026, 3, 1, 8, 30, tzinfo=ZoneInfo("America/Mexico_City"))
    assert hsds_timestamp(moment) == "2026-03-01T14:30:00Z"
    assert hsds_timestamp(None) is None


def test_a_service_with_its_hours_languages_and_areas(app_context, directory):
    service = fixture_service("bravo")  # Centro Legal del Valle's legal clinic
    item = service_object(service, full=False)
    assert item["id"] == str(service.id)
    assert item["organization_id"] == str(directory["bravo"])
    assert item["fees_description"] == "Free of charge"
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in item["schedules"]] == [
        ("MO", "09:00", "17:00"),
        ("TU", "09:00", "17:00"),
        ("WE", "09:00", "17:00"),
        ("TH", "09:00", "17:00"),
        ("FR", "09:00", "17:00"),
        ("SA", "10:00", "13:00"),
    ]
    assert {s["freq"] for s in item["schedules"]} == {"WEEKLY"}
    assert [lang["code"] for lang in item["languages"]] == ["spa", "eng", "mix"]
    assert item["languages"][0]["id"] == derived_id("language", service.id, "spa")
    assert [(a["description"], a["name"]) for a in item["service_areas"]] == [
        ("US-CA", "California")
    ]
    assert item["attributes"][0]["taxonomy_term"]["code"] == "legal_advice"
    assert "organization" not in item
    assert "service_at_locations" not in item
    assert item["last_modified"].endswith("Z")


def test_a_full_service_nests_its_organization_and_places(app_context, directory):
    item = service_object(fixture_service("bravo"), full=True)
    assert item["organization"]["name"] == "Centro Legal del Valle"
    (link,) = item["service_at_locations"]
    assert "service" not in link
    location = link["location"]
    assert (location["latitude"], location["longitude"]) == (36.74, -119.78)
    assert location["addresses"][0]["city"] == "Fresno"


def test_a_hidden_address_is_only_its_state(app_context, directory):
    service = fixture_service("delta")  # Refugio Mariposa hides its address
    (link,) = service_object(service, full=True)["service_at_locations"]
    location = link["location"]
    assert set(location) == {
        "id",
        "location_type",
        "organization_id",
        "name",
        "attributes",
    }
    assert location["name"] == "Chihuahua"
    text = str(location)
    assert "Calle Secreta" not in text
    assert "31.68" not in text


@pytest.mark.parametrize("hidden", [True, False])
def test_a_service_at_location_carries_its_service(app_context, directory, hidden):
    service = fixture_service("charlie")
    link = service.at_locations[0]
    item = service_at_location_object(link, hidden)
    assert (item["service_id"], item["location_id"]) == (
        str(service.id),
        str(link.location_id),
    )
    assert item["service"]["name"] == service.name
    assert ("latitude" in item["location"]) is not hidden
