"""Organization records built from HSDS tables taken one at a time."""

from __future__ import annotations

import re
from collections import defaultdict

from flask_babel import lazy_gettext as _l

from cso_map.models import Region
from cso_map.services.hsds.reading.mapping import MappingRule
from cso_map.services.hsds.reading.organizations import (
    FIELDS_BY_VOCABULARY,
    OrganizationReader,
)
from cso_map.services.hsds.reading.places import PlaceReader
from cso_map.services.hsds.reading.services import ServiceReader
from cso_map.services.hsds.reading.tables import Rows
from cso_map.services.hsds.reading.values import (
    match_key,
)
from cso_map.services.records import cells as cell
from cso_map.services.records.columns import SERVICE_FLAGS
from cso_map.services.records.fields import (
    Kind,
)
from cso_map.taxonomy import SERVICE_CATEGORIES, VOCABULARIES
from cso_map.text import fold

FREE = re.compile(r"\b(free|gratis|gratuit[oa]|no cost|sin costo)\b", re.IGNORECASE)
OUR_TERMS = {
    str(term_id): (vocabulary.code, code)
    for vocabulary in VOCABULARIES.values()
    for code, term_id in vocabulary.term_ids.items()
}


class RecordBuilder(OrganizationReader, PlaceReader, ServiceReader):
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
        self.places: dict[str, cell.Where] = {}
        self.terms: dict[str, dict] = {}
        self.taxonomies: dict[str, dict] = {}
        self.foreign: dict[str, list[dict]] = defaultdict(list)

    def take(self, table: str, rows: Rows) -> None:
        """Read every row of one table into the records."""
        read = getattr(self, f"read_{table}")
        for where, row in rows:
            read(row, where)

    def read_taxonomies(self, row: dict, where: cell.Where) -> None:
        """Keep a taxonomy row, to map another taxonomy's terms by its name."""
        self.taxonomies[match_key(row.get("id"))] = row

    def read_taxonomy_terms(self, row: dict, where: cell.Where) -> None:
        """Keep a taxonomy term row, for the attributes that name it."""
        self.terms[match_key(row.get("id"))] = row

    def read_attributes(self, values: tuple, where: cell.Where) -> None:
        """Apply an attribute (link id, term id, value) to the record it links to."""
        link, term_id, value = values
        ours = OUR_TERMS.get(term_id)
        if ours is None:
            term_id = match_key(term_id)
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
        elif link and match_key(link) != link:  # canonical ids (our exports) skip this
            self.read_attributes((match_key(link), term_id, value), where)

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
            self.delivery(service)
        for location, _owner in self.locations.values():
            del location["_address"]
        for record in self.organizations.values():
            record["type"] = record["type"] or "other"
            for field in FIELDS_BY_VOCABULARY.values():
                if field.kind is Kind.TERM:
                    record[field.name] = record[field.name] or field.default
        return list(self.organizations.values())

    def delivery(self, service: dict) -> None:
        """Mark a service at a web address as online, and as only online when it
        is at no other kind of place (other systems say it by location type)."""
        kinds = {
            self.locations[place][0]["type"]
            for place in service["location_ids"]
            if place in self.locations
        }
        if "virtual" in kinds:
            service["online"] = True
            service["remote_only"] = service["remote_only"] or kinds == {"virtual"}
        if service["remote_only"] and not (service["by_phone"] or service["online"]):
            raise cell.CellError(
                self.places[service["id"]], "attributes", cell.REMOTE_WITHOUT_CHANNEL
            )

    def category(self, service_id: str) -> str:
        """Return a category for another taxonomy's terms, through the mapping."""
        for term in self.foreign.get(service_id, []):
            names = {fold(str(term.get(key) or "")) for key in ("code", "name")} - {""}
            taxonomy = self.taxonomies.get(match_key(term.get("taxonomy_id")), {})
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
