"""The directory filter form, shared by the HTML pages and the JSON API."""

from __future__ import annotations

import math

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    IntegerField,
    SearchField,
    SelectField,
    SelectMultipleField,
)
from wtforms.validators import (
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from cso_map.i18n import current_language
from cso_map.services.directory.regions import get_region, list_regions
from cso_map.services.directory.search import DirectoryFilters
from cso_map.taxonomy import (
    CSO_TYPES,
    SERVICE_CATEGORIES,
    SERVICE_LANGUAGES,
    TARGET_GROUPS,
    Vocabulary,
    normalize_language,
)

MAX_QUERY_LENGTH = 200
MAX_PAGE = 100_000
FALSE_VALUES = (False, "false", "0", "no", "off", "")


def known_code(vocabulary: Vocabulary):
    """Return a validator that accepts only the codes of `vocabulary`."""

    def validate(form, field) -> None:
        if field.data and field.data not in vocabulary:
            raise ValidationError(
                _(
                    "Unknown code “%(code)s”. Valid codes: %(codes)s.",
                    code=field.data,
                    codes=", ".join(vocabulary.codes()),
                )
            )

    return validate


def number_between(minimum: int, maximum: int):
    """Return a NumberRange check that stays silent when the value is not a number."""
    check = NumberRange(min=minimum, max=maximum)

    def validate(form, field) -> None:
        if field.data is not None:
            check(form, field)

    validate.range = (minimum, maximum)  # read by the OpenAPI document
    return validate


def finite_between(minimum: float, maximum: float):
    """Return a check that a number is finite and within [minimum, maximum]."""

    def validate(form, field) -> None:
        value = field.data
        if value is None:
            return
        if not math.isfinite(value) or not minimum <= value <= maximum:
            raise ValidationError(
                _(
                    "Must be a number from %(minimum)s to %(maximum)s.",
                    minimum=minimum,
                    maximum=maximum,
                )
            )

    validate.range = (minimum, maximum)  # read by the OpenAPI document
    return validate


def vocabulary_choices(
    vocabulary: Vocabulary, any_label: str | None
) -> list[tuple[str, str]]:
    """Return select choices for `vocabulary`, after an "any" choice if labelled."""
    lang = current_language()
    first = [("", any_label)] if any_label else []
    return first + [(term.code, term.label(lang)) for term in vocabulary.terms]


def state_choices() -> list[tuple[str, str]]:
    """Return (code, name) of every state, in the current language."""
    lang = current_language()
    return [
        (region.code, region.name(lang))
        for region in list_regions()
        if region.level == "state"
    ]


def strip_text(value):
    """Return text without the spaces around it (a blank value becomes empty)."""
    return value.strip() if isinstance(value, str) else value


def language_field() -> SelectField:
    """Return an optional ISO 639 language field (639-1 codes become 639-3)."""
    return SelectField(
        _l("Language"),
        validate_choice=False,
        filters=[lambda v: normalize_language(v) if v else v],
        validators=[known_code(SERVICE_LANGUAGES)],
    )


def required_service_field() -> SelectField:
    """Return a required service category field."""
    return SelectField(
        _l("Service"),
        validate_choice=False,
        validators=[
            InputRequired(message=_l("Choose a service.")),
            known_code(SERVICE_CATEGORIES),
        ],
    )


class CheckboxesField(SelectMultipleField):
    """Several codes, shown as a list of checkboxes; unknown codes are refused."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def pre_validate(self, form) -> None:
        """Name the first unknown code instead of WTForms' generic message."""
        known = {value for value, _label in self.choices}
        for value in self.data or []:
            if value not in known:
                raise ValidationError(
                    _("Unknown code “%(code)s”.", code=str(value)[:40])
                )


class QueryForm(FlaskForm):
    """A form read from the query string of a GET (so no CSRF token)."""

    class Meta:
        csrf = False

    def errors_by_field(self) -> dict[str, list[str]]:
        """Return the validation messages keyed by parameter name."""
        return {
            name: [str(message) for message in messages]
            for name, messages in self.errors.items()
        }


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
