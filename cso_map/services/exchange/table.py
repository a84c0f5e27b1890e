"""Our organizations table: one row per organization, as CSV or GeoJSON points.

The same columns make the downloadable template (with a column dictionary in
Spanish and English), the public CSV export and the organization import, so an
exported file can be imported again. A row describes an organization, its main
place and the service categories it offers; each category becomes one service.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from flask_babel import lazy_gettext as _l

from cso_map.config import PROJECT_ROOT
from cso_map.models import Organization, OrganizationOrigin
from cso_map.services.exchange.csv_text import FORMULA_STARTS, csv_text
from cso_map.services.exchange.uploads import UploadError, feature_collection
from cso_map.services.hsds.objects import listed_parent_id
from cso_map.services.records import cells as cell
from cso_map.services.records.columns import SERVICE_FLAGS
from cso_map.services.records.fields import FIELDS_BY_NAME, TABLE_FIELDS, Kind
from cso_map.services.records.ids import derived_id
from cso_map.services.records.text_files import read_csv_file
from cso_map.services.records.values import plain_value, read_value
from cso_map.taxonomy import SERVICE_CATEGORIES
from cso_map.text import fold


@dataclass(frozen=True)
class Column:
    """One column of the template: its name, whether it is needed, and its meaning."""

    name: str
    required: bool
    en: str
    es: str
    example: str = ""

    def meaning(self, lang: str) -> str:
        """Return what the column holds, in `lang`."""
        return self.es if lang == "es" else self.en


COLUMNS_FILE = PROJECT_ROOT / "cso_map" / "data" / "organization_columns.csv"


def _columns() -> tuple[Column, ...]:
    """Return the template's columns from their dictionary file."""
    with COLUMNS_FILE.open(encoding="utf-8", newline="") as handle:
        return tuple(
            Column(
                row["name"],
                row["required"] == "yes",
                row["meaning_en"],
                row["meaning_es"],
                row["example"],
            )
            for row in csv.DictReader(handle)
        )


COLUMNS = _columns()
NAMES = tuple(column.name for column in COLUMNS)
REQUIRED = tuple(column.name for column in COLUMNS if column.required)
# Fields whose table cell is the stored value itself (flags as yes/no).
PLAIN_FIELDS = tuple(
    field
    for field in TABLE_FIELDS
    if field.kind not in (Kind.TERM, Kind.TERMS, Kind.PARENT, Kind.ORIGINS)
)
ADDRESS_COLUMNS = ("address_1", "city", "state_province", "postal_code", "country")
ADDRESS_LIMITS = (
    ("address_1", 200),
    ("city", 120),
    ("state_province", 120),
    ("postal_code", 20),
)


def template_csv() -> str:
    """Return the template: the header and one fictional example row."""
    return csv_text(NAMES, [[column.example for column in COLUMNS]])


def unneutralized(value: str) -> str:
    """Undo the quote our CSV export puts before text a spreadsheet would run."""
    if value.startswith("'") and value[1:2] and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def read_organization_rows(path: Path) -> tuple[list[dict], str]:
    """Return the rows of a CSV or GeoJSON file, and which of the two it was."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = read_csv_file(path, REQUIRED, NAMES)
        return [{k: unneutralized(v) for k, v in row.items()} for row in rows], "csv"
    if suffix in (".geojson", ".json"):
        return _geojson_rows(path), "geojson"
    raise UploadError(_l("%(name)s: use .csv or .geojson", name=path.name))


def _geojson_rows(path: Path) -> list[dict]:
    """Return point features' properties and coordinates (parsed in Python)."""
    document = feature_collection(path)
    rows = []
    for number, feature in enumerate(document.get("features") or [], start=1):
        where = cell.Place("feature", number)
        if not isinstance(feature, dict):
            raise cell.CellError(where, "type", _l("not a GeoJSON feature"))
        properties = feature.get("properties") or {}
        unknown = [key for key in properties if key not in NAMES]
        if unknown:
            raise cell.CellError(where, unknown[0], _l("unknown property"))
        row = {key: "" if value is None else value for key, value in properties.items()}
        geometry = feature.get("geometry")
        if geometry is not None:
            coordinates = (
                geometry.get("coordinates") if isinstance(geometry, dict) else None
            )
            if (
                geometry.get("type") != "Point"
                or not isinstance(coordinates, list)
                or len(coordinates) < 2
            ):
                raise cell.CellError(
                    where, "geometry", _l("only points can be imported")
                )
            row["longitude"], row["latitude"] = coordinates[0], coordinates[1]
        rows.append(row)
    return rows


def _origins(value: object, regions: set[str], where: cell.Where) -> list[dict]:
    """Return the ties of origin written as "MX-OAX:community;GT"."""
    origins = []
    for item in str(value or "").split(";"):
        place, _, community = item.partition(":")
        place = cell.text(place)
        if place and not (len(place) == 2 and place.isalpha()):
            place = cell.region_code(place, regions, where, "origins")
        if place:
            place = place.upper()
            origins.append(
                {
                    "country": place[:2],
                    "region": place if "-" in place else None,
                    "community": cell.text(community),
                }
            )
    return origins


def record_from_row(
    row: dict,
    where: cell.Where,
    regions: set[str],
    find_id: Callable[[str, str | None], str],
    lang: str,
) -> dict:
    """Return the organization record a template row describes, checking every cell."""
    name = read_value(FIELDS_BY_NAME["name"], row.get("name"), where)
    state = cell.region_code(row.get("state"), regions, where, "state")
    lat, lon = cell.point(row.get("latitude"), row.get("longitude"), where)
    org_id = cell.identifier(row.get("id"), where, "id") or find_id(fold(name), state)
    services = _services(row, where, org_id, lang)
    place = _first_place(row, where, org_id, state, lat, lon)
    for service in services:
        service["location_ids"] = [place["id"]] if place else []
        service["area_regions"] = [state] if state and lat is None else []
    return {
        "id": org_id,
        **{
            field.name: read_value(field, row.get(field.name), where)
            for field in TABLE_FIELDS
            if field.kind is not Kind.ORIGINS
        },
        "origins": _origins(row.get("origins"), regions, where),
        "locations": [place] if place else [],
        "services": services,
    }


def _services(row: dict, where: cell.Where, org_id: str, lang: str) -> list[dict]:
    """Return the services of a row: one per category, with the row's conditions."""
    flags = {name: cell.flag(row.get(name), where, name) for name in SERVICE_FLAGS}
    if flags["remote_only"] and not (flags["by_phone"] or flags["online"]):
        raise cell.CellError(where, "remote_only", cell.REMOTE_WITHOUT_CHANNEL)
    languages = cell.codes(row.get("languages"), "language", where, "languages")
    return [
        {
            "id": derived_id("service", org_id, category),
            "category": category,
            "name": SERVICE_CATEGORIES[category].label(lang),
            "languages": languages,
            **flags,
        }
        for category in cell.codes(
            row.get("services"), "service_category", where, "services"
        )
    ]


def _first_place(
    row: dict,
    where: cell.Where,
    org_id: str,
    state: str | None,
    lat: float | None,
    lon: float | None,
) -> dict | None:
    """Return the row's place (its point, state or address), or None."""
    country = cell.text(row.get("country"))
    if country and not (len(country) == 2 and country.isalpha()):
        raise cell.CellError(
            where,
            "country",
            _l("%(value)r is not a two-letter country code", value=country),
        )
    if lat is None and not state and not cell.text(row.get("city")):
        return None
    return {
        "id": derived_id("location", org_id, 0),
        "type": "physical",
        "lat": lat,
        "lon": lon,
        "state": state,
        **{
            column: cell.clipped(row.get(column), where, column, limit)
            for column, limit in ADDRESS_LIMITS
        },
        "country": country.upper() if country else None,
    }


def table_row(organization: Organization) -> list[object]:
    """Return an organization as a row of the table: its first place, its categories.

    A hidden address gives only the state; an approximate point gives no
    coordinates (as in every public export).
    """
    location = organization.locations[0] if organization.locations else None
    hidden = organization.location_confidential
    services = organization.services
    values = {
        "id": organization.id,
        **{field.name: getattr(organization, field.name) for field in PLAIN_FIELDS},
        **{
            field.name: plain_value(organization, field)
            for field in TABLE_FIELDS
            if field.kind is Kind.TERM
        },
        **{
            field.name: ";".join(plain_value(organization, field))
            for field in TABLE_FIELDS
            if field.kind is Kind.TERMS
        },
        "parent_id": listed_parent_id(organization),
        "origins": ";".join(sorted({_origin_text(o) for o in organization.origins})),
        "state": location.region.code if location and location.region else None,
        "services": ";".join(dict.fromkeys(s.category.code for s in services)),
        "languages": ";".join(
            term.code
            for term in sorted(
                {t.id: t for s in services for t in s.languages}.values(),
                key=lambda term: term.position,
            )
        ),
        **{name: any(getattr(s, name) for s in services) for name in SERVICE_FLAGS},
    }
    if location and not hidden:
        values.update({name: getattr(location, name) for name in ADDRESS_COLUMNS})
        if not location.approximate:
            values["latitude"], values["longitude"] = (
                location.latitude,
                location.longitude,
            )
    return [_cell(values.get(name)) for name in NAMES]


def _origin_text(origin: OrganizationOrigin) -> str:
    place = origin.region.code if origin.region else origin.country_code
    return f"{place}:{origin.community}" if origin.community else place


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value
