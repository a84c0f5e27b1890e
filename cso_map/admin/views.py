"""Administration views; stale listings and unmet demand for authorities too."""

from __future__ import annotations

import tempfile
import uuid

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from cso_map.i18n import LANG_PREFIX, current_language, register_language_prefix
from cso_map.models import ROLES, Organization
from cso_map.services.editing.admin import (
    change_activation,
    list_users,
    organization_by_id,
    set_role,
    stale_organizations,
    user_by_id,
)
from cso_map.services.editing.organizations import (
    deleted_organizations,
    restore_organization,
)
from cso_map.services.editing.proposals import (
    merge_organizations,
    pending_organizations,
    reject_organization,
    similar_organizations,
    verify_organization,
)
from cso_map.services.exchange.exports import (
    directory_csv,
    directory_geojson,
    three_w_csv,
)
from cso_map.services.finder.unmet_demand import unmet_demand
from cso_map.services.hsds.package import write_hsds_package
from cso_map.web.roles import roles_required

bp = Blueprint("admin", __name__, url_prefix=LANG_PREFIX + "/admin")
register_language_prefix(bp)


def checked_post() -> None:
    """Refuse a POST without its CSRF token (400)."""
    if not FlaskForm().validate():
        abort(400)


def organization_or_404(organization_id: uuid.UUID) -> Organization:
    """Return any organization by id (deleted or pending too), or answer 404."""
    organization = organization_by_id(organization_id)
    if organization is None:
        abort(404)
    return organization


@bp.get("/")
@roles_required("admin", "authority")
def index():
    """Show what waits for attention."""
    return render_template(
        "admin/index.html",
        pending=len(pending_organizations()) if current_user.role == "admin" else 0,
        stale=len(stale_organizations()),
    )


@bp.get("/queue")
@roles_required("admin")
def queue():
    """List the proposed organizations waiting for verification."""
    pending = pending_organizations()
    similar = {
        organization.id: [
            other
            for location in organization.locations
            if location.region
            for other in similar_organizations(organization.name, location.region.code)
            if other.id != organization.id
        ]
        for organization in pending
    }
    return render_template("admin/queue.html", pending=pending, similar=similar)


@bp.post("/queue/<uuid:organization_id>/<any(verify, reject):decision>")
@roles_required("admin")
def decide(organization_id: uuid.UUID, decision: str):
    """Verify (publish) or reject a proposed organization."""
    checked_post()
    organization = organization_or_404(organization_id)
    if decision == "verify":
        verify_organization(organization, current_user)
        flash(_("“%(name)s” is published.", name=organization.name))
    else:
        reject_organization(organization, current_user)
        flash(_("“%(name)s” was rejected.", name=organization.name))
    return redirect(url_for("admin.queue"))


@bp.post("/merge")
@roles_required("admin")
def merge():
    """Merge a duplicate organization into the one to keep."""
    checked_post()
    try:
        keep_id = uuid.UUID(request.form.get("keep", ""))
        duplicate_id = uuid.UUID(request.form.get("duplicate", ""))
    except ValueError:
        abort(400, description=_("Give the ids of both organizations."))
    keep, duplicate = organization_or_404(keep_id), organization_or_404(duplicate_id)
    if keep.id == duplicate.id or keep.deleted_at or duplicate.deleted_at:
        abort(409, description=_("These two organizations cannot be merged."))
    merge_organizations(keep, duplicate, current_user)
    flash(
        _(
            "“%(duplicate)s” was merged into “%(keep)s”.",
            duplicate=duplicate.name,
            keep=keep.name,
        )
    )
    return redirect(url_for("directory.organization", organization_id=keep.id))


@bp.get("/users")
@roles_required("admin")
def users():
    """List the accounts, with their roles and organizations."""
    return render_template("admin/users.html", users=list_users(), roles=ROLES)


@bp.post("/users/<uuid:user_id>")
@roles_required("admin")
def change_user(user_id: uuid.UUID):
    """Change an account's role, or (de)activate it."""
    checked_post()
    user = user_by_id(user_id)
    if user is None:
        abort(404)
    if user.id == current_user.id:
        abort(409, description=_("You cannot change your own account here."))
    role = request.form.get("role")
    if role is not None:
        if role not in ROLES:
            abort(400, description=_("Unknown role."))
        set_role(user, role, current_user)
    if "active" in request.form:
        change_activation(user, request.form["active"] == "1", current_user)
    flash(_("The account %(email)s has changed.", email=user.email))
    return redirect(url_for("admin.users"))


@bp.get("/deleted")
@roles_required("admin")
def deleted():
    """List deleted organizations, to restore them."""
    return render_template("admin/deleted.html", organizations=deleted_organizations())


@bp.post("/deleted/<uuid:organization_id>/restore")
@roles_required("admin")
def restore(organization_id: uuid.UUID):
    """Restore a deleted organization."""
    checked_post()
    organization = organization_or_404(organization_id)
    restore_organization(organization, current_user)
    flash(_("“%(name)s” is back.", name=organization.name))
    return redirect(url_for("admin.deleted"))


@bp.get("/stale")
@roles_required("admin", "authority")
def stale():
    """List listings not reviewed in 12 months, with whom to contact."""
    return render_template("admin/stale.html", organizations=stale_organizations())


EXPORTS = {
    "csv": ("text/csv", "cso-map-directory.csv"),
    "geojson": ("application/geo+json", "cso-map-directory.geojson"),
    "3w": ("text/csv", "cso-map-3w.csv"),
    "hsds": ("application/zip", "cso-map-hsds.zip"),
}


@bp.get("/exports")
@roles_required("admin", "authority")
def exports():
    """Offer the bulk exports of the public directory."""
    return render_template("admin/exports.html")


@bp.get("/exports/<any(csv, geojson, '3w', hsds):kind>")
@roles_required("admin", "authority")
def export(kind: str):
    """Download the directory as CSV, GeoJSON, a 3W sheet or an HSDS package."""
    mimetype, name = EXPORTS[kind]
    if kind == "hsds":
        package = tempfile.TemporaryFile()  # noqa: SIM115 (the response closes it)
        write_hsds_package(package)
        package.seek(0)
        return send_file(
            package, mimetype=mimetype, as_attachment=True, download_name=name
        )
    writers = {
        "csv": directory_csv,
        "geojson": directory_geojson,
        "3w": lambda: three_w_csv(current_language()),
    }
    response = current_app.response_class(writers[kind](), mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@bp.get("/unmet-demand")
@roles_required("admin", "authority")
def demand():
    """Show the searches of the help finder that found nothing, per day."""
    return render_template("admin/demand.html", rows=unmet_demand())
