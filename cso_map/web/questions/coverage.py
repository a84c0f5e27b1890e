"""The coverage question, read from the query string (gap pages and the API)."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import SelectField

from cso_map.services.analysis.coverage import CoverageQuery
from cso_map.taxonomy import (
    SERVICE_CATEGORIES,
    SERVICE_LANGUAGES,
    TARGET_GROUPS,
)
from cso_map.web.forms import (
    QueryForm,
    counting_field,
    known_code,
    language_field,
    required_service_field,
    vocabulary_choices,
)


class CoverageForm(QueryForm):
    """Service (required), language, target group, and whether stale data counts."""

    service = required_service_field()
    language = language_field()
    target_group = SelectField(
        _l("Group served"),
        validate_choice=False,
        validators=[known_code(TARGET_GROUPS)],
    )
    include_stale = counting_field()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.service.choices = vocabulary_choices(SERVICE_CATEGORIES, None)
        self.language.choices = vocabulary_choices(SERVICE_LANGUAGES, _("Any language"))
        self.target_group.choices = vocabulary_choices(TARGET_GROUPS, _("Anyone"))

    def to_query(self) -> CoverageQuery:
        """Return the validated question."""
        return CoverageQuery(
            service=self.service.data,
            language=self.language.data or None,
            target_group=self.target_group.data or None,
        )

    def active_filters(self) -> dict[str, str]:
        """Return the question as query arguments (for links and downloads)."""
        values = {
            "service": self.service.data,
            "language": self.language.data,
            "target_group": self.target_group.data,
            "include_stale": "1" if self.include_stale.data else "",
        }
        return {name: value for name, value in values.items() if value}

    def provider_filters(self) -> dict[str, str]:
        """Return the directory filters that select this question's providers."""
        wanted = ("service", "language", "target_group")
        return {k: v for k, v in self.active_filters().items() if k in wanted}
