"""The admin upload page (dry run → preview → confirm) and the public template."""

from __future__ import annotations

from pathlib import Path

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from cso_map.i18n import LANG_PREFIX, current_language, register_language_prefix
from cso_map.imports.forms import ImportForm
from cso_map.services.exchange.runs import run_import
from cso_map.services.exchange.staged import discard, stage_upload, staged_path
from cso_map.services.exchange.table import COLUMNS, template_csv
from cso_map.services.exchange.uploads import UploadError
from cso_map.services.hsds.reading.mapping import DEFAULT_MAPPING
from cso_map.web.roles import roles_required

bp = Blueprint("imports", __name__, url_prefix=LANG_PREFIX)
register_language_prefix(bp)


def staging_folder() -> Path:
    """Return where uploads wait for their confirmation."""
    return Path(current_app.instance_path) / "imports"


def upload_page(form: ImportForm, problem: str | None = None, status: int = 200):
    """Render the upload form, with the reason a file was refused."""
    limit = current_app.config["MAX_CONTENT_LENGTH"] // (1024 * 1024)
    page = render_template(
        "imports/upload.html", form=form, problem=problem, limit=limit
    )
    return page, status


@bp.get("/admin/imports")
@roles_required("admin")
def upload_form():
    """Offer the upload of a file to import."""
    return upload_page(ImportForm())


@bp.post("/admin/imports")
@roles_required("admin")
def check():
    """Store the upload, run the import as a dry run and show what it would do."""
    form = ImportForm()
    if not form.validate_on_submit():
        if form.csrf_token.errors:
            abort(400)
        return upload_page(form, status=422)
    folder, kind = staging_folder(), form.kind.data
    upload = form.upload.data
    token = None
    try:
        token = stage_upload(folder, kind, upload.filename, upload.stream)
        path = staged_path(folder, token)
        summary = run_import(kind, path, True, current_user, current_language())
    except UploadError as error:
        if token:
            discard(folder, token)
        return upload_page(form, problem=str(error), status=422)
    return render_template(
        "imports/preview.html", summary=summary, token=token, name=upload.filename
    )


@bp.post("/admin/imports/<token>")
@roles_required("admin")
def confirm(token: str):
    """Import the stored file for real, then forget it."""
    if not FlaskForm().validate():
        abort(400)
    folder = staging_folder()
    path = staged_path(folder, token)
    if path is None:
        abort(404)
    try:
        summary = run_import(path.stem, path, False, current_user, current_language())
    except UploadError as error:
        return upload_page(ImportForm(kind=path.stem), problem=str(error), status=422)
    finally:
        discard(folder, token)
    flash(
        _(
            "Imported: %(added)s added, %(updated)s replaced.",
            added=summary.added,
            updated=summary.updated,
        )
    )
    return redirect(url_for("imports.upload_form"), code=303)


@bp.get("/data/organizations-template")
def template_page():
    """Explain every column of the organizations template, in the visitor's language."""
    return render_template("imports/template.html", columns=COLUMNS)


@bp.get("/data/organizations-template.csv")
def template_download():
    """Download the organizations template (the header and one fictional row)."""
    response = current_app.response_class(template_csv(), mimetype="text/csv")
    response.headers["Content-Disposition"] = (
        'attachment; filename="cso-map-organizations-template.csv"'
    )
    return response


@bp.get("/data/hsds-category-mapping.csv")
def mapping_download():
    """Download the table that maps other taxonomies' terms onto our categories."""
    response = current_app.response_class(
        DEFAULT_MAPPING.read_text(encoding="utf-8"), mimetype="text/csv"
    )
    response.headers["Content-Disposition"] = (
        'attachment; filename="cso-map-hsds-category-mapping.csv"'
    )
    return response
