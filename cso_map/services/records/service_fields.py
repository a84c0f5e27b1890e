"""The registry of service fields (see `fields.py` for organizations).

The bulk writer's service columns, what editors may change, and which fields
HSDS carries as profile-field attributes (both ways) derive from
`SERVICE_FIELDS`. A service's category, languages, areas, hours and places are
relations with rules of their own and are not listed here.

How a service is delivered: in person at its places, and by phone or online
(`by_phone`, `online`) in the states it lists (a listed country: all of it);
`remote_only` says nobody is seen in person.
"""

from __future__ import annotations

from cso_map.models.texts import TEXT_LANGUAGES
from cso_map.services.records.fields import ATTRIBUTE_FIELDS, Kind, entry

# In the order HSDS writes them: core fields, then attributes by this order.
SERVICE_FIELDS = (
    entry("name", Kind.TEXT, "Name", "Nombre", required=True, hsds="name"),
    entry(
        "description", Kind.LONG_TEXT, "Description", "Descripción", hsds="description"
    ),
    entry(
        "text_language",
        Kind.TEXT,
        "Language of its texts",
        "Idioma de sus textos",
        choices=TEXT_LANGUAGES,
    ),
    entry(
        "name_translation",
        Kind.TEXT,
        "Name in the other language",
        "Nombre en el otro idioma",
    ),
    entry(
        "description_translation",
        Kind.LONG_TEXT,
        "Description in the other language",
        "Descripción en el otro idioma",
    ),
    entry("status", Kind.TEXT, "Status", "Estado", hsds="status"),
    entry("url", Kind.URL, "Website", "Sitio web", hsds="url"),
    entry("email", Kind.EMAIL, "E-mail", "Correo electrónico", hsds="email"),
    entry("phone", Kind.TEXT, "Phone", "Teléfono", hsds="phones"),
    entry(
        "minimum_age",
        Kind.COUNT,
        "Minimum age",
        "Edad mínima",
        high=130,
        hsds="minimum_age",
    ),
    entry(
        "maximum_age",
        Kind.COUNT,
        "Maximum age",
        "Edad máxima",
        high=130,
        hsds="maximum_age",
    ),
    entry(
        "eligibility_notes",
        Kind.LONG_TEXT,
        "Who can use it",
        "Quién puede usarlo",
        hsds="eligibility_description",
    ),
    entry(
        "eligibility_notes_translation",
        Kind.LONG_TEXT,
        "Who can use it, in the other language",
        "Quién puede usarlo, en el otro idioma",
    ),
    entry(
        "application_process",
        Kind.LONG_TEXT,
        "What to bring",
        "Qué llevar",
        hsds="application_process",
    ),
    entry(
        "application_process_translation",
        Kind.LONG_TEXT,
        "What to bring, in the other language",
        "Qué llevar, en el otro idioma",
    ),
    entry(
        "capacity_per_month",
        Kind.COUNT,
        "People served per month",
        "Personas atendidas al mes",
    ),
    entry(
        "radius_km",
        Kind.DECIMAL,
        "Reach (km)",
        "Alcance (km)",
        low=0.001,
        high=20000,
        locates=True,
    ),
    entry("free_of_charge", Kind.FLAG, "Free of charge", "Gratuito"),
    entry("no_documents_required", Kind.FLAG, "No papers needed", "Sin papeles"),
    entry("women_only", Kind.FLAG, "Women only", "Solo mujeres"),
    entry("walk_in", Kind.FLAG, "No appointment needed", "Sin cita"),
    entry("by_phone", Kind.FLAG, "By phone", "Por teléfono"),
    entry("online", Kind.FLAG, "Online", "En línea"),
    entry(
        "remote_only",
        Kind.FLAG,
        "Only by phone or online",
        "Solo por teléfono o en línea",
    ),
    entry("hours_notes", Kind.LONG_TEXT, "Notes on hours", "Notas sobre el horario"),
)
SERVICE_ATTRIBUTE_FIELDS = tuple(field for field in SERVICE_FIELDS if field.attribute)
# Those an organization does not have too (the two share one profile-field term).
SERVICE_ONLY_ATTRIBUTE_FIELDS = tuple(
    field for field in SERVICE_ATTRIBUTE_FIELDS if field not in ATTRIBUTE_FIELDS
)
EDITABLE_SERVICE_FIELDS = tuple(field for field in SERVICE_FIELDS if field.editable)
