"""Exports of the public directory: our CSV, GeoJSON, coverage, and a 3W sheet.

Every export holds what the public may see: listed organizations only, hidden
addresses at state level (no street, no coordinates), CSV cells that spreadsheets
cannot run as formulas.
"""

from __future__ import annotations

import datetime as dt
import json

import numpy as np

from cso_map.models import Service
from cso_map.services.analysis.coverage import CoverageQuery, region_coverage
from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.services.analysis.region_maps import organizations_geojson, regions_geojson
from cso_map.services.directory.search import DirectoryFilters
from cso_map.services.exchange.csv_text import csv_text
from cso_map.services.exchange.table import NAMES, table_row
from cso_map.services.hsds.paging import HsdsQuery
from cso_map.services.hsds.queries import organizations_query, services_query
from cso_map.services.hsds.rows import plain_organizations
from cso_map.services.snapshot.build import directory_snapshot
from cso_map.taxonomy import CSO_TYPES, SERVICE_CATEGORIES

THREE_W_COLUMNS = (
    "organization_id",
    "organization",
    "acronym",
    "organization_type",
    "sector",
    "sector_name",
    "admin1_code",
    "admin1_name",
    "reference_period",
)


def directory_csv() -> str:
    """Return every listed organization as a row of our table (see the template)."""
    query = HsdsQuery()
    services = services_query(query).order_by(None).order_by(Service.position)
    organizations = plain_organizations(
        organizations_query(query), services, service_details=False
    )
    return csv_text(NAMES, map(table_row, organizations))


def coverage_geojson(
    query: CoverageQuery, policy: CoveragePolicy, lang: str = "en"
) -> str:
    """Return the states with the coverage of one service, as GeoJSON polygons."""
    table = region_coverage(query, policy)
    extra = table[
        ["providers", "unreported", "remote", "capacity", "demand", "ratio", "status"]
    ].copy()
    extra["service"] = query.service
    extra["service_name"] = SERVICE_CATEGORIES[query.service].label(lang)
    return json.dumps(regions_geojson(extra=extra), ensure_ascii=False, default=_plain)


def _plain(value: object) -> object:
    """Return numpy numbers as Python numbers, and NaN as null, for JSON."""
    number = float(value)
    return None if np.isnan(number) else number


def directory_geojson() -> str:
    """Return every listed organization as a GeoJSON point (public points)."""
    return json.dumps(organizations_geojson(DirectoryFilters()), ensure_ascii=False)


def three_w_csv(lang: str = "en", today: dt.date | None = None) -> str:
    """Return "Who does What Where": one row per organization, sector and state.

    A row says an organization delivers a service category (the sector) in a
    state (admin1), by location, listed area or radius: active services only.
    """
    snapshot = directory_snapshot()
    services = snapshot.services
    organizations = snapshot.organizations
    regions = snapshot.regions
    period = (today or dt.date.today()).strftime("%Y-%m")
    pairs = sorted(
        {
            (int(services["owner"].iat[s]), services["category"].iat[s], int(r))
            for s, r in zip(snapshot.reach.service, snapshot.reach.region, strict=True)
        },
        key=lambda pair: (organizations["name"].iat[pair[0]], pair[1], pair[2]),
    )
    names = regions["name_es" if lang == "es" else "name_en"].to_numpy()
    rows = (
        [
            organizations["id"].iat[owner],
            organizations["name"].iat[owner],
            "",
            CSO_TYPES[organizations["type"].iat[owner]].label(lang),
            category,
            SERVICE_CATEGORIES[category].label(lang),
            regions["code"].iat[state],
            names[state],
            period,
        ]
        for owner, category, state in pairs
    )
    return csv_text(THREE_W_COLUMNS, rows)
