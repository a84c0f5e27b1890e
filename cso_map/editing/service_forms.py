"""Forms of a service (what, for whom, when, where) and of a location."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FloatField,
    HiddenField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import (
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
)

from cso_map.editing.forms import blank_to_none, stripped, text_language_field
from cso_map.editing.validators import (
    language_of_translations,
    phone_number,
    web_address,
)
from cso_map.formatting import service_status
from cso_map.models import LOCATION_TYPES
from cso_map.services.editing.services import (
    EDITABLE_SERVICE_NAMES,
    LOCATION_FIELDS,
    region_of_point,
)
from cso_map.taxonomy import SERVICE_CATEGORIES, SERVICE_LANGUAGES
from cso_map.web.forms import (
    EMAIL_SHAPE,
    CheckboxesField,
    area_choices,
    finite_between,
    vocabulary_choices,
)

EDITABLE_STATUSES = ("active", "inactive", "temporarily closed", "defunct")
TRANSLATIONS = (
    "name_translation",
    "description_translation",
    "eligibility_notes_translation",
    "application_process_translation",
)
# Free texts: "" when empty.
TEXTS = (
    "description",
    "eligibility_notes",
    "application_process",
    "hours_notes",
    *TRANSLATIONS[1:],
)
DAYS = range(7)


def optional_text(label, maximum: int, *checks) -> StringField:
    """Return an optional line of text (blank is None) of at most `maximum`."""
    return StringField(
        label,
        filters=[blank_to_none],
        validators=[Optional(), Length(max=maximum), *checks],
    )


def notes(label, maximum: int) -> TextAreaField:
    """Return optional free text of at most `maximum` characters."""
    return TextAreaField(label, filters=[stripped], validators=[Length(max=maximum)])


def optional_count(label, maximum: int) -> IntegerField:
    """Return an optional whole number from 0 to `maximum`."""
    return IntegerField(
        label,
        validators=[
            Optional(),
            NumberRange(0, maximum, message=_l("Give a number from 0 to %(max)s.")),
        ],
    )


class ServiceForm(FlaskForm):
    """A service: category, languages, who may use it, capacity, area and hours."""

    version = HiddenField(validators=[InputRequired()])
    name = StringField(
        _l("Name of the service"),
        filters=[stripped],
        validators=[InputRequired(_l("Give the service a name.")), Length(max=200)],
    )
    name_translation = optional_text(_l("Name, in the other language"), 200)
    category = SelectField(_l("Kind of service"))
    text_language = text_language_field()
    description = notes(_l("Description"), 5000)
    description_translation = notes(_l("Description, in the other language"), 5000)
    status = SelectField(_l("Status"))
    languages = CheckboxesField(_l("Languages it is offered in"))
    free_of_charge = BooleanField(_l("Free of charge"))
    no_documents_required = BooleanField(_l("No papers needed"))
    women_only = BooleanField(_l("Women only"))
    walk_in = BooleanField(_l("No appointment needed"))
    minimum_age = optional_count(_l("From age"), 120)
    maximum_age = optional_count(_l("Up to age"), 120)
    eligibility_notes = notes(_l("Who can use it (in your words)"), 2000)
    application_process = notes(_l("What to bring, how to ask for it"), 2000)
    eligibility_notes_translation = notes(
        _l("Who can use it, in the other language"), 2000
    )
    application_process_translation = notes(
        _l("What to bring, in the other language"), 2000
    )
    capacity_per_month = optional_count(_l("People served per month"), 1_000_000)
    areas = SelectMultipleField(_l("States where it is offered"))
    by_phone = BooleanField(_l("Also by phone, in the states it is offered in"))
    online = BooleanField(_l("Also online, in the states it is offered in"))
    remote_only = BooleanField(_l("Only by phone or online: nobody is seen in person"))
    radius_km = FloatField(
        _l("Or within this many km of our locations"),
        validators=[Optional(), finite_between(0.1, 2000)],
    )
    hours_notes = notes(_l("Notes on the hours"), 1000)
    phone = optional_text(_l("Phone"), 40, phone_number)
    email = StringField(
        _l("E-mail"),
        filters=[blank_to_none],
        validators=[
            Optional(),
            Length(max=254),
            Regexp(EMAIL_SHAPE, message=_l("This is not an e-mail address.")),
        ],
    )
    url = optional_text(_l("Web page"), 500, web_address)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.category.choices = vocabulary_choices(SERVICE_CATEGORIES, None)
        self.languages.choices = vocabulary_choices(SERVICE_LANGUAGES, None)
        self.status.choices = [(s, service_status(s)) for s in EDITABLE_STATUSES]
        self.areas.choices = area_choices()

    def validate(self, extra_validators=None) -> bool:
        """Check the fields, then the ages and that each day has both times (a
        closing time at or before the opening one is the next day's)."""
        valid = super().validate(extra_validators)
        low, high = self.minimum_age.data, self.maximum_age.data
        if low is not None and high is not None and low > high:
            self.maximum_age.errors.append(_l("The upper age is below the lower one."))
            valid = False
        if self.remote_only.data and not (self.by_phone.data or self.online.data):
            self.remote_only.errors.append(
                _l("Say whether it is given by phone, online or both.")
            )
            valid = False
        valid = language_of_translations(self, TRANSLATIONS) and valid
        for day in DAYS:
            opens, closes = self[f"opens_{day}"], self[f"closes_{day}"]
            if (opens.data is None) != (closes.data is None):
                closes.errors.append(_l("Give both the opening and the closing time."))
                valid = False
        return valid

    def values(self) -> dict:
        """Return the submitted service as `save_service` takes it."""
        values = {name: self[name].data for name in EDITABLE_SERVICE_NAMES}
        for name in TEXTS:
            values[name] = values[name] or ""
        values["text_language"] = values["text_language"] or None
        values["category"] = self.category.data
        values["languages"] = list(self.languages.data or [])
        values["areas"] = list(self.areas.data or [])
        values["hours"] = {
            day: (self[f"opens_{day}"].data, self[f"closes_{day}"].data)
            for day in DAYS
            if self[f"opens_{day}"].data is not None
        }
        return values

    @classmethod
    def data_of(cls, values: dict, version: int) -> dict:
        """Return form data for a service's saved values."""
        data = {**values, "version": version}
        for day, (opens, closes) in values.get("hours", {}).items():
            data[f"opens_{day}"], data[f"closes_{day}"] = opens, closes
        return data


for _day in DAYS:
    setattr(
        ServiceForm, f"opens_{_day}", TimeField(_l("Opens"), validators=[Optional()])
    )
    setattr(
        ServiceForm, f"closes_{_day}", TimeField(_l("Closes"), validators=[Optional()])
    )


class LocationForm(FlaskForm):
    """An address (or a web address for online services) and its point."""

    version = HiddenField(validators=[InputRequired()])
    name = optional_text(_l("Name of the place"), 200)
    location_type = SelectField(_l("Kind of place"))
    url = optional_text(_l("Web address (online services)"), 500, web_address)
    address_1 = optional_text(_l("Street and number"), 200)
    address_2 = optional_text(_l("More of the address"), 200)
    city = optional_text(_l("Town or city"), 120)
    state_province = optional_text(_l("State"), 120)
    postal_code = optional_text(_l("Postal code"), 20)
    country = SelectField(_l("Country"))
    latitude = FloatField(
        _l("Latitude"), validators=[Optional(), finite_between(-90, 90)]
    )
    longitude = FloatField(
        _l("Longitude"), validators=[Optional(), finite_between(-180, 180)]
    )
    transportation = notes(_l("How to get there"), 1000)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        names = {
            "physical": _l("A place people can visit"),
            "postal": _l("A postal address"),
            "virtual": _l("Online"),
        }
        self.location_type.choices = [(kind, names[kind]) for kind in LOCATION_TYPES]
        self.country.choices = [("MX", "México"), ("US", "United States")]

    def validate(self, extra_validators=None) -> bool:
        """Check the fields, then that a point has both coordinates and a state."""
        valid = super().validate(extra_validators)
        if valid and (self.latitude.data is None) != (self.longitude.data is None):
            self.longitude.errors.append(_l("Give both a latitude and a longitude."))
            return False
        if (
            valid
            and self.latitude.data is not None
            and region_of_point(self.latitude.data, self.longitude.data) is None
        ):
            self.latitude.errors.append(
                _l(
                    "This point lies in no state we know: a place must be in Mexico "
                    "or in the 48 contiguous US states. Check the latitude, the "
                    "longitude and their signs (longitudes west of Greenwich are "
                    "negative)."
                )
            )
            return False
        return valid

    def values(self) -> dict:
        """Return the submitted location as `save_location` takes it."""
        values = {name: self[name].data for name in LOCATION_FIELDS}
        values["transportation"] = values["transportation"] or ""
        return values
