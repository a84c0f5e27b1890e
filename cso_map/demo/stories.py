"""Where the demo's true stories happen: shelters on the migrant routes, diasporas.

Pure data. A `Pin` places one organization in a named real town, so that the map
always shows what a planner knows to be there: the shelters of the southern route
and the border, Afro-Mexican groups of the Costa Chica, Garifuna and Haitian
communities.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pin:
    """One organization of `cso_type` placed in `town` of `state`, with its story."""

    cso_type: str
    state: str
    town: str
    story: str
    origin: str | None = None
    community: str | None = None


# Towns on the migrant routes through Mexico where shelters (casas del migrante)
# stand: the southern border and the Isthmus, the train route through the Bajío and
# Mexico City, and the northern border. Every Mexican shelter of the demo is in one.
SHELTER_ROUTE = {
    ("MX-CHP", "Tapachula"): 4,
    ("MX-CHP", "Palenque"): 1,
    ("MX-CHP", "Tuxtla"): 1,
    ("MX-TAB", "Tenosique"): 3,
    ("MX-TAB", "Villahermosa"): 1,
    ("MX-OAX", "Ixtepec"): 3,
    ("MX-OAX", "Heroica Ciudad de Juchitán de Zaragoza"): 1,
    ("MX-VER", "Coatzacoalcos"): 2,
    ("MX-VER", "Córdoba"): 1,
    ("MX-PUE", "Puebla"): 1,
    ("MX-CMX", "Mexico City"): 3,
    ("MX-GUA", "Celaya"): 2,
    ("MX-GUA", "Irapuato"): 1,
    ("MX-QUE", "Santiago de Querétaro"): 1,
    ("MX-SLP", "San Luis Potosí"): 1,
    ("MX-JAL", "Guadalajara"): 1,
    ("MX-SIN", "Culiacán"): 1,
    ("MX-COA", "Saltillo"): 3,
    ("MX-COA", "Piedras Negras"): 2,
    ("MX-COA", "Torreón"): 1,
    ("MX-NLE", "Monterrey"): 2,
    ("MX-TAM", "Reynosa"): 3,
    ("MX-TAM", "Nuevo Laredo"): 2,
    ("MX-TAM", "Heroica Matamoros"): 2,
    ("MX-CHH", "Ciudad Juárez"): 3,
    ("MX-CHH", "Chihuahua"): 1,
    ("MX-SON", "Nogales"): 2,
    ("MX-SON", "Heroica Caborca"): 1,
    ("MX-SON", "Hermosillo"): 1,
    ("MX-BCN", "Mexicali"): 2,
    ("MX-BCN", "Tijuana"): 4,
}

# The shelters every demo shows, one pinned faith-based organization each.
SHELTER_PINS = (
    ("MX-CHP", "Tapachula"),
    ("MX-TAB", "Tenosique"),
    ("MX-OAX", "Ixtepec"),
    ("MX-VER", "Coatzacoalcos"),
    ("MX-GUA", "Celaya"),
    ("MX-GUA", "Irapuato"),
    ("MX-CMX", "Mexico City"),
    ("MX-COA", "Saltillo"),
    ("MX-COA", "Piedras Negras"),
    ("MX-TAM", "Reynosa"),
    ("MX-TAM", "Nuevo Laredo"),
    ("MX-TAM", "Heroica Matamoros"),
    ("MX-CHH", "Ciudad Juárez"),
    ("MX-SON", "Nogales"),
    ("MX-BCN", "Mexicali"),
    ("MX-BCN", "Tijuana"),
)

PINS = (
    Pin("community_group", "MX-GRO", "Ometepec", "afro_mexican"),
    Pin("ngo", "MX-OAX", "Pinotepa Nacional", "afro_mexican"),
    Pin("migrant_association", "MX-OAX", "Pinotepa Nacional", "afro_mexican"),
    Pin(
        "hometown_club",
        "US-NC",
        "Winston-Salem",
        "afro_mexican",
        origin="MX-GRO",
        community="Ometepec",
    ),
    Pin("diaspora_organization", "US-NY", "The Bronx", "garifuna"),
    Pin("diaspora_organization", "US-CA", "Los Angeles", "garifuna"),
    Pin("diaspora_organization", "US-TX", "Houston", "garifuna"),
    Pin("diaspora_organization", "US-FL", "Miami", "haitian"),
    Pin("diaspora_organization", "MX-BCN", "Tijuana", "haitian"),
    Pin("diaspora_organization", "MX-CHP", "Tapachula", "haitian"),
    *(Pin("faith_based", state, town, "shelter") for state, town in SHELTER_PINS),
)

# Diaspora organizations not pinned: which community, and the towns it lives in.
DIASPORA_SHARES = {
    "centroamerican": 3,
    "haitian": 2,
    "salvadoran": 2,
    "maya": 2,
    "garifuna": 1,
}
DIASPORA_TOWNS = {
    "centroamerican": {
        ("MX-CHP", "Tapachula"): 3,
        ("MX-TAB", "Tenosique"): 1,
        ("MX-CMX", "Mexico City"): 2,
        ("MX-NLE", "Monterrey"): 1,
        ("US-CA", "Los Angeles"): 2,
        ("US-TX", "Houston"): 2,
        ("US-FL", "Miami"): 1,
        ("US-IL", "Chicago"): 1,
    },
    "haitian": {
        ("MX-BCN", "Tijuana"): 2,
        ("MX-CHP", "Tapachula"): 2,
        ("MX-CMX", "Mexico City"): 2,
        ("MX-NLE", "Monterrey"): 1,
        ("MX-TAM", "Reynosa"): 1,
        ("US-FL", "Miami"): 3,
        ("US-FL", "Orlando"): 1,
        ("US-FL", "Delray Beach"): 1,
        ("US-NY", "Brooklyn"): 2,
        ("US-MA", "Boston"): 1,
        ("US-MA", "Brockton"): 1,
        ("US-NJ", "Newark"): 1,
    },
    "salvadoran": {
        ("MX-CHP", "Tapachula"): 1,
        ("MX-CMX", "Mexico City"): 1,
        ("US-CA", "Los Angeles"): 3,
        ("US-TX", "Houston"): 2,
        ("US-MD", "Silver Spring"): 1,
        ("US-MD", "Hyattsville"): 1,
        ("US-NY", "Brooklyn"): 1,
    },
    "maya": {
        ("MX-CHP", "Tapachula"): 2,
        ("MX-CHP", "Comitán"): 1,
        ("MX-CAM", "Campeche"): 1,
        ("MX-ROO", "Chetumal"): 1,
        ("US-CA", "Los Angeles"): 2,
        ("US-FL", "Jupiter"): 1,
        ("US-NE", "Omaha"): 1,
        ("US-TX", "Houston"): 1,
    },
    "garifuna": {
        ("US-NY", "The Bronx"): 3,
        ("US-NY", "Brooklyn"): 1,
        ("US-CA", "Los Angeles"): 2,
        ("US-TX", "Houston"): 2,
        ("US-LA", "New Orleans"): 1,
        ("US-FL", "Miami"): 1,
    },
}
DIASPORA_ORIGINS = {
    "haitian": ("HT",),
    "garifuna": ("HN",),
    "maya": ("GT",),
    "salvadoran": ("SV",),
    "centroamerican": ("GT", "HN", "SV"),
}
# Stories whose people are Afro-descendant: the organization says it serves them.
AFRO_DESCENDANT_STORIES = {"afro_mexican", "garifuna", "haitian"}
