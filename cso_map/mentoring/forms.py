"""The mentoring pages' questions: browse who takes part, or open one pair."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, SearchField, SelectField
from wtforms.validators import UUID, Length, Optional, ValidationError

from cso_map.services.matching.mentoring import MENTORING_ROLES, ParticipantQuery
from cso_map.taxonomy import CSO_TYPES, SKILLS, SUPPORT_NEEDS
from cso_map.web.forms import (
    QueryForm,
    area_choices,
    counting_field,
    known_code,
    number_between,
    strip_text,
    vocabulary_choices,
)
from cso_map.web.questions.mentoring import MentoringForm

MAX_PAGE = 10_000


class BrowseForm(QueryForm):
    """Filters over the organizations that take part: all optional, with AND."""

    region = SelectField(_l("State"), validate_choice=False)
    type = SelectField(
        _l("Type of organization"),
        validate_choice=False,
        validators=[known_code(CSO_TYPES)],
    )
    role = SelectField(_l("Role"), validate_choice=False)
    skill = SelectField(
        _l("Skills it can share"),
        validate_choice=False,
        validators=[known_code(SKILLS)],
    )
    need = SelectField(
        _l("Support it needs"),
        validate_choice=False,
        validators=[known_code(SUPPORT_NEEDS)],
    )
    q = SearchField(
        _l("Name of the organization"),
        filters=[strip_text],
        validators=[Optional(), Length(max=200)],
    )
    include_stale = counting_field()
    page = IntegerField(
        _l("Page"), validators=[Optional(), number_between(1, MAX_PAGE)]
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.region.choices = [("", _("Any state")), *area_choices()]
        self.type.choices = vocabulary_choices(CSO_TYPES, _("Any type"))
        self.role.choices = [
            ("", _("Either role")),
            ("mentee", _("Looking for a mentor organization")),
            ("mentor", _("Open to mentor other organizations")),
        ]
        self.skill.choices = vocabulary_choices(SKILLS, _("Any skill"))
        self.need.choices = vocabulary_choices(SUPPORT_NEEDS, _("Any need"))

    def validate_region(self, field) -> None:
        """Accept only the ISO code of a state or a country."""
        if field.data and field.data not in dict(self.region.choices[1:]):
            raise ValidationError(
                _(
                    "Unknown state “%(code)s”. Use an ISO 3166-2 code such as "
                    "MX-ZAC or US-IL.",
                    code=field.data[:20],
                )
            )

    def validate_role(self, field) -> None:
        """Accept only "mentor", "mentee" or nothing."""
        if field.data and field.data not in MENTORING_ROLES:
            raise ValidationError(_("The role is “mentor” or “mentee”."))

    def to_query(self) -> ParticipantQuery:
        """Return the validated filters."""
        return ParticipantQuery(
            area=self.region.data or None,
            type=self.type.data or None,
            role=self.role.data or None,
            skill=self.skill.data or None,
            need=self.need.data or None,
            words=self.q.data or "",
        )

    def arguments(self) -> dict[str, object]:
        """Return the filters as query arguments (for the pages' links)."""
        values = {
            name: self[name].data or None
            for name in ("region", "type", "role", "skill", "need", "q")
        }
        return {**values, "include_stale": "1" if self.include_stale.data else None}


class SuggestionsForm(MentoringForm):
    """An organization's suggestions in a role, or only its pair with `pair`."""

    pair = SearchField(
        _l("Other organization"),
        validators=[Optional(), UUID(_l("Give the id of an organization."))],
    )
