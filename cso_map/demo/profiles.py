"""Weights that shape the fictional directory: who is where, how large, doing what.

The weights follow the patterns the seed documents describe (clubs from Zacatecas,
Michoacán, Jalisco, Guanajuato and Oaxaca in California, Illinois and Texas; shelters
along the border and the southern route) but every figure is invented.
"""

TYPE_SHARES = {
    "hometown_club": 0.34,
    "federation": 0.04,
    "migrant_association": 0.10,
    "diaspora_organization": 0.03,
    "ngo": 0.15,
    "faith_based": 0.10,
    "union": 0.03,
    "community_group": 0.10,
    "cooperative": 0.04,
    "network": 0.02,
    "academic": 0.02,
    "other": 0.03,
}

# Probability that an organization of this type is based in Mexico (else the US).
SHARE_IN_MEXICO = {
    "hometown_club": 0.0,
    "federation": 0.0,
    "migrant_association": 0.4,
    "diaspora_organization": 0.5,
    "ngo": 0.45,
    "faith_based": 0.65,
    "union": 0.3,
    "community_group": 0.4,
    "cooperative": 0.9,
    "network": 0.5,
    "academic": 0.5,
    "other": 0.5,
}

MEXICO_STATES = {
    "MX-BCN": 10,
    "MX-CHH": 7,
    "MX-SON": 6,
    "MX-TAM": 6,
    "MX-COA": 4,
    "MX-NLE": 6,
    "MX-CHP": 10,
    "MX-OAX": 6,
    "MX-VER": 5,
    "MX-TAB": 4,
    "MX-CMX": 10,
    "MX-JAL": 6,
    "MX-GUA": 4,
    "MX-MIC": 5,
    "MX-ZAC": 3,
    "MX-PUE": 4,
    "MX-GRO": 3,
    "MX-SLP": 3,
    "MX-QUE": 2,
    "MX-MEX": 4,
    "MX-HID": 2,
    "MX-DUR": 2,
    "MX-SIN": 2,
    "MX-YUC": 1,
    "MX-ROO": 1,
    "MX-AGU": 1,
    "MX-MOR": 1,
    "MX-NAY": 1,
    "MX-COL": 0.5,
    "MX-CAM": 0.5,
    "MX-TLA": 0.5,
    "MX-BCS": 0.5,
}

US_STATES = {
    "US-CA": 25,
    "US-TX": 16,
    "US-IL": 8,
    "US-AZ": 5,
    "US-NY": 6,
    "US-FL": 4,
    "US-GA": 3,
    "US-NC": 3,
    "US-WA": 3,
    "US-CO": 3,
    "US-NV": 3,
    "US-OR": 2,
    "US-NM": 2,
    "US-NJ": 3,
    "US-PA": 1,
    "US-MI": 1,
    "US-MN": 1,
    "US-WI": 1,
    "US-IN": 1,
    "US-OH": 1,
    "US-UT": 1,
    "US-OK": 1,
    "US-KS": 1,
    "US-NE": 1,
    "US-ID": 1,
    "US-TN": 1,
    "US-SC": 1,
    "US-AR": 1,
    "US-LA": 1,
    "US-MO": 0.5,
    "US-IA": 0.5,
    "US-VA": 1,
    "US-MD": 1,
    "US-MA": 1,
    "US-CT": 0.5,
    "US-KY": 0.5,
    "US-AL": 0.5,
    "US-MS": 0.3,
    "US-DE": 0.2,
    "US-RI": 0.2,
    "US-WV": 0.1,
    "US-NH": 0.1,
    "US-VT": 0.1,
    "US-ME": 0.1,
    "US-MT": 0.1,
    "US-WY": 0.1,
    "US-ND": 0.1,
    "US-SD": 0.1,
}

ORIGIN_STATES = {
    "MX-ZAC": 14,
    "MX-MIC": 14,
    "MX-JAL": 12,
    "MX-GUA": 10,
    "MX-OAX": 9,
    "MX-GRO": 7,
    "MX-PUE": 6,
    "MX-DUR": 5,
    "MX-SLP": 4,
    "MX-HID": 4,
    "MX-MEX": 4,
    "MX-VER": 3,
    "MX-CHH": 2,
    "MX-NAY": 3,
    "MX-MOR": 2,
    "MX-AGU": 2,
    "MX-COL": 1,
    "MX-QUE": 1,
    "MX-SIN": 1,
    "MX-TLA": 1,
    "MX-CHP": 1,
    "MX-YUC": 1,
}

# Where clubs and federations of each origin state are, along the real migration
# corridors (Zacatecas, Michoacán and Jalisco to California and Illinois, Oaxaca to
# California, Puebla to New York, Guerrero to Illinois and New York, Guanajuato to
# Texas, California and Illinois, Hidalgo to Texas, Georgia and Florida). Drawn by
# quota (draws.Quotas), so each origin's clubs follow these shares closely.
DESTINATIONS = {
    "MX-ZAC": {"US-CA": 5, "US-IL": 5, "US-TX": 1.5, "US-CO": 0.5},
    "MX-MIC": {"US-CA": 5, "US-IL": 3, "US-TX": 1, "US-WA": 0.5, "US-OR": 0.5},
    "MX-JAL": {"US-CA": 5, "US-IL": 3, "US-TX": 1, "US-NV": 0.5},
    "MX-GUA": {"US-TX": 4, "US-CA": 3, "US-IL": 3, "US-GA": 1},
    "MX-OAX": {"US-CA": 7, "US-NY": 1, "US-OR": 0.5, "US-WA": 0.5},
    "MX-GRO": {"US-IL": 4, "US-NY": 3, "US-CA": 1, "US-NC": 0.5, "US-GA": 0.5},
    "MX-PUE": {"US-NY": 7, "US-NJ": 1.5, "US-CA": 0.5},
    "MX-DUR": {"US-IL": 2, "US-CA": 2, "US-TX": 2, "US-CO": 1},
    "MX-SLP": {"US-TX": 4, "US-IL": 1},
    "MX-HID": {"US-TX": 2, "US-GA": 2, "US-FL": 2, "US-NV": 1},
    "MX-MEX": {"US-CA": 2, "US-TX": 2, "US-IL": 1},
    "MX-VER": {"US-TX": 2, "US-NC": 2, "US-FL": 1},
    "MX-CHH": {"US-TX": 3, "US-NM": 2, "US-CO": 1},
    "MX-NAY": {"US-CA": 3, "US-AZ": 1},
    "MX-MOR": {"US-MN": 2, "US-CA": 1},
    "MX-AGU": {"US-CA": 2, "US-TX": 1, "US-IL": 1},
    "MX-COL": {"US-CA": 2, "US-WA": 1},
    "MX-QUE": {"US-TX": 2, "US-CA": 1},
    "MX-SIN": {"US-CA": 2, "US-AZ": 1},
    "MX-TLA": {"US-NY": 1, "US-CA": 1},
    "MX-CHP": {"US-CA": 1, "US-FL": 1, "US-TX": 1},
    "MX-YUC": {"US-CA": 2, "US-OR": 1},
}

INDIGENOUS_LANGUAGES = {
    "MX-OAX": ("zap", "mix", "trc"),
    "MX-GRO": ("nah", "mix"),
    "MX-MIC": ("tsz",),
    "MX-PUE": ("nah",),
    "MX-HID": ("oto", "nah"),
    "MX-MEX": ("maz", "oto"),
    "MX-CHP": ("tzo", "tzh"),
    "MX-YUC": ("yua",),
    "MX-VER": ("nah",),
    "MX-SLP": ("nah",),
}
AFRO_COMMUNITIES = {"Pinotepa Nacional", "Ometepec", "Cuajinicuilapa", "Marquelia"}

SIZE_SHARES = {
    "hometown_club": {"small": 0.9, "medium": 0.1},
    "federation": {"medium": 0.7, "large": 0.3},
    "migrant_association": {"small": 0.5, "medium": 0.45, "large": 0.05},
    "diaspora_organization": {"small": 0.6, "medium": 0.4},
    "ngo": {"medium": 0.45, "large": 0.55},
    "faith_based": {"small": 0.3, "medium": 0.5, "large": 0.2},
    "union": {"medium": 0.6, "large": 0.4},
    "community_group": {"small": 0.9, "medium": 0.1},
    "cooperative": {"small": 0.7, "medium": 0.3},
    "network": {"medium": 0.4, "large": 0.6},
    "academic": {"medium": 0.6, "large": 0.4},
    "other": {"small": 0.4, "medium": 0.5, "large": 0.1},
}

# size: (paid staff, volunteers, members, budget bands, monthly capacity, founded)
SIZES = {
    "small": (
        (0, 0),
        (3, 25),
        (10, 150),
        ("none", "under_10k"),
        (10, 60),
        (1990, 2023),
    ),
    "medium": (
        (1, 8),
        (5, 60),
        (0, 800),
        ("10k_50k", "50k_250k"),
        (40, 300),
        (1985, 2020),
    ),
    "large": (
        (9, 80),
        (10, 200),
        (0, 3000),
        ("250k_1m", "over_1m"),
        (150, 2000),
        (1970, 2015),
    ),
}

ENGAGEMENT = {
    "small": {"none": 0.35, "inform": 0.35, "consult": 0.2, "involve": 0.1},
    "medium": {"inform": 0.2, "consult": 0.35, "involve": 0.3, "collaborate": 0.15},
    "large": {"consult": 0.15, "involve": 0.3, "collaborate": 0.4, "empower": 0.15},
}

# type: (core categories to choose one from, {extra category: probability})
SERVICES = {
    "hometown_club": (
        ("origin_development",),
        {
            "civic_participation": 0.3,
            "orientation": 0.3,
            "financial_inclusion": 0.2,
            "children_youth": 0.15,
            "education": 0.1,
        },
    ),
    "federation": (
        ("origin_development",),
        {
            "civic_participation": 0.7,
            "orientation": 0.5,
            "education": 0.4,
            "legal_advice": 0.2,
            "anti_discrimination": 0.3,
            "financial_inclusion": 0.3,
        },
    ),
    "migrant_association": (
        ("orientation", "employment", "labour_rights", "language_classes"),
        {
            "anti_discrimination": 0.3,
            "civic_participation": 0.3,
            "womens_services": 0.2,
            "housing": 0.2,
            "skills_training": 0.2,
        },
    ),
    "diaspora_organization": (
        ("orientation",),
        {
            "cultural_mediation": 0.6,
            "language_classes": 0.4,
            "legal_advice": 0.3,
            "employment": 0.3,
            "psychosocial": 0.2,
        },
    ),
    "ngo": (
        (
            "legal_advice",
            "legal_advice",
            "health",
            "psychosocial",
            "education",
            "employment",
            "housing",
            "family_reunification",
        ),
        {
            "family_reunification": 0.2,
            "psychosocial": 0.3,
            "children_youth": 0.25,
            "orientation": 0.4,
            "cultural_mediation": 0.2,
            "anti_discrimination": 0.2,
            "womens_services": 0.2,
            "housing": 0.15,
            "skills_training": 0.15,
        },
    ),
    "faith_based": (
        ("shelter", "shelter", "orientation"),
        {
            "health": 0.4,
            "orientation": 0.6,
            "legal_advice": 0.25,
            "psychosocial": 0.35,
            "children_youth": 0.2,
            "family_reunification": 0.2,
            "language_classes": 0.2,
        },
    ),
    "union": (
        ("labour_rights",),
        {"employment": 0.5, "skills_training": 0.4, "legal_advice": 0.2, "health": 0.2},
    ),
    "community_group": (
        (
            "language_classes",
            "children_youth",
            "womens_services",
            "orientation",
            "anti_discrimination",
        ),
        {"orientation": 0.2, "civic_participation": 0.15},
    ),
    "cooperative": (
        ("entrepreneurship",),
        {
            "financial_inclusion": 0.5,
            "origin_development": 0.4,
            "skills_training": 0.4,
            "womens_services": 0.3,
        },
    ),
    "network": (
        ("civic_participation",),
        {
            "orientation": 0.6,
            "anti_discrimination": 0.6,
            "legal_advice": 0.3,
            "family_reunification": 0.3,
        },
    ),
    "academic": (
        ("legal_advice", "education"),
        {"skills_training": 0.3, "psychosocial": 0.2, "cultural_mediation": 0.2},
    ),
    "other": (
        ("orientation", "education", "health", "employment", "housing"),
        {"psychosocial": 0.2},
    ),
}

TARGET_GROUPS_BY_SERVICE = {
    "womens_services": ("women",),
    "children_youth": ("children", "youth"),
    "shelter": ("newcomers", "asylum_seekers", "undocumented"),
    "legal_advice": ("undocumented", "asylum_seekers"),
    "labour_rights": ("workers",),
    "employment": ("workers",),
    "origin_development": ("families",),
    "education": ("students",),
    "family_reunification": ("families",),
    "orientation": ("newcomers",),
    "skills_training": ("workers", "returnees"),
}

# Regions with demand where, on purpose, nobody delivers the service, so that the
# coverage maps have a true gap to show (no location, listed area or radius reaches
# them).
DELIBERATE_GAPS = (
    ("MX-ZAC", "legal_advice"),
    ("MX-CHH", "womens_services"),
    ("MX-GRO", "psychosocial"),
    ("US-GA", "legal_advice"),
    ("US-NC", "language_classes"),
    ("US-OR", "family_reunification"),
)
