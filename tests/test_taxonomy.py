"""The vocabularies match product.md, and term ids are stable everywhere."""

import re
import uuid

import pytest

from cso_map.taxonomy import (
    BUDGET_BANDS,
    CSO_TYPES,
    ENGAGEMENT_LEVELS,
    SERVICE_CATEGORIES,
    SKILLS,
    SUPPORT_NEEDS,
    TARGET_GROUPS,
    VOCABULARIES,
    normalize_language,
)


def product_text(shared_dir) -> str:
    return (shared_dir / "docs" / "product.md").read_text(encoding="utf-8")


def test_service_categories_and_labels_are_those_of_product_md(shared_dir):
    rows = re.findall(
        r"^\| `(\w+)` \| ([^|]+) \| ([^|]+) \|$", product_text(shared_dir), re.M
    )
    assert [(code, en.strip(), es.strip()) for code, en, es in rows] == [
        (term.code, term.en, term.es) for term in SERVICE_CATEGORIES.terms
    ]


@pytest.mark.parametrize(
    ("heading", "vocabulary"),
    [("**CSO types**", CSO_TYPES), ("**Target groups**", TARGET_GROUPS)],
)
def test_code_lists_are_those_of_product_md(shared_dir, heading, vocabulary):
    text = product_text(shared_dir)
    paragraph = text[text.index(heading) :].split("\n\n")[0]
    assert re.findall(r"`(\w+)`", paragraph) == vocabulary.codes()


@pytest.mark.parametrize(
    ("marker", "vocabulary"),
    [
        ("budget band (", BUDGET_BANDS),
        ("skills it can offer (", SKILLS),
        ("support it needs (", SUPPORT_NEEDS),
    ],
)
def test_capacity_profile_codes_are_those_of_product_md(shared_dir, marker, vocabulary):
    text = product_text(shared_dir)
    inside = text[text.index(marker) + len(marker) :].split(")")[0]
    assert re.findall(r"`(\w+)`", inside) == vocabulary.codes()


def test_engagement_spectrum_runs_from_none_to_empower(shared_dir):
    text = product_text(shared_dir)
    paragraph = text[text.index("**Engagement spectrum**") :].split("\n\n")[0]
    assert re.findall(r"`(\w+)`", paragraph) == ENGAGEMENT_LEVELS.codes()


def test_every_term_has_both_labels_and_unique_codes():
    for vocabulary in VOCABULARIES.values():
        codes = vocabulary.codes()
        assert len(codes) == len(set(codes)), vocabulary.code
        for term in vocabulary.terms:
            assert term.en.strip(), (vocabulary.code, term.code)
            assert term.es.strip(), (vocabulary.code, term.code)


def test_term_ids_are_uuid5_of_taxonomy_and_code():
    namespace = uuid.UUID("6f6a2b8e-2f5c-4d0e-9a51-0c5a1d7e4b10")
    expected = uuid.uuid5(namespace, "service_category/legal_advice")
    assert SERVICE_CATEGORIES.term_id("legal_advice") == expected
    assert SKILLS.term_id("training") != SUPPORT_NEEDS.term_id("training")


@pytest.mark.parametrize(
    ("given", "stored"), [("es", "spa"), ("EN", "eng"), (" ht ", "hat"), ("mix", "mix")]
)
def test_languages_are_stored_by_iso_639_3_code(given, stored):
    assert normalize_language(given) == stored
