"""HSDS services at locations: filters, and "near a point" that never reveals a
hidden address."""

import uuid

from cso_map.services.hsds.paging import HsdsQuery
from cso_map.services.hsds.services_at_locations import (
    one_service_at_location,
    service_at_locations_page,
)
from cso_map.taxonomy import SERVICE_CATEGORIES
from tests.factories import insert, organization_record

FRESNO = (36.74, -119.78)
JUAREZ = (31.68, -106.44)
ALL = 100


def service_names(query):
    page = service_at_locations_page(query)
    return sorted(item["service_id"] for item in page["contents"]), page["total_items"]


def test_links_of_listed_organizations_by_filter(app_context, directory):
    _, total = service_names(HsdsQuery(per_page=ALL))
    # each listed service has its one place: 13 services of listed organizations
    assert total == 13
    _, bravo = service_names(HsdsQuery(organization_id=directory["bravo"]))
    assert bravo == 2
    shelter = SERVICE_CATEGORIES.term_id("shelter")
    _, shelters = service_names(HsdsQuery(taxonomy_term_id=shelter))
    assert shelters == 1
    _, found = service_names(HsdsQuery(search="mariposa"))
    assert found == 1


def test_near_a_point_keeps_exact_places_within_the_distance(app, app_context):
    close = organization_record("cerca", "Cerca", 36.75, -119.78, [("health", [])])
    far = organization_record("lejos", "Lejos", 36.80, -119.78, [("health", [])])
    hidden = organization_record(
        "oculta", "Oculta", *FRESNO, [("health", [])], location_confidential=True
    )
    rough = organization_record("aprox", "Aprox", *FRESNO, [("health", [])])
    rough["locations"][0]["approximate"] = True
    insert(app, [close, far, hidden, rough])
    ids = {r["key"]: r["services"][0]["id"] for r in (close, far, hidden, rough)}
    # 0.01° of latitude is 1.11 km; 0.06° is 6.7 km.
    found, total = service_names(HsdsQuery(near=(*FRESNO, 2000), per_page=ALL))
    assert (found, total) == ([ids["cerca"]], 1)
    found, _ = service_names(HsdsQuery(near=(*FRESNO, 7000), per_page=ALL))
    assert found == sorted([ids["cerca"], ids["lejos"]])
    found, _ = service_names(HsdsQuery(near=(*FRESNO, 1000), per_page=ALL))
    assert found == []


def test_a_hidden_address_is_not_found_near_itself(app_context, directory):
    assert service_names(HsdsQuery(near=(*JUAREZ, 5000)))[1] == 0


def test_one_link(app_context, directory):
    page = service_at_locations_page(HsdsQuery(organization_id=directory["alpha"]))
    link_id = uuid.UUID(page["contents"][0]["id"])
    assert one_service_at_location(link_id) == page["contents"][0]
    assert one_service_at_location(uuid.uuid4()) is None
