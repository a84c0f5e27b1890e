"""Load directory records in bulk (the committed demo, or generated benchmarks)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Table, bindparam, insert, select, update

from cso_map.config import PROJECT_ROOT
from cso_map.extensions import db
from cso_map.geo.boundaries import from_geojson
from cso_map.geo.locate import locate_points
from cso_map.models import (
    Location,
    Organization,
    OrganizationOrigin,
    Region,
    Service,
    ServiceAtLocation,
    ServiceSchedule,
    organization_skills,
    organization_support_needs,
    organization_target_groups,
    service_area_regions,
    service_languages,
)
from cso_map.models.base import utcnow
from cso_map.services.data_version import bump_data_version
from cso_map.services.regions import load_demo_regions, load_indicators, regions_by_code
from cso_map.services.search_index import organization_search_text
from cso_map.services.taxonomy import sync_taxonomies
from cso_map.taxonomy import VOCABULARIES
from cso_map.text import fold

SEED_DIR = PROJECT_ROOT / "seed_data"


@dataclass(frozen=True)
class SeedReport:
    """What one run of the demo seeding wrote."""

    terms: int
    regions: int
    indicators: int
    organizations: int


def seed_demo(
    if_empty: bool = False, today: dt.date | None = None
) -> SeedReport | None:
    """Load taxonomies, regions, indicators and demo organizations; None if skipped.

    Idempotent: regions and organizations already present (same code or id) are kept.
    With `if_empty`, nothing happens when any organization exists.
    """
    if if_empty and db.session.scalar(select(Organization.id).limit(1)) is not None:
        return None
    terms = sync_taxonomies()
    regions = load_demo_regions()
    indicators = load_indicators(read_csv(SEED_DIR / "indicators.csv"))
    records = json.loads((SEED_DIR / "organizations.json").read_text(encoding="utf-8"))
    organizations = insert_organizations(
        records, today=today or dt.date.today(), is_demo=True
    )
    return SeedReport(terms, regions, indicators, organizations)


def read_csv(path: Path) -> list[dict]:
    """Return the rows of a UTF-8 CSV file as dictionaries."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def insert_organizations(records: list[dict], today: dt.date, is_demo: bool) -> int:
    """Insert the records whose id is not in the database yet, in one transaction.

    Locations get their region by point-in-polygon against the state boundaries;
    dates are given as days before `today`. Returns how many organizations were added.
    """
    existing = set(db.session.scalars(select(Organization.id)))
    records = [record for record in records if uuid.UUID(record["id"]) not in existing]
    if not records:
        return 0
    rows = _Rows(regions_by_code(), today, is_demo)
    rows.locate([location for record in records for location in record["locations"]])
    for record in records:
        rows.add_organization(record)
    try:
        rows.insert()
        bump_data_version()
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return len(records)


def _days_before(today: dt.date, days: int | None) -> dt.date | None:
    return None if days is None else today - dt.timedelta(days=int(days))


def _time(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


class _Rows:
    """Table rows accumulated from records, inserted parents first."""

    def __init__(
        self, regions: dict[str, Region], today: dt.date, is_demo: bool
    ) -> None:
        self.regions = regions
        self.today = today
        self.is_demo = is_demo
        self.now = utcnow()
        self.tables: dict[Table, list[dict]] = defaultdict(list)
        self.parents: list[dict] = []
        self.location_regions: dict[str, uuid.UUID | None] = {}

    def term(self, vocabulary: str, code: str | None) -> uuid.UUID | None:
        """Return the term id of `code`, refusing codes the vocabulary lacks."""
        if code is None:
            return None
        if code not in VOCABULARIES[vocabulary]:
            raise ValueError(f"unknown {vocabulary} code {code!r}")
        return VOCABULARIES[vocabulary].term_id(code)

    def region(self, code: str | None) -> uuid.UUID | None:
        """Return the id of region `code`, refusing unknown codes."""
        if code is None:
            return None
        if code not in self.regions:
            raise ValueError(f"unknown region code {code!r}")
        return self.regions[code].id

    def locate(self, locations: list[dict]) -> None:
        """Find the state each located record falls in, all at once."""
        states = [region for region in self.regions.values() if region.level == "state"]
        points = [location for location in locations if location.get("lat") is not None]
        found = locate_points(
            [point["lon"] for point in points],
            [point["lat"] for point in points],
            [from_geojson(state.geometry) for state in states],
        )
        for point, index in zip(points, found, strict=True):
            self.location_regions[point["id"]] = (
                states[index].id if index >= 0 else None
            )

    def add_organization(self, record: dict) -> None:
        """Add the rows of one organization record and everything it contains."""
        org_id = uuid.UUID(record["id"])
        reviewed = _days_before(self.today, record.get("reviewed_days_ago"))
        verified = record["verification_status"] == "verified"
        confidential = record["location_confidential"]
        self.tables[Organization.__table__].append(
            {
                "id": org_id,
                **{
                    field: record.get(field)
                    for field in (
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
                        "status",
                        "verification_status",
                    )
                },
                **{
                    field: bool(record.get(field))
                    for field in (
                        "legally_registered",
                        "open_to_mentor",
                        "seeking_mentor",
                        "women_led",
                        "location_confidential",
                    )
                },
                "description": record.get("description") or "",
                "contact_instructions": record.get("contact_instructions") or "",
                "type_id": self.term("cso_type", record["type"]),
                "budget_band_id": self.term("budget_band", record.get("budget_band")),
                "engagement_level_id": self.term(
                    "engagement_level", record["engagement_level"]
                ),
                "verified_at": dt.datetime.combine(reviewed, dt.time(12), dt.UTC)
                if verified and reviewed
                else None,
                "last_reviewed_on": reviewed,
                "is_demo": self.is_demo,
                "version": 1,
                "name_key": fold(record["name"]),
                "search_text": organization_search_text(
                    record["name"],
                    record.get("alternate_name"),
                    record.get("description"),
                    [service["name"] for service in record["services"]],
                    []
                    if confidential
                    else [loc.get("city") for loc in record["locations"]],
                ),
                "created_at": self.now,
                "updated_at": self.now,
            }
        )
        if record.get("parent_id"):
            self.parents.append(
                {"id": org_id, "parent_id": uuid.UUID(record["parent_id"])}
            )
        for vocabulary, field, table in (
            ("target_group", "target_groups", organization_target_groups),
            ("skill", "skills", organization_skills),
            ("support_need", "support_needs", organization_support_needs),
        ):
            self.tables[table] += [
                {"organization_id": org_id, "term_id": self.term(vocabulary, code)}
                for code in record.get(field, [])
            ]
        for origin in record.get("origins", []):
            self.tables[OrganizationOrigin.__table__].append(
                {
                    "id": uuid.uuid4(),
                    "organization_id": org_id,
                    "country_code": origin["country"],
                    "region_id": self.region(origin.get("region")),
                    "community": origin.get("community"),
                }
            )
        for position, location in enumerate(record["locations"]):
            self.add_location(org_id, position, location)
        for position, service in enumerate(record["services"]):
            self.add_service(org_id, position, service)

    def add_location(self, org_id: uuid.UUID, position: int, location: dict) -> None:
        """Add the row of one location."""
        self.tables[Location.__table__].append(
            {
                "id": uuid.UUID(location["id"]),
                "organization_id": org_id,
                "position": position,
                "name": location.get("name"),
                "location_type": location["type"],
                "url": location.get("url"),
                "latitude": location.get("lat"),
                "longitude": location.get("lon"),
                "address_1": location.get("address_1"),
                "address_2": location.get("address_2"),
                "city": location.get("city"),
                "state_province": location.get("state_province"),
                "postal_code": location.get("postal_code"),
                "country": location.get("country"),
                "transportation": location.get("transportation", ""),
                "region_id": self.location_regions.get(location["id"]),
                "approximate": bool(location.get("approximate")),
                "created_at": self.now,
                "updated_at": self.now,
            }
        )

    def add_service(self, org_id: uuid.UUID, position: int, service: dict) -> None:
        """Add the rows of one service, its languages, area, hours and locations."""
        service_id = uuid.UUID(service["id"])
        self.tables[Service.__table__].append(
            {
                "id": service_id,
                "organization_id": org_id,
                "position": position,
                "category_id": self.term("service_category", service["category"]),
                **{
                    field: service.get(field)
                    for field in (
                        "name",
                        "status",
                        "url",
                        "email",
                        "phone",
                        "minimum_age",
                        "maximum_age",
                        "capacity_per_month",
                        "radius_km",
                    )
                },
                **{
                    field: bool(service.get(field))
                    for field in (
                        "free_of_charge",
                        "no_documents_required",
                        "women_only",
                        "walk_in",
                    )
                },
                **{
                    field: service.get(field) or ""
                    for field in (
                        "description",
                        "eligibility_notes",
                        "application_process",
                        "hours_notes",
                    )
                },
                "assured_on": _days_before(self.today, service.get("assured_days_ago")),
                "created_at": self.now,
                "updated_at": self.now,
            }
        )
        self.tables[service_languages] += [
            {"service_id": service_id, "term_id": self.term("language", code)}
            for code in service.get("languages", [])
        ]
        self.tables[service_area_regions] += [
            {"service_id": service_id, "region_id": self.region(code)}
            for code in service.get("area_regions", [])
        ]
        self.tables[ServiceSchedule.__table__] += [
            {
                "id": uuid.uuid4(),
                "service_id": service_id,
                "weekday": day,
                "opens_at": _time(opens),
                "closes_at": _time(closes),
            }
            for day, opens, closes in service.get("schedules", [])
        ]
        self.tables[ServiceAtLocation.__table__] += [
            {
                "id": uuid.uuid4(),
                "service_id": service_id,
                "location_id": uuid.UUID(location_id),
            }
            for location_id in service.get("location_ids", [])
        ]

    def insert(self) -> None:
        """Insert every table's rows, parents before children, then link parents."""
        for table in db.metadata.sorted_tables:
            if self.tables.get(table):
                db.session.execute(insert(table), self.tables[table])
        if self.parents:
            db.session.execute(
                update(Organization.__table__)
                .where(Organization.__table__.c.id == bindparam("org_id"))
                .values(parent_id=bindparam("parent")),
                [
                    {"org_id": row["id"], "parent": row["parent_id"]}
                    for row in self.parents
                ],
            )
