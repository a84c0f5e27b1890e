"""The HSDS 3.0 read API's taxonomies and taxonomy terms."""

from __future__ import annotations

import uuid

from sqlalchemy import func, or_, select

from cso_map.extensions import db
from cso_map.models import Taxonomy, TaxonomyTerm
from cso_map.services.hsds.attributes import taxonomy_object, term_object
from cso_map.services.hsds.paging import HsdsQuery, page_of


def taxonomies_page(query: HsdsQuery) -> dict:
    """Return a page of our taxonomies."""
    statement = select(Taxonomy).order_by(Taxonomy.code)
    if query.search:
        statement = statement.where(
            func.lower(Taxonomy.name_en).contains(query.search.lower())
        )
    return page_of(statement, query, taxonomy_object)


def one_taxonomy(taxonomy_id: uuid.UUID) -> dict | None:
    """Return one taxonomy."""
    taxonomy = db.session.get(Taxonomy, taxonomy_id)
    return taxonomy_object(taxonomy) if taxonomy else None


def terms_page(query: HsdsQuery) -> dict:
    """Return a page of taxonomy terms (optionally of one taxonomy)."""
    statement = select(TaxonomyTerm).order_by(
        TaxonomyTerm.taxonomy_id, TaxonomyTerm.position
    )
    if query.taxonomy_id:
        statement = statement.where(TaxonomyTerm.taxonomy_id == query.taxonomy_id)
    if query.search:
        words = query.search.lower()
        statement = statement.where(
            or_(
                func.lower(TaxonomyTerm.label_en).contains(words),
                func.lower(TaxonomyTerm.label_es).contains(words),
                TaxonomyTerm.code.contains(words),
            )
        )
    return page_of(statement, query, term_object)


def one_term(term_id: uuid.UUID) -> dict | None:
    """Return one taxonomy term."""
    term = db.session.get(TaxonomyTerm, term_id)
    return term_object(term) if term else None
