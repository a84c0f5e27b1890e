"""Reading Open Referral HSDS 3.0 data: a tabular package (zip or folder of CSVs)
or HSDS JSON (a list of nested organizations or services), into our records.

Tables are read one after another, parents first, each row going straight into
the organization record it belongs to, so memory holds the records and not the
tables (an HSDS package of 100k organizations has millions of rows). JSON is
first flattened into the same tables. Terms of our own taxonomies are recognized
by id; other taxonomies' terms reach our service categories through a mapping
table (`cso_map/data/hsds_category_mapping.csv`, or one given on the command
line). A zip is checked in Python before anything in it is read: only HSDS table
names, at most one folder, no links, bounded sizes.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import operator
import re
import stat
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from flask_babel import lazy_gettext as _l

from cso_map.config import PROJECT_ROOT
from cso_map.models import Region
from cso_map.models.service import SERVICE_STATUSES
from cso_map.services.exchange.uploads import UploadError
from cso_map.services.hsds.objects import WEEKDAYS, derived_id
from cso_map.services.records import cells as cell
from cso_map.taxonomy import SERVICE_CATEGORIES, VOCABULARIES
from cso_map.text import fold

HSDS_TABLES = (
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
)
# The tables we read, parents before children; attributes last (they point at all).
READ_ORDER = (
    "taxonomies",
    "taxonomy_terms",
    "organizations",
    "locations",
    "addresses",
    "services",
    "phones",
    "languages",
    "schedules",
    "service_areas",
    "service_at_location",
    "attributes",
)
ATTRIBUTE_COLUMNS = ("link_id", "taxonomy_term_id", "value")
MAX_MEMBERS = len(HSDS_TABLES) + 1
MAX_UNCOMPRESSED = 2 * 1024 * 1024 * 1024
DEFAULT_MAPPING = PROJECT_ROOT / "cso_map" / "data" / "hsds_category_mapping.csv"
FREE = re.compile(r"\b(free|gratis|gratuit[oa]|no cost|sin costo)\b", re.IGNORECASE)
CANONICAL_UUID = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
)
OUR_TERMS = {
    str(term_id): (vocabulary.code, code)
    for vocabulary in VOCABULARIES.values()
    for code, term_id in vocabulary.term_ids.items()
}
WEEKDAY_NUMBERS = {day: number for number, day in enumerate(WEEKDAYS)}
ORGANIZATION_COUNTS = ("paid_staff", "volunteers", "members")
ORGANIZATION_FLAGS = (
    "legally_registered",
    "women_led",
    "open_to_mentor",
    "seeking_mentor",
    "location_confidential",
    "demo",
)
SERVICE_FLAGS = ("free_of_charge", "no_documents_required", "women_only", "walk_in")
# Where a term of our vocabularies goes in an organization record.
ORGANIZATION_TERM_FIELDS = {
    "cso_type": "type",
    "engagement_level": "engagement_level",
    "budget_band": "budget_band",
    "target_group": "target_groups",
    "skill": "skills",
    "support_need": "support_needs",
}
ORGANIZATION_TERM_LISTS = ("target_group", "skill", "support_need")
ADDRESS_FIELDS = (
    ("address_1", 200),
    ("address_2", 200),
    ("city", 120),
    ("state_province", 120),
    ("postal_code", 20),
)

Rows = Iterable[tuple[object, dict]]


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
        where = cell.RowPlace(path.name, number)
        category = cell.code(row["category"], "service_category", where, "category")
        if not category or not row["term"]:
            raise cell.CellError(where, "term", _l("a term and a category are needed"))
        rules.append(
            MappingRule(fold(row["taxonomy"] or "*"), fold(row["term"]), category)
        )
    return rules


def hsds_records(path: Path, mapping: Path | None, regions: list[Region]) -> list[dict]:
    """Return the organization records of an HSDS package, folder or JSON file."""
    builder = _Builder(read_mapping(mapping), regions)
    with ExitStack() as stack:
        for table, rows in _tables(path, stack):
            builder.take(table, rows)
    return builder.finish()


def _tables(path: Path, stack: ExitStack) -> Iterator[tuple[str, Rows]]:
    """Yield each HSDS table of a zip, folder or JSON file, in READ_ORDER."""
    suffix = path.suffix.lower()
    if path.is_dir():
        files = {f"{table}.csv": path / f"{table}.csv" for table in READ_ORDER}
        if not files["organizations.csv"].is_file():
            raise UploadError(_l("the package has no organizations.csv"))
        for name, file in files.items():
            if file.is_file():
                handle = stack.enter_context(file.open("rb"))
                table = name.removesuffix(".csv")
                yield table, _csv_rows(handle, name, table)
    elif suffix == ".zip":
        archive = stack.enter_context(_checked_zip(path))
        members = {info.filename.split("/")[-1]: info for info in archive.infolist()}
        if "organizations.csv" not in members:
            raise UploadError(_l("the package has no organizations.csv"))
        for table in READ_ORDER:
            if f"{table}.csv" in members:
                handle = stack.enter_context(archive.open(members[f"{table}.csv"]))
                yield table, _csv_rows(handle, f"{table}.csv", table)
    elif suffix == ".json":
        tables = _json_tables(path)
        for table in READ_ORDER:
            rows = tables[table].values()
            if table == "attributes":
                rows = (
                    (where, tuple(row.get(c) for c in ATTRIBUTE_COLUMNS))
                    for where, row in rows
                )
            yield table, rows
    else:
        raise UploadError(
            _l("%(name)s: use an HSDS .zip, a folder or a .json file", name=path.name)
        )


def _checked_zip(path: Path) -> zipfile.ZipFile:
    """Open a zip whose members are only HSDS tables (and datapackage.json)."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        raise UploadError(_l("%(name)s is not a zip file", name=path.name)) from error
    members = archive.infolist()
    problem = None
    if not members or len(members) > MAX_MEMBERS + 1:
        problem = _l("%(name)s: too many files for an HSDS package", name=path.name)
    elif sum(member.file_size for member in members) > MAX_UNCOMPRESSED:
        problem = _l("%(name)s: the files inside are too large", name=path.name)
    for member in members:
        if problem:
            break
        problem = _member_problem(path.name, member)
    if problem:
        archive.close()
        raise UploadError(problem)
    return archive


def _member_problem(name: str, member: zipfile.ZipInfo):
    """Return why a zip member is refused, or None."""
    parts = member.filename.rstrip("/").split("/")
    if (
        len(parts) > 2
        or "\\" in member.filename
        or any(part in ("", ".", "..") or part.startswith(".") for part in parts)
        or stat.S_ISLNK(member.external_attr >> 16)
    ):
        return _l(
            "%(name)s: %(member)r is not allowed in a package",
            name=name,
            member=member.filename,
        )
    if member.is_dir() or parts[-1] == "datapackage.json":
        return None
    if parts[-1].removesuffix(".csv") not in HSDS_TABLES or not parts[-1].endswith(
        ".csv"
    ):
        return _l(
            "%(name)s: %(member)r is not an HSDS table",
            name=name,
            member=member.filename,
        )
    return None


def _csv_rows(handle, name: str, table: str) -> Iterator[tuple[object, object]]:
    """Yield (place, row) of a UTF-8 CSV stream, refusing other encodings.

    The place is one object for the whole file that reads the current line when
    shown (rows are read one at a time); an attribute row is only (link_id,
    taxonomy_term_id, value): there are millions.
    """
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    try:
        reader = csv.reader(text)
        header = [column.strip() for column in next(reader, [])]
        if "id" not in header:
            raise UploadError(
                _l("%(name)s: missing columns: %(columns)s", name=name, columns="id")
            )
        place = cell.LinePlace(name, reader)
        if table == "attributes":
            indexes = [
                header.index(c) if c in header else None for c in ATTRIBUTE_COLUMNS
            ]
            if None not in indexes:
                pick = operator.itemgetter(*indexes)
                for values in reader:
                    yield place, pick(values)
                return
            for values in reader:
                row = dict(zip(header, values, strict=False))
                yield place, tuple(row.get(c) for c in ATTRIBUTE_COLUMNS)
            return
        for values in reader:
            yield place, dict(zip(header, values, strict=False))
    except UnicodeDecodeError as error:
        raise UploadError(cell.not_utf8(name)) from error
    except (csv.Error, IndexError) as error:
        raise UploadError(
            _l("%(name)s is not valid CSV: %(error)s", name=name, error=str(error))
        ) from error


def _json_tables(path: Path) -> dict[str, dict[str, tuple]]:
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
    flattener = _Flattener()
    for number, item in enumerate(document, start=1):
        where = str(_l("item %(number)s", number=number))
        if not isinstance(item, dict):
            raise UploadError(_l("%(where)s is not an object", where=where))
        if "status" in item or "service_at_locations" in item:
            flattener.service(item, where)
        else:
            flattener.organization(item, where)
    return flattener.tables


class _Flattener:
    """Copies nested HSDS objects into flat tables, linking children to parents."""

    def __init__(self) -> None:
        self.tables: dict[str, dict[str, tuple]] = defaultdict(dict)

    def add(self, table: str, item: dict, where: str, **links) -> dict:
        row = {
            key: value
            for key, value in item.items()
            if not isinstance(value, list | dict)
        }
        row.update({key: value for key, value in links.items() if value})
        key = str(row.get("id") or "").strip().lower()
        if not key:
            raise cell.CellError(where, "id", _l("an id is needed"))
        self.tables[table].setdefault(key, (where, row))
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
    return str(value or "").strip().lower()


def _id(value: object, where, field: str) -> str:
    """Return a UUID in canonical text (fast for canonical input)."""
    text = _key(value)
    if CANONICAL_UUID.fullmatch(text):
        return text
    found = cell.identifier(value, where, field)
    if found is None:
        raise cell.CellError(where, field, _l("a value is needed"))
    return found


@functools.lru_cache(maxsize=4096)
def _hours_and_minutes(text: str) -> str | None:
    """Return "HH:MM" of a time of day (hours repeat: each is read once)."""
    try:
        return dt.time.fromisoformat(text[:5]).strftime("%H:%M")
    except ValueError:
        return None


def _clock(value: object, where, field: str) -> str:
    """Return a time of day as "HH:MM", or refuse it naming the row and field."""
    found = _hours_and_minutes(str(value or ""))
    if found is None:
        raise cell.CellError(
            where, field, _l("%(value)r is not a time (HH:MM)", value=value)
        )
    return found


class _Builder:
    """Builds organization records from HSDS tables taken one at a time."""

    def __init__(self, rules: list[MappingRule], regions: list[Region]) -> None:
        self.rules = rules
        self.codes = {region.code for region in regions}
        self.region_names = {
            fold(name): region.code
            for region in regions
            for name in (region.name_en, region.name_es, region.code)
        }
        self.organizations: dict[str, dict] = {}
        self.locations: dict[str, tuple[dict, str]] = {}
        self.services: dict[str, tuple[dict, str]] = {}
        self.places: dict[str, object] = {}
        self.terms: dict[str, dict] = {}
        self.taxonomies: dict[str, dict] = {}
        self.foreign: dict[str, list[dict]] = defaultdict(list)

    def take(self, table: str, rows: Rows) -> None:
        """Read every row of one table into the records."""
        read = getattr(self, f"read_{table}")
        for where, row in rows:
            read(row, where)

    def read_taxonomies(self, row: dict, where) -> None:
        self.taxonomies[_key(row.get("id"))] = row

    def read_taxonomy_terms(self, row: dict, where) -> None:
        self.terms[_key(row.get("id"))] = row

    def read_organizations(self, row: dict, where) -> None:
        org_id = _id(row.get("id"), where, "id")
        name = cell.clipped(row.get("name"), where, "name", 200)
        if not name:
            raise cell.CellError(where, "name", _l("a name is needed"))
        self.organizations.setdefault(
            org_id,
            {
                "id": org_id,
                "name": name,
                "alternate_name": cell.clipped(
                    row.get("alternate_name"), where, "alternate_name", 200
                ),
                "description": cell.text(row.get("description")) or "",
                "email": cell.email(row.get("email"), where, "email"),
                "website": cell.web_address(row.get("website"), where, "website"),
                "phone": None,
                "year_founded": cell.whole(
                    row.get("year_incorporated"), where, "year_incorporated", 1800, 2100
                ),
                "legal_status": cell.clipped(
                    row.get("legal_status"), where, "legal_status", 120
                ),
                "parent_id": cell.identifier(
                    row.get("parent_organization_id"), where, "parent_organization_id"
                ),
                "type": None,
                "engagement_level": None,
                "budget_band": None,
                "target_groups": [],
                "skills": [],
                "support_needs": [],
                **dict.fromkeys(ORGANIZATION_COUNTS),
                **dict.fromkeys(ORGANIZATION_FLAGS, False),
                "contact_instructions": "",
                "verification_status": None,
                "reviewed_on": None,
                "status": "active",
                "origins": [],
                "locations": [],
                "services": [],
            },
        )

    def owner(self, row: dict, where, field: str = "organization_id") -> dict:
        """Return the organization record a row names, refusing unknown ids."""
        found = self.organizations.get(_key(row.get(field)))
        if found is None:
            raise cell.CellError(where, field, _l("no organization has this id"))
        return found

    def read_locations(self, row: dict, where) -> None:
        organization = self.owner(row, where)
        location_id = _id(row.get("id"), where, "id")
        kind = cell.text(row.get("location_type")) or "physical"
        if kind not in ("physical", "postal", "virtual"):
            raise cell.CellError(
                where,
                "location_type",
                _l("%(value)r is not physical, postal or virtual", value=kind),
            )
        lat, lon = cell.point(row.get("latitude"), row.get("longitude"), where)
        location = {
            "id": location_id,
            "type": kind,
            "name": cell.clipped(row.get("name"), where, "name", 200),
            "url": cell.web_address(row.get("url"), where, "url"),
            "transportation": cell.text(row.get("transportation")) or "",
            "lat": lat,
            "lon": lon,
            "state": None,
            "approximate": False,
            **{field: None for field, _limit in ADDRESS_FIELDS},
            "country": None,
            "_address": None,
        }
        if location_id not in self.locations:
            organization["locations"].append(location)
            self.locations[location_id] = (location, organization["id"])

    def read_addresses(self, row: dict, where) -> None:
        found = self.locations.get(_key(row.get("location_id")))
        if found is None:
            raise cell.CellError(where, "location_id", _l("no location has this id"))
        location = found[0]
        kind = cell.text(row.get("address_type")) or "physical"
        if location["_address"] == "physical" or (
            location["_address"] and kind != "physical"
        ):
            return
        location["_address"] = kind
        for field, limit in ADDRESS_FIELDS:
            location[field] = cell.clipped(row.get(field), where, field, limit)
        country = (cell.text(row.get("country")) or "").upper()
        if country and not re.fullmatch(r"[A-Z]{2}", country):
            raise cell.CellError(
                where,
                "country",
                _l("%(value)r is not a two-letter country code", value=country),
            )
        location["country"] = country or None

    def read_services(self, row: dict, where) -> None:
        organization = self.owner(row, where)
        service_id = _id(row.get("id"), where, "id")
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
        name = cell.clipped(row.get("name"), where, "name", 200)
        if not name:
            raise cell.CellError(where, "name", _l("a name is needed"))
        service = {
            "id": service_id,
            "name": name,
            "category": None,
            "description": cell.text(row.get("description")) or "",
            "status": status,
            "url": cell.web_address(row.get("url"), where, "url"),
            "email": cell.email(row.get("email"), where, "email"),
            "phone": None,
            "minimum_age": minimum,
            "maximum_age": maximum,
            "eligibility_notes": cell.text(row.get("eligibility_description")) or "",
            "application_process": cell.text(row.get("application_process")) or "",
            "hours_notes": "",
            "capacity_per_month": None,
            "radius_km": None,
            **dict.fromkeys(SERVICE_FLAGS),
            "assured_on": self.date(row.get("assured_date"), where, "assured_date"),
            "last_modified": self.timestamp(row.get("last_modified"), where),
            "languages": [],
            "area_regions": [],
            "schedules": [],
            "location_ids": [],
            "link_ids": {},
            "_fees": cell.text(row.get("fees_description")) or "",
        }
        if service_id not in self.services:
            organization["services"].append(service)
            self.services[service_id] = (service, organization["id"])
            self.places[service_id] = cell.pinned(where)

    def service_of(self, row: dict, where) -> dict | None:
        """Return the service record a row belongs to (None for location rows)."""
        service_id = row.get("service_id")
        found = self.services.get(service_id)  # canonical ids skip the rest
        if found is None:
            if not cell.text(service_id):
                return None
            found = self.services.get(_key(service_id))
        if found is None:
            raise cell.CellError(where, "service_id", _l("no service has this id"))
        return found[0]

    def read_phones(self, row: dict, where) -> None:
        number = cell.clipped(row.get("number"), where, "number", 40)
        service = self.service_of(row, where)
        target = service
        if target is None and cell.text(row.get("organization_id")):
            target = self.owner(row, where)
        if target is not None and number and target["phone"] is None:
            target["phone"] = number

    def read_languages(self, row: dict, where) -> None:
        service = self.service_of(row, where)
        if service is not None:
            language = cell.code(
                row.get("code") or row.get("name"), "language", where, "code"
            )
            if language and language not in service["languages"]:
                service["languages"].append(language)

    def read_schedules(self, row: dict, where) -> None:
        service = self.service_of(row, where)
        if service is not None:
            service["schedules"] += self.schedule(row, where)

    def read_service_areas(self, row: dict, where) -> None:
        service = self.service_of(row, where)
        if service is None:
            return
        for key in ("description", "name"):
            found = self.region_names.get(fold(str(row.get(key) or "")))
            if found:
                service["area_regions"].append(found)
                return
        raise cell.CellError(
            where,
            "description",
            _l(
                "%(value)r is not a state or country we know",
                value=row.get("name") or row.get("description"),
            ),
        )

    def read_service_at_location(self, row: dict, where) -> None:
        service = self.service_of(row, where)
        if service is None:
            raise cell.CellError(where, "service_id", _l("a value is needed"))
        location_id = _id(row.get("location_id"), where, "location_id")
        place = self.locations.get(location_id)
        if place is None:
            raise cell.CellError(where, "location_id", _l("no location has this id"))
        if place[1] != self.services[service["id"]][1]:
            raise cell.CellError(
                where,
                "location_id",
                _l("a service is placed at another organization's location"),
            )
        service["location_ids"].append(location_id)
        service["link_ids"][location_id] = _id(row.get("id"), where, "id")

    def read_attributes(self, values: tuple, where) -> None:
        link, term_id, value = values
        ours = OUR_TERMS.get(term_id)
        if ours is None:
            term_id = _key(term_id)
            ours = OUR_TERMS.get(term_id)
        record = self.organizations.get(link)
        if record is not None:
            if ours:
                self.organization_term(record, *ours, value, where)
        elif link in self.services:
            service = self.services[link][0]
            if ours:
                self.service_term(service, *ours, value, where)
            elif term_id in self.terms:
                self.foreign[link].append(self.terms[term_id])
        elif link in self.locations:
            if ours:
                self.location_term(self.locations[link][0], ours[1], value, where)
        elif link and _key(link) != link:  # canonical ids (our exports) skip this
            self.read_attributes((_key(link), term_id, value), where)

    def organization_term(
        self, record: dict, vocabulary: str, code: str, value, where
    ) -> None:
        field = ORGANIZATION_TERM_FIELDS.get(vocabulary)
        if field is None:
            if vocabulary == "profile_field":
                self.organization_field(record, code, value, where)
        elif vocabulary in ORGANIZATION_TERM_LISTS:
            record[field].append(code)
        elif record[field] is None:
            record[field] = code

    def organization_field(self, record: dict, code: str, value, where) -> None:
        if code in ORGANIZATION_COUNTS:
            record[code] = cell.whole(value, where, code)
        elif code in ORGANIZATION_FLAGS:
            record[code] = cell.flag(value, where, code)
        elif code == "contact_instructions":
            record[code] = cell.text(value) or ""
        elif code == "verification":
            if value not in ("verified", "unverified"):
                raise cell.CellError(
                    where,
                    "verification",
                    _l("%(value)r is not verified or unverified", value=value),
                )
            record["verification_status"] = value
        elif code == "last_reviewed":
            record["reviewed_on"] = self.date(value, where, "last_reviewed")
        elif code == "organization_status":
            if value not in ("active", "inactive"):
                raise cell.CellError(
                    where,
                    "organization_status",
                    _l("%(value)r is not active or inactive", value=value),
                )
            record["status"] = value
        elif code == "origin":
            record["origins"].append(self.origin(str(value or ""), where))

    def service_term(
        self, service: dict, vocabulary: str, code: str, value, where
    ) -> None:
        if vocabulary == "service_category":
            service["category"] = service["category"] or code
        elif vocabulary != "profile_field":
            return
        elif code == "capacity_per_month":
            service[code] = cell.whole(value, where, code)
        elif code == "radius_km":
            service[code] = cell.decimal(value, where, code, 0.001, 20000)
        elif code in SERVICE_FLAGS:
            service[code] = cell.flag(value, where, code)
        elif code == "hours_notes":
            service[code] = cell.text(value) or ""

    def location_term(self, location: dict, code: str, value, where) -> None:
        if code == "state":
            location["state"] = cell.region_code(value, self.codes, where, "state")
        elif code == "approximate":
            location["approximate"] = cell.flag(value, where, code)

    def finish(self) -> list[dict]:
        """Return the records, with defaults and every service's category."""
        for service_id, (service, _owner) in self.services.items():
            if service["category"] is None:
                service["category"] = self.category(service_id)
            fees = service.pop("_fees")
            if service["free_of_charge"] is None:
                service["free_of_charge"] = bool(FREE.search(fees))
            for flag in SERVICE_FLAGS:
                service[flag] = bool(service[flag])
        for location, _owner in self.locations.values():
            del location["_address"]
        for record in self.organizations.values():
            record["type"] = record["type"] or "other"
            record["engagement_level"] = record["engagement_level"] or "inform"
        return list(self.organizations.values())

    def category(self, service_id: str) -> str:
        """Return a category for another taxonomy's terms, through the mapping."""
        for term in self.foreign.get(service_id, []):
            names = {fold(str(term.get(key) or "")) for key in ("code", "name")} - {""}
            taxonomy = self.taxonomies.get(_key(term.get("taxonomy_id")), {})
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
            self.places[service_id],
            "attributes",
            _l(
                "no taxonomy term of this service maps to a service category; "
                "add it to the mapping table"
            ),
        )

    def date(self, text, where, field: str) -> str | None:
        if not cell.text(text):
            return None
        try:
            return dt.date.fromisoformat(str(text)[:10]).isoformat()
        except ValueError:
            raise cell.CellError(
                where, field, _l("%(value)r is not a date (YYYY-MM-DD)", value=text)
            ) from None

    def timestamp(self, text, where) -> str | None:
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

    def origin(self, text: str, where) -> dict:
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

    def schedule(self, row: dict, where) -> list[list]:
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
        times = [
            _clock(row.get(field), where, field) for field in ("opens_at", "closes_at")
        ]
        if times[0] >= times[1]:
            raise cell.CellError(where, "closes_at", _l("it closes before it opens"))
        unknown = [day for day in days if day not in WEEKDAY_NUMBERS]
        if unknown:
            raise cell.CellError(
                where,
                "byday",
                _l("%(value)r is not a weekday (MO to SU)", value=unknown[0]),
            )
        schedule_id = _id(row.get("id"), where, "id")
        if len(days) == 1:
            return [[WEEKDAY_NUMBERS[days[0]], *times, schedule_id]]
        return [
            [WEEKDAY_NUMBERS[day], *times, derived_id("schedule", schedule_id, day)]
            for day in days
        ]
