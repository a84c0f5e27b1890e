"""Presentation helpers for templates: names, hours, statuses and safe links."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from urllib.parse import urlsplit

from babel import Locale
from babel.dates import get_day_names
from flask_babel import format_time
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from cso_map.i18n import current_language

SERVICE_STATUS_LABELS = {
    "active": _l("Active"),
    "inactive": _l("Not running at the moment"),
    "temporarily closed": _l("Temporarily closed"),
    "defunct": _l("No longer offered"),
}
ALL_DAY = (dt.time(0, 0), dt.time(23, 59))


def safe_url(url: str | None) -> str | None:
    """Return `url` if it is an http(s) address, else None (no javascript: links)."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def country_name(code: str) -> str:
    """Return the name of ISO 3166-1 country `code` in the current language."""
    return Locale(current_language()).territories.get(code.upper(), code)


def service_status(status: str) -> str:
    """Return the label of a service status."""
    return str(SERVICE_STATUS_LABELS.get(status, status))


def opening_hours(schedules: Iterable) -> list[str]:
    """Return weekly hours as lines, grouping consecutive days with the same hours."""
    groups: list[list] = []
    for item in sorted(schedules, key=lambda s: (s.weekday, s.opens_at)):
        hours = (item.opens_at, item.closes_at)
        if groups and groups[-1][1] == item.weekday - 1 and groups[-1][2] == hours:
            groups[-1][1] = item.weekday
        else:
            groups.append([item.weekday, item.weekday, hours])
    return [f"{_days(first, last)}: {_hours(*hours)}" for first, last, hours in groups]


def _days(first: int, last: int) -> str:
    names = get_day_names("wide", locale=current_language())
    if (first, last) == (0, 6):
        return _("Every day")
    if first == last:
        return names[first]
    return _("%(first)s to %(last)s", first=names[first], last=names[last])


def _hours(opens: dt.time, closes: dt.time) -> str:
    if (opens, closes) == ALL_DAY:
        return _("open 24 hours")
    return f"{format_time(opens, 'short')}–{format_time(closes, 'short')}"
