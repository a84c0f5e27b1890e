"""Which services are open at a moment, in the local time of each one's state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from cso_map.services.finder.places import PlaceBook
from cso_map.services.snapshot.build import DirectorySnapshot


def local_time(now: dt.datetime, timezone: str | None) -> dt.datetime:
    """Return aware `now` in `timezone` (unchanged when the zone is unknown)."""
    return now.astimezone(ZoneInfo(timezone)) if timezone else now


def open_services(
    snapshot: DirectorySnapshot, book: PlaceBook, now: dt.datetime
) -> np.ndarray:
    """Return, per snapshot service, whether its weekly hours include `now`.

    Each service keeps the time of its organization's state; services without
    known hours are not open (the finder says it only knows those with hours).
    """
    schedules = snapshot.schedules
    is_open = np.zeros(len(snapshot.services), bool)
    if schedules.empty:
        return is_open
    zones = state_timezones(snapshot, book)
    owner = snapshot.services["owner"].to_numpy(int)
    zone_of_row = zones[owner[schedules["service"].to_numpy(int)]]
    weekday = np.empty(len(schedules), np.int64)
    minute = np.empty(len(schedules), np.int64)
    for zone in pd.unique(zone_of_row):
        local = local_time(now, zone)
        rows = zone_of_row == zone
        weekday[rows] = local.weekday()
        minute[rows] = local.hour * 60 + local.minute
    inside = (
        (schedules["weekday"].to_numpy() == weekday)
        & (schedules["opens"].to_numpy() <= minute)
        & (minute < schedules["closes"].to_numpy())
    )
    is_open[schedules["service"].to_numpy(int)[inside]] = True
    return is_open


_zones: list[tuple[DirectorySnapshot, np.ndarray]] = []


def state_timezones(snapshot: DirectorySnapshot, book: PlaceBook) -> np.ndarray:
    """Return, per organization of the snapshot, its state's time zone (or None)."""
    if _zones and _zones[0][0] is snapshot:
        return _zones[0][1]
    by_code = dict(zip(snapshot.regions["code"], book.timezones, strict=True))
    zones = np.array(
        [by_code.get(code) for code in snapshot.organizations["region"]], object
    )
    _zones[:] = [(snapshot, zones)]
    return zones


def is_open_at(
    schedules: Iterable, timezone: str | None, now: dt.datetime
) -> bool | None:
    """Return whether weekly `schedules` include `now` (None when hours are unknown)."""
    hours = list(schedules)
    if not hours:
        return None
    local = local_time(now, timezone)
    moment = local.time().replace(second=0, microsecond=0)
    return any(
        item.weekday == local.weekday() and item.opens_at <= moment < item.closes_at
        for item in hours
    )
