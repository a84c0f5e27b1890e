"""Reasons of a likely-partner ranking, as sentences in the reader's language."""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import gettext as _
from flask_babel import ngettext

from cso_map.formatting import remote_channels
from cso_map.templating import label, label_list, region_name


def _coverage(vocabulary: str, offered, lacking) -> Callable[[dict], str]:
    """Return a writer of what a partner covers of what was asked, and lacks."""

    def text(reason: dict) -> str:
        parts = []
        if reason["covered"]:
            parts.append(offered(label_list(vocabulary, reason["covered"])))
        if reason["missing"]:
            parts.append(lacking(label_list(vocabulary, reason["missing"])))
        return " ".join(parts)

    return text


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
    "in_region": lambda r: (
        _(
            "Already delivers %(service)s in %(region)s, from %(country)s "
            "(a binational service).",
            service=label("service_category", r["service"]),
            region=region_name(r["region"]),
            country=region_name(r["from_country"]),
        )
        if r.get("from_country")
        else _(
            "Already delivers %(service)s in %(region)s.",
            service=label("service_category", r["service"]),
            region=region_name(r["region"]),
        )
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
    "remote": lambda r: _(
        "Delivers %(service)s remotely (%(channels)s), for %(area)s.",
        service=label("service_category", r["service"]),
        channels=remote_channels(r["channels"]),
        area=region_name(r["area"]),
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
    "capacity_unknown": lambda r: _(
        "Capacity not reported: it counts neither for nor against."
    ),
    "languages": _coverage(
        "language",
        lambda names: _("Offers %(list)s.", list=names),
        lambda names: _("Does not offer %(list)s.", list=names),
    ),
    "groups": _coverage(
        "target_group",
        lambda names: _("Works with %(list)s.", list=names),
        lambda names: _("Does not list %(list)s.", list=names),
    ),
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
