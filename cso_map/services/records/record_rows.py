"""Records as table rows: tuples in `RECORD_COLUMNS` order, written in batches."""

from __future__ import annotations

import datetime as dt
import json
import uuid

from sqlalchemy import Table

from cso_map.extensions import db
from cso_map.geo.boundaries import from_geojson
from cso_map.geo.locate import locate_points
from cso_map.geo.timezones import zones_at
from cso_map.models import (
    AuditEvent,
    Location,
    Organization,
    OrganizationOrigin,
    Region,
    User,
)
from cso_map.models.base import utcnow
from cso_map.services.directory.search_index import organization_search_text
from cso_map.services.records.columns import (
    AUDIT_COLUMNS,
    ORGANIZATION_FLAGS,
    ORGANIZATION_TERM_LISTS,
    ORGANIZATION_TERMS,
    ORGANIZATION_TEXT,
    ORGANIZATION_VALUES,
    RECORD_COLUMNS,
    STORED_COLUMNS,
)
from cso_map.services.records.driver import DriverWriter
from cso_map.services.records.ids import derived_id
from cso_map.services.records.service_rows import ServiceRows, stored_date
from cso_map.taxonomy import VOCABULARIES
from cso_map.text import fold


class RecordRows(ServiceRows):
    """Table rows (tuples in `RECORD_COLUMNS` order) gathered from records, written in
    batches, parents first."""

    def __init__(
        self,
        regions: dict[str, Region],
        today: dt.date,
        is_demo: bool,
        existing: dict[str, tuple],
    ) -> None:
        self.regions = regions
        self.today = today
        self.is_demo = is_demo
        self.existing = existing
        self.now = utcnow()
        self.tables: dict[Table, list[tuple]] = {table: [] for table in RECORD_COLUMNS}
        self.updates: list[tuple] = []
        self.parents: list[tuple] = []
        self.location_regions: dict[str, str | None] = {}
        self.location_zones: dict[str, str | None] = {}
        self.states = [region for region in regions.values() if region.level == "state"]
        self.shapes = [from_geojson(state.geometry) for state in self.states]
        self.writer = DriverWriter(db.session.connection())
        self.key = self.writer.key
        self.term_keys = {
            name: {code: self.key(str(i)) for code, i in vocabulary.term_ids.items()}
            for name, vocabulary in VOCABULARIES.items()
        }
        self.region_keys = {code: self.key(str(r.id)) for code, r in regions.items()}

    def term(self, vocabulary: str, code: str | None) -> str | None:
        """Return the stored id of the term `code`, refusing unknown codes."""
        if code is None:
            return None
        found = self.term_keys[vocabulary].get(code)
        if found is None:
            raise ValueError(f"unknown {vocabulary} code {code!r}")
        return found

    def region(self, code: str | None) -> str | None:
        """Return the id of region `code` as stored, refusing unknown codes."""
        if not code:
            return None
        if code not in self.region_keys:
            raise ValueError(f"unknown region code {code!r}")
        return self.region_keys[code]

    def locate(self, locations: list[dict]) -> None:
        """Find the state each place falls in (else the state it names) and the
        time zone of its point, at once."""
        points = [location for location in locations if location.get("lat") is not None]
        lons = [point["lon"] for point in points]
        lats = [point["lat"] for point in points]
        found = locate_points(lons, lats, self.shapes)
        for point, zone in zip(points, zones_at(lons, lats), strict=True):
            self.location_zones[point["id"]] = zone
        for point, index in zip(points, found, strict=True):
            if index >= 0:
                self.location_regions[point["id"]] = self.region(
                    self.states[index].code
                )
        for location in locations:
            if location["id"] not in self.location_regions:
                self.location_regions[location["id"]] = self.region(
                    location.get("state")
                )

    def add_organization(self, record: dict, org_id: str) -> None:
        """Add the rows of one organization record and everything it contains."""
        org_key = self.key(org_id)
        reviewed = stored_date(
            record.get("reviewed_on"), self.today, record.get("reviewed_days_ago")
        )
        before = self.existing.get(org_id)
        status = record.get("verification_status") or (
            before[0] if before else "unverified"
        )
        row = self.organization_row(record, org_key, status, reviewed)
        if before is None:
            self.tables[Organization.__table__].append(
                (
                    *row,
                    dt.datetime.combine(reviewed, dt.time(12), dt.UTC)
                    if status == "verified" and reviewed
                    else None,
                    bool(record.get("demo", self.is_demo)),
                    1,
                    self.now,
                )
            )
        else:
            self.updates.append(row)
        parent = record.get("parent_id")
        if parent or before is not None:
            self.parents.append(
                (org_key, self.key(str(uuid.UUID(parent))) if parent else None)
            )
        self.add_ties(record, org_id, org_key)
        for position, location in enumerate(record["locations"]):
            self.add_location(org_key, position, location)
        for position, service in enumerate(record["services"]):
            self.add_service(org_key, position, service)

    def organization_row(
        self, record: dict, org_key: str, status: str, reviewed: dt.date | None
    ) -> tuple:
        """Return the columns an insert and an update of the organization share."""
        confidential = bool(record.get("location_confidential"))
        return (
            org_key,
            *[record.get(name) for name in ORGANIZATION_VALUES],
            *[bool(record.get(name)) for name in ORGANIZATION_FLAGS],
            record.get("status") or "active",
            status,
            *[record.get(name) or "" for name in ORGANIZATION_TEXT],
            *[
                self.term(vocabulary, record.get(name))
                for vocabulary, name in ORGANIZATION_TERMS
            ],
            reviewed,
            fold(record["name"]),
            organization_search_text(
                record["name"],
                record.get("alternate_name"),
                " ".join(
                    filter(
                        None,
                        (
                            record.get("description"),
                            record.get("description_translation"),
                        ),
                    )
                ),
                [
                    name
                    for service in record["services"]
                    for name in (service["name"], service.get("name_translation"))
                ],
                [] if confidential else [x.get("city") for x in record["locations"]],
            ),
            self.now,
        )

    def add_ties(self, record: dict, org_id: str, org_key: str) -> None:
        """Add the organization's terms (groups, skills, needs) and origins."""
        for vocabulary, name, table in ORGANIZATION_TERM_LISTS:
            codes = record.get(name)
            if codes:
                self.tables[table] += [
                    (org_key, self.term(vocabulary, code))
                    for code in dict.fromkeys(codes)
                ]
        for origin in record.get("origins", ()):
            parts = (origin["country"], origin.get("region"), origin.get("community"))
            self.tables[OrganizationOrigin.__table__].append(
                (
                    self.key(derived_id("origin", org_id, *parts)),
                    org_key,
                    parts[0],
                    self.region(parts[1]),
                    parts[2],
                )
            )

    def add_location(self, org_key: str, position: int, location: dict) -> None:
        """Add the row of one location."""
        self.tables[Location.__table__].append(
            (
                self.key(location["id"]),
                org_key,
                position,
                location.get("name"),
                location["type"],
                location.get("url"),
                location.get("lat"),
                location.get("lon"),
                location.get("address_1"),
                location.get("address_2"),
                location.get("city"),
                location.get("state_province"),
                location.get("postal_code"),
                location.get("country"),
                location.get("transportation") or "",
                self.location_regions.get(location["id"]),
                bool(location.get("approximate")),
                self.location_zones.get(location["id"]),
                self.now,
                self.now,
            )
        )

    def write(self) -> None:
        """Write the rows gathered so far: updates first, then inserts by table."""
        if self.updates:
            self.writer.update(
                Organization.__table__,
                STORED_COLUMNS,
                self.updates,
                raise_version=True,
            )
            self.updates = []
        for table, columns in RECORD_COLUMNS.items():
            if self.tables[table]:
                self.writer.insert(table, columns, self.tables[table])
                self.tables[table] = []
        self.writer.forget()

    def link_parents(self) -> None:
        """Set each organization's federation once every organization exists."""
        if self.parents:
            self.writer.update(
                Organization.__table__, ("id", "parent_id"), self.parents
            )

    def audit(self, ids: list[str], by: User | None, source: str) -> None:
        """Record one "import" event per organization written."""
        after = json.dumps({"source": source})
        user = self.key(str(by.id)) if by else None
        rows = [
            (
                self.key(str(uuid.uuid4())),
                self.now,
                user,
                "import",
                "organization",
                self.key(org_id),
                self.key(org_id),
                "{}",
                after,
            )
            for org_id in ids
        ]
        self.writer.insert(AuditEvent.__table__, AUDIT_COLUMNS, rows)
