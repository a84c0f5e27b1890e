"""/api/v1/nearest: the nearest services of a kind to a point."""

from __future__ import annotations

from flask import request
from flask_babel import lazy_gettext as _l
from wtforms import FloatField, IntegerField
from wtforms.validators import InputRequired, Optional

from cso_map.api.blueprint import bp
from cso_map.services.finder.nearest import NearestQuery, nearest_services
from cso_map.taxonomy import SERVICE_CATEGORIES, SERVICE_LANGUAGES
from cso_map.web.api_parameters import takes, validated
from cso_map.web.forms import (
    finite_between,
    language_field,
    number_between,
    required_service_field,
    vocabulary_choices,
)
from cso_map.web.questions.conditions import ConditionsForm

MAX_LIMIT = 50
MAX_RADIUS_KM = 1000
DEFAULT_LIMIT = 5


class NearestForm(ConditionsForm):
    """Where, what, and what must hold: the query string of /api/v1/nearest."""

    lat = FloatField(
        _l("Latitude"),
        validators=[InputRequired(_l("Give a latitude.")), finite_between(-90, 90)],
    )
    lon = FloatField(
        _l("Longitude"),
        validators=[InputRequired(_l("Give a longitude.")), finite_between(-180, 180)],
    )
    service = required_service_field()
    language = language_field()
    radius_km = FloatField(
        _l("Distance (km)"),
        validators=[Optional(), finite_between(0.1, MAX_RADIUS_KM)],
    )
    limit = IntegerField(
        _l("How many"), validators=[Optional(), number_between(1, MAX_LIMIT)]
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.service.choices = vocabulary_choices(SERVICE_CATEGORIES, None)
        self.language.choices = vocabulary_choices(SERVICE_LANGUAGES, None)

    def to_query(self) -> NearestQuery:
        """Return the validated query."""
        return NearestQuery(
            lat=self.lat.data,
            lon=self.lon.data,
            service=self.service.data,
            language=self.language.data or None,
            **self.flags(),
            radius_km=self.radius_km.data,
            limit=self.limit.data or DEFAULT_LIMIT,
        )


@bp.get("/nearest")
@takes(NearestForm)
def nearest():
    """Return the nearest services of a category to a point, nearest first."""
    form = validated(NearestForm(formdata=request.args))
    response = {"items": nearest_services(form.to_query())}
    return response, 200, {"Cache-Control": "no-store"}
