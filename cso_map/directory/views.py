"""Views of the public directory: parse, call a service, render."""

from __future__ import annotations

import uuid

from flask import (
    Blueprint,
    abort,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _

from cso_map.i18n import LANG_PREFIX, register_language_prefix
from cso_map.services.directory.organizations import (
    get_listed_organization,
    is_stale,
    listed_members,
    primary_region,
    public_point,
    visible_services,
)
from cso_map.services.directory.regions import other_country
from cso_map.services.directory.search import (
    HomeSearch,
    read_home_search,
    search_organizations,
)
from cso_map.services.directory.statistics import directory_statistics
from cso_map.services.finder.needs import needs
from cso_map.web.forms import state_choices
from cso_map.web.labels import abroad_label
from cso_map.web.questions.directory import DirectoryFilterForm

PER_PAGE = 20
SEARCH_FIELDS = ("q", "service", "region")  # the home page's search box

bp = Blueprint("directory", __name__, url_prefix=LANG_PREFIX)
register_language_prefix(bp)


def render_home(form: DirectoryFilterForm, answer: HomeSearch | None = None):
    """Return the home page, with the answer to a search typed there if any."""
    form.q.label.text = _("An organization, or what you need")
    by_category = {need.category: need for need in needs()}
    return render_template(
        "directory/home.html",
        form=form,
        stats=directory_statistics(),
        answer=answer,
        need=by_category[answer.needs[0]] if answer and answer.needs else None,
        states=state_choices(),
    )


@bp.get("/")
def home():
    """Show what CSO Map is for each of its users, a search box and entry points.

    A search typed there that names a need ("necesito un abogado") asks where the
    person is, for the help finder; any other lists the directory's matches, and
    one that finds nothing says so with the ways on.
    """
    if not any(name in request.args for name in SEARCH_FIELDS):
        return render_home(DirectoryFilterForm(formdata=None))
    form = DirectoryFilterForm(formdata=request.args)
    if not form.validate():
        return render_home(form), 400
    answer = read_home_search(form.to_filters())
    if answer.needs and answer.state:
        return redirect(
            url_for("finder.find", need=answer.needs[0], region=answer.state)
        )
    if answer.found and not answer.needs:
        return redirect(url_for("directory.organizations", **form.active_filters()))
    response = make_response(render_home(form, answer))
    response.headers["Cache-Control"] = "no-store"  # it shows what was searched for
    return response


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
    region = primary_region(found)
    return render_template(
        "directory/organization.html",
        organization=found,
        services=visible_services(found),
        members=listed_members(found),
        point=public_point(found),
        region=region,
        stale=is_stale(found.last_reviewed_on),
        # the finder's link says the searcher's country, to flag one abroad
        abroad=abroad_label(
            other_country(region and region.code, request.args.get("country"))
        ),
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
