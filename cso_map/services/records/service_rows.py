"""A service record as table rows: the service, its languages, areas, hours, places."""

from __future__ import annotations

import datetime as dt
import functools

from cso_map.models import (
    Service,
    ServiceAtLocation,
    ServiceSchedule,
    service_area_regions,
    service_languages,
)
from cso_map.services.records.columns import SERVICE_FLAGS, SERVICE_TEXT, SERVICE_VALUES
from cso_map.services.records.ids import derived_id

LEGACY_ALL_DAY = (dt.time(0, 0), dt.time(23, 59))


def stored_date(value: str | None, today: dt.date, days: int | None) -> dt.date | None:
    """Return an ISO date, else the date `days` before `today`, else None."""
    if value:
        return dt.date.fromisoformat(value)
    return None if days is None else today - dt.timedelta(days=int(days))


def _timestamp(value: str | None, default: dt.datetime) -> dt.datetime:
    if not value:
        return default
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


@functools.lru_cache(maxsize=4096)
def _time(text: str) -> dt.time:
    """Return a time of day from "HH:MM" (hours repeat: each is read once)."""
    return dt.time.fromisoformat(text)


def stored_hours(opens: str, closes: str) -> tuple[dt.time, dt.time]:
    """Return a row's hours as stored: 00:00 to 23:59, the way files used to say
    "open 24 hours", becomes 00:00 to 00:00 (a row closing at or before it
    opens closes the next day)."""
    hours = _time(opens), _time(closes)
    return (LEGACY_ALL_DAY[0], LEGACY_ALL_DAY[0]) if hours == LEGACY_ALL_DAY else hours


def delivery_flags(service: dict) -> list[bool]:
    """Return a service's flags; "only remotely" with no way named is dropped
    (the readers refuse it; a record written by hand may still say it)."""
    flags = {name: bool(service.get(name)) for name in SERVICE_FLAGS}
    flags["remote_only"] &= flags["by_phone"] or flags["online"]
    return list(flags.values())


class ServiceRows:
    """Adds the rows of services; `RecordRows` gives it keys, tables and dates."""

    def add_service(self, org_key: str, position: int, service: dict) -> None:
        """Add the rows of one service, its languages, area, hours and locations."""
        service_id = service["id"]
        service_key = self.key(service_id)
        self.tables[Service.__table__].append(
            (
                service_key,
                org_key,
                position,
                self.term("service_category", service["category"]),
                *[service.get(name) for name in SERVICE_VALUES],
                service.get("status") or "active",
                *delivery_flags(service),
                *[service.get(name) or "" for name in SERVICE_TEXT],
                stored_date(
                    service.get("assured_on"),
                    self.today,
                    service.get("assured_days_ago"),
                ),
                self.now,
                _timestamp(service.get("last_modified"), self.now),
            )
        )
        self.add_service_details(service, service_key)

    def add_service_details(self, service: dict, service_key: str) -> None:
        """Add a service's languages, areas, hours and places."""
        service_id = service["id"]
        languages = service.get("languages")
        if languages:
            self.tables[service_languages] += [
                (service_key, self.term("language", code))
                for code in dict.fromkeys(languages)
            ]
        areas = service.get("area_regions")
        if areas:
            self.tables[service_area_regions] += [
                (service_key, self.region(code)) for code in dict.fromkeys(areas)
            ]
        schedules = service.get("schedules")
        if schedules:
            self.tables[ServiceSchedule.__table__] += [
                (
                    self.key(
                        hours[3]
                        if len(hours) > 3
                        else derived_id("schedule", service_id, *hours[:3])
                    ),
                    service_key,
                    hours[0],
                    *stored_hours(hours[1], hours[2]),
                )
                for hours in dict.fromkeys(map(tuple, schedules))
            ]
        links = service.get("link_ids", {})
        self.tables[ServiceAtLocation.__table__] += [
            (
                self.key(
                    links.get(location_id)
                    or derived_id("service_at_location", service_id, location_id)
                ),
                service_key,
                self.key(location_id),
            )
            for location_id in dict.fromkeys(service.get("location_ids", ()))
        ]
