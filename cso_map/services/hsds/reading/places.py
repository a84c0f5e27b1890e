"""HSDS locations and addresses, as the places of our records."""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l

from cso_map.services.hsds.reading.values import (
    canonical_id,
    match_key,
)
from cso_map.services.records import cells as cell

ADDRESS_FIELDS = (
    ("address_1", 200),
    ("address_2", 200),
    ("city", 120),
    ("state_province", 120),
    ("postal_code", 20),
)


class PlaceReader:
    """Reads locations; mixed into `RecordBuilder`, which holds the records."""

    def read_locations(self, row: dict, where: cell.Where) -> None:
        """Add a row's location to the organization it names."""
        organization = self.owner(row, where)
        location_id = canonical_id(row.get("id"), where, "id")
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

    def read_addresses(self, row: dict, where: cell.Where) -> None:
        """Fill a location's address from a row (a physical address wins)."""
        found = self.locations.get(match_key(row.get("location_id")))
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

    def location_term(
        self, location: dict, code: str, value: object, where: cell.Where
    ) -> None:
        """Set a location's state or approximate flag from a profile field."""
        if code == "state":
            location["state"] = cell.region_code(value, self.codes, where, "state")
        elif code == "approximate":
            location["approximate"] = cell.flag(value, where, code)
