"""Labels that several pages show: the tiers of likely partners."""

from __future__ import annotations

from flask_babel import gettext as _


def tier_labels() -> dict[int, str]:
    """Return the names of the three tiers."""
    return {
        1: _("Already deliver it in the state"),
        2: _("Deliver it next door, nearby, or by phone or online"),
        3: _("Could start: a related service, or the skills and people"),
    }
