"""Query-string forms of the API alone: the directory with paging, and mentoring."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, SearchField, StringField
from wtforms.validators import UUID, AnyOf, InputRequired, Optional

from cso_map.web.forms import number_between, strip_text
from cso_map.web.questions.directory import DirectoryFilterForm
from cso_map.web.questions.mentoring import MentoringForm

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


class MentoringApiForm(MentoringForm):
    """The API's question: the organization is required."""

    organization = SearchField(
        _l("Organization"),
        validators=[
            InputRequired(_l("Give the id of an organization.")),
            UUID(_l("Give the id of an organization.")),
        ],
    )
