"""Adding and editing an organization's services and locations."""

from __future__ import annotations

import uuid

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from cso_map.editing.service_forms import LocationForm, ServiceForm
from cso_map.editing.views import bp, organization_for_editor
from cso_map.services.editing.organizations import StaleEdit
from cso_map.services.editing.services import (
    location_values,
    save_location,
    save_service,
    service_values,
)


def _part(items, part_id: uuid.UUID | None):
    """Return the service or location `part_id` of an organization (404 if not)."""
    if part_id is None:
        return None
    found = next((item for item in items if item.id == part_id), None)
    if found is None:
        abort(404)
    return found


def _saved_form(kind: str, part, version: int):
    """Return the form of a saved service or location, or a blank one (None)."""
    if kind == "service":
        data = ServiceForm.data_of(service_values(part), version) if part else {}
        return ServiceForm(data={"version": version, **data})
    data = location_values(part) if part else {"country": "MX"}
    return LocationForm(data={**data, "version": version})


def _edit_part(kind: str, organization_id: uuid.UUID, part_id: uuid.UUID | None):
    """Show and save the form of a service or a location of an organization."""
    organization = organization_for_editor(organization_id)
    parts = organization.services if kind == "service" else organization.locations
    part = _part(parts, part_id)

    def page(form, status: int = 200, **extra):
        return render_template(
            f"editing/{kind}.html",
            form=form,
            organization=organization,
            part=part,
            **extra,
        ), status

    if request.method == "GET":
        return page(_saved_form(kind, part, organization.version))
    form = ServiceForm() if kind == "service" else LocationForm()
    if not form.validate() or not form.version.data.isdigit():
        return page(form, 400)
    save = save_service if kind == "service" else save_location
    try:
        save(organization, part, form.values(), int(form.version.data), current_user)
    except StaleEdit:
        return page(form, 409, stale=True)
    flash(_("Saved."))
    return redirect(url_for("directory.organization", organization_id=organization.id))


@bp.route("/organizations/<uuid:organization_id>/services/new", methods=["GET", "POST"])
@login_required
def new_service(organization_id: uuid.UUID):
    """Add a service to an organization."""
    return _edit_part("service", organization_id, None)


@bp.route(
    "/organizations/<uuid:organization_id>/services/<uuid:service_id>/edit",
    methods=["GET", "POST"],
)
@login_required
def edit_service(organization_id: uuid.UUID, service_id: uuid.UUID):
    """Edit one service of an organization."""
    return _edit_part("service", organization_id, service_id)


@bp.route(
    "/organizations/<uuid:organization_id>/locations/new", methods=["GET", "POST"]
)
@login_required
def new_location(organization_id: uuid.UUID):
    """Add a location to an organization."""
    return _edit_part("location", organization_id, None)


@bp.route(
    "/organizations/<uuid:organization_id>/locations/<uuid:location_id>/edit",
    methods=["GET", "POST"],
)
@login_required
def edit_location(organization_id: uuid.UUID, location_id: uuid.UUID):
    """Edit one location of an organization (its state is found from its point)."""
    return _edit_part("location", organization_id, location_id)
