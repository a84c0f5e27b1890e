"""The taxonomy tables are kept equal to the vocabularies in code."""

from sqlalchemy import func, select

from cso_map.extensions import db
from cso_map.models import Taxonomy, TaxonomyTerm
from cso_map.services.ops.vocabularies import list_taxonomies, sync_taxonomies
from cso_map.taxonomy import SERVICE_CATEGORIES, VOCABULARIES

TERMS = sum(len(vocabulary.terms) for vocabulary in VOCABULARIES.values())


def test_syncing_writes_every_term_and_repairs_edits(app_context):
    health = db.session.get(TaxonomyTerm, SERVICE_CATEGORIES.term_id("health"))
    health.label_es = "cambiado"
    health.position = 99
    db.session.commit()
    assert sync_taxonomies() == TERMS
    db.session.expire_all()
    health = db.session.get(TaxonomyTerm, SERVICE_CATEGORIES.term_id("health"))
    assert (health.label_en, health.label_es, health.position) == (
        "Health care",
        "Salud",
        3,
    )
    assert health.taxonomy_id == SERVICE_CATEGORIES.id
    assert db.session.scalar(select(func.count()).select_from(TaxonomyTerm)) == TERMS
    assert sync_taxonomies() == TERMS  # again: nothing new
    assert db.session.scalar(select(func.count()).select_from(TaxonomyTerm)) == TERMS


def test_taxonomies_are_listed_in_the_vocabularies_order_with_terms(app_context):
    taxonomies = list_taxonomies()
    assert [t.code for t in taxonomies] == list(VOCABULARIES)
    categories = taxonomies[0]
    assert isinstance(categories, Taxonomy)
    assert (categories.name_en, categories.version) == ("Integration services", "1")
    assert sorted(t.code for t in categories.terms) == sorted(
        SERVICE_CATEGORIES.codes()
    )
