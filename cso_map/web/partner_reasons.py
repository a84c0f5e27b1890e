"""Reasons of a likely-partner ranking, as sentences in the reader's language."""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import gettext as _

from cso_map.formatting import count_text, format_number, remote_channels
from cso_map.templating import label_in_sentence, label_list, region_name


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
            service=label_in_sentence("service_category", r["service"]),
            region=region_name(r["region"]),
            country=region_name(r["from_country"]),
        )
        if r.get("from_country")
        else _(
            "Already delivers %(service)s in %(region)s.",
            service=label_in_sentence("service_category", r["service"]),
            region=region_name(r["region"]),
        )
    ),
    "neighbour": lambda r: _(
        "Delivers %(service)s in a state next to %(region)s.",
        service=label_in_sentence("service_category", r["service"]),
        region=region_name(r["region"]),
    ),
    "nearby": lambda r: _(
        "Delivers %(service)s %(km)s km from %(region)s.",
        service=label_in_sentence("service_category", r["service"]),
        km=format_number(r["km"]),
        region=region_name(r["region"]),
    ),
    "remote": lambda r: _(
        "Delivers %(service)s remotely (%(channels)s), for %(area)s.",
        service=label_in_sentence("service_category", r["service"]),
        channels=remote_channels(r["channels"]),
        area=region_name(r["area"]),
    ),
    "related": lambda r: _(
        "Delivers a related service in %(region)s: %(service)s.",
        service=label_in_sentence("service_category", r["service"]),
        region=region_name(r["region"]),
    ),
    "could_start": lambda r: _(
        "Works in %(region)s with %(people)s staff and volunteers, "
        "and has skills to start: %(skills)s.",
        region=region_name(r["region"]),
        people=format_number(r["people"]),
        skills=label_list("skill", r["skills"]),
    ),
    "capacity": lambda r: count_text(
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
        level=label_in_sentence("engagement_level", r["level"]),
    ),
}


def reason_text(reason: dict) -> str:
    """Return one reason as a sentence in the current language."""
    return TEXTS[reason["code"]](reason)


def reason_items(reasons: list[dict]) -> list[dict[str, str]]:
    """Return reasons as {"code", "text"} items (the API's shape)."""
    return [{"code": r["code"], "text": reason_text(r)} for r in reasons]


BASIS_TEXTS: dict[str, Callable[[dict], str]] = {
    "in_region": lambda r: _("in the state"),
    "neighbour": lambda r: _("in a neighbouring state"),
    "nearby": lambda r: _("%(km)s km from the state", km=format_number(r["km"])),
    "remote": lambda r: remote_channels(r["channels"]),
    "related": lambda r: _("a related service in the state"),
    "could_start": lambda r: _("could start it: has the skills and the people"),
}


def basis_in_brief(reasons: list[dict]) -> list[str]:
    """Return, in a few words each, where a partner delivers and any doubt about
    its listing: "in a neighbouring state", "not verified"."""
    words = [BASIS_TEXTS[reasons[0]["code"]](reasons[0])]
    for reason in reasons[1:]:
        if reason["code"] == "unverified":
            words.append(_("not verified"))
        if reason["code"] in ("verified", "unverified") and reason["stale"]:
            words.append(_("not reviewed in 12 months"))
    return words
