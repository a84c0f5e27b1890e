"""Exports of the public directory: our CSV, GeoJSON, and a 3W sheet.

Every export holds what the public may see: listed organizations only, hidden
addresses at state level (no street, no coordinates), CSV cells that spreadsheets
cannot run as formulas.
"""

from __future__ import annotations

import datetime as dt
import json

import numpy as np

from cso_map.services.csv_export import csv_text
from cso_map.services.directory import DirectoryFilters
from cso_map.services.region_maps import organizations_geojson
from cso_map.services.snapshot import directory_snapshot, mask_codes
from cso_map.taxonomy import (
    CSO_TYPES,
    SERVICE_CATEGORIES,
    SERVICE_LANGUAGES,
    TARGET_GROUPS,
)

CSV_COLUMNS = (
    "id",
    "name",
    "type",
    "region",
    "latitude",
    "longitude",
    "approximate",
    "services",
    "languages",
    "target_groups",
    "verified",
)
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
    """Return every listed organization as a CSV row (codes joined by ";")."""
    organizations = directory_snapshot().organizations

    def coordinate(value: float) -> float | None:
        return None if np.isnan(value) else round(float(value), 5)

    rows = (
        [
            row.id,
            row.name,
            row.type,
            row.region,
            coordinate(row.lat),
            coordinate(row.lon),
            "true" if row.approximate else "false",
            ";".join(mask_codes(SERVICE_CATEGORIES, row.categories)),
            ";".join(mask_codes(SERVICE_LANGUAGES, row.languages)),
            ";".join(mask_codes(TARGET_GROUPS, row.target_groups)),
            "true" if row.verified else "false",
        ]
        for row in organizations.itertuples()
    )
    return csv_text(CSV_COLUMNS, rows)


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
