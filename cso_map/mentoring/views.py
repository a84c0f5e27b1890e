"""Mentoring pages: suggested mentors or mentees with reasons, and their map."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask_babel import gettext as _

from cso_map.i18n import LANG_PREFIX, register_language_prefix
from cso_map.map_pages import frame_response, map_setting
from cso_map.maps.mentoring_map import PairEnd, build_mentoring_map
from cso_map.services.matching.mentoring import (
    NotOptedIn,
    mentoring_suggestions,
    opted_in_organizations,
)
from cso_map.web.mentoring_reasons import reason_text
from cso_map.web.policy import coverage_policy
from cso_map.web.questions.mentoring import MentoringForm

bp = Blueprint("mentoring", __name__, url_prefix=LANG_PREFIX)
register_language_prefix(bp)


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


def suggestions_for(form: MentoringForm):
    """Return (organization, suggestions, opted in) for a valid form with an id."""
    try:
        organization, found = mentoring_suggestions(
            form.organization.data,
            form.role.data,
            coverage_policy(include_stale=form.include_stale.data),
        )
    except KeyError:
        abort(404, description=_("There is no listed organization with that id."))
    except NotOptedIn:
        return None, [], False
    return organization, found, True


@bp.get("/mentoring")
def index():
    """Show an organization's suggested mentors or mentees, or help to pick one."""
    form = MentoringForm(formdata=request.args)
    page = {"form": form, "components": component_labels(), "reason_text": reason_text}
    if not form.validate():
        return render_template("mentoring/index.html", **page), 400
    if not form.organization.data:
        page["choices"] = opted_in_organizations(form.q.data or "")
        return render_template("mentoring/index.html", **page)
    organization, suggestions, opted_in = suggestions_for(form)
    page.update(organization=organization, suggestions=suggestions, opted_in=opted_in)
    return render_template("mentoring/index.html", **page)


@bp.get("/mentoring/map")
def map_frame():
    """Return the map of the suggestions (framed by the mentoring page)."""
    form = MentoringForm(formdata=request.args)
    if not form.validate() or not form.organization.data:
        abort(400)
    organization, suggestions, _opted_in = suggestions_for(form)
    if organization is None or organization["lat"] != organization["lat"]:
        abort(404)
    setting = map_setting()
    others = [
        PairEnd(s.lat, s.lon, s.name, reason_text(s.reasons[0]))
        for s in suggestions
        if s.lat == s.lat
    ]
    origin = PairEnd(organization["lat"], organization["lon"], organization["name"], "")
    return frame_response(
        build_mentoring_map(origin, others, setting.assets, setting.tiles)
    )
