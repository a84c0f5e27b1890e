"""Presentation helpers for templates: names, hours, statuses and links."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from babel import Locale
from babel.dates import get_day_names
from babel.lists import format_list
from babel.numbers import format_decimal
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
# A row that closes at or before it opens closes the next day, so midnight to
# midnight is the whole day.
ALL_DAY = (dt.time(0, 0), dt.time(0, 0))


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
    if (first, last) == (0, 6):
        return _("Every day")
    if first == last:
        return day_name(first)
    return _("%(first)s to %(last)s", first=day_name(first), last=day_name(last))


def _hours(opens: dt.time, closes: dt.time) -> str:
    if (opens, closes) == ALL_DAY:
        return _("open 24 hours")
    times = {
        "opens": format_time(opens, "short"),
        "closes": format_time(closes, "short"),
    }
    if closes <= opens:
        return _("%(opens)s–%(closes)s (next day)", **times)
    return f"{times['opens']}–{times['closes']}"


def km_text(km: float) -> str:
    """Return a distance in the current language: "800 m", "3.2 km", "45 km"."""
    lang = current_language()
    if km < 1:
        return _(
            "%(m)s m", m=format_decimal(round(km * 1000, -1), "#,##0", locale=lang)
        )
    digits = "#,##0.#" if km < 10 else "#,##0"
    return _("%(km)s km", km=format_decimal(km, digits, locale=lang))


def tel_href(phone: str | None) -> str | None:
    """Return a tel: link of a phone number ("+1 559 555 0100" → "tel:+15595550100")."""
    if not phone:
        return None
    digits = "".join(char for char in phone if char.isdigit())
    if not digits:
        return None
    return "tel:" + ("+" if phone.strip().startswith("+") else "") + digits


def eligibility(service) -> list[str]:
    """Return who can use a service, in plain words: free, no papers, ages..."""
    rules = [
        str(text)
        for flag, text in (
            (service.free_of_charge, _("Free of charge")),
            (service.no_documents_required, _("No papers needed")),
            (service.women_only, _("Women only")),
            (service.walk_in, _("No appointment needed")),
        )
        if flag
    ]
    low, high = service.minimum_age, service.maximum_age
    if low is not None and high is not None:
        rules.append(_("Ages %(min)s to %(max)s", min=low, max=high))
    elif low is not None:
        rules.append(_("Age %(min)s and over", min=low))
    elif high is not None:
        rules.append(_("Up to age %(max)s", max=high))
    return rules


def day_name(weekday: int) -> str:
    """Return the name of a weekday (0 is Monday) in the current language."""
    return get_day_names("wide", locale=current_language())[weekday]


def remote_channels(channels: Iterable[str]) -> str:
    """Return how a service is given remotely: "by phone", "online" or both."""
    names = {"by_phone": _("by phone"), "online": _("online")}
    return format_list(
        [str(names[channel]) for channel in channels], locale=current_language()
    )


def delivery(service) -> str:
    """Return how a service is delivered: in person, by phone, online."""
    channels = [name for name in ("by_phone", "online") if getattr(service, name)]
    if not channels:
        return _("In person")
    if service.remote_only:
        return _("Only %(channels)s", channels=remote_channels(channels))
    return _("In person, and %(channels)s", channels=remote_channels(channels))
