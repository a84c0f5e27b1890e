"""/hsds: services, organizations, services at locations, taxonomies and terms.

Lists use HSDS's Page envelope with 1-based pages; parameters combine with AND.
Reads are open to any origin (no credentials are involved).
"""

from __future__ import annotations

import datetime as dt
import uuid

from flask import Blueprint, Response, abort, request, stream_with_context
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, IntegerField, StringField
from wtforms.validators import UUID, AnyOf, Length, Optional, ValidationError

from cso_map.api.forms import validated
from cso_map.directory.forms import FALSE_VALUES, QueryForm, number_between
from cso_map.services.hsds import (
    MAX_PER_PAGE,
    HsdsQuery,
    one_organization,
    one_service,
    one_service_at_location,
    one_taxonomy,
    one_term,
    organizations_page,
    service_at_locations_page,
    services_ndjson,
    services_page,
    taxonomies_page,
    terms_page,
)

bp = Blueprint("hsds", __name__, url_prefix="/hsds")


@bp.after_request
def allow_any_origin(response):
    """Let any site read the public HSDS API."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def parse_datetime(text: str | None) -> dt.datetime | None:
    """Return an ISO 8601 date or date-time as an aware datetime (UTC if naive)."""
    if not text:
        return None
    value = dt.datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def iso_datetime(form, field) -> None:
    """Accept an ISO 8601 date or date-time."""
    try:
        parse_datetime(field.data)
    except ValueError as error:
        raise ValidationError(
            _("Give a date like 2026-11-26 or 2026-11-26T10:00:00Z.")
        ) from error


class HsdsForm(QueryForm):
    """HSDS list parameters."""

    page = IntegerField(
        _l("Page"), validators=[Optional(), number_between(1, 1_000_000)]
    )
    per_page = IntegerField(
        _l("Results per page"), validators=[Optional(), number_between(1, MAX_PER_PAGE)]
    )
    search = StringField(_l("Search"), validators=[Optional(), Length(max=200)])
    taxonomy_term_id = StringField(validators=[Optional(), UUID(_l("Give a UUID."))])
    taxonomy_id = StringField(validators=[Optional(), UUID(_l("Give a UUID."))])
    organization_id = StringField(validators=[Optional(), UUID(_l("Give a UUID."))])
    modified_after = StringField(validators=[Optional(), iso_datetime])
    full = BooleanField(false_values=FALSE_VALUES)
    minimal = BooleanField(false_values=FALSE_VALUES)
    format = StringField(
        validators=[
            Optional(),
            AnyOf(("json", "ndjson"), message=_l("The format is json or ndjson.")),
        ]
    )

    def to_query(self) -> HsdsQuery:
        """Return the validated parameters."""

        def uuid_of(field):
            return uuid.UUID(field.data) if field.data else None

        modified = parse_datetime(self.modified_after.data)
        return HsdsQuery(
            page=self.page.data or 1,
            per_page=self.per_page.data or 50,
            search=self.search.data or "",
            taxonomy_term_id=uuid_of(self.taxonomy_term_id),
            taxonomy_id=uuid_of(self.taxonomy_id),
            organization_id=uuid_of(self.organization_id),
            modified_after=modified,
            full=bool(self.full.data),
            minimal=bool(self.minimal.data),
        )


def _query() -> tuple[HsdsForm, HsdsQuery]:
    form = validated(HsdsForm(formdata=request.args))
    return form, form.to_query()


def _found(item: dict | None) -> dict:
    if item is None:
        abort(404, description=_("Nothing has this id."))
    return item


@bp.get("/services")
def services():
    """Return a page of services, or all of them as NDJSON (`format=ndjson`)."""
    form, query = _query()
    if form.format.data == "ndjson":
        return Response(
            stream_with_context(services_ndjson(query)),
            mimetype="application/x-ndjson",
        )
    return services_page(query)


@bp.get("/services/<uuid:item_id>")
def service(item_id: uuid.UUID):
    """Return one service, fully nested."""
    return _found(one_service(item_id))


@bp.get("/organizations")
def organizations():
    """Return a page of organizations."""
    return organizations_page(_query()[1])


@bp.get("/organizations/<uuid:item_id>")
def organization(item_id: uuid.UUID):
    """Return one organization with its locations and attributes."""
    return _found(one_organization(item_id))


@bp.get("/service_at_locations")
def service_at_locations():
    """Return a page of services at locations."""
    return service_at_locations_page(_query()[1])


@bp.get("/service_at_locations/<uuid:item_id>")
def service_at_location(item_id: uuid.UUID):
    """Return one service at a location."""
    return _found(one_service_at_location(item_id))


@bp.get("/taxonomies")
def taxonomies():
    """Return a page of taxonomies."""
    return taxonomies_page(_query()[1])


@bp.get("/taxonomies/<uuid:item_id>")
def taxonomy(item_id: uuid.UUID):
    """Return one taxonomy."""
    return _found(one_taxonomy(item_id))


@bp.get("/taxonomy_terms")
def taxonomy_terms():
    """Return a page of taxonomy terms."""
    return terms_page(_query()[1])


@bp.get("/taxonomy_terms/<uuid:item_id>")
def taxonomy_term(item_id: uuid.UUID):
    """Return one taxonomy term."""
    return _found(one_term(item_id))
