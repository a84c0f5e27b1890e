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
import gc
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import (
    Index,
    delete,
    func,
    select,
)

from cso_map.extensions import db
from cso_map.models import (
    Location,
    Organization,
    OrganizationOrigin,
    Service,
    ServiceAtLocation,
    ServiceSchedule,
    User,
    service_area_regions,
    service_languages,
)
from cso_map.services.directory.regions import regions_by_code
from cso_map.services.records.columns import ORGANIZATION_TERM_LISTS, RECORD_COLUMNS
from cso_map.services.records.record_rows import RecordRows
from cso_map.services.snapshot.data_version import bump_data_version

CHUNK = 500
BATCH = 5000
SQLITE_CACHE_KB = 256 * 1024


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
    rows = RecordRows(regions_by_code(), today, is_demo, existing)
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
    return [index for table in RECORD_COLUMNS for index in table.indexes]


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
        for *_, table in ORGANIZATION_TERM_LISTS:
            db.session.execute(delete(table).where(table.c.organization_id.in_(chunk)))
        for table in (services, locations, OrganizationOrigin.__table__):
            db.session.execute(delete(table).where(table.c.organization_id.in_(chunk)))
