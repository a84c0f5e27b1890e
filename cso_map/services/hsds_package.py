"""The directory as HSDS 3.0: a tabular data package (a zip of CSV tables and a
datapackage.json) or JSON, built from the same objects as the /hsds API."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select

from cso_map.extensions import db
from cso_map.models import Taxonomy, TaxonomyTerm
from cso_map.services.hsds import (
    ORGANIZATION_LOADS,
    SERVICE_LOADS,
    HsdsQuery,
    organizations_query,
    services_query,
)
from cso_map.services.hsds_objects import (
    organization_object,
    service_object,
    taxonomy_object,
    term_object,
)

# HSDS table: the columns we fill, in the order of HSDS 3.0's datapackage.json.
TABLES = {
    "organizations": (
        "id name alternate_name description email website year_incorporated "
        "legal_status parent_organization_id"
    ),
    "services": (
        "id organization_id name description url email status application_process "
        "fees_description eligibility_description minimum_age maximum_age "
        "assured_date last_modified"
    ),
    "locations": (
        "id location_type url organization_id name transportation latitude longitude"
    ),
    "addresses": (
        "id location_id address_1 address_2 city state_province postal_code "
        "country address_type"
    ),
    "service_at_location": "id service_id location_id",
    "phones": "id service_id organization_id number",
    "languages": "id service_id name code",
    "schedules": "id service_id wkst freq byday opens_at closes_at",
    "service_areas": "id service_id name description",
    "attributes": "id link_id taxonomy_term_id link_type link_entity value",
    "taxonomies": "id name description uri version",
    "taxonomy_terms": "id code name description language taxonomy_id",
}
COLUMNS = {table: tuple(columns.split()) for table, columns in TABLES.items()}


def package_rows() -> dict[str, list[dict]]:
    """Return the rows of every table of the package."""
    tables: dict[str, dict[str, dict]] = {table: {} for table in TABLES}

    def add(table: str, rows: Iterable[dict]) -> None:
        for row in rows:
            tables[table].setdefault(row["id"], row)

    query = HsdsQuery()
    for organization in db.session.scalars(
        organizations_query(query).options(*ORGANIZATION_LOADS)
    ).unique():
        item = organization_object(organization, full=True)
        add("organizations", [item])
        add("phones", item.get("phones", []))
        add("attributes", item["attributes"])
        for location in item["locations"]:
            add("locations", [location])
            add("addresses", location.get("addresses", []))
            add("attributes", location.get("attributes", []))
    for service in db.session.scalars(
        services_query(query).options(*SERVICE_LOADS)
    ).unique():
        item = service_object(service, full=True)
        add("services", [item])
        for table in (
            "phones",
            "languages",
            "schedules",
            "service_areas",
            "attributes",
        ):
            add(table, item[table])
        add(
            "service_at_location",
            [
                {
                    "id": link["id"],
                    "service_id": link["service_id"],
                    "location_id": link["location_id"],
                }
                for link in item["service_at_locations"]
            ],
        )
    add("taxonomies", map(taxonomy_object, db.session.scalars(select(Taxonomy))))
    add("taxonomy_terms", map(term_object, db.session.scalars(select(TaxonomyTerm))))
    return {table: list(rows.values()) for table, rows in tables.items()}


def _csv(columns: tuple[str, ...], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n"
    )
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def datapackage() -> dict:
    """Return the datapackage.json describing the tables."""
    return {
        "profile": "tabular-data-package",
        "name": "cso-map-hsds",
        "title": "CSO Map directory (Open Referral HSDS 3.0)",
        "resources": [
            {
                "name": table,
                "path": f"{table}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [{"name": column, "type": "string"} for column in columns]
                },
            }
            for table, columns in COLUMNS.items()
        ],
    }


def _member(name: str) -> zipfile.ZipInfo:
    """Return a zip entry with a fixed date, so the same data makes the same bytes."""
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def write_hsds_package(out: Path | BinaryIO) -> dict[str, int]:
    """Write the zip to a path or a binary file; return each table's row count."""
    rows = package_rows()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            _member("datapackage.json"), json.dumps(datapackage(), indent=1)
        )
        for table, columns in COLUMNS.items():
            archive.writestr(_member(f"{table}.csv"), _csv(columns, rows[table]))
    return {table: len(table_rows) for table, table_rows in rows.items()}


def hsds_organizations() -> list[dict]:
    """Return HSDS JSON: every listed organization with its services nested."""
    query = HsdsQuery()
    services: dict[str, list[dict]] = {}
    for service in db.session.scalars(
        services_query(query).options(*SERVICE_LOADS)
    ).unique():
        item = service_object(service, full=True)
        del item["organization"]
        services.setdefault(item["organization_id"], []).append(item)
    organizations = []
    for organization in db.session.scalars(
        organizations_query(query).options(*ORGANIZATION_LOADS)
    ).unique():
        item = organization_object(organization, full=True)
        item["services"] = services.get(item["id"], [])
        organizations.append(item)
    return organizations


def write_hsds_json(out: Path | BinaryIO) -> int:
    """Write HSDS JSON (a list of nested organizations); return how many."""
    items = hsds_organizations()
    text = json.dumps(items, ensure_ascii=False, indent=1).encode()
    if isinstance(out, Path):
        out.write_bytes(text)
    else:
        out.write(text)
    return len(items)
