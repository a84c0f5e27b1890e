"""Values of HSDS rows: ids as matched between tables, times of day, dates."""

from __future__ import annotations

import datetime as dt
import functools
import re

from flask_babel import lazy_gettext as _l

from cso_map.services.hsds.service_objects import WEEKDAYS
from cso_map.services.records import cells as cell

CANONICAL_UUID = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
)
WEEKDAY_NUMBERS = {day: number for number, day in enumerate(WEEKDAYS)}


def match_key(value: object) -> str:
    """Return an id as it is matched between tables (case and spaces ignored)."""
    return str(value or "").strip().lower()


def canonical_id(value: object, where: cell.Where, field: str) -> str:
    """Return a UUID in canonical text (fast for canonical input)."""
    text = match_key(value)
    if CANONICAL_UUID.fullmatch(text):
        return text
    found = cell.identifier(value, where, field)
    if found is None:
        raise cell.CellError(where, field, _l("a value is needed"))
    return found


@functools.lru_cache(maxsize=4096)
def _hours_and_minutes(text: str) -> str | None:
    """Return "HH:MM" of a time of day (hours repeat: each is read once); the
    midnight that ends a day, "24:00", is 00:00 (of the next day)."""
    if text[:5] == "24:00":
        return "00:00"
    try:
        return dt.time.fromisoformat(text[:5]).strftime("%H:%M")
    except ValueError:
        return None


def clock(value: object, where: cell.Where, field: str) -> str:
    """Return a time of day as "HH:MM", or refuse it naming the row and field."""
    found = _hours_and_minutes(str(value or ""))
    if found is None:
        raise cell.CellError(
            where, field, _l("%(value)r is not a time (HH:MM)", value=value)
        )
    return found


def iso_date(text: object, where: cell.Where, field: str) -> str | None:
    """Return an ISO date (YYYY-MM-DD) of a cell, or None for an empty one."""
    if not cell.text(text):
        return None
    try:
        return dt.date.fromisoformat(str(text)[:10]).isoformat()
    except ValueError:
        raise cell.CellError(
            where, field, _l("%(value)r is not a date (YYYY-MM-DD)", value=text)
        ) from None


def timestamp_text(text: object, where: cell.Where) -> str | None:
    """Return a date and time as given, refusing what is not one."""
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
