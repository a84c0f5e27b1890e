"""A region page: its sub-regions, the organizations there, and per category the
services (and organizations) that reach it."""

from sqlalchemy import select

from cso_map.extensions import db
from cso_map.models import Region
from cso_map.services.directory.region_overview import (
    CategoryPresence,
    region_overview,
    services_by_category,
)
from cso_map.taxonomy import SERVICE_CATEGORIES


def region(code):
    return db.session.scalar(select(Region).where(Region.code == code))


def present(rows):
    return {row.code: (row.services, row.organizations) for row in rows if row.services}


def test_every_category_is_counted_in_taxonomy_order(app_context, directory):
    rows = services_by_category(region("US-NV"))
    assert [row.code for row in rows] == SERVICE_CATEGORIES.codes()
    assert rows[0] == CategoryPresence("orientation", 0, 0)
    assert present(rows) == {}


def test_a_state_counts_what_is_delivered_there_or_listed_for_it_or_its_country(
    app_context, directory
):
    # india and alpha list Zacatecas for their origin work; hotel is in Jerez
    # (its legal advice is inactive); echo offers legal advice and orientation
    # to all of Mexico.
    assert present(services_by_category(region("MX-ZAC"))) == {
        "origin_development": (2, 2),
        "entrepreneurship": (1, 1),
        "legal_advice": (1, 1),
        "orientation": (1, 1),
    }


def test_a_country_counts_its_states_too(app_context, directory):
    assert present(services_by_category(region("MX"))) == {
        "origin_development": (2, 2),
        "entrepreneurship": (1, 1),
        "legal_advice": (1, 1),
        "orientation": (1, 1),
        "shelter": (1, 1),
        "health": (1, 1),
        "womens_services": (1, 1),
    }
    # Illinois: india's legal advice and alpha's civic participation are listed
    # for it; both have their place in Chicago, as does their origin work.
    assert present(services_by_category(region("US-IL"))) == {
        "origin_development": (2, 2),
        "legal_advice": (1, 1),
        "civic_participation": (1, 1),
    }


def test_the_overview_of_a_state_and_of_a_country(app_context, directory):
    zacatecas = region_overview(region("MX-ZAC"))
    assert zacatecas.subregions == []
    assert [o.name for o in zacatecas.organizations.items] == [
        "Club Jerez de Chicago",
        "Cooperativa Ñandú de Jerez",
        "Federación Zacatecana de Illinois",
        "Red Nacional Ejemplo",
    ]
    assert zacatecas.organizations.total == 4
    assert present(zacatecas.categories)["origin_development"] == (2, 2)
    mexico = region_overview(region("MX"), per_page=2)
    assert len(mexico.subregions) == 32
    assert [r.code for r in mexico.subregions][:2] == ["MX-AGU", "MX-BCN"]
    # Located in Mexico or reaching it: every listed organization but bravo (CA).
    assert mexico.organizations.total == 6
    assert [o.name for o in mexico.organizations.items] == [
        "Casa del Migrante Ejemplo",
        "Club Jerez de Chicago",
    ]
