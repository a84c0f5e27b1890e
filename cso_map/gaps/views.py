"""Gap pages: choose a service, see the gap map, the table and a CSV."""

from __future__ import annotations

import math

from flask import Blueprint, abort, current_app, render_template, request
from flask_babel import gettext as _

from cso_map.i18n import LANG_PREFIX, current_language, register_language_prefix
from cso_map.map_pages import (
    format_number,
    frame_response,
    gap_texts,
    map_setting,
    points_source,
    status_labels,
)
from cso_map.services.analysis.maps import gap_map, gap_table
from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.services.exchange.csv_text import csv_text
from cso_map.services.exchange.exports import coverage_geojson
from cso_map.taxonomy import SERVICE_CATEGORIES
from cso_map.web.policy import coverage_policy
from cso_map.web.questions.coverage import CoverageForm

bp = Blueprint("gaps", __name__, url_prefix=LANG_PREFIX)
register_language_prefix(bp)


def _policy(form: CoverageForm) -> CoveragePolicy:
    return coverage_policy(include_stale=form.include_stale.data)


@bp.get("/gaps")
def index():
    """Show the question form, then the gap map and regions by unmet need."""
    form = CoverageForm(formdata=request.args if request.args else None)
    if not request.args:
        return render_template("gaps/index.html", form=form, table=None)
    if not form.validate():
        return render_template("gaps/index.html", form=form, table=None), 400
    policy = _policy(form)
    table = gap_table(form.to_query(), policy)
    return render_template(
        "gaps/index.html",
        form=form,
        table=table,
        statuses=status_labels(),
        number=format_number,
        threshold=policy.threshold(form.service.data),
        service_label=SERVICE_CATEGORIES[form.service.data].label(current_language()),
    )


@bp.get("/gaps/map")
def map_frame():
    """Return the gap map document (framed by the gaps page)."""
    form = CoverageForm(formdata=request.args)
    if not form.validate():
        abort(400)
    figure_map = gap_map(
        map_setting(),
        form.to_query(),
        _policy(form),
        gap_texts(),
        status_labels(),
        current_language(),
        providers=points_source(form.provider_filters()),
    )
    return frame_response(figure_map)


def _download_query():
    """Return a download's question and policy, or answer 400 with what is wrong."""
    form = CoverageForm(formdata=request.args)
    if not form.validate():
        messages = [m for ms in form.errors_by_field().values() for m in ms]
        abort(400, description=" ".join(messages))
    return form.to_query(), _policy(form)


@bp.get("/gaps.csv")
def download():
    """Download the regions of a gap table as CSV, largest unmet need first."""
    query, policy = _download_query()
    table = gap_table(query, policy)
    lang = current_language()
    statuses = status_labels()
    header = [
        _("Region code"),
        _("Region"),
        _("Providers"),
        _("Providers not reporting capacity"),
        _("Also by phone or online"),
        _("Capacity (people per month)"),
        _("People in need"),
        _("Places per 1,000"),
        _("Status code"),
        _("Status"),
    ]
    rows = (
        [
            row.code,
            row.name_es if lang == "es" else row.name_en,
            int(row.providers),
            int(row.unreported),
            int(row.remote),
            _plain(row.capacity),
            _plain(row.demand),
            _plain(row.ratio),
            row.status,
            statuses[row.status],
        ]
        for row in table.itertuples()
    )
    response = current_app.response_class(csv_text(header, rows), mimetype="text/csv")
    name = f"gaps-{query.service}{'-' + query.language if query.language else ''}.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@bp.get("/gaps.geojson")
def download_geojson():
    """Download the coverage of every state as GeoJSON polygons, for GIS software."""
    query, policy = _download_query()
    body = coverage_geojson(query, policy, current_language())
    response = current_app.response_class(body, mimetype="application/geo+json")
    name = f"coverage-{query.service}{'-' + query.language if query.language else ''}"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.geojson"'
    return response


def _plain(value: float) -> float | None:
    return None if value is None or math.isnan(value) else round(float(value), 3)
