"""Likely-partner pages: the question, tiers with reasons, a map and a CSV."""

from __future__ import annotations

from dataclasses import astuple

from flask import Blueprint, abort, current_app, render_template, request
from flask_babel import gettext as _

from cso_map.i18n import LANG_PREFIX, register_language_prefix
from cso_map.map_pages import frame_response, map_setting
from cso_map.maps.partners_map import PartnerMarker, build_partners_map
from cso_map.services.analysis.maps import region_bounds
from cso_map.services.analysis.region_maps import state_feature
from cso_map.services.exchange.csv_text import csv_text
from cso_map.services.matching.partners import COMPONENTS, Partner, likely_partners
from cso_map.services.matching.partners.contacts import Contact, partner_contacts
from cso_map.templating import label
from cso_map.web.labels import tier_labels
from cso_map.web.partner_reasons import reason_text
from cso_map.web.policy import coverage_policy
from cso_map.web.questions.partners import PartnerForm

bp = Blueprint("partners", __name__, url_prefix=LANG_PREFIX)
register_language_prefix(bp)


def component_labels() -> dict[str, str]:
    """Return the names of the score components."""
    return {
        "service": _("Service match"),
        "distance": _("Distance"),
        "capacity": _("Capacity"),
        "languages": _("Languages"),
        "groups": _("Groups"),
        "freshness": _("Verified and current"),
        "engagement": _("Work with authorities"),
    }


def asked_partners() -> tuple[PartnerForm, list[Partner] | None]:
    """Return the form and, if the question is valid, the ranked partners."""
    form = PartnerForm(formdata=request.args)
    if not request.args or not form.validate():
        return form, None
    policy = coverage_policy(include_stale=form.include_stale.data)
    return form, likely_partners(form.to_query(), policy)


@bp.get("/partners")
def index():
    """Show the question and, once asked, the likely partners by tier."""
    form, partners = asked_partners()
    status = 400 if request.args and partners is None else 200
    return render_template(
        "partners/index.html",
        form=form,
        partners=partners,
        tiers=tier_labels(),
        components=component_labels(),
        reason_text=reason_text,
    ), status


@bp.get("/partners/map")
def map_frame():
    """Return the map of likely partners (framed by the partners page)."""
    form, partners = asked_partners()
    if partners is None:
        abort(400)
    setting = map_setting()
    markers = [
        PartnerMarker(
            partner.lat,
            partner.lon,
            partner.tier,
            partner.name,
            reason_text(partner.reasons[0]),
        )
        for partner in partners
        if partner.lat == partner.lat  # organizations without a point stay off
    ]
    figure_map = build_partners_map(
        state_feature(form.region.data),
        region_bounds(form.region.data),
        markers,
        tier_labels(),
        _("Likely partners"),
        setting.assets,
        setting.tiles,
    )
    return frame_response(figure_map)


@bp.get("/partners.csv")
def download():
    """Download the shortlist as CSV: tier, score, contacts, components, reasons."""
    form, partners = asked_partners()
    if partners is None:
        messages = [m for ms in form.errors_by_field().values() for m in ms]
        abort(400, description=" ".join(messages) or _("Choose a state and a service."))
    names = component_labels()
    header = [
        _("Tier"),
        _("Score"),
        _("Organization id"),
        _("Organization"),
        _("Type"),
        _("State"),
        _("Phone"),
        _("Email"),
        _("Website"),
        *(names[name] for name in COMPONENTS),
        _("Reasons"),
    ]
    contacts = partner_contacts(partner.organization_id for partner in partners)
    rows = (
        [
            partner.tier,
            partner.score,
            partner.organization_id,
            partner.name,
            label("cso_type", partner.type),
            partner.region,
            *astuple(contacts.get(partner.organization_id, Contact())),
            *(partner.components[name] for name in COMPONENTS),
            " ".join(reason_text(reason) for reason in partner.reasons),
        ]
        for partner in partners
    )
    response = current_app.response_class(csv_text(header, rows), mimetype="text/csv")
    name = f"partners-{form.region.data}-{'-'.join(form.service.data)}.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
