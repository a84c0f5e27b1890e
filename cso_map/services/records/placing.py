"""Refuse a place whose point lies in no known state, before anything is written.

A location's state comes from its point (see `record_rows.RecordRows.locate`); a
point in no state, not even just off a coast (`geo.locate.SNAP_TOLERANCE_DEGREES`),
is a wrong point (a lost sign, swapped coordinates), so it is refused, never stored
without a state.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from shapely.geometry.base import BaseGeometry

from cso_map.geo.locate import locate_points
from cso_map.services.records import cells as cell


def outside_states(latitude: float, longitude: float) -> LazyString:
    """Return (lazily translated) why the point (latitude, longitude) is refused."""
    return _l(
        "the point %(lat)s, %(lon)s lies in no state we know: a place must be in "
        "Mexico or in the 48 contiguous US states. Check the latitude, the "
        "longitude and their signs (longitudes west of Greenwich are negative).",
        lat=f"{latitude:.5f}",
        lon=f"{longitude:.5f}",
    )


def refuse_unplaced(
    records: list[dict],
    states: Sequence[BaseGeometry] | Callable[[], Sequence[BaseGeometry]],
    places: Sequence[cell.Where] | None = None,
) -> None:
    """Refuse the first location of `records` whose point falls in no state.

    `states` may be a function returning them, called only when some location has
    a point; `places` names each record in the refusal (default: "organization N").
    """
    where = places or [
        cell.Place("organization", n) for n in range(1, len(records) + 1)
    ]
    points = [
        (place, location)
        for record, place in zip(records, where, strict=True)
        for location in record["locations"]
        if location.get("lat") is not None and location.get("lon") is not None
    ]
    if not points:
        return
    found = locate_points(
        [location["lon"] for _, location in points],
        [location["lat"] for _, location in points],
        states() if callable(states) else states,
    )
    for (place, location), index in zip(points, found, strict=True):
        if index < 0:
            raise cell.CellError(
                place, "latitude", outside_states(location["lat"], location["lon"])
            )
