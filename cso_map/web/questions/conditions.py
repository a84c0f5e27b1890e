"""What must hold of a service (the help finder's page and /api/v1/nearest)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField

from cso_map.services.finder.nearest import FLAGS
from cso_map.web.forms import FALSE_VALUES, QueryForm


class ConditionsForm(QueryForm):
    """What must hold of a service: free, no papers, women only, walk-in, open now."""

    free = BooleanField(_l("Free of charge"), false_values=FALSE_VALUES)
    no_documents = BooleanField(_l("No papers needed"), false_values=FALSE_VALUES)
    women_only = BooleanField(_l("For women only"), false_values=FALSE_VALUES)
    walk_in = BooleanField(_l("No appointment needed"), false_values=FALSE_VALUES)
    open_now = BooleanField(_l("Open now"), false_values=FALSE_VALUES)

    def flags(self) -> dict[str, bool]:
        """Return the conditions as keyword arguments of a query."""
        return {name: bool(self[name].data) for name in (*FLAGS, "open_now")}
