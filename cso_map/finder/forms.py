"""The help finder's form: a plain GET, so results are a shareable address."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import FloatField, SearchField, SelectField
from wtforms.validators import Length, Optional, ValidationError

from cso_map.taxonomy import SERVICE_LANGUAGES
from cso_map.web.forms import (
    finite_between,
    language_field,
    state_choices,
    vocabulary_choices,
)
from cso_map.web.questions.conditions import ConditionsForm

DISTANCES = ("10", "25", "50", "100", "250", "any")
DEFAULT_DISTANCE = "100"


def single_spaced(value):
    """Return text with its spaces collapsed to one and trimmed."""
    return " ".join(value.split()) if isinstance(value, str) else value


class FirstFilledField(SearchField):
    """A text field whose value is the first non-blank one sent under its name.

    The finder's need is either a chosen choice (a radio button) or typed words,
    both named `need`; whichever the person filled in is the need.
    """

    def process_formdata(self, valuelist: list[str]) -> None:
        """Keep the first value that is not blank."""
        self.data = next((value for value in valuelist if value.strip()), "")


class FinderForm(ConditionsForm):
    """What the person needs, where, and what must hold of the help."""

    need = FirstFilledField(
        _l("What do you need?"),
        filters=[single_spaced],
        validators=[Optional(), Length(max=200)],
    )
    place = SearchField(
        _l("Town, city or state"),
        filters=[single_spaced],
        validators=[Optional(), Length(max=120)],
    )
    lat = FloatField(_l("Latitude"), validators=[Optional(), finite_between(-90, 90)])
    lon = FloatField(
        _l("Longitude"), validators=[Optional(), finite_between(-180, 180)]
    )
    region = SelectField(_l("Or choose a state"), validate_choice=False)
    distance = SelectField(
        _l("How far can you go?"), default=DEFAULT_DISTANCE, validate_choice=True
    )
    language = language_field()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.language.label.text = _("Language you speak")
        self.language.choices = vocabulary_choices(SERVICE_LANGUAGES, _("Any language"))
        self.region.choices = [("", _("Choose a state")), *state_choices()]
        self.distance.choices = [
            (value, _("Any distance") if value == "any" else _("%(km)s km", km=value))
            for value in DISTANCES
        ]

    def validate_region(self, field) -> None:
        """Accept only the code of a state we know."""
        if field.data and field.data not in dict(field.choices):
            raise ValidationError(_("Choose a state from the list."))

    def validate(self, extra_validators=None) -> bool:
        """Validate each field, then that a latitude comes with a longitude."""
        valid = super().validate(extra_validators)
        lat, lon = self.lat, self.lon
        if valid and (lat.data is None) != (lon.data is None):
            missing = lon if lon.data is None else lat
            missing.errors.append(_("Give both a latitude and a longitude."))
            return False
        return valid

    @property
    def asked(self) -> bool:
        """Return whether the person has asked anything yet (a need or a place)."""
        return any(
            value not in (None, "")
            for value in (self.need.data, self.place.data, self.lat.data)
        ) or bool(self.region.data)

    def radius_km(self) -> float | None:
        """Return the distance chosen, in km (None: any distance)."""
        value = self.distance.data or DEFAULT_DISTANCE
        return None if value == "any" else float(value)

    def conditions(self) -> dict:
        """Return the conditions set, as HelpSearch arguments."""
        return {"language": self.language.data or None, **self.flags()}
