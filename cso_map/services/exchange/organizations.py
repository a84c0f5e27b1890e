"""Importing organizations from our table (CSV, GeoJSON points) or from HSDS.

Every file is read and checked completely before anything is written; then the
organizations are written in one transaction (see `records/writer.py`). A dry
run stops after the checks and says what would be added and what replaced.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from cso_map.extensions import db
from cso_map.geo.boundaries import from_geojson
from cso_map.models import Location, Organization, Region, Service, User
from cso_map.services.exchange.table import read_organization_rows, record_from_row
from cso_map.services.exchange.uploads import UploadError
from cso_map.services.hsds.reader import hsds_records
from cso_map.services.records import cells as cell
from cso_map.services.records.ids import derived_id
from cso_map.services.records.placing import refuse_unplaced
from cso_map.services.records.writer import (
    existing_organizations,
    paused_collector,
    write_organizations,
)

PREVIEW_ROWS = 100


@dataclass(frozen=True)
class PreviewRow:
    """One organization as the import would write it."""

    name: str
    action: str  # "add" or "update"
    services: int
    locations: int


@dataclass
class OrganizationImport:
    """What an import wrote (or, in a dry run, would write)."""

    source: str
    dry_run: bool
    added: int = 0
    updated: int = 0
    services: int = 0
    preview: list[PreviewRow] = field(default_factory=list)


def import_organizations(
    path: Path, dry_run: bool = False, by: User | None = None, lang: str = "es"
) -> OrganizationImport:
    """Import a CSV or GeoJSON file of our organizations table."""
    with paused_collector():
        return _import_table(path, dry_run, by, lang)


def _import_table(
    path: Path, dry_run: bool, by: User | None, lang: str
) -> OrganizationImport:
    """Read, check and (unless a dry run) write a file of our table."""
    rows, kind = read_organization_rows(path)
    regions = {region.code for region in db.session.scalars(select(Region))}
    find_id = _matcher()
    if kind == "csv":
        places = [cell.RowPlace(path.name, n) for n in range(2, len(rows) + 2)]
    else:
        places = [cell.Place("feature", number) for number in range(1, len(rows) + 1)]
    records = [
        record_from_row(row, place, regions, find_id, lang)
        for row, place in zip(rows, places, strict=True)
    ]
    return _finish(records, path.name, dry_run, by, places)


def import_hsds(
    path: Path,
    dry_run: bool = False,
    by: User | None = None,
    mapping: Path | None = None,
) -> OrganizationImport:
    """Import an HSDS package (zip or folder of CSVs) or HSDS JSON."""
    regions = list(db.session.scalars(select(Region)))
    with paused_collector():
        records = hsds_records(path, mapping, regions)
        places = [
            cell.Place("organization", number) for number in range(1, len(records) + 1)
        ]
        return _finish(records, path.name, dry_run, by, places)


def _matcher() -> Callable[[str, str | None], str]:
    """Return a finder of the id of an organization by folded name and state."""
    known: dict[tuple[str, str | None], str] = {}
    loaded = False

    def find(name_key: str, state: str | None) -> str:
        nonlocal loaded
        if not loaded:
            rows = db.session.execute(
                select(Organization.id, Organization.name_key, Region.code)
                .join(
                    Location, Location.organization_id == Organization.id, isouter=True
                )
                .join(Region, Region.id == Location.region_id, isouter=True)
                .where(Organization.deleted_at.is_(None))
            )
            for org_id, key, code in rows:
                known.setdefault((key, code), str(org_id))
            loaded = True
        return known.get((name_key, state)) or derived_id(
            "organization", name_key, state
        )

    return find


def _finish(
    records: list[dict], source: str, dry_run: bool, by: User | None, places: list
) -> OrganizationImport:
    """Check the records together, then write them unless this is a dry run."""
    check_records(records, places)
    refuse_unplaced(records, _state_shapes, places)
    existing = existing_organizations(record["id"] for record in records)
    report = OrganizationImport(source=source, dry_run=dry_run)
    for record in records:
        action = "update" if record["id"] in existing else "add"
        if action == "add":
            report.added += 1
        else:
            report.updated += 1
        report.services += len(record["services"])
        if len(report.preview) < PREVIEW_ROWS:
            report.preview.append(
                PreviewRow(
                    record["name"],
                    action,
                    len(record["services"]),
                    len(record["locations"]),
                )
            )
    if not dry_run:
        write_organizations(
            records, today=dt.date.today(), by=by, source=source, existing=existing
        )
    return report


def _state_shapes() -> list:
    """Return the precise geometry of every state."""
    texts = db.session.scalars(select(Region.geometry).where(Region.level == "state"))
    return [from_geojson(text) for text in texts]


def check_records(records: list[dict], places: list) -> None:
    """Refuse ids given twice, unknown parents, and ids another organization owns."""
    owners: dict[str, dict[str, str]] = {
        "organization": {},
        "location": {},
        "service": {},
    }
    for record, where in zip(records, places, strict=True):
        _once(owners["organization"], record["id"], record["id"], where, "id")
        for location in record["locations"]:
            _once(owners["location"], location["id"], record["id"], where, "locations")
        for service in record["services"]:
            _once(owners["service"], service["id"], record["id"], where, "services")
            for location_id in service.get("location_ids", []):
                if owners["location"].get(location_id) != record["id"]:
                    raise cell.CellError(
                        where,
                        "service_at_location",
                        _l("a service is placed at another organization's location"),
                    )
    parents = {record["parent_id"] for record in records if record.get("parent_id")}
    missing = (
        parents - set(owners["organization"]) - set(existing_organizations(parents))
    )
    if missing:
        where = places[
            next(i for i, r in enumerate(records) if r.get("parent_id") in missing)
        ]
        raise cell.CellError(where, "parent_id", _l("no organization has this id"))
    for model, kind in ((Location, "location"), (Service, "service")):
        if db.session.scalar(select(model.id).limit(1)) is None:
            continue
        for child_id, owner_id in db.session.execute(
            select(model.id, model.organization_id)
        ):
            owner = owners[kind].get(str(child_id))
            if owner is not None and owner != str(owner_id):
                raise UploadError(
                    _l(
                        "%(kind)s %(id)s belongs to another organization",
                        kind=kind,
                        id=child_id,
                    )
                )


def _once(
    seen: dict[str, str], key: str, owner: str, where: cell.Where, field_name: str
) -> None:
    if key in seen:
        raise cell.CellError(
            where, field_name, _l("%(id)s appears twice in the file", id=key)
        )
    seen[key] = owner
