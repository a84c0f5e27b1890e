"""/hsds: services, organizations, services at locations, taxonomies and terms.

Lists use HSDS's Page envelope with 1-based pages; parameters combine with AND.
Reads are open to any origin (no credentials are involved).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid

from flask import (
    Blueprint,
    Response,
    abort,
    request,
    stream_with_context,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, FloatField, IntegerField, StringField
from wtforms.validators import UUID, AnyOf, Length, Optional, ValidationError

from cso_map.config import PROJECT_ROOT
from cso_map.services.hsds.paging import DEFAULT_PER_PAGE, MAX_PER_PAGE, HsdsQuery
from cso_map.services.hsds.queries import (
    one_organization,
    one_service,
    organizations_page,
    services_ndjson,
    services_page,
)
from cso_map.services.hsds.services_at_locations import (
    one_service_at_location,
    service_at_locations_page,
)
from cso_map.services.hsds.taxonomies import (
    one_taxonomy,
    one_term,
    taxonomies_page,
    terms_page,
)
from cso_map.web.api_parameters import takes, validated
from cso_map.web.cors import allow_any_origin
from cso_map.web.forms import (
    FALSE_VALUES,
    QueryForm,
    finite_between,
    number_between,
    strip_text,
)

bp = Blueprint("hsds", __name__, url_prefix="/hsds")
bp.after_request(allow_any_origin)
MAX_PROXIMITY_M = 1_000_000


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
    search = StringField(
        _l("Search"), filters=[strip_text], validators=[Optional(), Length(max=200)]
    )
    taxonomy_term_id = StringField(
        filters=[strip_text], validators=[Optional(), UUID(_l("Give a UUID."))]
    )
    taxonomy_id = StringField(
        filters=[strip_text], validators=[Optional(), UUID(_l("Give a UUID."))]
    )
    organization_id = StringField(
        filters=[strip_text], validators=[Optional(), UUID(_l("Give a UUID."))]
    )
    modified_after = StringField(
        filters=[strip_text], validators=[Optional(), iso_datetime]
    )
    full = BooleanField(false_values=FALSE_VALUES)
    minimal = BooleanField(false_values=FALSE_VALUES)
    lat = FloatField(_l("Latitude"), validators=[Optional(), finite_between(-90, 90)])
    lon = FloatField(
        _l("Longitude"), validators=[Optional(), finite_between(-180, 180)]
    )
    proximity = FloatField(
        _l("Distance in metres"),
        validators=[Optional(), finite_between(1, MAX_PROXIMITY_M)],
    )
    format = StringField(
        filters=[strip_text],
        validators=[
            Optional(),
            AnyOf(("json", "ndjson"), message=_l("The format is json or ndjson.")),
        ],
    )

    def to_query(self) -> HsdsQuery:
        """Return the validated parameters."""

        def uuid_of(field):
            return uuid.UUID(field.data) if field.data else None

        modified = parse_datetime(self.modified_after.data)
        return HsdsQuery(
            page=self.page.data or 1,
            per_page=self.per_page.data or DEFAULT_PER_PAGE,
            search=self.search.data or "",
            taxonomy_term_id=uuid_of(self.taxonomy_term_id),
            taxonomy_id=uuid_of(self.taxonomy_id),
            organization_id=uuid_of(self.organization_id),
            modified_after=modified,
            full=bool(self.full.data),
            minimal=bool(self.minimal.data),
            near=self.near(),
        )

    def near(self) -> tuple[float, float, float] | None:
        """Return (lat, lon, metres) when a point and a distance are given."""
        values = (self.lat.data, self.lon.data, self.proximity.data)
        return values if all(value is not None for value in values) else None

    def validate(self, extra_validators=None) -> bool:
        """Check the fields, then that a point comes with a distance, or none."""
        valid = super().validate(extra_validators)
        given = [self.lat.data, self.lon.data, self.proximity.data]
        if valid and any(v is not None for v in given) and None in given:
            self.proximity.errors.append(
                _("Give lat, lon and proximity together, or none of them.")
            )
            return False
        return valid


def _query() -> tuple[HsdsForm, HsdsQuery]:
    form = validated(HsdsForm(formdata=request.args))
    return form, form.to_query()


def _found(item: dict | None) -> dict:
    if item is None:
        abort(404, description=_("Nothing has this id."))
    return item


PROFILE_DIR = PROJECT_ROOT / "docs" / "hsds-profile" / "schema"


@bp.get("/")
def meta():
    """Return the HSDS version, this API's profile and its OpenAPI document."""
    return {
        "version": "3.0",
        "profile": url_for("hsds.profile", _external=True),
        "openapi_url": url_for("api.openapi", _external=True),
    }


@bp.get("/profile")
def profile():
    """Return the profile: JSON Merge Patches of the HSDS schemas, by schema."""
    return {
        "name": "CSO Map profile of HSDS 3.0",
        "hsds_version": "3.0",
        "patches": {
            path.stem: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted(PROFILE_DIR.glob("*.json"))
        },
    }


@bp.get("/services")
@takes(HsdsForm)
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
@takes(HsdsForm)
def organizations():
    """Return a page of organizations."""
    return organizations_page(_query()[1])


@bp.get("/organizations/<uuid:item_id>")
def organization(item_id: uuid.UUID):
    """Return one organization with its locations and attributes."""
    return _found(one_organization(item_id))


@bp.get("/service_at_locations")
@takes(HsdsForm)
def service_at_locations():
    """Return a page of services at locations."""
    return service_at_locations_page(_query()[1])


@bp.get("/service_at_locations/<uuid:item_id>")
def service_at_location(item_id: uuid.UUID):
    """Return one service at a location."""
    return _found(one_service_at_location(item_id))


@bp.get("/taxonomies")
@takes(HsdsForm)
def taxonomies():
    """Return a page of taxonomies."""
    return taxonomies_page(_query()[1])


@bp.get("/taxonomies/<uuid:item_id>")
def taxonomy(item_id: uuid.UUID):
    """Return one taxonomy."""
    return _found(one_taxonomy(item_id))


@bp.get("/taxonomy_terms")
@takes(HsdsForm)
def taxonomy_terms():
    """Return a page of taxonomy terms."""
    return terms_page(_query()[1])


@bp.get("/taxonomy_terms/<uuid:item_id>")
def taxonomy_term(item_id: uuid.UUID):
    """Return one taxonomy term."""
    return _found(one_term(item_id))
