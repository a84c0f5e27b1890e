"""Services given by phone or online where the person is (see snapshot/reach.py)."""

from __future__ import annotations

import datetime as dt
import uuid

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from cso_map.extensions import db
from cso_map.geo.timezones import zone_at
from cso_map.models import Organization, Service, TaxonomyTerm
from cso_map.services.finder.opening import is_open_at
from cso_map.services.finder.query import HelpSearch
from cso_map.services.snapshot.build import DirectorySnapshot
from cso_map.taxonomy import SERVICE_CATEGORIES, SERVICE_LANGUAGES

MAX_ONLINE = 5
FLAG_COLUMNS = {
    "free": Service.free_of_charge,
    "no_documents": Service.no_documents_required,
    "women_only": Service.women_only,
    "walk_in": Service.walk_in,
}


def _remote_here(search: HelpSearch, snapshot: DirectorySnapshot) -> list[uuid.UUID]:
    """Return the ids of the services of the need given remotely where the
    person is (in every state of a country, when their state is unknown)."""
    services = snapshot.services
    state = search.where.state
    if state is not None:
        reaching = snapshot.reaching_remotely([state])
    else:
        remote = snapshot.remote
        countries = snapshot.regions["code"].str[:2].to_numpy(str)
        reaching = np.zeros(len(services), bool)
        for country in np.unique(countries):
            states = np.flatnonzero(countries == country)
            inside = remote.service[np.isin(remote.region, states)]
            reaching |= np.bincount(inside, minlength=len(services)) == len(states)
    reaching &= services["category"].to_numpy(object) == search.category
    return [uuid.UUID(found) for found in services["id"].to_numpy(str)[reaching]]


def online_services(
    search: HelpSearch, now: dt.datetime, snapshot: DirectorySnapshot
) -> list[Service]:
    """Return active services of the need given by phone or online where the
    person is, by name.

    "Where the person is" is their state; when it is unknown, a service must be
    offered remotely in every state of a country.
    """
    query = (
        select(Service)
        .join(Organization, Organization.id == Service.organization_id)
        .where(
            Organization.is_listed,
            Service.status == "active",
            Service.category_id == SERVICE_CATEGORIES.term_id(search.category),
            Service.id.in_(_remote_here(search, snapshot)),
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
    if search.open_now:  # remote hours: in the person's time
        zone = zone_at(search.where.lon, search.where.lat)
        found = [s for s in found if is_open_at(s.schedules, zone, now)]
    return found[:MAX_ONLINE]
