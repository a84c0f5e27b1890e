"""Which services are open at a moment, in the local time of each one's place.

Weekly hours are minutes of the day in the service's time zone (see
`snapshot/time_zones.py`); a row that closes at or before it opens closes the
next day: 22:00 to 06:00 on Monday is open early on Tuesday, and 00:00 to 00:00
is open the whole day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from cso_map.services.snapshot.build import DirectorySnapshot
from cso_map.services.snapshot.time_zones import read_service_time_zones

DAY_MINUTES = 24 * 60
Numbers = np.ndarray | int  # whole numbers, one per schedule row or one for all


def local_time(now: dt.datetime, timezone: str | None) -> dt.datetime:
    """Return aware `now` in `timezone` (unchanged when the zone is unknown)."""
    return now.astimezone(ZoneInfo(timezone)) if timezone else now


def hours_include(
    weekday: Numbers,
    opens: Numbers,
    closes: Numbers,
    local_weekday: Numbers,
    minute: Numbers,
) -> np.ndarray:
    """Return whether weekly hours (arrays or numbers, in minutes of the day)
    include `minute` of `local_weekday`: on their own day, or after midnight for
    a row that closes the next day."""
    overnight = np.asarray(closes) <= np.asarray(opens)
    end = np.where(overnight, DAY_MINUTES, closes)
    same_day = (weekday == local_weekday) & (opens <= minute) & (minute < end)
    next_day = overnight & ((weekday + 1) % 7 == local_weekday) & (minute < closes)
    return same_day | next_day


def open_services(snapshot: DirectorySnapshot, now: dt.datetime) -> np.ndarray:
    """Return, per snapshot service, whether its weekly hours include `now`.

    Each service keeps the time of its place (see `service_time_zones`); those
    without known hours are not open (the finder says it only knows those with
    hours).
    """
    schedules = snapshot.schedules
    is_open = np.zeros(len(snapshot.services), bool)
    if schedules.empty:
        return is_open
    service = schedules["service"].to_numpy(int)
    zone_of_row = service_time_zones(snapshot)[service]
    weekday = np.empty(len(schedules), np.int64)
    minute = np.empty(len(schedules), np.int64)
    for zone in pd.unique(zone_of_row):
        local = local_time(now, zone)
        rows = zone_of_row == zone
        weekday[rows] = local.weekday()
        minute[rows] = local.hour * 60 + local.minute
    inside = hours_include(
        schedules["weekday"].to_numpy(),
        schedules["opens"].to_numpy(),
        schedules["closes"].to_numpy(),
        weekday,
        minute,
    )
    is_open[service[inside]] = True
    return is_open


_zones: list[tuple[DirectorySnapshot, np.ndarray]] = []


def service_time_zones(snapshot: DirectorySnapshot) -> np.ndarray:
    """Return, per snapshot service, the time zone of its hours (or None)."""
    if _zones and _zones[0][0] is snapshot:
        return _zones[0][1]
    zones = read_service_time_zones(
        snapshot.services, snapshot.organizations, snapshot.regions
    )
    _zones[:] = [(snapshot, zones)]
    return zones


def _minutes(moment: dt.time) -> int:
    return moment.hour * 60 + moment.minute


def is_open_at(
    schedules: Iterable, timezone: str | None, now: dt.datetime
) -> bool | None:
    """Return whether weekly `schedules` include `now` (None when hours are unknown)."""
    hours = list(schedules)
    if not hours:
        return None
    local = local_time(now, timezone)
    minute = local.hour * 60 + local.minute
    return any(
        bool(
            hours_include(
                item.weekday,
                _minutes(item.opens_at),
                _minutes(item.closes_at),
                local.weekday(),
                minute,
            )
        )
        for item in hours
    )
