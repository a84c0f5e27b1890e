"""Labels that several pages show: the tiers of likely partners."""

from __future__ import annotations

from flask_babel import gettext as _

from cso_map.formatting import country_name


def tier_labels() -> dict[int, str]:
    """Return the names of the three tiers."""
    return {
        1: _("Already deliver it in the state"),
        2: _("Deliver it next door, nearby, or by phone or online"),
        3: _("Could start: a related service, or the skills and people"),
    }


def abroad_label(country: str | None) -> str:
    """Return the note of a place in another country than the reader's (see
    `other_country`), or "" when there is none."""
    if not country:
        return ""
    notes = {
        "MX": _("Across the border, in Mexico"),
        "US": _("Across the border, in the United States"),
    }
    fallback = _("Across the border, in %(country)s", country=country_name(country))
    return notes.get(country, fallback)
