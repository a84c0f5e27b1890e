"""Generate a fictional, reproducible directory of organizations as plain records.

Every record is drawn from one random generator in a fixed order, so the same
seed gives the same directory: reordering the draws below changes seed_data/.
"""

from __future__ import annotations

import random

from cso_map.demo import profiles as p
from cso_map.demo import stories as s
from cso_map.demo import wording as w
from cso_map.demo.addresses import Home, draw_home, draw_locations
from cso_map.demo.contacts import phone
from cso_map.demo.draws import pick
from cso_map.demo.gaps import enforce_gaps
from cso_map.demo.ids import demo_id
from cso_map.demo.naming import acronym, draw_name, organization_description, slug
from cso_map.demo.run import Run
from cso_map.demo.services import Provider, build_services, translate_service
from cso_map.demo.traits import (
    draw_days_ago,
    draw_languages,
    draw_legal_status,
    draw_needs,
    draw_origins,
    draw_parent,
    draw_skills,
    draw_target_groups,
    draw_verification,
)


def generate_organizations(count: int, seed: int = 2026) -> list[dict]:
    """Return `count` fictional organizations, the same ones for the same seed."""
    run = Run.start(seed)
    plan = _type_plan(count)
    pins = _pin_plan(plan)
    records = []
    for index, cso_type in enumerate(plan):
        record = _organization(run, index, cso_type, pins.get(index))
        if cso_type == "federation":
            key = (record["_context"]["origin"], record["_context"]["state"])
            run.federations.setdefault(key, record)
        records.append(record)
    enforce_gaps(records, run.rng)
    for record in records:
        _describe(record, run.rng)
    return records


def _type_plan(count: int) -> list[str]:
    """Return organization types in generation order: federations before their clubs."""
    plan = []
    for cso_type, share in p.TYPE_SHARES.items():
        plan += [cso_type] * round(count * share)
    plan = (plan + ["community_group"] * count)[:count]
    return sorted(plan, key=lambda cso_type: cso_type != "federation")


def _pin_plan(plan: list[str]) -> dict[int, s.Pin]:
    """Return {index: pin}: each pin takes the first unpinned index of its type."""
    pins: dict[int, s.Pin] = {}
    for pin in s.PINS:
        free = (
            i for i, kind in enumerate(plan) if kind == pin.cso_type and i not in pins
        )
        index = next(free, None)
        if index is not None:
            pins[index] = pin
    return pins


def _organization(run: Run, index: int, cso_type: str, pin: s.Pin | None) -> dict:
    """Return one organization record (with a `_context` that `_describe` drops)."""
    rng = run.rng
    home = draw_home(rng, run.places, run.quotas, cso_type, pin)
    size = pick(rng, p.SIZE_SHARES[cso_type])
    womens = (
        cso_type in ("ngo", "community_group", "migrant_association")
        and rng.random() < 0.12
        and home.story is None
    )
    name, language = draw_name(rng, cso_type, womens, home, run.names)
    registered = size == "large" or rng.random() < (0.85 if size == "medium" else 0.35)
    reviewed = draw_days_ago(rng)
    confidential = (womens and rng.random() < 0.5) or rng.random() < 0.02
    languages = draw_languages(
        rng, cso_type, language, home.country, home.state, home.origin, home.story
    )
    locations = draw_locations(run, index, home, size, cso_type)
    provider = Provider(
        seed=run.seed,
        index=index,
        cso_type=cso_type,
        womens=womens,
        size=size,
        language=language,
        languages=languages,
        locations=locations,
        state=home.state,
        origin=home.origin,
        name=name,
        capacity=p.SIZES[size][4],
        story=home.story,
        shelter_allowed=home.country == "US"
        or (home.state, home.city) in s.SHELTER_ROUTE,
    )
    services = build_services(provider, rng)
    record = {
        "id": demo_id(run.seed, "organization", index),
        **_identity(run, index, cso_type, name, home, size, registered),
        **_capacity(rng, cso_type, size, registered, womens),
        **_standing(rng, index, language, confidential, reviewed),
        "origins": draw_origins(
            rng, cso_type, home.origin, home.community, home.country, home.story
        ),
        "locations": locations,
        "services": services,
        "_context": _context(home, language, languages),
    }
    if not record["open_to_mentor"]:
        record["seeking_mentor"] = rng.random() < (0.45 if size == "small" else 0.15)
    return record


def _identity(run, index, cso_type, name, home, size, registered) -> dict:
    """Return the record's fields from `name` to `parent_id`, in that order."""
    rng, country = run.rng, home.country
    founded = p.SIZES[size][5]
    area_code = run.contacts.area_code(home.state, home.lat, home.lon)
    return {
        "name": name,
        "alternate_name": acronym(name)
        if cso_type in ("federation", "network", "ngo")
        else None,
        "type": cso_type,
        "email": f"contacto@{slug(name)}.example.org" if rng.random() < 0.85 else None,
        "website": f"https://{slug(name)}.example.org" if rng.random() < 0.55 else None,
        "phone": phone(area_code, country, index) if rng.random() < 0.9 else None,
        "year_founded": rng.randint(*founded),
        "legal_status": draw_legal_status(rng, country, cso_type, registered),
        "legally_registered": registered,
        "parent_id": draw_parent(
            rng, cso_type, home.origin, home.state, run.federations
        ),
    }


def _capacity(rng, cso_type, size, registered, womens) -> dict:
    """Return the record's fields from `paid_staff` to `engagement_level`."""
    staff, volunteers, members, budgets, _capacity, _founded = p.SIZES[size]
    counts = {
        "paid_staff": rng.randint(*staff),
        "volunteers": rng.randint(*volunteers),
        "members": rng.randint(*members),
    }
    return {
        **counts,
        "budget_band": rng.choice(budgets),
        "skills": draw_skills(rng, size, cso_type),
        "support_needs": draw_needs(rng, size, registered),
        "open_to_mentor": (size == "large" and rng.random() < 0.75)
        or (size == "medium" and rng.random() < 0.35),
        "seeking_mentor": False,
        "accepts_volunteers": welcomes_volunteers(counts),
        "women_led": womens or rng.random() < 0.35,
        "engagement_level": pick(rng, p.ENGAGEMENT[size]),
    }


def welcomes_volunteers(counts: dict) -> bool:
    """Return whether a group with these counts welcomes volunteers: most that
    have some do. Derived from the counts, so it takes no random draw and the
    rest of the demo stays as it was."""
    return (
        counts["volunteers"] > 0 and (counts["volunteers"] + counts["members"]) % 3 != 0
    )


def _standing(rng, index, language, confidential, reviewed) -> dict:
    """Return the record's fields from `location_confidential` to `status`."""
    return {
        "location_confidential": confidential,
        "contact_instructions": w.CONFIDENTIAL_CONTACT[language]
        if confidential
        else "",
        "verification_status": draw_verification(rng, index, reviewed),
        "reviewed_days_ago": reviewed,
        "status": rng.choices(["active", "inactive", "defunct"], [0.95, 0.04, 0.01])[0],
    }


def _context(home: Home, language: str, languages: list[str]) -> dict:
    """Return what `_describe` needs once the services are final."""
    return {
        "state": home.state,
        "language": language,
        "city": home.city,
        "community": home.community,
        "origin": home.origin,
        "languages": languages,
        "story": home.story,
    }


def _describe(record: dict, rng: random.Random) -> None:
    """Describe the organization from its final services, in its language and
    the other one (its services too); drop the context."""
    context = record.pop("_context")
    language = context["language"]
    categories = [service["category"] for service in record["services"]]
    record["description"], record["description_translation"] = (
        organization_description(
            written,
            record["type"],
            context["city"],
            context["state"],
            context["community"],
            context["origin"],
            categories,
            context["story"],
        )
        for written in (language, "en" if language == "es" else "es")
    )
    record["text_language"] = language
    for service in record["services"]:
        translate_service(service, language, record["name"])
    record["target_groups"] = draw_target_groups(
        rng,
        record["type"],
        categories,
        context["languages"],
        context["community"],
        record["name"],
        context["story"],
    )
