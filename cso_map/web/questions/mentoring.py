"""The mentoring question: which organization, in which role."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SearchField, SelectField
from wtforms.validators import UUID, AnyOf, Optional

from cso_map.services.matching.mentoring import MENTORING_ROLES
from cso_map.web.forms import QueryForm, counting_field


class MentoringForm(QueryForm):
    """An organization id and a role ("mentor" or "mentee")."""

    organization = SearchField(
        _l("Organization"),
        validators=[Optional(), UUID(_l("Give the id of an organization."))],
    )
    role = SelectField(
        _l("Role"),
        default="mentee",
        validate_choice=False,
        validators=[
            AnyOf(MENTORING_ROLES, message=_l("The role is “mentor” or “mentee”."))
        ],
    )
    include_stale = counting_field()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.role.choices = [
            ("mentee", _l("It looks for a mentor")),
            ("mentor", _l("It can mentor others")),
        ]
