"""HSDS JSON (nested organizations or services) flattened into HSDS tables."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from flask_babel import lazy_gettext as _l

from cso_map.services.exchange.uploads import UploadError
from cso_map.services.records import cells as cell
from cso_map.services.records.text_files import decode_text


def json_tables(path: Path) -> dict[str, dict[str, tuple]]:
    """Flatten HSDS JSON (objects, a list, or a page's `contents`) into tables."""
    try:
        document = json.loads(decode_text(path.read_bytes(), path.name))
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

    def add(self, table: str, item: dict, where: str, **links: object) -> dict:
        """Add an object's plain fields, and its links, as a row of `table`."""
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

    def children(
        self, table: str, items: list[dict] | None, where: str, **links: object
    ) -> None:
        """Add each object of a nested list as a row of `table`, with its links."""
        for number, item in enumerate(items or [], start=1):
            self.add(table, item, f"{where} {table}[{number}]", **links)

    def attributes(self, items: list[dict] | None, where: str) -> None:
        """Add attributes, with the taxonomy terms and taxonomies they carry."""
        for number, item in enumerate(items or [], start=1):
            term = item.get("taxonomy_term")
            if isinstance(term, dict):
                self.add("taxonomy_terms", term, f"{where} taxonomy_term")
                detail = term.get("taxonomy_detail")
                if isinstance(detail, dict):
                    self.add("taxonomies", detail, f"{where} taxonomy")
            self.add("attributes", item, f"{where} attributes[{number}]")

    def organization(self, item: dict, where: str) -> None:
        """Add an organization with its phones, attributes, locations and services."""
        row = self.add("organizations", item, where)
        self.children("phones", item.get("phones"), where, organization_id=row["id"])
        self.attributes(item.get("attributes"), where)
        for number, location in enumerate(item.get("locations") or [], start=1):
            self.location(location, f"{where} locations[{number}]", row["id"])
        for number, service in enumerate(item.get("services") or [], start=1):
            self.service(service, f"{where} services[{number}]", row["id"])

    def location(self, item: dict, where: str, organization_id: str | None) -> None:
        """Add a location with its addresses and attributes."""
        row = self.add("locations", item, where, organization_id=organization_id)
        self.children("addresses", item.get("addresses"), where, location_id=row["id"])
        self.attributes(item.get("attributes"), where)

    def service(
        self, item: dict, where: str, organization_id: str | None = None
    ) -> None:
        """Add a service with its organization, children and places."""
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
