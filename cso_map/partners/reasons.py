"""Reasons of a ranking, as sentences in the reader's language."""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import gettext as _
from flask_babel import ngettext

from cso_map.templating import label, label_list, region_name


def _languages(reason: dict) -> str:
    parts = []
    if reason["covered"]:
        parts.append(
            _("Offers %(list)s.", list=label_list("language", reason["covered"]))
        )
    if reason["missing"]:
        parts.append(
            _(
                "Does not offer %(list)s.",
                list=label_list("language", reason["missing"]),
            )
        )
    return " ".join(parts)


def _groups(reason: dict) -> str:
    parts = []
    if reason["covered"]:
        parts.append(
            _(
                "Works with %(list)s.",
                list=label_list("target_group", reason["covered"]),
            )
        )
    if reason["missing"]:
        parts.append(
            _(
                "Does not list %(list)s.",
                list=label_list("target_group", reason["missing"]),
            )
        )
    return " ".join(parts)


def _verification(reason: dict) -> str:
    verified = reason["code"] == "verified"
    if reason["stale"]:
        return (
            _("Verified, but not reviewed for over a year.")
            if verified
            else _("Not verified, and not reviewed for over a year.")
        )
    return (
        _("Verified and reviewed within the last year.")
        if verified
        else _("Not verified yet.")
    )


TEXTS: dict[str, Callable[[dict], str]] = {
    "in_region": lambda r: _(
        "Already delivers %(service)s in %(region)s.",
        service=label("service_category", r["service"]),
        region=region_name(r["region"]),
    ),
    "neighbour": lambda r: _(
        "Delivers %(service)s in a state next to %(region)s.",
        service=label("service_category", r["service"]),
        region=region_name(r["region"]),
    ),
    "nearby": lambda r: _(
        "Delivers %(service)s %(km)s km from %(region)s.",
        service=label("service_category", r["service"]),
        km=r["km"],
        region=region_name(r["region"]),
    ),
    "online": lambda r: _(
        "Delivers %(service)s online.",
        service=label("service_category", r["service"]),
    ),
    "related": lambda r: _(
        "Delivers a related service in %(region)s: %(service)s.",
        service=label("service_category", r["service"]),
        region=region_name(r["region"]),
    ),
    "could_start": lambda r: _(
        "Works in %(region)s with %(people)s staff and volunteers, "
        "and has skills to start: %(skills)s.",
        region=region_name(r["region"]),
        people=r["people"],
        skills=label_list("skill", r["skills"]),
    ),
    "capacity": lambda r: ngettext(
        "Serves about %(num)s person a month.",
        "Serves about %(num)s people a month.",
        r["people"],
    ),
    "languages": _languages,
    "groups": _groups,
    "verified": _verification,
    "unverified": _verification,
    "engagement": lambda r: _(
        "Relationship with authorities: %(level)s.",
        level=label("engagement_level", r["level"]),
    ),
}


def reason_text(reason: dict) -> str:
    """Return one reason as a sentence in the current language."""
    return TEXTS[reason["code"]](reason)


def reason_items(reasons: list[dict]) -> list[dict[str, str]]:
    """Return reasons as {"code", "text"} items (the API's shape)."""
    return [{"code": r["code"], "text": reason_text(r)} for r in reasons]
