"""/api/v1/mentoring: suggested mentors or mentees of one organization."""

from __future__ import annotations

from flask import abort, request
from flask_babel import gettext as _

from cso_map.api.blueprint import bp
from cso_map.api.forms import MentoringApiForm
from cso_map.services.matching.mentoring import NotOptedIn, mentoring_suggestions
from cso_map.web.api_parameters import takes, validated
from cso_map.web.mentoring_reasons import reason_items
from cso_map.web.policy import coverage_policy


@bp.get("/mentoring")
@takes(MentoringApiForm, not_found=True)
def mentoring():
    """Return mutual matches: mentees for role=mentor, mentors for role=mentee.

    Only organizations that opted in are suggested; one that has not opted in to
    the role gets no suggestions, and `opted_in` says so.
    """
    form = validated(MentoringApiForm(formdata=request.args))
    organization, role = form.organization.data, form.role.data
    try:
        _me, found = mentoring_suggestions(
            organization, role, coverage_policy(include_stale=form.include_stale.data)
        )
        opted_in = True
    except KeyError:
        abort(404, description=_("There is no listed organization with that id."))
    except NotOptedIn:
        found, opted_in = [], False
    return {
        "organization": organization,
        "role": role,
        "include_stale": bool(form.include_stale.data),
        "opted_in": opted_in,
        "items": [
            {
                "organization": {"id": s.organization_id, "name": s.name},
                "score": s.score,
                "components": s.components,
                "reasons": reason_items(s.reasons),
            }
            for s in found
        ],
    }
