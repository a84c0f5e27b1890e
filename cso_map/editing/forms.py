"""The organization form: details, capacity profile, mentoring and safety."""

from __future__ import annotations

import datetime as dt

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    PasswordField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
)

from cso_map.editing.validators import (
    language_of_translations,
    phone_number,
    web_address,
)
from cso_map.services.records.fields import EDITABLE_FIELDS
from cso_map.services.records.values import submitted
from cso_map.taxonomy import (
    BUDGET_BANDS,
    CSO_TYPES,
    ENGAGEMENT_LEVELS,
    SKILLS,
    SUPPORT_NEEDS,
    TARGET_GROUPS,
)
from cso_map.web.forms import (
    EMAIL_SHAPE,
    CheckboxesField,
    state_choices,
    vocabulary_choices,
)

MAX_PEOPLE = 1_000_000


def blank_to_none(value):
    """Return text without surrounding spaces, or None when nothing is left."""
    return value.strip() or None if isinstance(value, str) else value


def stripped(value):
    """Return text without surrounding spaces."""
    return value.strip() if isinstance(value, str) else value


def count_field(label) -> IntegerField:
    """Return an optional count of people (0 or more)."""
    return IntegerField(
        label,
        validators=[
            Optional(),
            NumberRange(
                min=0, max=MAX_PEOPLE, message=_l("Give 0 or a larger number.")
            ),
        ],
    )


def text_language_field() -> SelectField:
    """Return the choice of the language a record's texts are written in."""
    return SelectField(
        _l("Language these texts are written in"),
        choices=[
            SelectChoice("", _l("Not stated")),
            SelectChoice("es", "Español", {"lang": "es"}),
            SelectChoice("en", "English", {"lang": "en"}),
        ],
        default="",
    )


class OrganizationForm(FlaskForm):
    """What an organization's editors may change (nothing about verification)."""

    version = HiddenField(validators=[InputRequired()])
    name = StringField(
        _l("Name"),
        filters=[blank_to_none],
        validators=[
            InputRequired(_l("Give the organization's name.")),
            Length(max=200),
        ],
    )
    alternate_name = StringField(
        _l("Other name or acronym"),
        filters=[blank_to_none],
        validators=[Length(max=200)],
    )
    text_language = text_language_field()
    description = TextAreaField(
        _l("What the organization does"), validators=[Length(max=5000)]
    )
    description_translation = TextAreaField(
        _l("What the organization does, in the other language"),
        validators=[Length(max=5000)],
    )
    type = SelectField(_l("Type of organization"))
    email = StringField(
        _l("E-mail"),
        filters=[blank_to_none],
        validators=[
            Optional(),
            Length(max=254),
            Regexp(EMAIL_SHAPE, message=_l("This is not an e-mail address.")),
        ],
    )
    website = StringField(
        _l("Website"),
        filters=[blank_to_none],
        validators=[Optional(), Length(max=500), web_address],
    )
    phone = StringField(
        _l("Phone"),
        filters=[blank_to_none],
        validators=[Optional(), Length(max=40), phone_number],
    )
    year_founded = IntegerField(
        _l("Year founded"),
        validators=[
            Optional(),
            NumberRange(
                min=1800,
                max=dt.date.today().year,
                message=_l("Give a year from 1800 to this year."),
            ),
        ],
    )
    legal_status = StringField(
        _l("Legal status"), filters=[blank_to_none], validators=[Length(max=120)]
    )
    legally_registered = BooleanField(_l("Legally registered"))
    paid_staff = count_field(_l("Paid staff"))
    volunteers = count_field(_l("Volunteers"))
    members = count_field(_l("Members"))
    budget_band = SelectField(_l("Annual budget"), default="")
    engagement_level = SelectField(_l("Relationship with authorities"))
    open_to_mentor = BooleanField(_l("We can mentor other organizations"))
    seeking_mentor = BooleanField(_l("We are looking for a mentor organization"))
    accepts_volunteers = BooleanField(_l("We welcome volunteers from the community"))
    women_led = BooleanField(_l("Led by women"))
    location_confidential = BooleanField(
        _l("Hide our address: show only our state (for shelters and groups at risk)")
    )
    target_groups = CheckboxesField(_l("Groups we work with"))
    skills = CheckboxesField(_l("Skills we can share with other organizations"))
    support_needs = CheckboxesField(_l("Support we need"))
    contact_instructions = TextAreaField(
        _l("How people can reach us when the address is hidden"),
        validators=[Length(max=1000)],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.type.choices = vocabulary_choices(CSO_TYPES, None)
        self.budget_band.choices = vocabulary_choices(BUDGET_BANDS, _l("Not stated"))
        self.engagement_level.choices = vocabulary_choices(ENGAGEMENT_LEVELS, None)
        self.target_groups.choices = vocabulary_choices(TARGET_GROUPS, None)
        self.skills.choices = vocabulary_choices(SKILLS, None)
        self.support_needs.choices = vocabulary_choices(SUPPORT_NEEDS, None)

    def validate(self, extra_validators=None) -> bool:
        """Check the fields, then that a translation says which language is which."""
        valid = super().validate(extra_validators)
        return language_of_translations(self, ("description_translation",)) and valid

    def changes(self) -> dict:
        """Return the submitted values of the editable fields only."""
        return {
            field.name: submitted(field, self[field.name].data)
            for field in EDITABLE_FIELDS
        }


class ProposalForm(FlaskForm):
    """A new organization, and an account for whoever proposes it if needed.

    Sent by visitors without a session too, so it carries no CSRF token: its view
    accepts posts only from this site's pages.
    """

    class Meta:
        csrf = False

    name = StringField(
        _l("Name of the organization"),
        filters=[blank_to_none],
        validators=[
            InputRequired(_l("Give the organization's name.")),
            Length(max=200),
        ],
    )
    type = SelectField(_l("Type of organization"))
    region = SelectField(
        _l("State where it works"),
        validators=[InputRequired(_l("Choose a state."))],
    )
    description = TextAreaField(
        _l("What the organization does"), validators=[Length(max=5000)]
    )
    email = OrganizationForm.email
    website = OrganizationForm.website
    phone = OrganizationForm.phone
    different = BooleanField(_l("Yes, it is a different organization"))
    your_name = StringField(_l("Your name"), validators=[Length(max=120)])
    your_email = StringField(
        _l("Your e-mail"),
        filters=[blank_to_none],
        validators=[
            Optional(),
            Length(max=254),
            Regexp(EMAIL_SHAPE, message=_l("This is not an e-mail address.")),
        ],
    )
    password = PasswordField(
        _l("Choose a password"),
        validators=[
            Optional(),
            Length(
                min=12, max=128, message=_l("Use 12 to 128 characters. Any will do.")
            ),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.type.choices = vocabulary_choices(CSO_TYPES, None)
        self.region.choices = [("", _l("Choose a state")), *state_choices()]

    def needs_account(self) -> None:
        """Require the proposer's e-mail and password (for visitors not logged in)."""
        for field in (self.your_email, self.password):
            if not field.data:
                field.errors.append(_l("Needed to create your account."))
