"""/api/v1/organizations: the directory as JSON."""

from __future__ import annotations

import uuid

from flask import abort, request

from cso_map.api.blueprint import bp
from cso_map.api.forms import OrganizationQueryForm
from cso_map.api.serializers import organization_profile, organization_summary
from cso_map.services.analysis.region_maps import (
    organizations_compact,
    organizations_geojson,
)
from cso_map.services.directory.organizations import get_listed_organization
from cso_map.services.directory.search import search_organizations
from cso_map.web.api_parameters import takes, validated

DEFAULT_PER_PAGE = 20


@bp.get("/organizations")
@takes(OrganizationQueryForm)
def list_organizations():
    """Return a page of matching organizations, or all as GeoJSON or map points."""
    form = validated(OrganizationQueryForm(formdata=request.args))
    if form.format.data == "geojson":
        return organizations_geojson(form.to_filters())
    if form.format.data == "points":
        return organizations_compact(form.to_filters())
    per_page = form.per_page.data or DEFAULT_PER_PAGE
    page = search_organizations(form.to_filters(), form.page.data or 1, per_page)
    return {
        "total": page.total,
        "page": page.page,
        "per_page": page.per_page,
        "items": [organization_summary(organization) for organization in page.items],
    }


@bp.get("/organizations/<uuid:organization_id>")
def get_organization(organization_id: uuid.UUID):
    """Return the full public profile of one organization."""
    found = get_listed_organization(organization_id)
    if found is None:
        abort(404)
    return organization_profile(found)
