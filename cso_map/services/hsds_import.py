"""Reading Open Referral HSDS 3.0 data: a tabular package (zip or folder of CSVs)
or HSDS JSON (a list of nested organizations or services), into our records.

Both forms are first flattened into HSDS tables, then read one way. Terms of our
own taxonomies are recognized by id; other taxonomies' terms reach our service
categories through a mapping table (`cso_map/data/hsds_category_mapping.csv` or
one given on the command line). A zip is checked in Python before anything in it
is read: only HSDS table names, no folders beyond one, no links, bounded sizes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import stat
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from flask_babel import lazy_gettext as _l

from cso_map.config import PROJECT_ROOT
from cso_map.models import Region
from cso_map.models.service import SERVICE_STATUSES
from cso_map.services import import_values as cell
from cso_map.services.hsds_objects import WEEKDAYS, derived_id
from cso_map.services.upload_files import UploadError
from cso_map.taxonomy import SERVICE_CATEGORIES, VOCABULARIES
from cso_map.text import fold

HSDS_TABLES = [
    "organizations",
    "programs",
    "services",
    "attributes",
    "service_at_location",
    "locations",
    "phones",
    "contacts",
    "addresses",
    "schedules",
    "funding",
    "service_areas",
    "required_documents",
    "languages",
    "accessibility",
    "taxonomy_terms",
    "metadata",
    "meta_table_descriptions",
    "cost_options",
    "organization_identifiers",
    "taxonomies",
]
MAX_MEMBERS = len(HSDS_TABLES) + 1
MAX_UNCOMPRESSED = 1024 * 1024 * 1024
DEFAULT_MAPPING = PROJECT_ROOT / "cso_map" / "data" / "hsds_category_mapping.csv"
FREE = re.compile(r"\b(free|gratis|gratuit[oa]|no cost|sin costo)\b", re.IGNORECASE)
OUR_TERMS = {
    str(vocabulary.term_id(term.code)): (vocabulary.code, term.code)
    for vocabulary in VOCABULARIES.values()
    for term in vocabulary.terms
}
WEEKDAY_NUMBERS = {day: number for number, day in enumerate(WEEKDAYS)}

Tables = dict[str, dict[str, dict]]


@dataclass(frozen=True)
class MappingRule:
    """One line of the mapping table: a term (in a taxonomy, or any) → a category."""

    taxonomy: str
    term: str
    category: str


def read_mapping(path: Path | None = None) -> list[MappingRule]:
    """Return the rules of a mapping table (taxonomy, term, category)."""
    path = path or DEFAULT_MAPPING
    rules = []
    for number, row in enumerate(
        cell.read_csv_file(path, ("taxonomy", "term", "category")), start=2
    ):
        where = f"{path.name} row {number}"
        category = cell.code(row["category"], "service_category", where, "category")
        if not category or not row["term"]:
            raise cell.CellError(where, "term", _l("a term and a category are needed"))
        rules.append(
            MappingRule(fold(row["taxonomy"] or "*"), fold(row["term"]), category)
        )
    return rules


def read_hsds_tables(path: Path) -> Tables:
    """Return the HSDS tables of a zip, a folder of CSVs or a JSON file."""
    if path.is_dir():
        return _csv_tables(
            {
                member.name: member.read_bytes()
                for member in path.iterdir()
                if member.name.removesuffix(".csv") in HSDS_TABLES
            }
        )
    suffix = path.suffix.lower()
    if suffix == ".zip":
        return _csv_tables(_zip_members(path))
    if suffix == ".json":
        return _json_tables(path)
    raise UploadError(
        _l("%(name)s: use an HSDS .zip, a folder or a .json file", name=path.name)
    )


def _zip_members(path: Path) -> dict[str, bytes]:
    """Return the CSV files of a checked zip (names without their one folder)."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        raise UploadError(_l("%(name)s is not a zip file", name=path.name)) from error
    with archive:
        members = [member for member in archive.infolist() if not member.is_dir()]
        if not members or len(members) > MAX_MEMBERS:
            raise UploadError(
                _l("%(name)s: too many files for an HSDS package", name=path.name)
            )
        if sum(member.file_size for member in members) > MAX_UNCOMPRESSED:
            raise UploadError(
                _l("%(name)s: the files inside are too large", name=path.name)
            )
        files = {}
        for member in members:
            parts = member.filename.split("/")
            if (
                len(parts) > 2
                or "\\" in member.filename
                or any(
                    part in ("", ".", "..") or part.startswith(".") for part in parts
                )
                or stat.S_ISLNK(member.external_attr >> 16)
            ):
                raise UploadError(
                    _l(
                        "%(name)s: %(member)r is not allowed in a package",
                        name=path.name,
                        member=member.filename,
                    )
                )
            name = parts[-1]
            if name == "datapackage.json":
                continue
            if (
                not name.endswith(".csv")
                or name.removesuffix(".csv") not in HSDS_TABLES
            ):
                raise UploadError(
                    _l(
                        "%(name)s: %(member)r is not an HSDS table",
                        name=path.name,
                        member=member.filename,
                    )
                )
            files[name] = archive.read(member)
    return files


def _csv_tables(files: dict[str, bytes]) -> Tables:
    """Return the rows of HSDS CSV files keyed by id, each knowing its row number."""
    if "organizations.csv" not in files:
        raise UploadError(_l("the package has no organizations.csv"))
    tables: Tables = {table: {} for table in HSDS_TABLES}
    for name, raw in files.items():
        table = name.removesuffix(".csv")
        rows = cell.csv_rows(cell.decode_text(raw, name), name, ("id",))
        for number, row in enumerate(rows, start=2):
            row["_where"] = str(_l("%(name)s row %(number)s", name=name, number=number))
            _keep(tables, table, row)
    return tables


def _keep(tables: Tables, table: str, row: dict) -> None:
    """Add a row to its table, refusing a missing id."""
    row_id = cell.text(row.get("id"))
    if row_id is None:
        raise cell.CellError(row["_where"], "id", _l("an id is needed"))
    row["id"] = row_id
    tables[table].setdefault(row_id, row)


def _json_tables(path: Path) -> Tables:
    """Flatten HSDS JSON (objects, a list, or a page's `contents`) into tables."""
    try:
        document = json.loads(cell.decode_text(path.read_bytes(), path.name))
    except json.JSONDecodeError as error:
        raise UploadError(
            _l("%(name)s is not JSON: %(error)s", name=path.name, error=str(error))
        ) from error
    if isinstance(document, dict):
        document = document.get("contents", [document])
    if not isinstance(document, list):
        raise UploadError(
            _l("%(name)s: expected a list of organizations or services", name=path.name)
        )
    tables: Tables = {table: {} for table in HSDS_TABLES}
    flattener = _Flattener(tables)
    for number, item in enumerate(document, start=1):
        where = str(_l("item %(number)s", number=number))
        if not isinstance(item, dict):
            raise UploadError(_l("%(where)s is not an object", where=where))
        if "status" in item or "service_at_locations" in item:
            flattener.service(item, where)
        else:
            flattener.organization(item, where)
    return tables


class _Flattener:
    """Copies nested HSDS objects into flat tables, linking children to parents."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables

    def add(self, table: str, item: dict, where: str, **links) -> dict:
        row = {
            key: value
            for key, value in item.items()
            if not isinstance(value, list | dict)
        }
        row.update({key: value for key, value in links.items() if value})
        row["_where"] = where
        _keep(self.tables, table, row)
        return row

    def children(self, table: str, items, where: str, **links) -> None:
        for number, item in enumerate(items or [], start=1):
            self.add(table, item, f"{where} {table}[{number}]", **links)

    def attributes(self, items, where: str) -> None:
        for number, item in enumerate(items or [], start=1):
            term = item.get("taxonomy_term")
            if isinstance(term, dict):
                self.add("taxonomy_terms", term, f"{where} taxonomy_term")
                detail = term.get("taxonomy_detail")
                if isinstance(detail, dict):
                    self.add("taxonomies", detail, f"{where} taxonomy")
            self.add("attributes", item, f"{where} attributes[{number}]")

    def organization(self, item: dict, where: str) -> None:
        row = self.add("organizations", item, where)
        self.children("phones", item.get("phones"), where, organization_id=row["id"])
        self.attributes(item.get("attributes"), where)
        for number, location in enumerate(item.get("locations") or [], start=1):
            self.location(location, f"{where} locations[{number}]", row["id"])
        for number, service in enumerate(item.get("services") or [], start=1):
            self.service(service, f"{where} services[{number}]", row["id"])

    def location(self, item: dict, where: str, organization_id: str | None) -> None:
        row = self.add("locations", item, where, organization_id=organization_id)
        self.children("addresses", item.get("addresses"), where, location_id=row["id"])
        self.attributes(item.get("attributes"), where)

    def service(
        self, item: dict, where: str, organization_id: str | None = None
    ) -> None:
        organization = item.get("organization")
        if isinstance(organization, dict):
            self.organization(organization, f"{where} organization")
        row = self.add("services", item, where, organization_id=organization_id)
        links = {"service_id": row["id"]}
        for table in ("phones", "languages", "schedules", "service_areas"):
            self.children(table, item.get(table), where, **links)
        self.attributes(item.get("attributes"), where)
        for number, link in enumerate(item.get("service_at_locations") or [], start=1):
            link_where = f"{where} service_at_locations[{number}]"
            location = link.get("location")
            if isinstance(location, dict):
                self.location(
                    location, f"{link_where} location", row.get("organization_id")
                )
            self.add("service_at_location", link, link_where, **links)


def _key(value: object) -> str:
    """Return an id as it is matched between tables (case and spaces ignored)."""
    return str(value).strip().lower()


def hsds_records(path: Path, mapping: Path | None, regions: list[Region]) -> list[dict]:
    """Return the organization records of an HSDS package, folder or JSON file."""
    return _Reader(read_hsds_tables(path), read_mapping(mapping), regions).records()


class _Reader:
    """Builds organization records from HSDS tables."""

    def __init__(
        self, tables: Tables, rules: list[MappingRule], regions: list[Region]
    ) -> None:
        self.tables = tables
        self.rules = rules
        self.codes = {region.code for region in regions}
        self.region_names = {
            fold(name): region.code
            for region in regions
            for name in (region.name_en, region.name_es, region.code)
        }
        self.by_parent: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for table, key in (
            ("phones", "organization_id"),
            ("phones", "service_id"),
            ("locations", "organization_id"),
            ("addresses", "location_id"),
            ("services", "organization_id"),
            ("languages", "service_id"),
            ("schedules", "service_id"),
            ("service_areas", "service_id"),
            ("service_at_location", "service_id"),
            ("attributes", "link_id"),
        ):
            for row in tables[table].values():
                if cell.text(row.get(key)):
                    self.by_parent[(table, _key(row[key]))].append(row)

    def rows(self, table: str, parent: str) -> list[dict]:
        return self.by_parent.get((table, _key(parent)), [])

    def terms(self, link_id: str) -> list[tuple[dict, tuple[str, str] | None, dict]]:
        """Return (attribute, our (vocabulary, code) or None, term row) of a row."""
        found = []
        for attribute in self.rows("attributes", link_id):
            term_id = cell.text(attribute.get("taxonomy_term_id")) or ""
            term = self.tables["taxonomy_terms"].get(term_id, {})
            found.append((attribute, OUR_TERMS.get(_key(term_id)), term))
        return found

    def fields(self, link_id: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """Return our codes by vocabulary and profile-field values by field."""
        codes: dict[str, list[str]] = defaultdict(list)
        values: dict[str, list[str]] = defaultdict(list)
        for attribute, ours, _term in self.terms(link_id):
            if ours is None:
                continue
            vocabulary, code = ours
            if vocabulary == "profile_field":
                values[code].append(str(attribute.get("value") or ""))
            else:
                codes[vocabulary].append(code)
        return codes, values

    def records(self) -> list[dict]:
        """Return one record per organization, services and places inside."""
        for service in self.tables["services"].values():
            owner = cell.text(service.get("organization_id"))
            if owner not in self.tables["organizations"]:
                raise cell.CellError(
                    service["_where"],
                    "organization_id",
                    _l("no organization has this id"),
                )
        return [self.organization(row) for row in self.tables["organizations"].values()]

    def organization(self, row: dict) -> dict:
        where, org_id = row["_where"], cell.identifier(row["id"], row["_where"], "id")
        codes, values = self.fields(org_id)

        def value(name: str) -> str | None:
            return values[name][0] if values.get(name) else None

        def one(vocabulary: str, default: str | None) -> str | None:
            return codes[vocabulary][0] if codes.get(vocabulary) else default

        phones = self.rows("phones", org_id)
        reviewed = value("last_reviewed")
        name = cell.clipped(row.get("name"), where, "name", 200)
        if not name:
            raise cell.CellError(where, "name", _l("a name is needed"))
        return {
            "id": org_id,
            "name": name,
            "alternate_name": cell.clipped(
                row.get("alternate_name"), where, "alternate_name", 200
            ),
            "description": cell.text(row.get("description")) or "",
            "email": cell.email(row.get("email"), where, "email"),
            "website": cell.web_address(row.get("website"), where, "website"),
            "phone": cell.clipped(phones[0].get("number"), where, "phones", 40)
            if phones
            else None,
            "year_founded": cell.whole(
                row.get("year_incorporated"), where, "year_incorporated", 1800, 2100
            ),
            "legal_status": cell.clipped(
                row.get("legal_status"), where, "legal_status", 120
            ),
            "parent_id": cell.identifier(
                row.get("parent_organization_id"), where, "parent_organization_id"
            ),
            "type": one("cso_type", "other"),
            "engagement_level": one("engagement_level", "inform"),
            "budget_band": one("budget_band", None),
            "target_groups": codes.get("target_group", []),
            "skills": codes.get("skill", []),
            "support_needs": codes.get("support_need", []),
            **{
                field: cell.whole(value(field), where, field)
                for field in ("paid_staff", "volunteers", "members")
            },
            **{
                field: cell.flag(value(field), where, field)
                for field in (
                    "legally_registered",
                    "women_led",
                    "open_to_mentor",
                    "seeking_mentor",
                    "location_confidential",
                )
            },
            "contact_instructions": value("contact_instructions") or "",
            "verification_status": self.verification(value("verification"), where),
            "reviewed_on": self.date(reviewed, where, "last_reviewed"),
            "status": self.organization_status(value("organization_status"), where),
            "demo": cell.flag(value("demo"), where, "demo"),
            "origins": [self.origin(text, where) for text in values.get("origin", [])],
            "locations": [self.location(loc) for loc in self.rows("locations", org_id)],
            "services": [self.service(s) for s in self.rows("services", org_id)],
        }

    def verification(self, text: str | None, where: str) -> str | None:
        if text not in (None, "verified", "unverified"):
            raise cell.CellError(
                where,
                "verification",
                _l("%(value)r is not verified or unverified", value=text),
            )
        return text

    def organization_status(self, text: str | None, where: str) -> str:
        if text not in (None, "active", "inactive"):
            raise cell.CellError(
                where,
                "organization_status",
                _l("%(value)r is not active or inactive", value=text),
            )
        return text or "active"

    def date(self, text: str | None, where: str, field: str) -> str | None:
        if not text:
            return None
        try:
            return dt.date.fromisoformat(str(text)[:10]).isoformat()
        except ValueError:
            raise cell.CellError(
                where, field, _l("%(value)r is not a date (YYYY-MM-DD)", value=text)
            ) from None

    def origin(self, text: str, where: str) -> dict:
        country, region, community = [*text.split("|"), "", ""][:3]
        if not re.fullmatch(r"[A-Z]{2}", country):
            raise cell.CellError(
                where,
                "origin",
                _l("%(value)r is not a two-letter country code", value=country),
            )
        return {
            "country": country,
            "region": cell.region_code(region, self.codes, where, "origin"),
            "community": community or None,
        }

    def location(self, row: dict) -> dict:
        where, location_id = (
            row["_where"],
            cell.identifier(row["id"], row["_where"], "id"),
        )
        _codes, values = self.fields(location_id)
        kind = cell.text(row.get("location_type")) or "physical"
        if kind not in ("physical", "postal", "virtual"):
            raise cell.CellError(
                where,
                "location_type",
                _l("%(value)r is not physical, postal or virtual", value=kind),
            )
        lat = cell.decimal(row.get("latitude"), where, "latitude", -90, 90)
        lon = cell.decimal(row.get("longitude"), where, "longitude", -180, 180)
        if (lat is None) != (lon is None):
            raise cell.CellError(
                where, "latitude", _l("give both latitude and longitude, or neither")
            )
        addresses = sorted(
            self.rows("addresses", location_id),
            key=lambda address: address.get("address_type") != "physical",
        )
        address = addresses[0] if addresses else {}
        state = values.get("state", [None])[0]
        return {
            "id": location_id,
            "type": kind,
            "name": cell.clipped(row.get("name"), where, "name", 200),
            "url": cell.web_address(row.get("url"), where, "url"),
            "transportation": cell.text(row.get("transportation")) or "",
            "lat": lat,
            "lon": lon,
            "state": cell.region_code(state, self.codes, where, "state"),
            "approximate": cell.flag(
                values.get("approximate", [""])[0], where, "approximate"
            ),
            **{
                field: cell.clipped(
                    address.get(field), address.get("_where", where), field, limit
                )
                for field, limit in (
                    ("address_1", 200),
                    ("address_2", 200),
                    ("city", 120),
                    ("state_province", 120),
                    ("postal_code", 20),
                )
            },
            "country": (cell.text(address.get("country")) or "").upper()[:2] or None,
        }

    def category(self, service_id: str, where: str) -> str:
        """Return the service's category: ours by id, else through the mapping table."""
        foreign = []
        for _attribute, ours, term in self.terms(service_id):
            if ours and ours[0] == "service_category":
                return ours[1]
            if ours is None and term:
                foreign.append(term)
        for term in foreign:
            names = {fold(str(term.get(key) or "")) for key in ("code", "name")} - {""}
            taxonomy = self.tables["taxonomies"].get(
                str(term.get("taxonomy_id") or ""), {}
            )
            taxonomies = {
                fold(str(value or ""))
                for value in (
                    term.get("taxonomy"),
                    taxonomy.get("name"),
                    taxonomy.get("uri"),
                )
            } - {""}
            for name in names:
                if name in SERVICE_CATEGORIES:
                    return name
            for rule in self.rules:
                if rule.term in names and (
                    rule.taxonomy == "*" or rule.taxonomy in taxonomies
                ):
                    return rule.category
        raise cell.CellError(
            where,
            "attributes",
            _l(
                "no taxonomy term of this service maps to a service category; "
                "add it to the mapping table"
            ),
        )

    def service(self, row: dict) -> dict:
        where, service_id = (
            row["_where"],
            cell.identifier(row["id"], row["_where"], "id"),
        )
        _codes, values = self.fields(service_id)

        def value(name: str) -> str | None:
            return values[name][0] if values.get(name) else None

        status = cell.text(row.get("status")) or "active"
        if status not in SERVICE_STATUSES:
            raise cell.CellError(
                where, "status", _l("%(value)r is not a service status", value=status)
            )
        minimum = cell.whole(row.get("minimum_age"), where, "minimum_age", 0, 130)
        maximum = cell.whole(row.get("maximum_age"), where, "maximum_age", 0, 130)
        if minimum is not None and maximum is not None and minimum > maximum:
            raise cell.CellError(
                where, "minimum_age", _l("the minimum age is above the maximum")
            )
        phones = self.rows("phones", service_id)
        fees = cell.text(row.get("fees_description")) or ""
        free = value("free_of_charge")
        links = self.rows("service_at_location", service_id)
        name = cell.clipped(row.get("name"), where, "name", 200)
        if not name:
            raise cell.CellError(where, "name", _l("a name is needed"))
        return {
            "id": service_id,
            "name": name,
            "category": self.category(service_id, where),
            "description": cell.text(row.get("description")) or "",
            "status": status,
            "url": cell.web_address(row.get("url"), where, "url"),
            "email": cell.email(row.get("email"), where, "email"),
            "phone": cell.clipped(phones[0].get("number"), where, "phones", 40)
            if phones
            else None,
            "minimum_age": minimum,
            "maximum_age": maximum,
            "eligibility_notes": cell.text(row.get("eligibility_description")) or "",
            "application_process": cell.text(row.get("application_process")) or "",
            "hours_notes": value("hours_notes") or "",
            "capacity_per_month": cell.whole(
                value("capacity_per_month"), where, "capacity_per_month"
            ),
            "radius_km": cell.decimal(
                value("radius_km"), where, "radius_km", 0.001, 20000
            ),
            "free_of_charge": cell.flag(free, where, "free_of_charge")
            if free is not None
            else bool(FREE.search(fees)),
            **{
                field: cell.flag(value(field), where, field)
                for field in ("no_documents_required", "women_only", "walk_in")
            },
            "assured_on": self.date(row.get("assured_date"), where, "assured_date"),
            "last_modified": self.timestamp(row.get("last_modified"), where),
            "languages": [
                cell.code(
                    language.get("code") or language.get("name"),
                    "language",
                    language["_where"],
                    "code",
                )
                for language in self.rows("languages", service_id)
            ],
            "area_regions": [
                self.area(area) for area in self.rows("service_areas", service_id)
            ],
            "schedules": [
                hours
                for schedule in self.rows("schedules", service_id)
                for hours in self.schedule(schedule)
            ],
            "location_ids": [self.link_location(link) for link in links],
            "link_ids": {
                self.link_location(link): cell.identifier(
                    link["id"], link["_where"], "id"
                )
                for link in links
            },
        }

    def link_location(self, link: dict) -> str:
        location = cell.identifier(
            link.get("location_id"), link["_where"], "location_id"
        )
        if location is None:
            raise cell.CellError(link["_where"], "location_id", _l("a value is needed"))
        return location

    def timestamp(self, text: str | None, where: str) -> str | None:
        if not cell.text(text):
            return None
        try:
            dt.datetime.fromisoformat(str(text).replace("Z", "+00:00"))
        except ValueError:
            raise cell.CellError(
                where,
                "last_modified",
                _l("%(value)r is not a date and time", value=text),
            ) from None
        return str(text)

    def area(self, row: dict) -> str:
        for key in ("description", "name"):
            found = self.region_names.get(fold(str(row.get(key) or "")))
            if found:
                return found
        raise cell.CellError(
            row["_where"],
            "description",
            _l(
                "%(value)r is not a state or country we know",
                value=row.get("name") or row.get("description"),
            ),
        )

    def schedule(self, row: dict) -> list[list]:
        where = row["_where"]
        freq = (cell.text(row.get("freq")) or "WEEKLY").upper()
        days = [
            day.strip().upper()
            for day in str(row.get("byday") or "").split(",")
            if day.strip()
        ]
        if freq != "WEEKLY" or not days:
            raise cell.CellError(
                where, "freq", _l("only weekly hours with days (byday) can be imported")
            )
        times = []
        for field in ("opens_at", "closes_at"):
            try:
                times.append(
                    dt.time.fromisoformat(str(row.get(field) or "")[:5]).strftime(
                        "%H:%M"
                    )
                )
            except ValueError:
                raise cell.CellError(
                    where,
                    field,
                    _l("%(value)r is not a time (HH:MM)", value=row.get(field)),
                ) from None
        if times[0] >= times[1]:
            raise cell.CellError(where, "closes_at", _l("it closes before it opens"))
        unknown = [day for day in days if day not in WEEKDAY_NUMBERS]
        if unknown:
            raise cell.CellError(
                where,
                "byday",
                _l("%(value)r is not a weekday (MO to SU)", value=unknown[0]),
            )
        if len(days) == 1:
            return [[WEEKDAY_NUMBERS[days[0]], *times, row["id"]]]
        return [
            [WEEKDAY_NUMBERS[day], *times, derived_id("schedule", row["id"], day)]
            for day in days
        ]
