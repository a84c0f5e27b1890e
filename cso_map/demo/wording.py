"""Words the demo generator composes fictional names and descriptions from."""

SERVICE_NAMES = {
    "orientation": {
        "es": (
            "Orientación para personas recién llegadas",
            "Información y canalización",
            "Módulo de atención a migrantes",
        ),
        "en": (
            "Newcomer orientation",
            "Information and referrals",
            "Immigrant help desk",
        ),
    },
    "language_classes": {
        "es": ("Clases de inglés para adultos", "Círculo de conversación en inglés"),
        "en": ("English classes for adults", "English conversation circle"),
        "es_mx": (
            "Clases de español para personas extranjeras",
            "Español para recién llegados",
        ),
    },
    "education": {
        "es": ("Apoyo escolar y becas", "Primaria y secundaria abierta para adultos"),
        "en": (
            "High-school equivalency classes",
            "School enrolment and scholarships help",
        ),
    },
    "health": {
        "es": ("Consulta médica general", "Jornadas de salud comunitaria"),
        "en": ("Community health clinic", "Health screening days"),
    },
    "housing": {
        "es": ("Apoyo para encontrar vivienda", "Asesoría sobre contratos de renta"),
        "en": ("Help finding housing", "Tenant rights counselling"),
    },
    "employment": {
        "es": ("Bolsa de trabajo", "Vinculación laboral"),
        "en": ("Job placement", "Job search workshops"),
    },
    "skills_training": {
        "es": ("Talleres de oficios", "Certificación de competencias laborales"),
        "en": ("Vocational training", "Help getting skills recognised"),
    },
    "entrepreneurship": {
        "es": ("Incubadora de negocios", "Taller de emprendimiento y cooperativismo"),
        "en": ("Small business incubator", "Entrepreneurship workshops"),
    },
    "legal_advice": {
        "es": (
            "Asesoría migratoria gratuita",
            "Clínica jurídica migratoria",
            "Acompañamiento en solicitudes de asilo",
        ),
        "en": (
            "Free immigration legal clinic",
            "Know-your-rights and DACA renewals",
            "Asylum case support",
        ),
    },
    "labour_rights": {
        "es": ("Defensa de derechos laborales", "Asesoría por salarios no pagados"),
        "en": ("Wage theft clinic", "Workers' rights helpline"),
    },
    "family_reunification": {
        "es": ("Reunificación familiar", "Búsqueda de familiares"),
        "en": ("Family reunification support", "Help with family petitions"),
    },
    "civic_participation": {
        "es": (
            "Credencial para votar desde el extranjero",
            "Escuela de liderazgo comunitario",
        ),
        "en": ("Citizenship and voter registration", "Community leadership school"),
    },
    "anti_discrimination": {
        "es": ("Atención a casos de discriminación", "Talleres contra el racismo"),
        "en": ("Report discrimination and get support", "Anti-racism workshops"),
    },
    "womens_services": {
        "es": (
            "Atención integral a mujeres migrantes",
            "Grupo de apoyo entre mujeres",
            "Guardería durante las clases",
        ),
        "en": (
            "Services for immigrant women",
            "Women's support group",
            "Childcare during classes",
        ),
    },
    "children_youth": {
        "es": (
            "Programa de niñez migrante",
            "Tareas dirigidas y actividades juveniles",
        ),
        "en": ("Youth mentoring program", "After-school homework club"),
    },
    "cultural_mediation": {
        "es": (
            "Interpretación y mediación cultural",
            "Intérpretes en lenguas indígenas",
        ),
        "en": (
            "Interpretation and cultural mediation",
            "Indigenous language interpreters",
        ),
    },
    "shelter": {
        "es": ("Albergue temporal", "Comedor y albergue", "Ayuda humanitaria"),
        "en": ("Emergency shelter", "Food pantry and emergency aid"),
    },
    "psychosocial": {
        "es": ("Apoyo psicosocial", "Acompañamiento psicológico"),
        "en": ("Counselling and psychosocial support", "Trauma support group"),
    },
    "financial_inclusion": {
        "es": (
            "Educación financiera y remesas",
            "Apertura de cuentas y envíos de dinero",
        ),
        "en": ("Money skills and remittances", "Opening a bank account"),
    },
    "origin_development": {
        "es": (
            "Obras comunitarias en el pueblo de origen",
            "Proyectos productivos con aportaciones de migrantes",
        ),
        "en": ("Hometown development projects", "Investment in origin communities"),
    },
}

# Every service name above in the other language (a demo service gives both).
SERVICE_NAME_TRANSLATIONS = {
    "Orientación para personas recién llegadas": "Orientation for newcomers",
    "Información y canalización": "Information and referrals",
    "Módulo de atención a migrantes": "Help desk for migrants",
    "Newcomer orientation": "Orientación para personas recién llegadas",
    "Information and referrals": "Información y canalización",
    "Immigrant help desk": "Módulo de atención a migrantes",
    "Clases de inglés para adultos": "English classes for adults",
    "Círculo de conversación en inglés": "English conversation circle",
    "English classes for adults": "Clases de inglés para adultos",
    "English conversation circle": "Círculo de conversación en inglés",
    "Clases de español para personas extranjeras": "Spanish classes for foreigners",
    "Español para recién llegados": "Spanish for newcomers",
    "Apoyo escolar y becas": "School support and scholarships",
    "Primaria y secundaria abierta para adultos": "Primary and secondary school "
    "for adults",
    "High-school equivalency classes": "Clases de preparatoria abierta",
    "School enrolment and scholarships help": "Ayuda con la inscripción escolar y "
    "las becas",
    "Consulta médica general": "General medical care",
    "Jornadas de salud comunitaria": "Community health days",
    "Community health clinic": "Clínica de salud comunitaria",
    "Health screening days": "Jornadas de chequeos médicos",
    "Apoyo para encontrar vivienda": "Help finding housing",
    "Asesoría sobre contratos de renta": "Advice on rental contracts",
    "Help finding housing": "Apoyo para encontrar vivienda",
    "Tenant rights counselling": "Asesoría sobre derechos de inquilinos",
    "Bolsa de trabajo": "Job board",
    "Vinculación laboral": "Job placement",
    "Job placement": "Vinculación laboral",
    "Job search workshops": "Talleres de búsqueda de empleo",
    "Talleres de oficios": "Trade workshops",
    "Certificación de competencias laborales": "Job skills certification",
    "Vocational training": "Capacitación para el trabajo",
    "Help getting skills recognised": "Reconocimiento de habilidades laborales",
    "Incubadora de negocios": "Business incubator",
    "Taller de emprendimiento y cooperativismo": "Entrepreneurship and "
    "cooperatives workshop",
    "Small business incubator": "Incubadora de pequeños negocios",
    "Entrepreneurship workshops": "Talleres de emprendimiento",
    "Asesoría migratoria gratuita": "Free immigration advice",
    "Clínica jurídica migratoria": "Immigration law clinic",
    "Acompañamiento en solicitudes de asilo": "Support with asylum applications",
    "Free immigration legal clinic": "Clínica jurídica migratoria gratuita",
    "Know-your-rights and DACA renewals": "Conozca sus derechos y renovación de DACA",
    "Asylum case support": "Acompañamiento en casos de asilo",
    "Defensa de derechos laborales": "Labor rights defense",
    "Asesoría por salarios no pagados": "Help with unpaid wages",
    "Wage theft clinic": "Clínica contra el robo de salarios",
    "Workers' rights helpline": "Línea de ayuda sobre derechos laborales",
    "Reunificación familiar": "Family reunification",
    "Búsqueda de familiares": "Family tracing",
    "Family reunification support": "Apoyo para la reunificación familiar",
    "Help with family petitions": "Ayuda con peticiones familiares",
    "Credencial para votar desde el extranjero": "Voter ID card from abroad",
    "Escuela de liderazgo comunitario": "Community leadership school",
    "Citizenship and voter registration": "Ciudadanía y registro de votantes",
    "Community leadership school": "Escuela de liderazgo comunitario",
    "Atención a casos de discriminación": "Help with discrimination cases",
    "Talleres contra el racismo": "Anti-racism workshops",
    "Report discrimination and get support": "Denuncie la discriminación y reciba "
    "apoyo",
    "Anti-racism workshops": "Talleres contra el racismo",
    "Atención integral a mujeres migrantes": "Comprehensive care for migrant women",
    "Grupo de apoyo entre mujeres": "Women's support group",
    "Guardería durante las clases": "Childcare during classes",
    "Services for immigrant women": "Servicios para mujeres inmigrantes",
    "Women's support group": "Grupo de apoyo entre mujeres",
    "Childcare during classes": "Guardería durante las clases",
    "Programa de niñez migrante": "Program for migrant children",
    "Tareas dirigidas y actividades juveniles": "Homework help and youth activities",
    "Youth mentoring program": "Programa de mentoría juvenil",
    "After-school homework club": "Club de tareas después de clases",
    "Interpretación y mediación cultural": "Interpretation and cultural mediation",
    "Intérpretes en lenguas indígenas": "Indigenous language interpreters",
    "Interpretation and cultural mediation": "Interpretación y mediación cultural",
    "Indigenous language interpreters": "Intérpretes en lenguas indígenas",
    "Albergue temporal": "Temporary shelter",
    "Comedor y albergue": "Soup kitchen and shelter",
    "Ayuda humanitaria": "Humanitarian aid",
    "Emergency shelter": "Albergue de emergencia",
    "Food pantry and emergency aid": "Despensa y ayuda de emergencia",
    "Apoyo psicosocial": "Psychosocial support",
    "Acompañamiento psicológico": "Psychological support",
    "Counselling and psychosocial support": "Consejería y apoyo psicosocial",
    "Trauma support group": "Grupo de apoyo para sanar el trauma",
    "Educación financiera y remesas": "Financial education and remittances",
    "Apertura de cuentas y envíos de dinero": "Opening accounts and sending money",
    "Money skills and remittances": "Finanzas personales y remesas",
    "Opening a bank account": "Apertura de una cuenta bancaria",
    "Obras comunitarias en el pueblo de origen": "Community works in the hometown",
    "Proyectos productivos con aportaciones de migrantes": "Productive projects "
    "funded by migrants",
    "Hometown development projects": "Proyectos de desarrollo en el pueblo de origen",
    "Investment in origin communities": "Inversión en las comunidades de origen",
}

SERVICE_DESCRIPTIONS = {
    "es": "Servicio de {category} que ofrece {org}.",
    "en": "{category} offered by {org}.",
}

DEMONYMS = {
    "MX-AGU": "Hidrocálidos",
    "MX-CHH": "Chihuahuenses",
    "MX-CHP": "Chiapanecos",
    "MX-CMX": "Capitalinos",
    "MX-COL": "Colimenses",
    "MX-DUR": "Duranguenses",
    "MX-GRO": "Guerrerenses",
    "MX-GUA": "Guanajuatenses",
    "MX-HID": "Hidalguenses",
    "MX-JAL": "Jaliscienses",
    "MX-MEX": "Mexiquenses",
    "MX-MIC": "Michoacanos",
    "MX-MOR": "Morelenses",
    "MX-NAY": "Nayaritas",
    "MX-OAX": "Oaxaqueños",
    "MX-PUE": "Poblanos",
    "MX-QUE": "Queretanos",
    "MX-SIN": "Sinaloenses",
    "MX-SLP": "Potosinos",
    "MX-TLA": "Tlaxcaltecas",
    "MX-VER": "Veracruzanos",
    "MX-YUC": "Yucatecos",
    "MX-ZAC": "Zacatecanos",
}

NAME_WORDS = (
    "Tonantzin",
    "Camino Abierto",
    "Puentes",
    "Raíces y Alas",
    "Tierra Fértil",
    "Voces Unidas",
    "Nuevo Amanecer",
    "Manos Solidarias",
    "Horizonte Común",
    "Senderos",
    "Mariposa Monarca",
    "Xóchitl",
    "Colibrí",
    "Ceiba",
    "Ahuehuete",
    "Huizache",
    "Mezquite",
    "Jacaranda",
    "Girasol",
    "Luna Nueva",
    "Maíz",
    "Semilla",
    "Cenzontle",
    "Quetzal",
    "Nopal",
    "Arcoíris",
    "Alborada",
    "Brújula",
    "Faro",
    "Cardinal",
)
SAINTS_ES = (
    "San José",
    "Santa Marta",
    "San Juan Bautista",
    "Nuestra Señora de Guadalupe",
    "San Martín de Porres",
    "Santa Rosa de Lima",
    "Belén",
    "Emaús",
    "Betania",
    "Buen Pastor",
    "San Benito",
    "Santa Clara",
    "San Francisco de Asís",
)
SAINTS_EN = (
    "St. Joseph",
    "St. Martha",
    "Our Lady of Guadalupe",
    "Good Shepherd",
    "St. Francis",
    "Holy Family",
    "St. Anne",
    "Bethany",
    "Emmaus",
)
STREETS_MX = (
    "Hidalgo",
    "Juárez",
    "Morelos",
    "Zaragoza",
    "Allende",
    "Madero",
    "Guerrero",
    "Independencia",
    "Reforma",
    "5 de Mayo",
    "Insurgentes",
    "Aldama",
    "Matamoros",
)
COLONIAS = (
    "Centro",
    "Obrera",
    "Las Flores",
    "San Antonio",
    "Del Valle",
    "La Joya",
    "Progreso",
)
STREETS_US = (
    "Main St",
    "Oak Ave",
    "Cesar Chavez Ave",
    "Maple St",
    "Washington Blvd",
    "2nd St",
    "Park Ave",
    "Mission St",
    "Broadway",
    "Elm St",
    "Lincoln Ave",
    "Pine St",
)

# (template, content language), with {city}, {community}, {word}, {saint}, {demonym}
# and {state} filled in.
ORGANIZATION_NAMES = {
    "hometown_club": (
        ("Club {community}", "es"),
        ("Club de Oriundos de {community}", "es"),
        ("Club Social {community}", "es"),
        ("Club Hijos de {community}", "es"),
        ("Club Unidos por {community}", "es"),
        ("Club {community} de {city}", "es"),
    ),
    "federation": (
        ("Federación de Clubes {demonym} de {state}", "es"),
        ("Federación {demonym} Unidos en {state}", "es"),
    ),
    "migrant_association": (
        ("Asociación de Migrantes de {city}", "es"),
        ("Unión de Trabajadores Migrantes de {city}", "es"),
        ("Colectivo de Familias Migrantes {word}", "es"),
        ("Red de Jóvenes Migrantes de {city}", "es"),
        ("{city} Immigrant Workers Association", "en"),
    ),
    "diaspora_organization": (
        ("Asociación Centroamericana de {city}", "es"),
        ("Central American Resource Center of {city}", "en"),
    ),
    "ngo": (
        ("Centro de Derechos Humanos del Migrante {word}", "es"),
        ("Centro de Apoyo al Migrante {word}", "es"),
        ("Programa de Atención a Migrantes {word}", "es"),
        ("{word} Immigrant Legal Center", "en"),
        ("{city} Immigrant Justice Project", "en"),
        ("{word} Community Services", "en"),
    ),
    "faith_based": (
        ("Casa del Migrante {saint}", "es"),
        ("Albergue {saint}", "es"),
        ("Comedor Migrante {saint}", "es"),
        ("Pastoral Migrante de {city}", "es"),
        ("{saint_en} Immigrant Ministry", "en"),
        ("{city} Interfaith Welcome Network", "en"),
    ),
    "union": (
        ("Sindicato de Jornaleros Agrícolas de {city}", "es"),
        ("Unión de Trabajadoras del Hogar de {city}", "es"),
        ("{city} Farmworkers Union", "en"),
        ("{city} Day Laborers Union", "en"),
    ),
    "community_group": (
        ("Vecinos Unidos de {city}", "es"),
        ("Grupo Comunitario {word}", "es"),
        ("Colectivo {word}", "es"),
        ("Círculo de Madres {word}", "es"),
        ("{city} Neighbors United", "en"),
        ("{word} Community Circle", "en"),
    ),
    "cooperative": (
        ("Cooperativa de Artesanas de {community}", "es"),
        ("Sociedad Cooperativa {word} de {city}", "es"),
        ("Caja Solidaria {community}", "es"),
    ),
    "network": (
        ("Red Binacional {word}", "es"),
        ("Coalición {word} por los Derechos de las Personas Migrantes", "es"),
        ("{word} Immigrant Rights Coalition", "en"),
    ),
    "academic": (
        ("Clínica Jurídica de Migración {word}", "es"),
        ("Centro de Estudios Migratorios {word}", "es"),
        ("{word} Institute for Migration Studies", "en"),
    ),
    "other": (("Fundación {word}", "es"), ("{word} Foundation", "en")),
}

# Names of organizations with a story (stories.py): who they are says where they are.
STORY_NAMES = {
    "afro_mexican": (
        ("Colectivo Afromexicano {word} de {city}", "es"),
        ("Organización de Pueblos Negros de la Costa Chica ({city})", "es"),
        ("Mujeres Afromexicanas {word} de {city}", "es"),
    ),
    "afro_mexican_club": (
        ("Club Afromexicano de {community}", "es"),
        ("Club de la Costa Chica de {community}", "es"),
    ),
    "garifuna": (
        ("Garifuna Community Center of {city}", "en"),
        ("{city} Garifuna Coalition", "en"),
        ("Asociación Garífuna {word} de {city}", "es"),
    ),
    "haitian": (
        ("Comunidad Haitiana de {city}", "es"),
        ("Centro de Apoyo a Personas Haitianas {word}", "es"),
        ("Haitian Community Center of {city}", "en"),
        ("{city} Haitian American Alliance", "en"),
    ),
    "maya": (
        ("Asociación Maya {word} de {city}", "es"),
        ("Guatemalan Maya Center of {city}", "en"),
    ),
    "salvadoran": (
        ("Asociación Salvadoreña de {city}", "es"),
        ("Salvadoran Community Association of {city}", "en"),
    ),
    "centroamerican": (
        ("Asociación Centroamericana de {city}", "es"),
        ("Central American Resource Center of {city}", "en"),
    ),
    "shelter": (
        ("Casa del Migrante {saint}", "es"),
        ("Albergue {saint}", "es"),
        ("Albergue para Migrantes {saint}", "es"),
    ),
}
STORY_NOTES = {
    "afro_mexican": {
        "es": "Trabaja con los pueblos afromexicanos de la Costa Chica de Guerrero y "
        "Oaxaca.",
        "en": "Works with the Afro-Mexican communities of the Costa Chica of Guerrero "
        "and Oaxaca.",
    },
    "garifuna": {
        "es": "Reúne a personas garífunas, afrodescendientes de Honduras, Guatemala y "
        "Belice.",
        "en": "Brings together Garifuna people, Afro-descendants from Honduras, "
        "Guatemala and Belize.",
    },
    "haitian": {
        "es": "Acompaña a personas haitianas y de otros países del Caribe.",
        "en": "Supports Haitian and other Caribbean immigrants.",
    },
    "maya": {
        "es": "Acompaña a personas mayas de Guatemala en sus propias lenguas.",
        "en": "Supports Maya people from Guatemala in their own languages.",
    },
}

WOMEN_NAMES = (
    ("Centro de Mujeres Migrantes {word}", "es"),
    ("Mujeres Unidas de {city}", "es"),
    ("{word} Women's Center", "en"),
)

ORGANIZATION_DESCRIPTIONS = {
    "es": {
        "hometown_club": "Club de oriundos de {community} ({origin}) con sede en "
        "{city}. "
        "Sus integrantes, todos voluntarios, reúnen fondos para obras en su comunidad "
        "de origen y organizan actividades culturales.",
        "federation": "Federación que reúne a clubes de oriundos de {origin} en "
        "{state}. "
        "Coordina proyectos de desarrollo en las comunidades de origen y representa a "
        "sus clubes ante autoridades de ambos países.",
        "default": "Organización de la sociedad civil en {city} ({state}) que "
        "trabaja con "
        "personas migrantes: {services}.",
    },
    "en": {
        "hometown_club": "Hometown club of people from {community} ({origin}) based in "
        "{city}. Volunteers raise funds for projects back home and run cultural "
        "events.",
        "federation": "Federation of hometown clubs from {origin} in {state}. "
        "It coordinates development projects in the communities of origin and "
        "speaks for its clubs to the authorities of both countries.",
        "default": "Civil-society organization in {city} ({state}) working with "
        "immigrants: {services}.",
    },
}

CONFIDENTIAL_CONTACT = {
    "es": "Por seguridad no publicamos nuestra dirección. Llame a nuestra línea de "
    "atención y le diremos dónde encontrarnos.",
    "en": "For safety we do not publish our address. Call our helpline and we will "
    "tell you where to meet us.",
}

SHELTER_WORDS = ("Albergue", "Casa del Migrante", "Comedor")
SHELTER_HOURS = {
    "es": "Abierto las 24 horas, todos los días.",
    "en": "Open 24 hours, every day.",
}
NIGHT_SHELTER_HOURS = {
    "es": "Albergue nocturno: abre a las 19:00 y cierra a las 7:00 del día siguiente.",
    "en": "Night shelter: opens at 7 pm and closes at 7 am the next day.",
}
# A service listing a state across the border says so in its name and description.
BINATIONAL_SUFFIX = {"es": " (binacional)", "en": " (binational)"}
BINATIONAL_DESCRIPTIONS = {
    "es": "Servicio binacional de {category} que ofrece {org}, a ambos lados de la "
    "frontera.",
    "en": "Binational {category} offered by {org}, on both sides of the border.",
}
WOMEN_ONLY_NOTES = {
    "es": "Solo mujeres, con sus hijas e hijos.",
    "en": "Women and their children only.",
}
WHAT_TO_BRING = {
    "es": "Traiga una identificación si la tiene; no es obligatoria.",
    "en": "Bring an ID if you have one; it is not required.",
}

# Legal forms by country, registration and type ("default" for the other types).
LEGAL_STATUS = {
    ("MX", True): {
        "default": ("Asociación civil (A.C.)",),
        "ngo": (
            "Asociación civil (A.C.)",
            "Institución de asistencia privada (I.A.P.)",
        ),
        "faith_based": (
            "Asociación civil (A.C.)",
            "Institución de asistencia privada (I.A.P.)",
            "Obra de una asociación religiosa (A.R.)",
        ),
        "academic": ("Sociedad civil (S.C.)", "Programa de una universidad pública"),
        "cooperative": ("Sociedad cooperativa (S.C. de R.L.)",),
        "union": ("Sindicato registrado ante el Centro Federal de Conciliación",),
    },
    ("MX", False): {
        "default": ("Sin registro legal (grupo informal)",),
        "cooperative": ("Cooperativa en formación, sin registro",),
        "union": ("Coalición de trabajadores sin registro sindical",),
    },
    ("US", True): {
        "default": ("501(c)(3) nonprofit",),
        "faith_based": (
            "501(c)(3) nonprofit",
            "Ministry of a church (501(c)(3) religious organization)",
        ),
        "academic": ("Program of a public university",),
        "cooperative": ("Worker cooperative (cooperative corporation)",),
        "union": ("501(c)(5) labor organization",),
    },
    ("US", False): {
        "default": ("Fiscally sponsored project", "Unincorporated association"),
        "cooperative": ("Unincorporated cooperative",),
        "union": ("Unincorporated workers' association",),
    },
}
