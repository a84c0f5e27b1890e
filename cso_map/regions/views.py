"""Views of region pages."""

from __future__ import annotations

from flask import Blueprint, abort, render_template

from cso_map.i18n import LANG_PREFIX, register_language_prefix
from cso_map.map_pages import status_labels
from cso_map.services.analysis.coverage import coverage_of_region
from cso_map.services.directory.organizations import primary_region
from cso_map.services.directory.region_overview import region_overview
from cso_map.services.directory.regions import get_region, list_regions
from cso_map.web.policy import requested_policy

bp = Blueprint("regions", __name__, url_prefix=LANG_PREFIX)
register_language_prefix(bp)


@bp.get("/regions")
def index():
    """List every region, countries first."""
    return render_template("regions/index.html", regions=list_regions())


@bp.get("/regions/<code>")
def region(code: str):
    """Show a region: its indicators and the organizations and services present."""
    found = get_region(code) if len(code) <= 6 else None
    if found is None:
        abort(404)
    return render_template(
        "regions/region.html",
        overview=region_overview(found),
        region_of=primary_region,
        coverage=coverage_of_region(found.code, requested_policy()),
        statuses=status_labels(),
    )
