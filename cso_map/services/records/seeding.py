"""Load directory records in bulk (the committed demo, or generated benchmarks)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from cso_map.config import PROJECT_ROOT
from cso_map.extensions import db
from cso_map.models import Organization
from cso_map.services.directory.regions import load_demo_regions, load_indicators
from cso_map.services.ops.vocabularies import sync_taxonomies
from cso_map.services.records.writer import write_organizations

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
    report = write_organizations(records, today=today, is_demo=is_demo, replace=False)
    return len(report.added)
