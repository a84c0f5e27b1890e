"""HSDS services and their phones, languages, hours, areas and places."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from cso_map.models.service import SERVICE_STATUSES
from cso_map.services.hsds.reading.values import (
    WEEKDAY_NUMBERS,
    canonical_id,
    clock,
    iso_date,
    match_key,
    timestamp_text,
)
from cso_map.services.records import cells as cell
from cso_map.services.records.columns import SERVICE_FLAGS
from cso_map.services.records.ids import derived_id
from cso_map.services.records.service_fields import SERVICE_ATTRIBUTE_FIELDS
from cso_map.services.records.values import read_value
from cso_map.text import fold

SERVICE_ATTRIBUTES = {field.name: field for field in SERVICE_ATTRIBUTE_FIELDS}


class ServiceReader:
    """Reads services; mixed into `RecordBuilder`, which holds the records."""

    def read_services(self, row: dict, where: cell.Where) -> None:
        """Add a row's service to the organization it names."""
        organization = self.owner(row, where)
        service_id = canonical_id(row.get("id"), where, "id")
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
            "assured_on": iso_date(row.get("assured_date"), where, "assured_date"),
            "last_modified": timestamp_text(row.get("last_modified"), where),
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

    def service_of(self, row: dict, where: cell.Where) -> dict | None:
        """Return the service record a row belongs to (None for location rows)."""
        service_id = row.get("service_id")
        found = self.services.get(service_id)  # canonical ids skip the rest
        if found is None:
            if not cell.text(service_id):
                return None
            found = self.services.get(match_key(service_id))
        if found is None:
            raise cell.CellError(where, "service_id", _l("no service has this id"))
        return found[0]

    def read_phones(self, row: dict, where: cell.Where) -> None:
        """Give a row's service (or else organization) its first phone number."""
        number = cell.clipped(row.get("number"), where, "number", 40)
        service = self.service_of(row, where)
        target = service
        if target is None and cell.text(row.get("organization_id")):
            target = self.owner(row, where)
        if target is not None and number and target["phone"] is None:
            target["phone"] = number

    def read_languages(self, row: dict, where: cell.Where) -> None:
        """Add a row's language to its service."""
        service = self.service_of(row, where)
        if service is not None:
            language = cell.code(
                row.get("code") or row.get("name"), "language", where, "code"
            )
            if language and language not in service["languages"]:
                service["languages"].append(language)

    def read_schedules(self, row: dict, where: cell.Where) -> None:
        """Add a row's weekly hours to its service."""
        service = self.service_of(row, where)
        if service is not None:
            service["schedules"] += self.schedule(row, where)

    def read_service_areas(self, row: dict, where: cell.Where) -> None:
        """Add the state or country a row names to its service's areas."""
        service = self.service_of(row, where)
        if service is None:
            return
        for column in ("description", "name"):
            found = self.region_names.get(fold(str(row.get(column) or "")))
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

    def read_service_at_location(self, row: dict, where: cell.Where) -> None:
        """Place a service at a location of its own organization."""
        service = self.service_of(row, where)
        if service is None:
            raise cell.CellError(where, "service_id", _l("a value is needed"))
        location_id = canonical_id(row.get("location_id"), where, "location_id")
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
        service["link_ids"][location_id] = canonical_id(row.get("id"), where, "id")

    def service_term(
        self,
        service: dict,
        vocabulary: str,
        code: str,
        value: object,
        where: cell.Where,
    ) -> None:
        """Set a service's category or profile field from an attribute's term."""
        if vocabulary == "service_category":
            service["category"] = service["category"] or code
        elif vocabulary != "profile_field":
            return
        elif code in SERVICE_ATTRIBUTES:
            service[code] = read_value(SERVICE_ATTRIBUTES[code], value, where)

    def schedule(self, row: dict, where: cell.Where) -> list[list]:
        """Return a row's weekly hours: [weekday, opens, closes, id] for each day."""
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
        # A row that closes at or before it opens closes the next day.
        times = [
            clock(row.get(field), where, field) for field in ("opens_at", "closes_at")
        ]
        unknown = [day for day in days if day not in WEEKDAY_NUMBERS]
        if unknown:
            raise cell.CellError(
                where,
                "byday",
                _l("%(value)r is not a weekday (MO to SU)", value=unknown[0]),
            )
        schedule_id = canonical_id(row.get("id"), where, "id")
        if len(days) == 1:
            return [[WEEKDAY_NUMBERS[days[0]], *times, schedule_id]]
        return [
            [WEEKDAY_NUMBERS[day], *times, derived_id("schedule", schedule_id, day)]
            for day in days
        ]
