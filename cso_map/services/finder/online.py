"""Services anyone in a country can reach: online, or offered to the whole country."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload, selectinload

from cso_map.extensions import db
from cso_map.models import (
    Location,
    Organization,
    Region,
    Service,
    TaxonomyTerm,
    service_area_regions,
)
from cso_map.services.finder.opening import is_open_at
from cso_map.services.finder.places import place_book
from cso_map.services.finder.query import HelpSearch
from cso_map.taxonomy import SERVICE_CATEGORIES, SERVICE_LANGUAGES

MAX_ONLINE = 5
FLAG_COLUMNS = {
    "free": Service.free_of_charge,
    "no_documents": Service.no_documents_required,
    "women_only": Service.women_only,
    "walk_in": Service.walk_in,
}


def online_services(search: HelpSearch, now: dt.datetime) -> list[Service]:
    """Return active services of the need, online or country-wide, by name.

    "Country-wide" means offered in the whole country of the person's state
    (either country when the state is unknown).
    """
    code = search.where.region_code
    countries = [code.split("-")[0]] if code else ["MX", "US"]
    online = select(Location.organization_id).where(Location.location_type == "virtual")
    national = (
        select(service_area_regions.c.service_id)
        .join(Region, Region.id == service_area_regions.c.region_id)
        .where(Region.level == "country", Region.code.in_(countries))
    )
    query = (
        select(Service)
        .join(Organization, Organization.id == Service.organization_id)
        .where(
            Organization.is_listed,
            Service.status == "active",
            Service.category_id == SERVICE_CATEGORIES.term_id(search.category),
            or_(Service.organization_id.in_(online), Service.id.in_(national)),
        )
        .options(joinedload(Service.organization), selectinload(Service.schedules))
        .order_by(Organization.name_key, Service.position)
    )
    for name, column in FLAG_COLUMNS.items():
        if getattr(search, name):
            query = query.where(column.is_(True))
    if search.language:
        query = query.where(
            Service.languages.any(
                TaxonomyTerm.id == SERVICE_LANGUAGES.term_id(search.language)
            )
        )
    found = list(db.session.scalars(query).unique())
    if search.open_now:  # hours of a service for a whole country: the person's time
        state = search.where.state
        zone = None if state is None else place_book().timezones[state]
        found = [s for s in found if is_open_at(s.schedules, zone, now)]
    return found[:MAX_ONLINE]
