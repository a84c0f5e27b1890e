"""Our taxonomies, terms and profile fields as HSDS 3.0 taxonomy, term and
attribute objects."""

from __future__ import annotations

import functools
import uuid

from cso_map.models import (
    Taxonomy,
    TaxonomyTerm,
)
from cso_map.services.records.ids import derived_id
from cso_map.taxonomy import PROFILE_FIELDS


def present(values: dict) -> dict:
    """Drop the fields whose value is unknown (None)."""
    return {key: value for key, value in values.items() if value is not None}


def taxonomy_object(taxonomy: Taxonomy) -> dict:
    """Return a taxonomy (one of our vocabularies)."""
    return present(
        {
            "id": str(taxonomy.id),
            "name": taxonomy.name_en,
            "description": taxonomy.name_es,
            "uri": taxonomy.uri,
            "version": taxonomy.version,
        }
    )


def term_object(term: TaxonomyTerm) -> dict:
    """Return a term: its code, its English label, its taxonomy."""
    return {
        "id": str(term.id),
        "code": term.code,
        "name": term.label_en,
        "description": term.description_en or term.label_es,
        "taxonomy_id": str(term.taxonomy_id),
        "language": "en",
    }


def attribute(
    link_id: uuid.UUID,
    link_type: str,
    term: TaxonomyTerm,
    value: object = None,
    key: str = "",
) -> dict:
    """Return an attribute: a row's term and value (`key` tells repeats apart)."""
    term_item = _term_item(
        term.id,
        term.code,
        term.label_en,
        term.description_en,
        term.label_es,
        term.taxonomy_id,
    )
    return present(
        {
            "id": derived_id(
                "attribute", link_id, term_item["id"], *([key] if key else [])
            ),
            "link_id": str(link_id),
            "link_type": link_type,
            "link_entity": link_type,
            "taxonomy_term_id": term_item["id"],
            "value": None if value is None else str(value),
            "taxonomy_term": dict(term_item),
        }
    )


@functools.lru_cache(maxsize=1024)
def _term_item(
    term_id: uuid.UUID,
    code: str,
    label_en: str,
    description_en: str,
    label_es: str,
    taxonomy_id: uuid.UUID,
) -> dict:
    """Return a term's object, made once per term (attributes repeat a few terms)."""
    return {
        "id": str(term_id),
        "code": code,
        "name": label_en,
        "description": description_en or label_es,
        "taxonomy_id": str(taxonomy_id),
        "language": "en",
    }


@functools.lru_cache(maxsize=64)
def profile_field_term(code: str) -> TaxonomyTerm:
    """Return the (unsaved) term of profile field `code`, as the database holds it."""
    term = PROFILE_FIELDS[code]
    return TaxonomyTerm(
        id=PROFILE_FIELDS.term_id(code),
        taxonomy_id=PROFILE_FIELDS.id,
        code=code,
        label_en=term.en,
        label_es=term.es,
        description_en="",
    )


def field_value(value: object) -> str:
    """Return a profile field's value as attribute text (booleans as true/false)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def field_attributes(link_id: uuid.UUID, link_type: str, values: dict) -> list[dict]:
    """Return attributes with values for the profile fields in `values` that are
    known: a flag only when it is true (no attribute means no)."""
    return [
        attribute(link_id, link_type, profile_field_term(code), field_value(value))
        for code, value in values.items()
        if value is not None and value != "" and value is not False
    ]
