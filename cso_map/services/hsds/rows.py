"""Listed organizations and services read for bulk exports: plain objects with
the attributes `objects.py` reads, loaded with Core selects a batch at a time.

The ORM builds each row into an instance with its identity map and events; for
an export of the whole directory that was most of the time (70% at 10k
organizations). These objects carry the models' attribute names, so
`objects.py` writes the same HSDS objects from either (tested against the API).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator
from types import SimpleNamespace

from sqlalchemy import ColumnElement, Select, Table, select

from cso_map.extensions import db
from cso_map.models import (
    Location,
    Organization,
    OrganizationOrigin,
    Region,
    Service,
    ServiceAtLocation,
    ServiceSchedule,
    TaxonomyTerm,
    service_area_regions,
    service_languages,
)
from cso_map.services.hsds.paging import id_batches
from cso_map.services.records.fields import Kind, fields_of
from cso_map.services.records.values import link_table

TERM_LINK_TABLES = tuple(
    (field.name, link_table(field)) for field in fields_of(Kind.TERMS)
)


def _plain(statement: Select) -> list[SimpleNamespace]:
    """Return the rows of `statement` as objects with its column names."""
    result = db.session.execute(statement)
    keys = tuple(result.keys())
    return [SimpleNamespace(**dict(zip(keys, row, strict=True))) for row in result]


def _rows(
    table: Table, column: ColumnElement[uuid.UUID], ids: list, *order: ColumnElement
) -> list[SimpleNamespace]:
    """Return the rows of `table` whose `column` is one of `ids`, as objects."""
    return _plain(select(table).where(column.in_(ids)).order_by(*order))


def _pairs(table: Table, owner: str, other: str, ids: list) -> dict[uuid.UUID, list]:
    """Return, per owner id, the ids an association table links it to."""
    found: dict[uuid.UUID, list] = defaultdict(list)
    statement = select(table.c[owner], table.c[other]).where(table.c[owner].in_(ids))
    for owner_id, other_id in db.session.execute(statement):
        found[owner_id].append(other_id)
    return found


class _Reader:
    """Terms and regions (small tables) read once; batches of rows around them."""

    def __init__(self) -> None:
        terms = _plain(select(TaxonomyTerm.__table__))
        self.terms = {term.id: term for term in terms}
        regions = _plain(select(Region.id, Region.code, Region.name_en))
        self.regions = {region.id: region for region in regions}

    def term_list(self, ids: list) -> list[SimpleNamespace]:
        """Return the terms with these ids in their vocabulary's order."""
        return sorted((self.terms[i] for i in ids), key=lambda term: term.position)

    def organizations(self, ids: list, full: bool) -> dict[uuid.UUID, SimpleNamespace]:
        """Return organizations by id; with `full`, their terms, places, origins."""
        table = Organization.__table__
        found = {item.id: item for item in _rows(table, table.c.id, ids)}
        parents = {item.parent_id for item in found.values()} - {None}
        listed = (
            set(
                db.session.scalars(
                    select(Organization.id).where(
                        Organization.id.in_(parents), Organization.is_listed
                    )
                )
            )
            if parents
            else set()
        )
        for item in found.values():
            item.parent = (
                SimpleNamespace(id=item.parent_id, is_listed=item.parent_id in listed)
                if item.parent_id
                else None
            )
        if not full:
            return found
        for item in found.values():
            for field in fields_of(Kind.TERM):
                term_id = getattr(item, f"{field.name}_id")
                setattr(item, field.name, self.terms.get(term_id))
            item.locations, item.origins = [], []
        for name, association in TERM_LINK_TABLES:
            links = _pairs(association, "organization_id", "term_id", ids)
            for item in found.values():
                setattr(item, name, self.term_list(links.get(item.id, [])))
        locations = Location.__table__
        for location in self.locations(locations.c.organization_id, ids):
            found[location.organization_id].locations.append(location)
        origins = OrganizationOrigin.__table__
        for origin in _rows(origins, origins.c.organization_id, ids):
            origin.region = self.regions.get(origin.region_id)
            found[origin.organization_id].origins.append(origin)
        return found

    def locations(
        self, column: ColumnElement[uuid.UUID], ids: list
    ) -> list[SimpleNamespace]:
        """Return the locations whose `column` is one of `ids`, with their region."""
        table = Location.__table__
        found = _rows(table, column, ids, table.c.organization_id, table.c.position)
        for location in found:
            location.region = self.regions.get(location.region_id)
        return found

    def attach_services(
        self,
        organizations: dict[uuid.UUID, SimpleNamespace],
        services: Select,
        full: bool,
    ) -> None:
        """Give each organization its services of `services`, in its order."""
        owned = services.where(Service.organization_id.in_(list(organizations)))
        ids = list(db.session.scalars(owned.with_only_columns(Service.id)))
        for organization in organizations.values():
            organization.services = []
        found = self.services(ids, organizations, full)
        for service_id in ids:
            service = found[service_id]
            organizations[service.organization_id].services.append(service)

    def services(
        self,
        ids: list,
        owners: dict[uuid.UUID, SimpleNamespace] | None = None,
        full: bool = True,
    ) -> dict[uuid.UUID, SimpleNamespace]:
        """Return services by id with everything `service_object` writes (without
        `full`, only their organization, category and languages)."""
        table = Service.__table__
        found = {item.id: item for item in _rows(table, table.c.id, ids)}
        if owners is None:
            owners = self.organizations(
                list({item.organization_id for item in found.values()}), full=False
            )
        languages = _pairs(service_languages, "service_id", "term_id", ids)
        for item in found.values():
            item.organization = owners[item.organization_id]
            item.category = self.terms[item.category_id]
            item.languages = self.term_list(languages.get(item.id, []))
        if not full:
            return found
        areas = _pairs(service_area_regions, "service_id", "region_id", ids)
        for item in found.values():
            item.area_regions = sorted(
                (self.regions[i] for i in areas.get(item.id, [])),
                key=lambda region: region.code,
            )
            item.schedules, item.at_locations = [], []
        hours = ServiceSchedule.__table__
        for row in _rows(
            hours, hours.c.service_id, ids, hours.c.weekday, hours.c.opens_at
        ):
            found[row.service_id].schedules.append(row)
        links = ServiceAtLocation.__table__
        placed = _rows(links, links.c.service_id, ids, links.c.location_id)
        places = {
            location.id: location
            for location in self.locations(
                Location.__table__.c.id, list({link.location_id for link in placed})
            )
        }
        for link in placed:
            link.location = places[link.location_id]
            found[link.service_id].at_locations.append(link)
        return found


def plain_organizations(
    statement: Select, services: Select | None = None, service_details: bool = True
) -> Iterator[SimpleNamespace]:
    """Yield the organizations of `statement`, in order, with what HSDS writes;
    given a `services` statement, each with its services of it as `.services`
    (without `service_details`: no hours, areas or places)."""
    reader = _Reader()
    for ids in id_batches(statement):
        found = reader.organizations(ids, full=True)
        if services is not None:
            reader.attach_services(found, services, service_details)
        yield from (found[i] for i in ids)


def plain_services(statement: Select) -> Iterator[SimpleNamespace]:
    """Yield the services of `statement`, in order, with what HSDS writes."""
    reader = _Reader()
    for ids in id_batches(statement):
        found = reader.services(ids)
        yield from (found[i] for i in ids)
