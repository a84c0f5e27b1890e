"""Query-string forms of the API (the directory filters plus paging)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, StringField
from wtforms.validators import AnyOf, Optional

from cso_map.directory.forms import (
    DirectoryFilterForm,
    number_between,
    strip_text,
)
from cso_map.errors import InvalidParameters

MAX_PER_PAGE = 100
FORMATS = ("json", "geojson", "points")


class OrganizationQueryForm(DirectoryFilterForm):
    """Directory filters with `per_page` (1 to 100) and `format`."""

    per_page = IntegerField(
        _l("Results per page"), validators=[Optional(), number_between(1, MAX_PER_PAGE)]
    )
    format = StringField(
        _l("Format"),
        filters=[strip_text],
        validators=[
            Optional(),
            AnyOf(
                FORMATS,
                message=_l("Unknown format. Valid formats: json, geojson, points."),
            ),
        ],
    )


def validated(form):
    """Return `form` if it validates, else raise a 400 naming each bad parameter."""
    if not form.validate():
        raise InvalidParameters(form.errors_by_field())
    return form
