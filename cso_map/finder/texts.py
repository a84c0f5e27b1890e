"""What a help-finder result says about where it is: only what is known."""

from __future__ import annotations

from flask_babel import gettext as _

from cso_map.formatting import km_text, tel_href
from cso_map.i18n import current_language
from cso_map.models import Organization
from cso_map.services.directory.organizations import primary_region
from cso_map.services.directory.regions import other_country
from cso_map.services.finder.help_places import Where
from cso_map.services.finder.search import HelpResult
from cso_map.web.labels import abroad_label

# Below this a distance reads as "here": the state's boundary or the person's state.
TOUCHING_KM = 0.05


def where_text(result: HelpResult, where: Where) -> str:
    """Return how far a result is: a distance to a published point, or its state
    (and how far its boundary is) for a hidden address; from a whole state, the
    state it is in or how far from that state."""
    distance = km_text(result.distance_km)
    if result.location is None:
        state = region_label(result)
        phone = tel_href(result.service.phone or result.organization.phone)
        if result.distance_km < TOUCHING_KM:
            if phone:
                return _("In %(state)s; address given by phone", state=state)
            return _("In %(state)s; address not published", state=state)
        if phone:
            return _(
                "In %(state)s, %(distance)s from its border; address given by phone",
                state=state,
                distance=distance,
            )
        return _(
            "In %(state)s, %(distance)s from its border; address not published",
            state=state,
            distance=distance,
        )
    if where.whole_state:
        if result.distance_km < TOUCHING_KM:
            return _("In %(state)s", state=where.state_name)
        return _(
            "%(distance)s from %(state)s", distance=distance, state=where.state_name
        )
    return distance


def region_label(result: HelpResult) -> str:
    """Return the name of the result's state in the current language."""
    return result.region.name(current_language()) if result.region else _("this area")


def abroad_text(result: HelpResult) -> str:
    """Return the note of a result in another country ("" in the person's own)."""
    return abroad_label(result.abroad)


def organization_abroad(organization: Organization, where: Where) -> str:
    """Return the note of an organization based in another country than the
    person's place ("" in the same one, or when either is unknown)."""
    region = primary_region(organization)
    return abroad_label(other_country(region and region.code, where.region_code))
