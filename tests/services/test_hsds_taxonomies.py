"""HSDS taxonomies and terms: pages, searches in either language, one by id."""

import uuid

from cso_map.services.hsds.paging import HsdsQuery
from cso_map.services.hsds.taxonomies import (
    one_taxonomy,
    one_term,
    taxonomies_page,
    terms_page,
)
from cso_map.taxonomy import SERVICE_CATEGORIES, VOCABULARIES

ALL = 100


def test_every_taxonomy_by_code(app_context):
    page = taxonomies_page(HsdsQuery(per_page=ALL))
    assert page["total_items"] == len(VOCABULARIES)
    assert [t["id"] for t in page["contents"]] == [
        str(v.id) for v in sorted(VOCABULARIES.values(), key=lambda v: v.code)
    ]
    found = taxonomies_page(HsdsQuery(search="INTEGRATION"))
    assert [t["id"] for t in found["contents"]] == [str(SERVICE_CATEGORIES.id)]


def test_terms_of_one_taxonomy_in_their_order(app_context):
    page = terms_page(HsdsQuery(per_page=ALL, taxonomy_id=SERVICE_CATEGORIES.id))
    assert page["total_items"] == 20
    assert [t["id"] for t in page["contents"]] == [
        str(SERVICE_CATEGORIES.term_id(code)) for code in SERVICE_CATEGORIES.codes()
    ]


def test_terms_are_found_by_either_label_or_code(app_context):
    health = str(SERVICE_CATEGORIES.term_id("health"))
    for words in ("salud", "HEALTH CARE", "health"):
        ids = [
            t["id"]
            for t in terms_page(HsdsQuery(per_page=ALL, search=words))["contents"]
        ]
        assert health in ids, words
    narrowed = terms_page(
        HsdsQuery(per_page=ALL, search="salud", taxonomy_id=SERVICE_CATEGORIES.id)
    )
    assert [t["id"] for t in narrowed["contents"]] == [health]


def test_one_by_id(app_context):
    assert one_taxonomy(SERVICE_CATEGORIES.id)["id"] == str(SERVICE_CATEGORIES.id)
    term = SERVICE_CATEGORIES.term_id("shelter")
    assert one_term(term)["id"] == str(term)
    assert one_taxonomy(uuid.uuid4()) is None
    assert one_term(uuid.uuid4()) is None
