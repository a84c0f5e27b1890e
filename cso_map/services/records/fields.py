"""The registry of organization fields: what the code knows about each one, once.

Editing (which fields editors may change), our organizations table (template,
import and export columns), HSDS (core fields and attributes, both ways), the
JSON API's profile and the profile-field vocabulary are all derived from
`ORGANIZATION_FIELDS`. The column meanings of the table (in Spanish and English)
are in `cso_map/data/organization_columns.csv`, one row per column; a test checks
that every field of the table has one. Text limits come from the model's columns
(see `records/values.py`). This module is pure data: of ours it imports only
the languages texts are written in.

Adding a yes/no organization field takes the model column, a migration, one line
here, its column meaning, the edit form's field and the template that shows it.

Free texts in two languages: `text_language` says which language (es or en) a
record's texts are written in, and `<text>_translation` holds each text in the
other language (see `cso_map/models/texts.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TypedDict, Unpack

from cso_map.models.texts import TEXT_LANGUAGES


class Kind(StrEnum):
    """How a field's values are written, read and checked."""

    TEXT = "text"  # one line, no longer than the model's column
    LONG_TEXT = "long_text"  # free text, "" when empty
    EMAIL = "email"
    URL = "url"  # http(s) only
    COUNT = "count"  # a whole number, 0 or more
    DECIMAL = "decimal"  # a number within its limits
    YEAR = "year"
    FLAG = "flag"  # yes or no; no when not given
    TERM = "term"  # one code of a vocabulary
    TERMS = "terms"  # codes of a vocabulary, in order, once each
    PARENT = "parent"  # the id of the federation or network it belongs to
    ORIGINS = "origins"  # ties to places of origin


class Api(StrEnum):
    """Where a field goes in the JSON API's organization profile."""

    PROFILE = "profile"  # a key of the profile itself
    CAPACITY = "capacity"  # a key of its "capacity" block


# Kinds stored as HSDS attributes with a profile_field term, when HSDS has no
# core field for them (terms are attributes with their own vocabulary's term).
ATTRIBUTE_KINDS = (Kind.TEXT, Kind.COUNT, Kind.DECIMAL, Kind.FLAG, Kind.LONG_TEXT)


@dataclass(frozen=True)
class Field:
    """One organization field and how every part of the product treats it."""

    name: str  # the model attribute, record key and table column
    kind: Kind
    label: tuple[str, str]  # short name (English, Spanish): forms, attribute terms
    vocabulary: str | None = None  # for terms
    required: bool = False
    default: str | None = None  # a term's code when none is given
    low: float | None = None  # counts, numbers and years
    high: float | None = None
    editable: bool = True  # editors may change it through the edit form
    table: bool = True  # a column of our organizations table
    api: Api | None = Api.PROFILE
    hsds: str | None = None  # the HSDS field it is, if a core one
    locates: bool = False  # narrows down where it is: withheld for hidden addresses
    choices: tuple[str, ...] | None = None  # the only values a text may take

    @property
    def attribute(self) -> bool:
        """Return whether HSDS carries it as a profile-field attribute."""
        return self.hsds is None and self.kind in ATTRIBUTE_KINDS

    @property
    def term_attribute(self) -> bool:
        """Return whether HSDS carries it as attributes with its vocabulary's terms."""
        return self.kind in (Kind.TERM, Kind.TERMS)


class FieldOptions(TypedDict, total=False):
    """The options of a registry entry: the fields of `Field` after its labels."""

    vocabulary: str | None
    required: bool
    default: str | None
    low: float | None
    high: float | None
    editable: bool
    table: bool
    api: Api | None
    hsds: str | None
    locates: bool
    choices: tuple[str, ...] | None


def entry(
    name: str, kind: Kind, en: str, es: str, **options: Unpack[FieldOptions]
) -> Field:
    """Return a registry entry: a field's name, kind, labels and options."""
    return Field(name, kind, (en, es), **options)


# In the order HSDS writes them: core fields, then attributes by this order.
ORGANIZATION_FIELDS: tuple[Field, ...] = (
    entry("name", Kind.TEXT, "Name", "Nombre", required=True, api=None, hsds="name"),
    entry(
        "alternate_name",
        Kind.TEXT,
        "Other name",
        "Otro nombre",
        hsds="alternate_name",
    ),
    entry(
        "description",
        Kind.LONG_TEXT,
        "Description",
        "Descripción",
        hsds="description",
    ),
    entry(
        "text_language",
        Kind.TEXT,
        "Language of its texts",
        "Idioma de sus textos",
        choices=TEXT_LANGUAGES,
    ),
    entry(
        "description_translation",
        Kind.LONG_TEXT,
        "Description in the other language",
        "Descripción en el otro idioma",
    ),
    entry(
        "type",
        Kind.TERM,
        "Type of organization",
        "Tipo de organización",
        vocabulary="cso_type",
        required=True,
        api=None,
    ),
    entry("email", Kind.EMAIL, "E-mail", "Correo electrónico", hsds="email"),
    entry("website", Kind.URL, "Website", "Sitio web", hsds="website"),
    entry("phone", Kind.TEXT, "Phone", "Teléfono", hsds="phones"),
    entry(
        "year_founded",
        Kind.YEAR,
        "Year founded",
        "Año de fundación",
        low=1800,
        high=2100,
        hsds="year_incorporated",
    ),
    entry(
        "legal_status", Kind.TEXT, "Legal status", "Forma legal", hsds="legal_status"
    ),
    entry(
        "parent_id",
        Kind.PARENT,
        "Federation or network",
        "Federación o red",
        editable=False,
        api=None,
        hsds="parent_organization_id",
    ),
    entry(
        "paid_staff",
        Kind.COUNT,
        "Paid staff",
        "Personal pagado",
        low=0,
        api=Api.CAPACITY,
    ),
    entry(
        "volunteers", Kind.COUNT, "Volunteers", "Voluntarios", low=0, api=Api.CAPACITY
    ),
    entry("members", Kind.COUNT, "Members", "Miembros", low=0, api=Api.CAPACITY),
    entry(
        "legally_registered",
        Kind.FLAG,
        "Legally registered",
        "Registrada legalmente",
    ),
    entry(
        "engagement_level",
        Kind.TERM,
        "Relationship with authorities",
        "Relación con las autoridades",
        vocabulary="engagement_level",
        default="inform",
    ),
    entry(
        "budget_band",
        Kind.TERM,
        "Annual budget",
        "Presupuesto anual",
        vocabulary="budget_band",
        api=Api.CAPACITY,
    ),
    entry(
        "women_led", Kind.FLAG, "Led by women", "Dirigida por mujeres", api=Api.CAPACITY
    ),
    entry(
        "open_to_mentor",
        Kind.FLAG,
        "Open to mentor",
        "Dispuesta a acompañar",
        api=Api.CAPACITY,
    ),
    entry(
        "seeking_mentor",
        Kind.FLAG,
        "Seeking a mentor",
        "Busca acompañamiento",
        api=Api.CAPACITY,
    ),
    entry(
        "accepts_volunteers",
        Kind.FLAG,
        "Welcomes volunteers",
        "Recibe voluntariado",
        api=Api.CAPACITY,
    ),
    entry(
        "target_groups",
        Kind.TERMS,
        "Groups served",
        "Grupos atendidos",
        vocabulary="target_group",
    ),
    entry(
        "skills",
        Kind.TERMS,
        "Skills it can share",
        "Capacidades que puede compartir",
        vocabulary="skill",
        api=Api.CAPACITY,
    ),
    entry(
        "support_needs",
        Kind.TERMS,
        "Support it needs",
        "Apoyo que necesita",
        vocabulary="support_need",
        api=Api.CAPACITY,
    ),
    entry(
        "origins",
        Kind.ORIGINS,
        "Community of origin",
        "Comunidad de origen",
        editable=False,
        api=None,
    ),
    entry(
        "location_confidential",
        Kind.FLAG,
        "Address hidden",
        "Dirección oculta",
    ),
    entry(
        "contact_instructions",
        Kind.LONG_TEXT,
        "How to get in touch",
        "Cómo contactar",
    ),
)
FIELDS_BY_NAME = {field.name: field for field in ORGANIZATION_FIELDS}


def fields_of(
    *kinds: Kind, among: tuple[Field, ...] = ORGANIZATION_FIELDS
) -> tuple[Field, ...]:
    """Return the fields of these kinds (of organizations unless `among`)."""
    return tuple(field for field in among if field.kind in kinds)


EDITABLE_FIELDS = tuple(field for field in ORGANIZATION_FIELDS if field.editable)
TABLE_FIELDS = tuple(field for field in ORGANIZATION_FIELDS if field.table)
ATTRIBUTE_FIELDS = tuple(field for field in ORGANIZATION_FIELDS if field.attribute)
TERM_FIELDS = fields_of(Kind.TERM)
TERM_LIST_FIELDS = fields_of(Kind.TERMS)
FLAG_FIELDS = fields_of(Kind.FLAG)
# HSDS: core organization fields (phones are objects of their own), and the
# fields carried as attributes with their own vocabulary's terms.
HSDS_CORE_FIELDS = tuple(
    field for field in ORGANIZATION_FIELDS if field.hsds not in (None, "phones")
)
TERM_ATTRIBUTE_FIELDS = tuple(
    field for field in ORGANIZATION_FIELDS if field.term_attribute
)
