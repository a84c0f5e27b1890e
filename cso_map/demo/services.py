"""Generate the services of a fictional organization, and carve the deliberate gaps."""

from __future__ import annotations

import random
from dataclasses import dataclass

import shapely

from cso_map.demo import profiles as p
from cso_map.demo import wording as w
from cso_map.demo.ids import demo_id
from cso_map.demo.regions import demo_regions
from cso_map.taxonomy import SERVICE_CATEGORIES

# A degree of longitude is at least 73 km everywhere in the demo area (latitude < 49°),
# so a radius shorter than 73 km per degree of planar distance cannot reach a region.
MIN_KM_PER_DEGREE = 73.0
NO_FEE_CATEGORIES = {"entrepreneurship", "skills_training", "financial_inclusion"}
NO_DOCUMENTS_LIKELY = {
    "shelter": 0.95,
    "orientation": 0.9,
    "health": 0.85,
    "legal_advice": 0.8,
}
WALK_IN_LIKELY = {"shelter": 1.0, "orientation": 0.6, "health": 0.5}


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
        categories += ["shelter"] if rng.random() < 0.5 else []
    else:
        first = rng.choice(core)
        if any(word in provider.name for word in w.SHELTER_WORDS):
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
    return {
        "id": demo_id(provider.seed, "service", provider.index, position),
        "category": category,
        "name": name,
        "description": service_description(category, language, provider.name),
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
        "area_regions": _area(
            rng,
            provider.cso_type,
            category,
            provider.size,
            provider.state,
            provider.origin,
        ),
        "radius_km": rng.choice([25, 50, 75, 100, 150])
        if provider.size != "small" and rng.random() < 0.3
        else None,
        **_hours(rng, provider.cso_type, category, language),
        "assured_days_ago": rng.randint(5, 330)
        if rng.random() < 0.75
        else rng.randint(380, 1000),
        "location_ids": physical[:1]
        + [pid for pid in physical[1:] if rng.random() < 0.5]
        + virtual,
    }


def service_description(category: str, language: str, org_name: str) -> str:
    """Return the one-line description of a generated service."""
    label = SERVICE_CATEGORIES[category].label(language)
    return w.SERVICE_DESCRIPTIONS[language].format(
        category=label.lower() if language == "es" else label, org=org_name
    )


def _eligibility(rng: random.Random, category: str, language: str) -> dict:
    women_only = category == "womens_services" and rng.random() < 0.8
    ages = {"children_youth": rng.choice([(6, 17), (12, 24)]), "education": (15, None)}
    minimum, maximum = ages.get(category, (None, None))
    notes = {
        "es": "Solo mujeres, con sus hijas e hijos.",
        "en": "Women and their children only.",
    }
    return {
        "free_of_charge": rng.random()
        < (0.5 if category in NO_FEE_CATEGORIES else 0.9),
        "no_documents_required": rng.random() < NO_DOCUMENTS_LIKELY.get(category, 0.5),
        "women_only": women_only,
        "walk_in": rng.random() < WALK_IN_LIKELY.get(category, 0.2),
        "minimum_age": minimum,
        "maximum_age": maximum,
        "eligibility_notes": notes[language] if women_only else "",
    }


def _area(rng, cso_type, category, size, state, origin) -> list[str]:
    if category == "origin_development" and origin:
        return [origin]
    if cso_type == "network":
        return [state[:2]]
    if size == "large" and rng.random() < 0.2:
        weights = p.MEXICO_STATES if state.startswith("MX") else p.US_STATES
        return sorted({state, rng.choice(list(weights))})
    return [state]


def _hours(rng: random.Random, cso_type: str, category: str, language: str) -> dict:
    if category == "shelter":
        every_day = [[day, "00:00", "23:59"] for day in range(7)]
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


def enforce_gaps(records: list[dict], rng: random.Random) -> None:
    """Remove every service reaching a deliberate gap (profiles.DELIBERATE_GAPS).

    An organization left without services keeps its first one, turned into orientation.
    """
    regions = demo_regions().set_index("code")
    gaps: dict[str, list[str]] = {}
    for region, category in p.DELIBERATE_GAPS:
        gaps.setdefault(category, []).append(region)
    for record in records:
        state = record["_context"]["state"]
        services = record["services"]
        kept = [
            s
            for s in services
            if _clear_gaps(state, record["locations"], s, gaps, regions)
        ]
        if not kept:
            language = record["_context"]["language"]
            first = services[0]
            first["category"] = "orientation"
            first["name"] = rng.choice(w.SERVICE_NAMES["orientation"][language])
            first["description"] = service_description(
                "orientation", language, record["name"]
            )
            first["area_regions"] = [state]
            first["radius_km"] = None
            kept = [first]
        record["services"] = kept


def _clear_gaps(
    state: str, locations: list[dict], service: dict, gaps: dict, regions
) -> bool:
    """Shrink `service` so it reaches no gap of its category; False if it must go."""
    for region in gaps.get(service["category"], ()):
        if state == region:
            return False
        area = [
            code for code in service["area_regions"] if code not in (region, region[:2])
        ]
        service["area_regions"] = area or [state]
        if service["radius_km"] and _within_reach(
            locations, regions.geometry[region], service["radius_km"]
        ):
            service["radius_km"] = None
    return True


def _within_reach(locations: list[dict], geometry, radius_km: float) -> bool:
    """Return whether a radius around any physical location could touch `geometry`."""
    return any(
        shapely.Point(location["lon"], location["lat"]).distance(geometry)
        * MIN_KM_PER_DEGREE
        <= radius_km
        for location in locations
        if location["type"] == "physical"
    )
