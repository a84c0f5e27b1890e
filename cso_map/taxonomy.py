"""The controlled vocabularies of CSO Map: stable codes with English and Spanish labels.

Codes are identifiers used in URLs, the API, imports and the database; labels are data
(translated here, not through gettext) so that exports and the HSDS API carry both.
Term ids are UUIDv5 of the taxonomy and code, identical on every installation.
"""

from __future__ import annotations

from cso_map.services.records.fields import ATTRIBUTE_FIELDS
from cso_map.services.records.service_fields import SERVICE_ONLY_ATTRIBUTE_FIELDS
from cso_map.vocabulary import Term, Vocabulary


def _terms(*rows: tuple[str, ...]) -> tuple[Term, ...]:
    return tuple(Term(*row) for row in rows)


SERVICE_CATEGORIES = Vocabulary(
    "service_category",
    "Integration services",
    "Servicios de integración",
    _terms(
        ("orientation", "Orientation and information", "Orientación e información"),
        ("language_classes", "Language classes", "Clases de idioma"),
        ("education", "Education", "Educación"),
        ("health", "Health care", "Salud"),
        ("housing", "Housing", "Vivienda"),
        ("employment", "Jobs and job placement", "Empleo y colocación"),
        (
            "skills_training",
            "Skills recognition and vocational training",
            "Reconocimiento de competencias y formación profesional",
        ),
        (
            "entrepreneurship",
            "Entrepreneurship and cooperatives",
            "Emprendimiento y cooperativas",
        ),
        ("legal_advice", "Legal advice (immigration)", "Asesoría legal (migratoria)"),
        ("labour_rights", "Labour rights", "Derechos laborales"),
        ("family_reunification", "Family reunification", "Reunificación familiar"),
        (
            "civic_participation",
            "Civic participation and voting",
            "Participación cívica y voto",
        ),
        (
            "anti_discrimination",
            "Equality and anti-discrimination",
            "Igualdad y no discriminación",
        ),
        ("womens_services", "Services for women", "Servicios para mujeres"),
        ("children_youth", "Children and youth", "Niñez y juventud"),
        (
            "cultural_mediation",
            "Cultural mediation and interpretation",
            "Mediación cultural e interpretación",
        ),
        ("shelter", "Shelter and humanitarian aid", "Albergue y ayuda humanitaria"),
        ("psychosocial", "Psychosocial support", "Apoyo psicosocial"),
        (
            "financial_inclusion",
            "Financial inclusion and remittances",
            "Inclusión financiera y remesas",
        ),
        (
            "origin_development",
            "Development projects in origin communities",
            "Proyectos de desarrollo en comunidades de origen",
        ),
    ),
)

CSO_TYPES = Vocabulary(
    "cso_type",
    "Types of organization",
    "Tipos de organización",
    _terms(
        ("hometown_club", "Hometown club", "Club de oriundos"),
        ("federation", "Federation of clubs", "Federación de clubes"),
        ("migrant_association", "Migrant association", "Asociación de migrantes"),
        (
            "diaspora_organization",
            "Diaspora organization",
            "Organización de la diáspora",
        ),
        ("ngo", "Non-governmental organization (NGO)", "Organización no gubernamental"),
        ("faith_based", "Faith-based organization", "Organización religiosa"),
        ("union", "Trade union", "Sindicato"),
        ("community_group", "Community group", "Grupo comunitario"),
        ("cooperative", "Cooperative", "Cooperativa"),
        ("network", "Network or coalition", "Red o coalición"),
        (
            "academic",
            "University or research centre",
            "Universidad o centro de estudios",
        ),
        ("other", "Other", "Otro tipo"),
    ),
)

TARGET_GROUPS = Vocabulary(
    "target_group",
    "Groups served",
    "Grupos atendidos",
    _terms(
        ("women", "Women", "Mujeres"),
        ("children", "Children", "Niñas y niños"),
        ("youth", "Young people", "Jóvenes"),
        ("elderly", "Older people", "Personas mayores"),
        ("indigenous", "Indigenous peoples", "Pueblos indígenas"),
        ("afro_descendant", "Afro-descendant people", "Personas afrodescendientes"),
        ("lgbtiq", "LGBTIQ+ people", "Personas LGBTIQ+"),
        ("disability", "People with disabilities", "Personas con discapacidad"),
        ("newcomers", "People who just arrived", "Personas recién llegadas"),
        ("undocumented", "People without papers", "Personas sin papeles"),
        (
            "asylum_seekers",
            "Asylum seekers and refugees",
            "Personas solicitantes de asilo",
        ),
        ("returnees", "Returning migrants", "Personas migrantes de retorno"),
        ("workers", "Migrant workers", "Personas trabajadoras migrantes"),
        ("families", "Families", "Familias"),
        ("students", "Students", "Estudiantes"),
    ),
)

SKILLS = Vocabulary(
    "skill",
    "Skills an organization can offer",
    "Habilidades que la organización puede ofrecer",
    _terms(
        ("project_design", "Project design", "Diseño de proyectos"),
        ("fundraising", "Fundraising", "Procuración de fondos"),
        (
            "monitoring_evaluation",
            "Monitoring and evaluation",
            "Monitoreo y evaluación",
        ),
        ("advocacy", "Advocacy", "Incidencia política"),
        ("legal_expertise", "Legal expertise", "Conocimiento jurídico"),
        ("accounting", "Accounting and finances", "Contabilidad y finanzas"),
        ("digital", "Digital skills", "Habilidades digitales"),
        ("training", "Training and facilitation", "Capacitación y facilitación"),
        ("cultural_mediation", "Cultural mediation", "Mediación cultural"),
        ("community_organizing", "Community organizing", "Organización comunitaria"),
    ),
)

SUPPORT_NEEDS = Vocabulary(
    "support_need",
    "Support an organization needs",
    "Apoyos que la organización necesita",
    _terms(
        ("funding", "Funding", "Financiamiento"),
        ("training", "Training", "Capacitación"),
        ("legal_registration", "Legal registration", "Constitución legal"),
        ("space", "A place to meet or work", "Un lugar para reunirse o trabajar"),
        ("mentoring", "Mentoring", "Mentoría"),
        ("volunteers", "Volunteers", "Voluntariado"),
        ("technical_assistance", "Technical assistance", "Asistencia técnica"),
        ("networking", "Contacts and networking", "Contactos y trabajo en red"),
    ),
)

ENGAGEMENT_LEVELS = Vocabulary(
    "engagement_level",
    "Engagement with authorities",
    "Relación con las autoridades",
    _terms(
        (
            "none",
            "No engagement",
            "Sin relación",
            "No regular contact with authorities.",
            "Sin contacto regular con las autoridades.",
        ),
        (
            "inform",
            "Informed",
            "Informada",
            "Authorities share information with it.",
            "Las autoridades le comparten información.",
        ),
        (
            "consult",
            "Consulted",
            "Consultada",
            "Authorities ask for its opinion.",
            "Las autoridades piden su opinión.",
        ),
        (
            "involve",
            "Involved",
            "Involucrada",
            "It takes part in planning and its concerns are reflected.",
            "Participa en la planeación y se toman en cuenta sus propuestas.",
        ),
        (
            "collaborate",
            "Collaborates",
            "Colabora",
            "It works with authorities as a partner on decisions and delivery.",
            "Trabaja con las autoridades como socia en decisiones y servicios.",
        ),
        (
            "empower",
            "Empowered",
            "Decide",
            "It holds final decisions delegated by authorities.",
            "Toma decisiones finales que las autoridades le delegan.",
        ),
    ),
)

BUDGET_BANDS = Vocabulary(
    "budget_band",
    "Annual budget (US dollars)",
    "Presupuesto anual (dólares)",
    _terms(
        ("none", "No budget", "Sin presupuesto"),
        ("under_10k", "Under $10,000", "Menos de 10 000 USD"),
        ("10k_50k", "$10,000 to $50,000", "De 10 000 a 50 000 USD"),
        ("50k_250k", "$50,000 to $250,000", "De 50 000 a 250 000 USD"),
        ("250k_1m", "$250,000 to $1 million", "De 250 000 a 1 millón de USD"),
        ("over_1m", "Over $1 million", "Más de 1 millón de USD"),
    ),
)

SERVICE_LANGUAGES = Vocabulary(
    "language",
    "Languages (ISO 639-3)",
    "Idiomas (ISO 639-3)",
    _terms(
        ("spa", "Spanish", "Español"),
        ("eng", "English", "Inglés"),
        ("mix", "Mixtec", "Mixteco"),
        ("zap", "Zapotec", "Zapoteco"),
        ("nah", "Nahuatl", "Náhuatl"),
        ("tsz", "Purépecha", "Purépecha"),
        ("quc", "K'iche'", "K'iche'"),
        ("mam", "Mam", "Mam"),
        ("tzo", "Tsotsil", "Tsotsil"),
        ("tzh", "Tseltal", "Tseltal"),
        ("yua", "Yucatec Maya", "Maya yucateco"),
        ("oto", "Otomi", "Otomí"),
        ("maz", "Mazahua", "Mazahua"),
        ("trc", "Triqui", "Triqui"),
        ("cak", "Kaqchikel", "Kaqchikel"),
        ("kek", "Q'eqchi'", "Q'eqchi'"),
        ("hat", "Haitian Creole", "Criollo haitiano"),
        ("por", "Portuguese", "Portugués"),
        ("fra", "French", "Francés"),
        ("ase", "American Sign Language", "Lengua de señas americana"),
        ("mfs", "Mexican Sign Language", "Lengua de señas mexicana"),
    ),
)

PROFILE_FIELDS = Vocabulary(
    "profile_field",
    "Profile fields (attribute values)",
    "Campos del perfil (valores de atributos)",
    _terms(
        *((field.name, *field.label) for field in ATTRIBUTE_FIELDS),
        ("origin", "Community of origin", "Comunidad de origen"),
        ("verification", "Verification", "Verificación"),
        ("last_reviewed", "Last reviewed", "Última revisión"),
        ("organization_status", "Organization status", "Estado de la organización"),
        ("demo", "Fictional demo data", "Dato ficticio de demostración"),
        *((field.name, *field.label) for field in SERVICE_ONLY_ATTRIBUTE_FIELDS),
        ("state", "State (ISO 3166-2)", "Estado (ISO 3166-2)"),
        ("approximate", "Approximate place", "Lugar aproximado"),
    ),
)

VOCABULARIES: dict[str, Vocabulary] = {
    vocabulary.code: vocabulary
    for vocabulary in (
        SERVICE_CATEGORIES,
        CSO_TYPES,
        TARGET_GROUPS,
        SKILLS,
        SUPPORT_NEEDS,
        ENGAGEMENT_LEVELS,
        BUDGET_BANDS,
        SERVICE_LANGUAGES,
        PROFILE_FIELDS,
    )
}

# ISO 639-1 codes people also use; every language is stored by its ISO 639-3 code.
LANGUAGE_ALIASES = {"es": "spa", "en": "eng", "ht": "hat", "pt": "por", "fr": "fra"}


def normalize_language(code: str) -> str:
    """Return the ISO 639-3 code for an ISO 639-1 or 639-3 `code` (lower-cased)."""
    code = code.strip().lower()
    return LANGUAGE_ALIASES.get(code, code)
