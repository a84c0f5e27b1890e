"""Editing views: edit a profile, confirm it is still right, delete it, its history."""

from __future__ import annotations

import uuid

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user
from flask_wtf import FlaskForm

from cso_map.editing.forms import OrganizationForm, ProposalForm
from cso_map.extensions import csrf, limiter
from cso_map.i18n import LANG_PREFIX, register_language_prefix
from cso_map.security import same_origin_only
from cso_map.services.editing.accounts import AccountError, create_user
from cso_map.services.editing.audit import changed_fields, organization_history
from cso_map.services.editing.organizations import (
    StaleEdit,
    confirm_review,
    delete_organization,
    editable_organization,
    organization_fields,
    update_organization,
)
from cso_map.services.editing.proposals import (
    Proposal,
    propose_organization,
    similar_organizations,
)
from cso_map.web.limits import AUTH_LIMITS

bp = Blueprint("editing", __name__, url_prefix=LANG_PREFIX)
register_language_prefix(bp)


def organization_for_editor(organization_id: uuid.UUID):
    """Return the organization if the logged-in account may edit it (404, 403)."""
    organization = editable_organization(organization_id)
    if organization is None:
        abort(404)
    if not current_user.edits(organization.id):
        abort(403)
    return organization


@bp.route("/organizations/<uuid:organization_id>/edit", methods=["GET", "POST"])
@login_required
def edit(organization_id: uuid.UUID):
    """Edit an organization; a save based on an old version answers 409."""
    organization = organization_for_editor(organization_id)
    if request.method == "GET":
        form = OrganizationForm(
            data={**organization_fields(organization), "version": organization.version}
        )
        return render_template(
            "editing/edit.html", form=form, organization=organization
        )
    form = OrganizationForm()
    if not form.validate():
        return render_template(
            "editing/edit.html", form=form, organization=organization
        ), 400
    try:
        update_organization(
            organization, form.changes(), int(form.version.data), current_user
        )
    except StaleEdit as stale:
        current, yours = stale.current, form.changes()
        return render_template(
            "editing/edit.html",
            form=form,
            organization=organization,
            conflict=[
                (form[name].label.text, yours[name], current[name])
                for name in current
                if yours[name] != current[name]
            ],
        ), 409
    flash(_("Saved."))
    return redirect(url_for("directory.organization", organization_id=organization.id))


@bp.post("/organizations/<uuid:organization_id>/review")
@login_required
def review(organization_id: uuid.UUID):
    """Confirm that the profile is still right ("nothing changed")."""
    organization = organization_for_editor(organization_id)
    if not FlaskForm().validate():
        abort(400)
    confirm_review(organization, current_user)
    flash(_("Thank you: the profile is marked as checked today."))
    return redirect(url_for("directory.organization", organization_id=organization.id))


@bp.post("/organizations/<uuid:organization_id>/delete")
@login_required
def delete(organization_id: uuid.UUID):
    """Hide an organization everywhere; an administrator can restore it."""
    organization = organization_for_editor(organization_id)
    if not FlaskForm().validate():
        abort(400)
    delete_organization(organization, current_user)
    flash(_("The organization was deleted. An administrator can restore it."))
    return redirect(url_for("accounts.account"))


@bp.get("/organizations/<uuid:organization_id>/history")
@login_required
def history(organization_id: uuid.UUID):
    """Show every recorded change of an organization (to its editors and admins)."""
    organization = organization_for_editor(organization_id)
    return render_template(
        "editing/history.html",
        organization=organization,
        events=[
            (event, changed_fields(event))
            for event in organization_history(organization.id)
        ],
    )


@bp.route("/organizations/new", methods=["GET", "POST"])
@csrf.exempt
@same_origin_only
@limiter.limit(AUTH_LIMITS, methods=["POST"])
def propose():
    """Propose an organization; it is published once an administrator verifies it."""
    form = ProposalForm()
    page = {"form": form, "similar": [], "done": None}
    if request.method == "GET":
        return render_template("editing/propose.html", **page)
    valid = form.validate()
    if not current_user.is_authenticated:
        form.needs_account()
        valid = valid and not form.your_email.errors and not form.password.errors
    if not valid:
        return render_template("editing/propose.html", **page), 400
    similar = similar_organizations(form.name.data, form.region.data)
    if similar and not form.different.data:
        page["similar"] = similar
        return render_template("editing/propose.html", **page), 409
    user = current_user if current_user.is_authenticated else None
    if user is None:
        try:
            user = create_user(
                form.your_email.data, form.password.data, "editor", form.your_name.data
            )
        except AccountError:
            form.your_email.errors.append(
                _("An account with this e-mail exists: log in first.")
            )
            return render_template("editing/propose.html", **page), 409
    organization = propose_organization(
        Proposal(
            name=form.name.data,
            type=form.type.data,
            region=form.region.data,
            description=(form.description.data or "").strip(),
            email=form.email.data,
            website=form.website.data,
            phone=form.phone.data,
        ),
        user,
    )
    if not current_user.is_authenticated:
        login_user(user)
    page["done"] = organization
    return render_template("editing/propose.html", **page), 201
