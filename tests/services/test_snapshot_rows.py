"""Reading snapshot tables: ids as text, rows column by column, linked terms as bits."""

import uuid

import pandas as pd
from sqlalchemy import select

from cso_map.extensions import db
from cso_map.models import Organization, Service, service_languages
from cso_map.services.snapshot.rows import (
    canonical_ids,
    id_text,
    link_masks,
    read_frame,
    term_map,
)
from cso_map.taxonomy import SERVICE_CATEGORIES, SERVICE_LANGUAGES
from tests.conftest import fixture_records


def test_ids_of_either_backend_become_canonical_dashed_text():
    value = uuid.UUID("0123abcd-4567-89ef-0123-456789abcdef")
    ids = pd.Series([value.hex.upper(), str(value), value.hex])
    assert canonical_ids(ids).tolist() == [str(value)] * 3


def test_term_map_knows_each_term_by_both_spellings_of_its_id():
    mapping = term_map(SERVICE_CATEGORIES)
    health = SERVICE_CATEGORIES.term_id("health")
    assert mapping[str(health)] == mapping[health.hex] == "health"
    assert len(mapping) == 2 * len(SERVICE_CATEGORIES.codes())


def test_term_map_gives_bits_in_vocabulary_order():
    bits = term_map(SERVICE_LANGUAGES, bits=True)
    assert bits[str(SERVICE_LANGUAGES.term_id("spa"))] == 1
    assert bits[SERVICE_LANGUAGES.term_id("eng").hex] == 2
    assert bits[str(SERVICE_LANGUAGES.term_id("mix"))] == 4
    assert bits[str(SERVICE_LANGUAGES.term_id("hat"))] == 1 << 16


def test_an_empty_result_is_a_frame_with_the_columns(app_context):
    frame = read_frame(select(id_text(Organization.id), Organization.name), ["id", "n"])
    assert list(frame.columns) == ["id", "n"]
    assert len(frame) == 0


def test_rows_are_read_into_named_columns_with_ids_as_text(app_context, directory):
    frame = read_frame(
        select(id_text(Organization.id), Organization.name)
        .where(Organization.name.like("Club%"))
        .order_by(Organization.name),
        ["id", "name"],
    )
    assert frame["name"].tolist() == ["Club Jerez de Chicago"]
    assert isinstance(frame["id"].iat[0], str)
    assert canonical_ids(frame["id"]).tolist() == [str(directory["alpha"])]


def test_link_masks_or_the_bits_of_each_owners_terms(app_context, directory):
    services = read_frame(
        select(id_text(service_languages.c.service_id)).distinct(), ["id"]
    )["id"]
    masks = link_masks(LANGUAGE_LINKS, services, SERVICE_LANGUAGES)
    by_service = dict(zip(canonical_ids(services), masks, strict=True))
    ids = service_ids()
    assert by_service[ids["bravo legal_advice"]] == 1 | 2 | 4  # spa, eng, mix
    assert by_service[ids["charlie shelter"]] == 1 | 1 << 16 | 1 << 6  # spa hat quc
    assert by_service[ids["alpha civic_participation"]] == 1 | 2  # spa, eng


def test_owners_without_links_have_no_bits_and_strangers_are_ignored(
    app_context, directory
):
    owners = pd.Series(["not-an-owner", stored_id("bravo legal_advice")])
    assert link_masks(LANGUAGE_LINKS, owners, SERVICE_LANGUAGES).tolist() == [0, 7]


def test_stored_id_text_is_one_of_the_two_spellings(app_context, directory):
    canonical = service_ids()["india origin_development"]
    assert stored_id("india origin_development") in (
        canonical,
        uuid.UUID(canonical).hex,
    )


LANGUAGE_LINKS = select(
    id_text(service_languages.c.service_id), id_text(service_languages.c.term_id)
)


def service_ids() -> dict[str, str]:
    """Return the fixture's service ids by "organization-key category"."""
    return {
        f"{record['key']} {service['category']}": service["id"]
        for record in fixture_records()
        for service in record["services"]
    }


def stored_id(key: str) -> str:
    """Return a fixture service's id as the database writes it as text."""
    service_id = uuid.UUID(service_ids()[key])
    return db.session.scalar(
        select(id_text(Service.id)).where(Service.id == service_id)
    )
