"""Generate the services of a fictional organization."""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache

import shapely

from cso_map.demo import profiles as p
from cso_map.demo import wording as w
from cso_map.demo.addresses import state_geometries
from cso_map.demo.ids import demo_id
from cso_map.demo.regions import demo_regions
from cso_map.geo.adjacency import region_neighbours
from cso_map.taxonomy import SERVICE_CATEGORIES

# Services that may list a state across the border, by organizations next to it.
BINATIONAL_CATEGORIES = {"family_reunification": 0.5, "legal_advice": 0.2}
BORDER_REACH_DEGREES = 1.5  # how near the border (about 150 km) they must be
NIGHT_SHELTER_SHARE = 0.3
NO_FEE_CATEGORIES = {"entrepreneurship", "skills_training", "financial_inclusion"}
NO_DOCUMENTS_LIKELY = {
    "shelter": 0.95,
    "orientation": 0.9,
    "health": 0.85,
    "legal_advice": 0.8,
}
WALK_IN_LIKELY = {"shelter": 1.0, "orientation": 0.6, "health": 0.5}
# Services that can be given by phone or online (a shelter or a development
# project cannot).
REMOTE_CATEGORIES = frozenset(
    {
        "orientation",
        "legal_advice",
        "labour_rights",
        "family_reunification",
        "psychosocial",
        "womens_services",
        "language_classes",
        "employment",
        "financial_inclusion",
        "civic_participation",
        "anti_discrimination",
    }
)


@dataclass(frozen=True)
class Provider:
    """The generated organization whose services are drawn, as they depend on it."""

    seed: int
    index: int
    cso_type: str
    womens: bool
    size: str
    language: str
    languages: list[str]
    locations: list[dict]
    state: str
    origin: str | None
    name: str
    capacity: tuple[int, int]
    story: str | None = None
    shelter_allowed: bool = True


def build_services(provider: Provider, rng: random.Random) -> list[dict]:
    """Return the service records of one generated organization."""
    categories = _categories(provider, rng)
    return [
        _service(provider, rng, position, category)
        for position, category in enumerate(categories)
    ]


def _categories(provider: Provider, rng: random.Random) -> list[str]:
    """Draw the categories of an organization's services (at most five)."""
    core, extras = p.SERVICES[provider.cso_type]
    if provider.womens:
        categories = ["womens_services", "psychosocial", "legal_advice"]
        shelters = rng.random() < 0.5 and provider.shelter_allowed
        categories += ["shelter"] if shelters else []
    else:
        first = rng.choice(core)
        if provider.story == "shelter" or any(
            word in provider.name for word in w.SHELTER_WORDS
        ):
            # A "Casa del Migrante" shelters people, whatever else it does.
            first = "shelter"
        categories = [first] + [
            c for c, chance in extras.items() if rng.random() < chance
        ]
    return list(dict.fromkeys(categories))[:5]


def _service(
    provider: Provider, rng: random.Random, position: int, category: str
) -> dict:
    """Return the record of one service; its draws come in a fixed order."""
    language, languages = provider.language, provider.languages
    locations = provider.locations
    physical = [
        location["id"] for location in locations if location["type"] == "physical"
    ]
    virtual = [
        location["id"] for location in locations if location["type"] == "virtual"
    ]
    names = w.SERVICE_NAMES[category]
    in_mexico = provider.state.startswith("MX")
    pool = names.get("es_mx") if category == "language_classes" and in_mexico else None
    name = rng.choice(pool or names[language])
    spoken = [code for code in languages if code == languages[0] or rng.random() < 0.7]
    areas = _area(rng, provider, category)
    binational = provider.state in areas and any(
        code[:2] != provider.state[:2] for code in areas
    )
    return {
        "id": demo_id(provider.seed, "service", provider.index, position),
        "category": category,
        "name": name + w.BINATIONAL_SUFFIX[language] if binational else name,
        "description": service_description(
            category, language, provider.name, binational
        ),
        "status": rng.choices(
            ["active", "inactive", "temporarily closed", "defunct"],
            [0.92, 0.04, 0.02, 0.02],
        )[0],
        "languages": spoken,
        **_eligibility(rng, category, language),
        "application_process": w.WHAT_TO_BRING[language] if rng.random() < 0.4 else "",
        "capacity_per_month": rng.randint(*provider.capacity)
        if rng.random() < 0.85
        else None,
        "area_regions": areas,
        "radius_km": rng.choice([25, 50, 75, 100, 150])
        if provider.size != "small" and rng.random() < 0.3
        else None,
        **_hours(rng, provider.cso_type, category, language),
        "assured_days_ago": rng.randint(5, 330)
        if rng.random() < 0.75
        else rng.randint(380, 1000),
        "location_ids": physical[:1]
        + [pid for pid in physical[1:] if rng.random() < 0.5 and category != "shelter"]
        + (virtual if category in REMOTE_CATEGORIES else []),
        **_delivery(provider, category, bool(virtual)),
    }


def _delivery(provider: Provider, category: str, has_web: bool) -> dict:
    """Return how a service is given, derived (no draw): online where its group
    has a web address, by phone for a national network's lines; in person too."""
    remote = category in REMOTE_CATEGORIES
    return {
        "by_phone": remote and provider.cso_type == "network",
        "online": remote and has_web,
        "remote_only": False,
    }


def service_description(
    category: str, language: str, org_name: str, binational: bool = False
) -> str:
    """Return the one-line description of a generated service."""
    label = SERVICE_CATEGORIES[category].label(language)
    texts = w.BINATIONAL_DESCRIPTIONS if binational else w.SERVICE_DESCRIPTIONS
    return texts[language].format(
        category=label.lower() if language == "es" else label, org=org_name
    )


def translate_service(service: dict, language: str, org_name: str) -> None:
    """Give a final service its texts in the other language (no draw): its
    texts are in `language`, the organization's."""
    other = "en" if language == "es" else "es"
    suffix = w.BINATIONAL_SUFFIX[language]
    binational = service["name"].endswith(suffix)
    name = service["name"].removesuffix(suffix) if binational else service["name"]
    translated = w.SERVICE_NAME_TRANSLATIONS[name]
    service["text_language"] = language
    service["name_translation"] = (
        translated + w.BINATIONAL_SUFFIX[other] if binational else translated
    )
    service["description_translation"] = service_description(
        service["category"], other, org_name, binational
    )
    service["eligibility_notes_translation"] = (
        w.WOMEN_ONLY_NOTES[other] if service["eligibility_notes"] else ""
    )
    service["application_process_translation"] = (
        w.WHAT_TO_BRING[other] if service["application_process"] else ""
    )


def _eligibility(rng: random.Random, category: str, language: str) -> dict:
    women_only = category == "womens_services" and rng.random() < 0.8
    ages = {"children_youth": rng.choice([(6, 17), (12, 24)]), "education": (15, None)}
    minimum, maximum = ages.get(category, (None, None))
    return {
        "free_of_charge": rng.random()
        < (0.5 if category in NO_FEE_CATEGORIES else 0.9),
        "no_documents_required": rng.random() < NO_DOCUMENTS_LIKELY.get(category, 0.5),
        "women_only": women_only,
        "walk_in": rng.random() < WALK_IN_LIKELY.get(category, 0.2),
        "minimum_age": minimum,
        "maximum_age": maximum,
        "eligibility_notes": w.WOMEN_ONLY_NOTES[language] if women_only else "",
    }


@cache
def state_neighbours() -> dict[str, tuple[list[str], list[str]]]:
    """Return each state's neighbours in its own country and across the border."""
    regions = demo_regions()
    codes = list(regions[regions.level == "state"].code)
    touching = region_neighbours(regions[regions.level == "state"].geometry)
    result = {}
    for index, code in enumerate(codes):
        near = sorted(codes[other] for other in touching[index])
        result[code] = (
            [other for other in near if other[:2] == code[:2]],
            [other for other in near if other[:2] != code[:2]],
        )
    return result


def _area(rng: random.Random, provider: Provider, category: str) -> list[str]:
    """Return the regions a service lists: its state, a neighbour, or across."""
    state = provider.state
    if category == "origin_development" and provider.origin:
        return [provider.origin]
    if provider.cso_type == "network":
        return [state[:2]]
    same_country, abroad = state_neighbours()[state]
    chance = BINATIONAL_CATEGORIES.get(category, 0)
    if abroad and provider.size != "small" and rng.random() < chance:
        across, distance = _nearest_state(provider.locations, abroad)
        if distance <= BORDER_REACH_DEGREES:
            return [state, across]
    if provider.size == "large" and same_country and rng.random() < 0.2:
        return sorted({state, rng.choice(same_country)})
    return [state]


def _nearest_state(locations: list[dict], codes: list[str]) -> tuple[str, float]:
    """Return the state of `codes` nearest to the first physical place, and how far."""
    place = next(loc for loc in locations if loc["type"] == "physical")
    point = shapely.Point(place["lon"], place["lat"])
    geometries = state_geometries()
    distances = {code: geometries[code].distance(point) for code in codes}
    nearest = min(codes, key=distances.__getitem__)
    return nearest, distances[nearest]


def _hours(rng: random.Random, cso_type: str, category: str, language: str) -> dict:
    if category == "shelter":
        if rng.random() < NIGHT_SHELTER_SHARE:  # closes the next morning
            nights = [[day, "19:00", "07:00"] for day in range(7)]
            return {"schedules": nights, "hours_notes": w.NIGHT_SHELTER_HOURS[language]}
        every_day = [[day, "00:00", "00:00"] for day in range(7)]  # 00:00-00:00: 24 h
        return {"schedules": every_day, "hours_notes": w.SHELTER_HOURS[language]}
    if cso_type in ("hometown_club", "federation"):
        return {
            "schedules": [[5, "10:00", "14:00"]] if rng.random() < 0.5 else [],
            "hours_notes": "",
        }
    if cso_type == "community_group":
        return {
            "schedules": [[1, "18:00", "20:00"], [3, "18:00", "20:00"]],
            "hours_notes": "",
        }
    if rng.random() < 0.3:
        return {"schedules": [], "hours_notes": ""}
    closing = rng.choice(["17:00", "18:00"])
    days = [[day, "09:00", closing] for day in range(5)]
    if rng.random() < 0.2:
        days.append([5, "10:00", "13:00"])
    return {"schedules": days, "hours_notes": ""}
