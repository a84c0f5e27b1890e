"""The directory as HSDS 3.0: a tabular data package (a zip of CSV tables and a
datapackage.json) or JSON, built by the same functions as the /hsds API's
objects, from rows read in batches (`rows.py`)."""

from __future__ import annotations

import csv
import json
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import BinaryIO

from cso_map.services.hsds.attributes import taxonomy_object, term_object
from cso_map.services.hsds.objects import organization_object
from cso_map.services.hsds.paging import HsdsQuery
from cso_map.services.hsds.queries import organizations_query, services_query
from cso_map.services.hsds.rows import plain_organizations, plain_services
from cso_map.services.hsds.service_objects import service_object
from cso_map.services.ops.vocabularies import list_taxonomies

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
# The tables a service's object lists its rows in (besides its locations).
SERVICE_TABLES = ("phones", "languages", "schedules", "service_areas", "attributes")
# Members larger than this need zip64 headers (zipfile's own limit).
ZIP64_SIZE = zipfile.ZIP64_LIMIT


def package_rows() -> Iterator[tuple[str, dict]]:
    """Yield (table, row) for every row of the package, table by table in order
    of organizations, then of services."""
    query = HsdsQuery()
    for organization in plain_organizations(organizations_query(query)):
        item = organization_object(organization, full=True)
        yield "organizations", item
        for row in item.get("phones", []):
            yield "phones", row
        for row in item["attributes"]:
            yield "attributes", row
        for location in item["locations"]:
            yield "locations", location
            for row in location.get("addresses", []):
                yield "addresses", row
            for row in location.get("attributes", []):
                yield "attributes", row
    for service in plain_services(services_query(query)):
        item = service_object(service, full=True)
        yield "services", item
        for table in SERVICE_TABLES:
            for row in item[table]:
                yield table, row
        for link in item["service_at_locations"]:
            yield "service_at_location", link
    taxonomies = list_taxonomies()  # in a fixed order, whatever the database's
    for taxonomy in taxonomies:
        yield "taxonomies", taxonomy_object(taxonomy)
    for taxonomy in taxonomies:
        for term in taxonomy.terms:
            yield "taxonomy_terms", term_object(term)


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
    """Write the zip to a path or a binary file; return each table's row count.

    Each table is written to a temporary file as its rows come, then copied into
    the zip: memory holds a batch of organizations, whatever the directory's size.
    """
    counts = dict.fromkeys(COLUMNS, 0)
    with ExitStack() as stack:
        texts = {
            table: stack.enter_context(
                tempfile.TemporaryFile("w+", encoding="utf-8", newline="")
            )
            for table in COLUMNS
        }
        writers = {
            table: csv.DictWriter(
                texts[table],
                fieldnames=columns,
                extrasaction="ignore",
                lineterminator="\r\n",
            )
            for table, columns in COLUMNS.items()
        }
        for writer in writers.values():
            writer.writeheader()
        for table, row in package_rows():
            writers[table].writerow(row)
            counts[table] += 1
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(
                _member("datapackage.json"), json.dumps(datapackage(), indent=1)
            )
            for table, text in texts.items():
                text.flush()
                size = text.buffer.tell()
                text.buffer.seek(0)
                with archive.open(
                    _member(f"{table}.csv"), "w", force_zip64=size > ZIP64_SIZE
                ) as member:
                    shutil.copyfileobj(text.buffer, member)
    return counts


def hsds_organizations() -> Iterator[dict]:
    """Yield HSDS JSON organizations, each listed one with its services nested."""
    query = HsdsQuery()
    for organization in plain_organizations(
        organizations_query(query), services_query(query)
    ):
        item = organization_object(organization, full=True)
        item["services"] = []
        for service in organization.services:
            nested = service_object(service, full=True)
            del nested["organization"]
            item["services"].append(nested)
        yield item


def write_hsds_json(out: Path | BinaryIO) -> int:
    """Write HSDS JSON (a list of nested organizations); return how many."""
    with ExitStack() as stack:
        file = stack.enter_context(out.open("wb")) if isinstance(out, Path) else out
        count = 0
        file.write(b"[")
        for item in hsds_organizations():
            file.write(b",\n" if count else b"\n")
            file.write(json.dumps(item, ensure_ascii=False, indent=1).encode())
            count += 1
        file.write(b"\n]\n")
    return count
