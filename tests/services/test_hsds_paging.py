"""HSDS paging: the Page envelope, ids cached per data version, batches in order."""

import uuid

import pytest
from sqlalchemy import select

from cso_map.models import Organization, Service
from cso_map.services.hsds import paging
from cso_map.services.hsds.paging import (
    HsdsQuery,
    id_batches,
    in_batches,
    loaded_in_order,
    ordered_ids,
    page_of,
)
from cso_map.services.snapshot.data_version import bump_data_version

# Services of the fixture's listed organizations, active or not: two each, but
# one of delta's (india, alpha, bravo, charlie, delta, echo, hotel).
LISTED_SERVICES = 13


def services():
    return (
        select(Service)
        .join(Organization, Organization.id == Service.organization_id)
        .where(Organization.is_listed)
        .order_by(Service.id)
    )


def names(row):
    return row.name


@pytest.mark.parametrize(
    ("page", "size", "last"), [(1, 5, False), (2, 5, False), (3, 3, True), (4, 0, True)]
)
def test_the_page_envelope(app_context, directory, page, size, last):
    assert len(ordered_ids(services(), Service)) == LISTED_SERVICES
    envelope = page_of(services(), HsdsQuery(page=page, per_page=5), names)
    assert {k: v for k, v in envelope.items() if k != "contents"} == {
        "total_items": 13,
        "total_pages": 3,
        "page_number": page,
        "size": size,
        "first_page": page == 1,
        "last_page": last,
        "empty": False,
    }
    assert len(envelope["contents"]) == size


def test_pages_of_an_unfiltered_and_a_filtered_list_agree(app_context, directory):
    every = page_of(services(), HsdsQuery(per_page=100), lambda s: s.id)["contents"]
    slices = [
        page_of(services(), HsdsQuery(page=p, per_page=4), lambda s: s.id)["contents"]
        for p in (1, 2, 3, 4)
    ]
    assert [item for part in slices for item in part] == every
    filtered = HsdsQuery(page=2, per_page=4, search="x")  # filtered: counted in SQL
    assert filtered.filtered
    envelope = page_of(services(), filtered, lambda s: s.id)
    assert (envelope["total_items"], envelope["contents"]) == (13, every[4:8])


def test_an_empty_list_is_one_empty_page(app_context):
    envelope = page_of(services(), HsdsQuery(), names)
    assert (envelope["total_items"], envelope["total_pages"], envelope["empty"]) == (
        0,
        1,
        True,
    )
    assert envelope["last_page"]
    assert envelope["contents"] == []


def test_ids_are_read_once_per_data_version(app_context, directory):
    first = ordered_ids(services(), Service)
    assert ordered_ids(services(), Service) is first
    bump_data_version()
    again = ordered_ids(services(), Service)
    assert again is not first
    assert again == first


def test_filtered_means_any_filter(app_context):
    assert not HsdsQuery(page=3, per_page=10, full=True, minimal=True).filtered
    assert HsdsQuery(near=(1.0, 2.0, 3.0)).filtered
    assert HsdsQuery(organization_id=uuid.uuid4()).filtered


def test_rows_load_in_the_order_of_their_ids_skipping_missing_ones(
    app_context, directory
):
    ids = [directory["echo"], uuid.uuid4(), directory["alpha"]]
    rows = loaded_in_order(Organization, ids)
    assert [row.name for row in rows] == [
        "Red Nacional Ejemplo",
        "Club Jerez de Chicago",
    ]


def test_batches_are_in_order_and_of_the_batch_size(
    app_context, directory, monkeypatch
):
    monkeypatch.setattr(paging, "BATCH", 5)
    batches = list(id_batches(services()))
    assert [len(batch) for batch in batches] == [5, 5, 3]
    assert [i for batch in batches for i in batch] == ordered_ids(services(), Service)
    loaded = list(in_batches(services()))
    assert [[row.id for row in batch] for batch in loaded] == batches
