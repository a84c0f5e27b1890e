"""Why a mentor and a mentee fit, as sentences in the reader's language."""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import gettext as _

from cso_map.formatting import format_number
from cso_map.templating import label_in_sentence, label_list, region_name


def _distance(reason: dict) -> str:
    if reason["km"] is None:
        return _("We do not know how far apart they are.")
    km = format_number(reason["km"])
    if reason.get("between_states"):
        return _(
            "%(km)s km between their states: neither publishes its address.", km=km
        )
    if reason.get("to_state"):
        return _(
            "%(km)s km to %(state)s: one of them does not publish its address, "
            "only its state.",
            km=km,
            state=region_name(reason["to_state"]),
        )
    return _("%(km)s km apart.", km=km)


def _gap(reason: dict) -> str:
    if reason["service"] is None:
        return _("Strengthening the mentee would help where services are lacking.")
    return _(
        "Strengthening the mentee would help close a gap: %(service)s in %(region)s.",
        service=label_in_sentence("service_category", reason["service"]),
        region=region_name(reason["region"]),
    )


TEXTS: dict[str, Callable[[dict], str]] = {
    "skills": lambda r: _(
        "Can help with %(needs)s: %(skills)s.",
        needs=label_list("support_need", r["needs"]),
        skills=label_list("skill", r["skills"]),
    ),
    "services": lambda r: _(
        "Both offer %(list)s.", list=label_list("service_category", r["shared"])
    ),
    "groups": lambda r: _(
        "Both work with %(list)s.", list=label_list("target_group", r["shared"])
    ),
    "languages": lambda r: _(
        "Both work in %(list)s.", list=label_list("language", r["shared"])
    ),
    "origins": lambda r: _(
        "Both are tied to %(list)s.",
        list=", ".join(region_name(code) for code in r["regions"]),
    ),
    "same_state": lambda r: _(
        "Both work in %(region)s.", region=region_name(r["region"])
    ),
    "distance": _distance,
    "asymmetry": lambda r: _(
        "The mentor has %(mentor)s staff and volunteers; the mentee, %(mentee)s.",
        mentor=format_number(r["mentor_people"]),
        mentee=format_number(r["mentee_people"]),
    ),
    "gap": _gap,
}


def reason_text(reason: dict) -> str:
    """Return one reason as a sentence in the current language."""
    return TEXTS[reason["code"]](reason)


def reason_items(reasons: list[dict]) -> list[dict[str, str]]:
    """Return reasons as {"code", "text"} items (the API's shape)."""
    return [{"code": r["code"], "text": reason_text(r)} for r in reasons]
