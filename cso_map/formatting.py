"""Presentation helpers for templates: numbers, names, hours, statuses and links.

Every number a page shows goes through `format_number` (or `format_score`), in the
reader's conventions: Mexican Spanish and US English ("1,075", "0.3").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from babel import Locale
from babel.dates import format_time, get_day_names
from babel.lists import format_list
from babel.numbers import format_decimal
from flask_babel import get_translations
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from cso_map.i18n import current_language, current_locale

SERVICE_STATUS_LABELS = {
    "active": _l("Active"),
    "inactive": _l("Not running at the moment"),
    "temporarily closed": _l("Temporarily closed"),
    "defunct": _l("No longer offered"),
}
# A row that closes at or before it opens closes the next day, so midnight to
# midnight is the whole day.
ALL_DAY = (dt.time(0, 0), dt.time(0, 0))


def format_number(value: float | None) -> str:
    """Return `value` in the reader's notation: "1,075", "4.54", "0.031" ("no data"
    for None/NaN)."""
    if value is None or value != value:
        return _("no data")
    magnitude = abs(value)
    digits = (
        "#,##0.###" if magnitude < 0.1 else "#,##0.##" if magnitude < 100 else "#,##0"
    )
    return format_decimal(value, format=digits, locale=current_locale())


def format_score(value: float) -> str:
    """Return a score between 0 and 1 with two decimals: "0.89"."""
    return format_decimal(value, format="0.00", locale=current_locale())


def plural_count(value: float) -> int:
    """Return the count that picks `value`'s plural form: itself when whole, else 2
    (a fraction takes the plural in Spanish and English: "0.5 plazas")."""
    return int(value) if float(value).is_integer() else 2


def count_text(singular: str, plural: str, count: float, **variables) -> str:
    """Return the singular or plural sentence for `count`, whose `%(num)s` is the
    formatted count: "Atiende a cerca de 1,002 personas al mes"."""
    text = get_translations().ungettext(singular, plural, plural_count(count))
    return text % {"num": format_number(count), **variables}


def country_name(code: str) -> str:
    """Return the name of ISO 3166-1 country `code` in the current language."""
    return Locale.parse(current_locale()).territories.get(code.upper(), code)


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
    # Opening hours keep the 24-hour clock in Spanish ("9:00–17:00"), as Mexican
    # signs and official texts write them (es_MX's own short time is "5:00 p.m.").
    language = current_language()
    times = {
        "opens": format_time(opens, "short", locale=language),
        "closes": format_time(closes, "short", locale=language),
    }
    if closes <= opens:
        return _("%(opens)s–%(closes)s (next day)", **times)
    return f"{times['opens']}–{times['closes']}"


def km_text(km: float) -> str:
    """Return a distance in the current language: "800 m", "3.2 km", "45 km"."""
    locale = current_locale()
    if km < 1:
        return _(
            "%(m)s m", m=format_decimal(round(km * 1000, -1), "#,##0", locale=locale)
        )
    digits = "#,##0.#" if km < 10 else "#,##0"
    return _("%(km)s km", km=format_decimal(km, digits, locale=locale))


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
    return get_day_names("wide", locale=current_locale())[weekday]


def remote_channels(channels: Iterable[str]) -> str:
    """Return how a service is given remotely: "by phone", "online" or both."""
    names = {"by_phone": _("by phone"), "online": _("online")}
    return format_list(
        [str(names[channel]) for channel in channels], locale=current_locale()
    )


def delivery(service) -> str:
    """Return how a service is delivered: in person, by phone, online."""
    channels = [name for name in ("by_phone", "online") if getattr(service, name)]
    if not channels:
        return _("In person")
    if service.remote_only:
        return _("Only %(channels)s", channels=remote_channels(channels))
    return _("In person, and %(channels)s", channels=remote_channels(channels))
