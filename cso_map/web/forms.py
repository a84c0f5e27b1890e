"""The form toolkit of every blueprint: field helpers, checks and the query form."""

from __future__ import annotations

import math

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, SelectMultipleField
from wtforms.validators import (
    InputRequired,
    NumberRange,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from cso_map.i18n import current_language
from cso_map.services.directory.regions import list_regions
from cso_map.taxonomy import (
    SERVICE_CATEGORIES,
    SERVICE_LANGUAGES,
    Vocabulary,
    normalize_language,
)

FALSE_VALUES = (False, "false", "0", "no", "off", "")
EMAIL_SHAPE = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


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


def counting_field() -> BooleanField:
    """Return the choice every analysis page offers: count every listing too."""
    return BooleanField(
        _l("Count unverified listings and those not reviewed in 12 months"),
        false_values=FALSE_VALUES,
    )


def area_choices() -> list[tuple[str, str]]:
    """Return each whole country, then every state, as (code, name) choices."""
    lang = current_language()
    countries = [
        (region.code, _("%(country)s (the whole country)", country=region.name(lang)))
        for region in list_regions()
        if region.level == "country"
    ]
    return countries + state_choices()


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
