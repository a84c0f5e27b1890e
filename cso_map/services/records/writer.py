"""Write organization records in bulk: the demo, benchmarks and every import.

A record is the plain dictionary of `seed_data/organizations.json` (documented in
`seed_data/README.md`): the organization's fields and codes, its origins, its
locations and its services with their languages, areas, hours and places. Dates
may be given as ISO dates (`reviewed_on`, `assured_on`) or as days before today.

Writing is one transaction. A record whose id is new is inserted; a record whose
id exists replaces that organization in place: its row is updated (same id, the
version raised) and its services, places, origins and terms are rewritten with
the ids the record gives, so re-importing the same file changes nothing and adds
nothing. Rows the record gives no id for (hours, origins, service places) get
ids derived from what they hold, which are stable across imports too.

Rows are written in batches, straight through the database driver (ids stay
text until then): at 100k organizations SQLAlchemy's per-row work would cost
more than the database itself (see bench/import.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import json
import operator
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import (
    Index,
    Table,
    Uuid,
    delete,
    func,
    select,
)
from sqlalchemy.engine import Connection

from cso_map.extensions import db
from cso_map.geo.boundaries import from_geojson
from cso_map.geo.locate import locate_points
from cso_map.models import (
    AuditEvent,
    Location,
    Organization,
    OrganizationOrigin,
    Region,
    Service,
    ServiceAtLocation,
    ServiceSchedule,
    User,
    organization_skills,
    organization_support_needs,
    organization_target_groups,
    service_area_regions,
    service_languages,
)
from cso_map.models.base import utcnow
from cso_map.services.directory.regions import regions_by_code
from cso_map.services.directory.search_index import organization_search_text
from cso_map.services.hsds.objects import derived_id
from cso_map.services.snapshot.data_version import bump_data_version
from cso_map.taxonomy import VOCABULARIES
from cso_map.text import fold

CHUNK = 500
BATCH = 5000
SQLITE_CACHE_KB = 256 * 1024
ORGANIZATION_TEXT = (
    "name",
    "alternate_name",
    "email",
    "website",
    "phone",
    "year_founded",
    "legal_status",
    "paid_staff",
    "volunteers",
    "members",
)
ORGANIZATION_FLAGS = (
    "legally_registered",
    "open_to_mentor",
    "seeking_mentor",
    "women_led",
    "location_confidential",
)
ORGANIZATION_TERMS = (
    ("target_group", "target_groups", organization_target_groups),
    ("skill", "skills", organization_skills),
    ("support_need", "support_needs", organization_support_needs),
)
SERVICE_VALUES = (
    "name",
    "url",
    "email",
    "phone",
    "minimum_age",
    "maximum_age",
    "capacity_per_month",
    "radius_km",
)
SERVICE_FLAGS = ("free_of_charge", "no_documents_required", "women_only", "walk_in")
SERVICE_TEXT = (
    "description",
    "eligibility_notes",
    "application_process",
    "hours_notes",
)
ORGANIZATION_COLUMNS = (
    "id",
    *ORGANIZATION_TEXT,
    *ORGANIZATION_FLAGS,
    "status",
    "verification_status",
    "description",
    "contact_instructions",
    "type_id",
    "budget_band_id",
    "engagement_level_id",
    "last_reviewed_on",
    "name_key",
    "search_text",
    "updated_at",
)
# The columns of each table a record fills, in the order its rows are tuples.
COLUMNS: dict[Table, tuple[str, ...]] = {
    Organization.__table__: (
        *ORGANIZATION_COLUMNS,
        "verified_at",
        "is_demo",
        "version",
        "created_at",
    ),
    Location.__table__: (
        "id",
        "organization_id",
        "position",
        "name",
        "location_type",
        "url",
        "latitude",
        "longitude",
        "address_1",
        "address_2",
        "city",
        "state_province",
        "postal_code",
        "country",
        "transportation",
        "region_id",
        "approximate",
        "created_at",
        "updated_at",
    ),
    OrganizationOrigin.__table__: (
        "id",
        "organization_id",
        "country_code",
        "region_id",
        "community",
    ),
    organization_target_groups: ("organization_id", "term_id"),
    organization_skills: ("organization_id", "term_id"),
    organization_support_needs: ("organization_id", "term_id"),
    Service.__table__: (
        "id",
        "organization_id",
        "position",
        "category_id",
        *SERVICE_VALUES,
        "status",
        *SERVICE_FLAGS,
        *SERVICE_TEXT,
        "assured_on",
        "created_at",
        "updated_at",
    ),
    service_languages: ("service_id", "term_id"),
    service_area_regions: ("service_id", "region_id"),
    ServiceSchedule.__table__: ("id", "service_id", "weekday", "opens_at", "closes_at"),
    ServiceAtLocation.__table__: ("id", "service_id", "location_id"),
}
AUDIT_COLUMNS = (
    "id",
    "at",
    "user_id",
    "action",
    "entity",
    "entity_id",
    "organization_id",
    "before",
    "after",
)


@dataclass
class WriteReport:
    """Which organizations a write added and which it replaced in place."""

    added: list[uuid.UUID] = field(default_factory=list)
    updated: list[uuid.UUID] = field(default_factory=list)


def existing_organizations(ids: Iterable[str]) -> dict[str, tuple]:
    """Return (verification status, is demo) of the ids that exist, by id text."""
    table = Organization.__table__
    found: dict[str, tuple] = {}
    for chunk in chunked([uuid.UUID(str(value)) for value in ids]):
        rows = db.session.execute(
            select(table.c.id, table.c.verification_status, table.c.is_demo).where(
                table.c.id.in_(chunk)
            )
        )
        found.update({str(row[0]): tuple(row[1:]) for row in rows})
    return found


def chunked(values: Sequence, size: int = CHUNK) -> Iterable[Sequence]:
    """Yield `values` in slices of at most `size` (bounded SQL IN lists)."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


@contextmanager
def paused_collector() -> Iterator[None]:
    """Pause Python's cycle collector: a bulk import builds millions of objects and
    no cycles, and each collection would walk all of them again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def write_organizations(
    records: list[dict],
    today: dt.date,
    is_demo: bool = False,
    replace: bool = True,
    by: User | None = None,
    source: str = "",
    existing: dict[str, tuple] | None = None,
) -> WriteReport:
    """Insert new records and (with `replace`) rewrite existing ones; one commit.

    `existing` is what `existing_organizations` says of the records' ids, when
    the caller has already asked.
    """
    ids = [str(uuid.UUID(record["id"])) for record in records]
    if existing is None:
        existing = existing_organizations(ids)
    if not replace:
        kept = [(r, i) for r, i in zip(records, ids, strict=True) if i not in existing]
        records, ids = [r for r, _ in kept], [i for _, i in kept]
    report = WriteReport(
        added=[uuid.UUID(i) for i in ids if i not in existing],
        updated=[uuid.UUID(i) for i in ids if i in existing],
    )
    if not records:
        return report
    rows = _Rows(regions_by_code(), today, is_demo, existing)
    with paused_collector():
        try:
            with _large_sqlite_cache():
                _delete_children(report.updated)
                indexes = _indexes_to_rebuild(len(report.added))
                for index in indexes:
                    index.drop(bind=db.session.connection())
                for start in range(0, len(records), BATCH):
                    batch = records[start : start + BATCH]
                    rows.locate(
                        [place for record in batch for place in record["locations"]]
                    )
                    batch_ids = ids[start : start + BATCH]
                    for record, org_id in zip(batch, batch_ids, strict=True):
                        rows.add_organization(record, org_id)
                    rows.write()
                rows.link_parents()
                for index in indexes:
                    index.create(bind=db.session.connection())
            if by is not None or source:
                rows.audit(ids, by, source)
            bump_data_version()
            db.session.commit()
        except Exception:
            db.session.rollback()
            raise
    return report


def _indexes_to_rebuild(adding: int) -> list[Index]:
    """Return the indexes to drop and build again around a large load on SQLite.

    Building an index once from the loaded rows is faster than updating it row by
    row, when the load is at least as large as what is there. PostgreSQL keeps its
    indexes: dropping one would lock readers out until the import commits.
    """
    connection = db.session.connection()
    if connection.dialect.name != "sqlite":
        return []
    present = db.session.scalar(select(func.count()).select_from(Organization))
    if adding < max(present, BATCH):
        return []
    return [index for table in COLUMNS for index in table.indexes]


@contextmanager
def _large_sqlite_cache() -> Iterator[None]:
    """Give SQLite room for the indexes a bulk write touches (the default is 2 MB),
    then give the pooled connection its usual cache back."""
    connection = db.session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    previous = int(connection.exec_driver_sql("PRAGMA cache_size").scalar())
    connection.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {previous}")


def _delete_children(organization_ids: list[uuid.UUID]) -> None:
    """Remove what replaced organizations hold, before it is written again.

    Grandchildren go first, by set, so the cascades find nothing left to do row
    by row.
    """
    services = Service.__table__
    locations = Location.__table__
    for chunk in chunked(organization_ids):
        owned_services = select(services.c.id).where(
            services.c.organization_id.in_(chunk)
        )
        for table in (
            service_languages,
            service_area_regions,
            ServiceSchedule.__table__,
            ServiceAtLocation.__table__,
        ):
            db.session.execute(
                delete(table).where(table.c.service_id.in_(owned_services))
            )
        for _, _, table in ORGANIZATION_TERMS:
            db.session.execute(delete(table).where(table.c.organization_id.in_(chunk)))
        for table in (services, locations, OrganizationOrigin.__table__):
            db.session.execute(delete(table).where(table.c.organization_id.in_(chunk)))


def _date(value: str | None, today: dt.date, days: int | None) -> dt.date | None:
    """Return an ISO date, else the date `days` before `today`, else None."""
    if value:
        return dt.date.fromisoformat(value)
    return None if days is None else today - dt.timedelta(days=int(days))


def _timestamp(value: str | None, default: dt.datetime) -> dt.datetime:
    if not value:
        return default
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


class _Rows:
    """Table rows (tuples in `COLUMNS` order) gathered from records, written in
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
        self.tables: dict[Table, list[tuple]] = {table: [] for table in COLUMNS}
        self.updates: list[tuple] = []
        self.parents: list[tuple] = []
        self.location_regions: dict[str, str | None] = {}
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
        """Find the state each place falls in (else the state it names), at once."""
        points = [location for location in locations if location.get("lat") is not None]
        found = locate_points(
            [point["lon"] for point in points],
            [point["lat"] for point in points],
            self.shapes,
        )
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
        reviewed = _date(
            record.get("reviewed_on"), self.today, record.get("reviewed_days_ago")
        )
        before = self.existing.get(org_id)
        status = record.get("verification_status") or (
            before[0] if before else "unverified"
        )
        confidential = bool(record.get("location_confidential"))
        row = (
            org_key,
            *[record.get(name) for name in ORGANIZATION_TEXT],
            *[bool(record.get(name)) for name in ORGANIZATION_FLAGS],
            record.get("status") or "active",
            status,
            record.get("description") or "",
            record.get("contact_instructions") or "",
            self.term("cso_type", record["type"]),
            self.term("budget_band", record.get("budget_band")),
            self.term("engagement_level", record["engagement_level"]),
            reviewed,
            fold(record["name"]),
            organization_search_text(
                record["name"],
                record.get("alternate_name"),
                record.get("description"),
                [service["name"] for service in record["services"]],
                [] if confidential else [x.get("city") for x in record["locations"]],
            ),
            self.now,
        )
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
        for vocabulary, name, table in ORGANIZATION_TERMS:
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
        for position, location in enumerate(record["locations"]):
            self.add_location(org_key, position, location)
        for position, service in enumerate(record["services"]):
            self.add_service(org_key, position, service)

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
                self.now,
                self.now,
            )
        )

    def add_service(self, org_key: str, position: int, service: dict) -> None:
        """Add the rows of one service, its languages, area, hours and locations."""
        service_id = service["id"]
        service_key = self.key(service_id)
        self.tables[Service.__table__].append(
            (
                service_key,
                org_key,
                position,
                self.term("service_category", service["category"]),
                *[service.get(name) for name in SERVICE_VALUES],
                service.get("status") or "active",
                *[bool(service.get(name)) for name in SERVICE_FLAGS],
                *[service.get(name) or "" for name in SERVICE_TEXT],
                _date(
                    service.get("assured_on"),
                    self.today,
                    service.get("assured_days_ago"),
                ),
                self.now,
                _timestamp(service.get("last_modified"), self.now),
            )
        )
        languages = service.get("languages")
        if languages:
            self.tables[service_languages] += [
                (service_key, self.term("language", code))
                for code in dict.fromkeys(languages)
            ]
        areas = service.get("area_regions")
        if areas:
            self.tables[service_area_regions] += [
                (service_key, self.region(code)) for code in dict.fromkeys(areas)
            ]
        schedules = service.get("schedules")
        if schedules:
            self.tables[ServiceSchedule.__table__] += [
                (
                    self.key(
                        hours[3]
                        if len(hours) > 3
                        else derived_id("schedule", service_id, *hours[:3])
                    ),
                    service_key,
                    hours[0],
                    _time(hours[1]),
                    _time(hours[2]),
                )
                for hours in dict.fromkeys(map(tuple, schedules))
            ]
        links = service.get("link_ids", {})
        self.tables[ServiceAtLocation.__table__] += [
            (
                self.key(
                    links.get(location_id)
                    or derived_id("service_at_location", service_id, location_id)
                ),
                service_key,
                self.key(location_id),
            )
            for location_id in dict.fromkeys(service.get("location_ids", ()))
        ]

    def write(self) -> None:
        """Write the rows gathered so far: updates first, then inserts by table."""
        if self.updates:
            self.writer.update(
                Organization.__table__,
                ORGANIZATION_COLUMNS,
                self.updates,
                raise_version=True,
            )
            self.updates = []
        for table, columns in COLUMNS.items():
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


@functools.lru_cache(maxsize=4096)
def _time(text: str) -> dt.time:
    """Return a time of day from "HH:MM" (hours repeat: each is read once)."""
    return dt.time.fromisoformat(text)


class DriverWriter:
    """Writes rows through the driver's executemany, encoding each value once.

    Rows are tuples; ids come already as the database stores them (`key`); every
    other value is encoded by its column type's own bind processor, as
    SQLAlchemy would, without its per-row bookkeeping. Encoded values are
    remembered for a batch (times, dates and flags repeat).
    """

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.dialect = connection.dialect
        self.quote = self.dialect.identifier_preparer.quote
        self.marker = "?" if self.dialect.paramstyle == "qmark" else "%s"
        self.statements: dict[tuple, list] = {}
        self.memory: list[dict] = []

    def key(self, text: str) -> str:
        """Return a UUID's text as the database stores it (SQLite: 32 hex digits)."""
        return text.replace("-", "") if self.dialect.name == "sqlite" else text

    def insert(self, table: Table, columns: tuple[str, ...], rows: list[tuple]) -> None:
        """Insert `rows`, sorted by their first column (B-tree pages fill in order)."""
        names = ", ".join(self.quote(column) for column in columns)
        markers = ", ".join([self.marker] * len(columns))
        statement = f"INSERT INTO {self.quote(table.name)} ({names}) VALUES ({markers})"
        rows.sort(key=operator.itemgetter(0))
        self.execute(table, statement, columns, rows)

    def update(
        self,
        table: Table,
        columns: tuple[str, ...],
        rows: list[tuple],
        raise_version: bool = False,
    ) -> None:
        """Update rows by id (their first column), raising each one's version."""
        changes = [f"{self.quote(c)} = {self.marker}" for c in columns[1:]]
        if raise_version:
            changes.append("version = version + 1")
        statement = (
            f"UPDATE {self.quote(table.name)} SET {', '.join(changes)} "
            f"WHERE id = {self.marker}"
        )
        moved = [(*row[1:], row[0]) for row in rows]
        self.execute(table, statement, (*columns[1:], columns[0]), moved)

    def execute(self, table: Table, statement: str, columns: tuple, rows) -> None:
        """Run `statement` for every row, with values encoded column by column."""
        encoders = self.encoders(table, columns)
        if any(encoders):
            values: list = list(zip(*rows, strict=True))
            for i, encode in enumerate(encoders):
                if encode is not None:
                    values[i] = map(encode, values[i])
            rows = list(zip(*values, strict=True))
        self.connection.exec_driver_sql(statement, rows)

    def encoders(self, table: Table, columns: tuple) -> list:
        """Return each column's encoder (None where values go as they are)."""
        key = (table.name, columns)
        if key not in self.statements:
            self.statements[key] = [self.encoder(table.c[c].type) for c in columns]
        return self.statements[key]

    def forget(self) -> None:
        """Forget the values encoded so far (called after each batch)."""
        for memory in self.memory:
            memory.clear()
            memory[None] = None

    def encoder(self, column_type) -> Callable | None:
        """Return how a column's values reach the driver (None: as they are)."""
        if isinstance(column_type, Uuid):
            return None
        process = column_type._cached_bind_processor(self.dialect)
        if process is None:
            return None
        memory: dict = {None: None}
        self.memory.append(memory)
        remembered = memory.get

        def encode(value):
            found = remembered(value, memory)
            if found is memory:
                found = memory[value] = process(value)
            return found

        return encode
