"""Keep the taxonomy tables equal to the vocabularies in `cso_map.taxonomy`."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from cso_map.extensions import db
from cso_map.models import Taxonomy, TaxonomyTerm
from cso_map.taxonomy import VOCABULARIES


def sync_taxonomies() -> int:
    """Insert or update every vocabulary and term; return how many terms."""
    written = 0
    for vocabulary in VOCABULARIES.values():
        taxonomy = db.session.get(Taxonomy, vocabulary.id) or Taxonomy(id=vocabulary.id)
        taxonomy.code = vocabulary.code
        taxonomy.name_en = vocabulary.en
        taxonomy.name_es = vocabulary.es
        taxonomy.version = "1"
        db.session.add(taxonomy)
        for position, term in enumerate(vocabulary.terms):
            term_id = vocabulary.term_id(term.code)
            row = db.session.get(TaxonomyTerm, term_id) or TaxonomyTerm(id=term_id)
            row.taxonomy_id = vocabulary.id
            row.code = term.code
            row.label_en, row.label_es = term.en, term.es
            row.description_en, row.description_es = (
                term.description_en,
                term.description_es,
            )
            row.position = position
            db.session.add(row)
            written += 1
    db.session.commit()
    return written


def list_taxonomies() -> list[Taxonomy]:
    """Return every taxonomy with its terms loaded, in the vocabularies' order."""
    order = list(VOCABULARIES)
    rows = db.session.scalars(select(Taxonomy).options(selectinload(Taxonomy.terms)))
    return sorted(
        rows,
        key=lambda item: order.index(item.code) if item.code in order else len(order),
    )
