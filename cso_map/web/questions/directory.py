"""The directory filters, read from the query string (directory pages and the API)."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, IntegerField, SearchField, SelectField
from wtforms.validators import Length, Optional, ValidationError

from cso_map.i18n import current_language
from cso_map.services.directory.regions import get_region, list_regions
from cso_map.services.directory.search import DirectoryFilters
from cso_map.taxonomy import (
    CSO_TYPES,
    SERVICE_CATEGORIES,
    SERVICE_LANGUAGES,
    TARGET_GROUPS,
)
from cso_map.web.forms import (
    FALSE_VALUES,
    QueryForm,
    known_code,
    language_field,
    number_between,
    strip_text,
    vocabulary_choices,
)

MAX_QUERY_LENGTH = 200
MAX_PAGE = 100_000


class DirectoryFilterForm(QueryForm):
    """Filters read from the query string: all optional, combined with AND."""

    q = SearchField(
        _l("Name or words"),
        filters=[strip_text],
        validators=[Optional(), Length(max=MAX_QUERY_LENGTH)],
    )
    service = SelectField(
        _l("Service"),
        validate_choice=False,
        validators=[known_code(SERVICE_CATEGORIES)],
    )
    region = SelectField(_l("Region"), validate_choice=False)
    language = language_field()
    type = SelectField(
        _l("Type of organization"),
        validate_choice=False,
        validators=[known_code(CSO_TYPES)],
    )
    target_group = SelectField(
        _l("Group served"),
        validate_choice=False,
        validators=[known_code(TARGET_GROUPS)],
    )
    verified = BooleanField(
        _l("Verified organizations only"), false_values=FALSE_VALUES
    )
    page = IntegerField(
        _l("Page"), validators=[Optional(), number_between(1, MAX_PAGE)]
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        lang = current_language()
        self.service.choices = vocabulary_choices(SERVICE_CATEGORIES, _("Any service"))
        self.language.choices = vocabulary_choices(SERVICE_LANGUAGES, _("Any language"))
        self.type.choices = vocabulary_choices(CSO_TYPES, _("Any type"))
        self.target_group.choices = vocabulary_choices(TARGET_GROUPS, _("Anyone"))
        self.region.choices = [("", _("Anywhere"))] + [
            (region.code, region.name(lang)) for region in list_regions()
        ]

    def validate_region(self, field) -> None:
        """Accept only the ISO 3166 code of a known region (any letter case)."""
        if not field.data:
            return
        region = get_region(field.data) if len(field.data) <= 6 else None
        if region is None:
            raise ValidationError(
                _(
                    "Unknown region “%(code)s”. "
                    "Use an ISO 3166-2 code such as MX-ZAC or US-IL.",
                    code=field.data[:20],
                )
            )
        field.data = region.code

    def to_filters(self) -> DirectoryFilters:
        """Return the validated filters."""
        return DirectoryFilters(
            service=self.service.data or None,
            region=self.region.data or None,
            language=self.language.data or None,
            type=self.type.data or None,
            target_group=self.target_group.data or None,
            verified=bool(self.verified.data),
            q=self.q.data or "",
        )

    def active_filters(self) -> dict[str, str]:
        """Return the filters in use as query arguments (for paging links)."""
        values = {
            name: getattr(self, name).data
            for name in ("q", "service", "region", "language", "type", "target_group")
        }
        if self.verified.data:
            values["verified"] = "1"
        return {name: value for name, value in values.items() if value}
