"""The CSO potential dashboard and the printable region brief."""

from __future__ import annotations

import datetime as dt

from flask import abort, render_template, request
from flask_babel import gettext as _

from cso_map.map_pages import status_labels
from cso_map.regions.views import bp
from cso_map.services.analysis.dashboard import potential_dashboard
from cso_map.services.analysis.region_brief import region_brief
from cso_map.services.directory.regions import get_region, list_regions
from cso_map.services.matching.partners.contacts import Contact
from cso_map.web.partner_reasons import basis_in_brief
from cso_map.web.policy import requested_policy


def band_labels() -> dict[str, str]:
    """Return the words of the bands that are not vocabulary terms."""
    return {"not_stated": _("Not stated")}


@bp.get("/dashboard")
def dashboard():
    """Show the potential of the organizations of a state, or of all of them."""
    code = request.args.get("region", "")
    region = get_region(code) if code and len(code) <= 6 else None
    if code and (region is None or region.level != "state"):
        abort(
            404,
            description=_(
                "There is no state with the code “%(code)s”.", code=code[:20]
            ),
        )
    return render_template(
        "regions/dashboard.html",
        region=region,
        states=[r for r in list_regions() if r.level == "state"],
        figures=potential_dashboard(
            region.code if region else None, requested_policy()
        ),
        bands=band_labels(),
    )


@bp.get("/regions/<code>/brief")
def brief(code: str):
    """Show the brief of a state, to print on two pages (the first stands alone)."""
    region = get_region(code) if len(code) <= 6 else None
    if region is None:
        abort(404)
    found = region_brief(region.code, requested_policy())
    if found is None:
        abort(404, description=_("Briefs are made for states."))
    return render_template(
        "regions/brief.html",
        region=region,
        brief=found,
        figures=found.dashboard,
        statuses=status_labels(),
        basis_in_brief=basis_in_brief,
        none_listed=Contact(),
        today=dt.date.today(),
    )
