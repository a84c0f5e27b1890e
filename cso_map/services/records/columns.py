"""The tables a record fills and their columns, in the order rows are tuples.

The organization's own columns come from the field registry (`fields.py`),
grouped by how a record's value becomes the stored one.
"""

from __future__ import annotations

from sqlalchemy import Table

from cso_map.models import (
    Location,
    Organization,
    OrganizationOrigin,
    Service,
    ServiceAtLocation,
    ServiceSchedule,
    service_area_regions,
    service_languages,
)
from cso_map.services.records.fields import Kind, fields_of
from cso_map.services.records.service_fields import SERVICE_FIELDS
from cso_map.services.records.values import link_table

# The organization's columns, by how a record's value becomes a stored one.
ORGANIZATION_VALUES = tuple(
    field.name
    for field in fields_of(Kind.TEXT, Kind.EMAIL, Kind.URL, Kind.COUNT, Kind.YEAR)
)
ORGANIZATION_FLAGS = tuple(field.name for field in fields_of(Kind.FLAG))
ORGANIZATION_TEXT = tuple(field.name for field in fields_of(Kind.LONG_TEXT))
ORGANIZATION_TERMS = tuple(
    (field.vocabulary, field.name) for field in fields_of(Kind.TERM)
)
ORGANIZATION_TERM_LISTS = tuple(
    (field.vocabulary, field.name, link_table(field)) for field in fields_of(Kind.TERMS)
)
SERVICE_VALUES = tuple(
    field.name
    for field in fields_of(
        Kind.TEXT, Kind.URL, Kind.EMAIL, Kind.COUNT, Kind.DECIMAL, among=SERVICE_FIELDS
    )
    if field.name != "status"  # written with its default, below
)
SERVICE_FLAGS = tuple(
    field.name for field in fields_of(Kind.FLAG, among=SERVICE_FIELDS)
)
SERVICE_TEXT = tuple(
    field.name for field in fields_of(Kind.LONG_TEXT, among=SERVICE_FIELDS)
)
STORED_COLUMNS = (
    "id",
    *ORGANIZATION_VALUES,
    *ORGANIZATION_FLAGS,
    "status",
    "verification_status",
    *ORGANIZATION_TEXT,
    *(f"{name}_id" for _, name in ORGANIZATION_TERMS),
    "last_reviewed_on",
    "name_key",
    "search_text",
    "updated_at",
)
# The columns of each table a record fills, in the order its rows are tuples.
RECORD_COLUMNS: dict[Table, tuple[str, ...]] = {
    Organization.__table__: (
        *STORED_COLUMNS,
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
        "time_zone",
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
    **{table: ("organization_id", "term_id") for *_, table in ORGANIZATION_TERM_LISTS},
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
