"""Our organizations table: one row per organization, as CSV or GeoJSON points.

The same columns make the downloadable template (with a column dictionary in
Spanish and English), the public CSV export and the organization import, so an
exported file can be imported again. A row describes an organization, its main
place and the service categories it offers; each category becomes one service.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from flask_babel import lazy_gettext as _l

from cso_map.config import PROJECT_ROOT
from cso_map.models import Organization
from cso_map.services.exchange.csv_text import FORMULA_STARTS, csv_text
from cso_map.services.exchange.uploads import UploadError, feature_collection
from cso_map.services.hsds.objects import derived_id, listed_parent_id
from cso_map.services.records import cells as cell
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
ORGANIZATION_COLUMNS = (
    "id",
    "name",
    "alternate_name",
    "description",
    "email",
    "website",
    "phone",
    "year_founded",
    "legal_status",
    "legally_registered",
    "paid_staff",
    "volunteers",
    "members",
    "women_led",
    "open_to_mentor",
    "seeking_mentor",
    "location_confidential",
    "contact_instructions",
)
ADDRESS_COLUMNS = ("address_1", "city", "state_province", "postal_code", "country")
SERVICE_FLAG_COLUMNS = (
    "free_of_charge",
    "no_documents_required",
    "women_only",
    "walk_in",
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
        rows = cell.read_csv_file(path, REQUIRED, NAMES)
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


def _origins(value: object, regions: set[str], where) -> list[dict]:
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


def record_from_row(row: dict, where, regions: set[str], find_id, lang: str) -> dict:
    """Return the organization record a template row describes, checking every cell."""
    name = cell.clipped(row.get("name"), where, "name", 200)
    if not name:
        raise cell.CellError(where, "name", _l("a name is needed"))
    state = cell.region_code(row.get("state"), regions, where, "state")
    lat, lon = cell.point(row.get("latitude"), row.get("longitude"), where)
    org_id = cell.identifier(row.get("id"), where, "id") or find_id(fold(name), state)
    flags = {
        name: cell.flag(row.get(name), where, name) for name in SERVICE_FLAG_COLUMNS
    }
    languages = cell.codes(row.get("languages"), "language", where, "languages")
    country = cell.text(row.get("country"))
    if country and not (len(country) == 2 and country.isalpha()):
        raise cell.CellError(
            where,
            "country",
            _l("%(value)r is not a two-letter country code", value=country),
        )
    location_id = derived_id("location", org_id, 0)
    has_place = lat is not None or state or cell.text(row.get("city"))
    return {
        "id": org_id,
        "name": name,
        "alternate_name": cell.clipped(
            row.get("alternate_name"), where, "alternate_name", 200
        ),
        "type": cell.code(row.get("type"), "cso_type", where, "type")
        or _missing(where, "type"),
        "description": cell.text(row.get("description")) or "",
        "email": cell.email(row.get("email"), where, "email"),
        "website": cell.web_address(row.get("website"), where, "website"),
        "phone": cell.clipped(row.get("phone"), where, "phone", 40),
        "year_founded": cell.whole(
            row.get("year_founded"), where, "year_founded", 1800, 2100
        ),
        "legal_status": cell.clipped(
            row.get("legal_status"), where, "legal_status", 120
        ),
        "legally_registered": cell.flag(
            row.get("legally_registered"), where, "legally_registered"
        ),
        "parent_id": cell.identifier(row.get("parent_id"), where, "parent_id"),
        "paid_staff": cell.whole(row.get("paid_staff"), where, "paid_staff"),
        "volunteers": cell.whole(row.get("volunteers"), where, "volunteers"),
        "members": cell.whole(row.get("members"), where, "members"),
        "budget_band": cell.code(
            row.get("budget_band"), "budget_band", where, "budget_band"
        ),
        "engagement_level": cell.code(
            row.get("engagement_level"), "engagement_level", where, "engagement_level"
        )
        or "inform",
        "women_led": cell.flag(row.get("women_led"), where, "women_led"),
        "open_to_mentor": cell.flag(row.get("open_to_mentor"), where, "open_to_mentor"),
        "seeking_mentor": cell.flag(row.get("seeking_mentor"), where, "seeking_mentor"),
        "target_groups": cell.codes(
            row.get("target_groups"), "target_group", where, "target_groups"
        ),
        "skills": cell.codes(row.get("skills"), "skill", where, "skills"),
        "support_needs": cell.codes(
            row.get("support_needs"), "support_need", where, "support_needs"
        ),
        "origins": _origins(row.get("origins"), regions, where),
        "location_confidential": cell.flag(
            row.get("location_confidential"), where, "location_confidential"
        ),
        "contact_instructions": cell.text(row.get("contact_instructions")) or "",
        "locations": [
            {
                "id": location_id,
                "type": "physical",
                "lat": lat,
                "lon": lon,
                "state": state,
                "address_1": cell.clipped(
                    row.get("address_1"), where, "address_1", 200
                ),
                "city": cell.clipped(row.get("city"), where, "city", 120),
                "state_province": cell.clipped(
                    row.get("state_province"), where, "state_province", 120
                ),
                "postal_code": cell.clipped(
                    row.get("postal_code"), where, "postal_code", 20
                ),
                "country": country.upper() if country else None,
            }
        ]
        if has_place
        else [],
        "services": [
            {
                "id": derived_id("service", org_id, category),
                "category": category,
                "name": SERVICE_CATEGORIES[category].label(lang),
                "languages": languages,
                "location_ids": [location_id] if has_place else [],
                "area_regions": [state] if state and lat is None else [],
                **flags,
            }
            for category in cell.codes(
                row.get("services"), "service_category", where, "services"
            )
        ],
    }


def _missing(where, field: str):
    raise cell.CellError(where, field, _l("a value is needed"))


def table_row(organization: Organization) -> list[object]:
    """Return an organization as a row of the table: its first place, its categories.

    A hidden address gives only the state; an approximate point gives no
    coordinates (as in every public export).
    """
    location = organization.locations[0] if organization.locations else None
    hidden = organization.location_confidential
    services = organization.services
    values = {
        **{name: getattr(organization, name) for name in ORGANIZATION_COLUMNS},
        "type": organization.type.code,
        "parent_id": listed_parent_id(organization),
        "budget_band": organization.budget_band.code
        if organization.budget_band
        else None,
        "engagement_level": organization.engagement_level.code,
        "target_groups": ";".join(t.code for t in organization.target_groups),
        "skills": ";".join(t.code for t in organization.skills),
        "support_needs": ";".join(t.code for t in organization.support_needs),
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
        **{
            name: any(getattr(s, name) for s in services)
            for name in SERVICE_FLAG_COLUMNS
        },
    }
    if location and not hidden:
        values.update({name: getattr(location, name) for name in ADDRESS_COLUMNS})
        if not location.approximate:
            values["latitude"], values["longitude"] = (
                location.latitude,
                location.longitude,
            )
    return [_cell(values.get(name)) for name in NAMES]


def _origin_text(origin) -> str:
    place = origin.region.code if origin.region else origin.country_code
    return f"{place}:{origin.community}" if origin.community else place


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value
