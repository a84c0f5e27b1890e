"""Views of the public directory: parse, call a service, render."""

from __future__ import annotations

import uuid

from flask import Blueprint, abort, render_template, request

from cso_map.i18n import LANG_PREFIX, register_language_prefix
from cso_map.services.directory.organizations import (
    get_listed_organization,
    is_stale,
    listed_members,
    primary_region,
    public_point,
    visible_services,
)
from cso_map.services.directory.search import search_organizations
from cso_map.services.directory.statistics import directory_statistics
from cso_map.web.questions.directory import DirectoryFilterForm

PER_PAGE = 20

bp = Blueprint("directory", __name__, url_prefix=LANG_PREFIX)
register_language_prefix(bp)


@bp.get("/")
def home():
    """Show what CSO Map is for each of its users, a search box and entry points."""
    form = DirectoryFilterForm(formdata=None)
    return render_template(
        "directory/home.html", form=form, stats=directory_statistics()
    )


@bp.get("/organizations")
def organizations():
    """List the organizations that match the filters in the query string."""
    form = DirectoryFilterForm(formdata=request.args)
    if not form.validate():
        return render_template(
            "directory/organizations.html", form=form, results=None
        ), 400
    results = search_organizations(form.to_filters(), form.page.data or 1, PER_PAGE)
    return render_template(
        "directory/organizations.html",
        form=form,
        results=results,
        region_of=primary_region,
    )


def listed_or_404(organization_id: uuid.UUID):
    """Return the listed organization, or answer 404."""
    found = get_listed_organization(organization_id)
    if found is None:
        abort(404)
    return found


@bp.get("/organizations/<uuid:organization_id>")
def organization(organization_id: uuid.UUID):
    """Show one organization's public profile."""
    found = listed_or_404(organization_id)
    return render_template(
        "directory/organization.html",
        organization=found,
        services=visible_services(found),
        members=listed_members(found),
        point=public_point(found),
        region=primary_region(found),
        stale=is_stale(found.last_reviewed_on),
    )


@bp.get("/organizations/<uuid:organization_id>/card")
def organization_card(organization_id: uuid.UUID):
    """Show a short card of one organization, to print or share (no tracking)."""
    found = listed_or_404(organization_id)
    return render_template(
        "directory/card.html",
        organization=found,
        services=[s for s in visible_services(found) if s.status == "active"],
        region=primary_region(found),
    )
