"""Mentoring pages: browse who takes part, one's suggested pairs, one pair, maps."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask_babel import gettext as _

from cso_map.i18n import LANG_PREFIX, register_language_prefix
from cso_map.map_pages import frame_response, map_setting
from cso_map.maps.mentoring_map import PairEnd, build_mentoring_map
from cso_map.mentoring.forms import BrowseForm, SuggestionsForm
from cso_map.services.matching.mentoring import (
    NotOptedIn,
    find_participants,
    mentoring_suggestions,
)
from cso_map.templating import label_list, region_name
from cso_map.web.mentoring_reasons import reason_text
from cso_map.web.policy import coverage_policy

bp = Blueprint("mentoring", __name__, url_prefix=LANG_PREFIX)
register_language_prefix(bp)

PER_PAGE = 20


def component_labels() -> dict[str, str]:
    """Return the names of the score components."""
    return {
        "skills": _("Skills for the needs"),
        "geography": _("Nearness"),
        "services": _("Shared services"),
        "groups": _("Shared groups"),
        "languages": _("Shared languages"),
        "origins": _("Shared origin"),
        "asymmetry": _("Difference in size"),
        "gap": _("Closes a gap"),
    }


def suggestions_for(form: SuggestionsForm):
    """Return (organization, suggestions, opted in) for a valid form with an id."""
    try:
        organization, found = mentoring_suggestions(
            form.organization.data,
            form.role.data,
            coverage_policy(include_stale=form.include_stale.data),
        )
    except KeyError:
        abort(404, description=_("There is no listed organization with that id."))
    except NotOptedIn as refusal:
        return refusal.organization, [], False
    return organization, found, True


def place_note(organization) -> str:
    """Return where a map point is, saying so when it stands for a hidden address."""
    if organization.confidential:
        return _(
            "In %(region)s; it does not publish its address.",
            region=region_name(organization.region),
        )
    return region_name(organization.region)


@bp.get("/mentoring")
def index():
    """Browse the organizations that take part, or show one's suggestions."""
    if request.args.get("organization"):
        return suggestions_page()
    form = BrowseForm(formdata=request.args)
    if not form.validate():
        return render_template("mentoring/index.html", form=form), 400
    results = find_participants(
        form.to_query(),
        coverage_policy(include_stale=form.include_stale.data),
        form.page.data or 1,
        PER_PAGE,
    )
    return render_template(
        "mentoring/index.html", form=form, results=results, label_list=label_list
    )


def suggestions_page():
    """Show an organization's suggested mentors or mentees, or one such pair."""
    form = SuggestionsForm(formdata=request.args)
    page = {"form": form, "components": component_labels(), "reason_text": reason_text}
    if not form.validate():
        return render_template("mentoring/suggestions.html", **page), 400
    organization, suggestions, opted_in = suggestions_for(form)
    page.update(organization=organization, suggestions=suggestions, opted_in=opted_in)
    if form.pair.data:
        return render_template(
            "mentoring/pair.html", suggestion=only_pair(form, suggestions)[0], **page
        )
    return render_template("mentoring/suggestions.html", **page)


def only_pair(form: SuggestionsForm, suggestions: list) -> list:
    """Return the suggestion `form.pair` names, alone (404 if it is not one)."""
    found = [s for s in suggestions if s.organization_id == form.pair.data.lower()]
    if not found:
        abort(404, description=_("These two organizations are not a suggested pair."))
    return found


@bp.get("/mentoring/map")
def map_frame():
    """Return the map of the suggestions, or of one pair (framed by the pages)."""
    form = SuggestionsForm(formdata=request.args)
    if not form.validate() or not form.organization.data:
        abort(400)
    organization, suggestions, _opted_in = suggestions_for(form)
    if form.pair.data:
        suggestions = only_pair(form, suggestions)
    if organization.lat != organization.lat:
        abort(404)
    setting = map_setting()
    others = [
        PairEnd(s.lat, s.lon, s.name, f"{place_note(s)} · {reason_text(s.reasons[0])}")
        for s in suggestions
        if s.lat == s.lat
    ]
    origin = PairEnd(
        organization.lat, organization.lon, organization.name, place_note(organization)
    )
    return frame_response(
        build_mentoring_map(origin, others, setting.assets, setting.tiles)
    )
