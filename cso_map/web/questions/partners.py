"""The likely-partner question: a state, services, and languages and groups to cover."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import SelectField
from wtforms.validators import InputRequired, ValidationError

from cso_map.services.matching.partners import PartnerQuery
from cso_map.taxonomy import (
    SERVICE_CATEGORIES,
    SERVICE_LANGUAGES,
    TARGET_GROUPS,
    normalize_language,
)
from cso_map.web.forms import (
    CheckboxesField,
    QueryForm,
    counting_field,
    state_choices,
    vocabulary_choices,
)


class PartnerForm(QueryForm):
    """A state (required), one or more services (required), languages, groups."""

    region = SelectField(
        _l("State"),
        validate_choice=False,
        validators=[InputRequired(_l("Choose a state."))],
    )
    service = CheckboxesField(
        _l("Services needed"),
        validators=[InputRequired(_l("Choose at least one service."))],
    )
    language = CheckboxesField(
        _l("Languages to cover"),
        filters=[lambda codes: [normalize_language(c) for c in codes or []]],
    )
    target_group = CheckboxesField(_l("Groups to reach"))
    include_stale = counting_field()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.region.choices = [("", _("Choose a state")), *state_choices()]
        self.service.choices = vocabulary_choices(SERVICE_CATEGORIES, None)
        self.language.choices = vocabulary_choices(SERVICE_LANGUAGES, None)
        self.target_group.choices = vocabulary_choices(TARGET_GROUPS, None)

    def validate_region(self, field) -> None:
        """Accept only the ISO 3166-2 code of a state."""
        if field.data and field.data not in dict(self.region.choices[1:]):
            raise ValidationError(
                _(
                    "Unknown state “%(code)s”. Use an ISO 3166-2 code such as "
                    "MX-ZAC or US-IL.",
                    code=field.data[:20],
                )
            )

    def to_query(self) -> PartnerQuery:
        """Return the validated question."""
        return PartnerQuery(
            region=self.region.data,
            services=tuple(self.service.data),
            languages=tuple(self.language.data or ()),
            target_groups=tuple(self.target_group.data or ()),
        )

    def arguments(self) -> dict[str, object]:
        """Return the question as query arguments (for links and downloads)."""
        return {
            "region": self.region.data,
            "service": list(self.service.data or []),
            "language": list(self.language.data or []),
            "target_group": list(self.target_group.data or []),
            "include_stale": "1" if self.include_stale.data else None,
        }
