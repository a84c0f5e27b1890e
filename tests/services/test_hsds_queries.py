"""The HSDS lists' filters, one by one and together, over listed organizations."""

import datetime as dt
import json
import uuid

import pytest
from sqlalchemy import update

from cso_map.extensions import db
from cso_map.models import Service
from cso_map.services.hsds.paging import HsdsQuery
from cso_map.services.hsds.queries import (
    one_organization,
    one_service,
    organizations_page,
    organizations_query,
    services_ndjson,
    services_page,
    services_query,
)
from cso_map.taxonomy import (
    CSO_TYPES,
    SERVICE_CATEGORIES,
    SERVICE_LANGUAGES,
    TARGET_GROUPS,
)
from tests.conftest import fixture_records

SERVICE_OWNERS = {
    service["id"]: record["key"]
    for record in fixture_records()
    for service in record["services"]
}


def owners(query):
    """Return the fixture keys of the organizations of the matching services."""
    return sorted(
        SERVICE_OWNERS[str(service.id)]
        for service in db.session.scalars(services_query(query))
    )


def organization_keys(query, directory):
    by_id = {value: key for key, value in directory.items()}
    return sorted(by_id[o.id] for o in db.session.scalars(organizations_query(query)))


def test_services_are_those_of_listed_organizations(app_context, directory):
    assert owners(HsdsQuery()) == sorted(
        ["india"] * 2
        + ["alpha"] * 2
        + ["bravo"] * 2
        + ["charlie"] * 2
        + ["delta"]
        + ["echo"] * 2
        + ["hotel"] * 2
    )


def test_service_filters(app_context, directory):
    legal = SERVICE_CATEGORIES.term_id("legal_advice")
    assert owners(HsdsQuery(taxonomy_term_id=legal)) == [
        "bravo",
        "echo",
        "hotel",
        "india",
    ]
    haitian = SERVICE_LANGUAGES.term_id("hat")
    assert owners(HsdsQuery(taxonomy_term_id=haitian)) == ["charlie"]
    assert owners(HsdsQuery(organization_id=directory["bravo"])) == ["bravo"] * 2
    assert owners(HsdsQuery(taxonomy_id=SERVICE_CATEGORIES.id)) == owners(HsdsQuery())
    assert owners(HsdsQuery(taxonomy_id=SERVICE_LANGUAGES.id)) == []
    # words of a service name, or of its organization's folded search text (which
    # holds its services' names: both of india's services match)
    assert owners(HsdsQuery(search="Obras en")) == ["india", "india"]
    assert owners(HsdsQuery(search="ÑANDÚ")) == ["hotel", "hotel"]
    both = HsdsQuery(search="ñandú", taxonomy_term_id=legal)
    assert owners(both) == ["hotel"]


def test_services_modified_after(app_context, directory):
    old = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    db.session.execute(update(Service).values(updated_at=old))
    bravo_ids = [
        uuid.UUID(s["id"]) for s in fixture_records()[2]["services"]
    ]  # bravo's
    db.session.execute(
        update(Service)
        .where(Service.id == bravo_ids[0])
        .values(updated_at=dt.datetime(2026, 5, 1, tzinfo=dt.UTC))
    )
    db.session.commit()
    since = HsdsQuery(modified_after=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert owners(since) == ["bravo"]


def test_organization_filters(app_context, directory):
    assert organization_keys(HsdsQuery(), directory) == sorted(
        ["india", "alpha", "bravo", "charlie", "delta", "echo", "hotel"]
    )
    ngo = CSO_TYPES.term_id("ngo")
    assert organization_keys(HsdsQuery(taxonomy_term_id=ngo), directory) == [
        "bravo",
        "delta",
    ]
    women = TARGET_GROUPS.term_id("women")
    assert organization_keys(HsdsQuery(taxonomy_term_id=women), directory) == ["delta"]
    shelter = SERVICE_CATEGORIES.term_id("shelter")
    assert organization_keys(HsdsQuery(taxonomy_term_id=shelter), directory) == [
        "charlie"
    ]
    assert organization_keys(HsdsQuery(search="zacatecana"), directory) == ["india"]


def test_a_minimal_page_has_ids_and_modification_times(app_context, directory):
    page = organizations_page(HsdsQuery(minimal=True, per_page=3))
    assert page["total_items"] == 7
    assert page["size"] == 3
    for item in page["contents"]:
        assert set(item) == {"id", "last_modified"}
        assert dt.datetime.fromisoformat(item["last_modified"])
    services = services_page(HsdsQuery(minimal=True, per_page=100))
    assert services["total_items"] == 13


def test_full_pages_hold_hsds_objects(app_context, directory):
    page = services_page(HsdsQuery(organization_id=directory["bravo"]))
    assert page["total_items"] == 2
    assert {item["id"] for item in page["contents"]} == {
        s["id"] for s in fixture_records()[2]["services"]
    }


@pytest.mark.parametrize("key", ["foxtrot", "golf"])
def test_one_item_of_an_unlisted_organization_is_not_found(app_context, directory, key):
    assert one_organization(directory[key]) is None
    record = next(r for r in fixture_records() if r["key"] == key)
    assert one_service(uuid.UUID(record["services"][0]["id"])) is None


def test_one_item_of_a_listed_organization(app_context, directory):
    found = one_organization(directory["echo"])
    assert (found["id"], found["name"]) == (
        str(directory["echo"]),
        "Red Nacional Ejemplo",
    )
    record = next(r for r in fixture_records() if r["key"] == "echo")
    service = one_service(uuid.UUID(record["services"][0]["id"]))
    assert service["id"] == record["services"][0]["id"]
    assert one_organization(uuid.uuid4()) is None


def test_ndjson_is_one_service_per_line(app_context, directory):
    lines = list(services_ndjson(HsdsQuery(organization_id=directory["charlie"])))
    assert len(lines) == 2
    assert all(line.endswith("\n") and line.count("\n") == 1 for line in lines)
    items = [json.loads(line) for line in lines]
    assert {item["id"] for item in items} == {
        s["id"]
        for r in fixture_records()
        if r["key"] == "charlie"
        for s in r["services"]
    }
    assert not organization_keys(HsdsQuery(search="nobody at all"), directory)
