"""Time zones of points, found offline in timezonefinder's polygons.

The polygons come with the `timezonefinder-data` package (built from the
timezone-boundary-builder data, one polygon per IANA zone), so no lookup leaves
the machine. They follow today's boundaries: Ciudad Juárez and Ojinaga keep US
summer time, the rest of Chihuahua is on UTC-6 all year, the border strip of
Tamaulipas follows US Central time and Tampico keeps no summer time.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import cache

import numpy as np
from timezonefinder import TimezoneFinder

_lock = threading.Lock()


@cache
def _finder() -> TimezoneFinder:
    """Return the process's lookup (its polygons are read once, in memory)."""
    return TimezoneFinder(in_memory=True)


def zone_at(lon: float | None, lat: float | None) -> str | None:
    """Return the IANA time zone at a point (None without a point).

    At sea the answer is an `Etc/GMT±N` zone of the nautical hour.
    """
    if lon is None or lat is None or np.isnan(lon) or np.isnan(lat):
        return None
    with _lock:  # the finder keeps state between lookups
        return _finder().timezone_at(lng=float(lon), lat=float(lat))


def zones_at(
    lons: Sequence[float | None] | np.ndarray, lats: Sequence[float | None] | np.ndarray
) -> list[str | None]:
    """Return the IANA time zone at each point (None where there is no point)."""
    lon_values = np.asarray(lons, dtype=float)
    lat_values = np.asarray(lats, dtype=float)
    found: list[str | None] = [None] * len(lon_values)
    with _lock:
        finder = _finder()
        for index in np.flatnonzero(~(np.isnan(lon_values) | np.isnan(lat_values))):
            found[index] = finder.timezone_at(
                lng=float(lon_values[index]), lat=float(lat_values[index])
            )
    return found
