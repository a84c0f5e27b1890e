"""Generate a fictional, reproducible directory of organizations as plain records.

Every record is drawn from one random generator in a fixed order, so the same
seed gives the same directory: reordering the draws below changes seed_data/.
"""

from __future__ import annotations

import random

from cso_map.demo import profiles as p
from cso_map.demo import wording as w
from cso_map.demo.addresses import Home, draw_home, draw_locations
from cso_map.demo.draws import Places, pick
from cso_map.demo.ids import demo_id
from cso_map.demo.naming import (
    acronym,
    draw_name,
    organization_description,
    phone,
    slug,
)
from cso_map.demo.services import Provider, build_services, enforce_gaps
from cso_map.demo.traits import (
    draw_days_ago,
    draw_languages,
    draw_needs,
    draw_origins,
    draw_parent,
    draw_skills,
    draw_target_groups,
    draw_verification,
)


def generate_organizations(count: int, seed: int = 2026) -> list[dict]:
    """Return `count` fictional organizations, the same ones for the same seed."""
    rng = random.Random(seed)
    places = Places()
    plan = _type_plan(count)
    federations: dict[tuple[str, str], dict] = {}
    names: set[str] = set()
    records = []
    for index, cso_type in enumerate(plan):
        record = _organization(seed, index, cso_type, rng, places, federations, names)
        if cso_type == "federation":
            key = (record["_context"]["origin"], record["_context"]["state"])
            federations.setdefault(key, record)
        records.append(record)
    enforce_gaps(records, rng)
    for record in records:
        _describe(record, rng)
    return records


def _type_plan(count: int) -> list[str]:
    """Return organization types in generation order: federations before their clubs."""
    plan = []
    for cso_type, share in p.TYPE_SHARES.items():
        plan += [cso_type] * round(count * share)
    plan = (plan + ["community_group"] * count)[:count]
    return sorted(plan, key=lambda cso_type: cso_type != "federation")


def _organization(seed, index, cso_type, rng, places, federations, names) -> dict:
    """Return one organization record (with a `_context` that `_describe` drops)."""
    home = draw_home(rng, places, cso_type)
    size = pick(rng, p.SIZE_SHARES[cso_type])
    womens = (
        cso_type in ("ngo", "community_group", "migrant_association")
        and rng.random() < 0.12
    )
    name, language = draw_name(
        rng, cso_type, womens, home.city, home.community, home.origin, home.state, names
    )
    registered = size == "large" or rng.random() < (0.85 if size == "medium" else 0.35)
    reviewed = draw_days_ago(rng)
    confidential = (womens and rng.random() < 0.5) or rng.random() < 0.02
    languages = draw_languages(
        rng, cso_type, language, home.country, home.state, home.origin, name
    )
    locations = draw_locations(seed, index, rng, places, home, size, cso_type)
    provider = Provider(
        seed=seed,
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
    )
    services = build_services(provider, rng)
    record = {
        "id": demo_id(seed, "organization", index),
        **_identity(rng, index, cso_type, name, home, size, registered, federations),
        **_capacity(rng, cso_type, size, registered, womens),
        **_standing(rng, index, language, confidential, reviewed),
        "origins": draw_origins(
            rng, cso_type, home.origin, home.community, home.country, name
        ),
        "locations": locations,
        "services": services,
        "_context": _context(home, language, languages),
    }
    if not record["open_to_mentor"]:
        record["seeking_mentor"] = rng.random() < (0.45 if size == "small" else 0.15)
    return record


def _identity(rng, index, cso_type, name, home, size, registered, federations) -> dict:
    """Return the record's fields from `name` to `parent_id`, in that order."""
    country = home.country
    founded = p.SIZES[size][5]
    return {
        "name": name,
        "alternate_name": acronym(name)
        if cso_type in ("federation", "network", "ngo")
        else None,
        "type": cso_type,
        "email": f"contacto@{slug(name)}.example.org" if rng.random() < 0.85 else None,
        "website": f"https://{slug(name)}.example.org" if rng.random() < 0.55 else None,
        "phone": phone(rng, country, index) if rng.random() < 0.9 else None,
        "year_founded": rng.randint(*founded),
        "legal_status": rng.choice(w.LEGAL_STATUS[country][:3])
        if registered
        else w.LEGAL_STATUS[country][3],
        "legally_registered": registered,
        "parent_id": draw_parent(rng, cso_type, home.origin, home.state, federations),
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
    }


def _describe(record: dict, rng: random.Random) -> None:
    """Describe the organization from its final services; drop the context."""
    context = record.pop("_context")
    categories = [service["category"] for service in record["services"]]
    record["description"] = organization_description(
        context["language"],
        record["type"],
        context["city"],
        context["state"],
        context["community"],
        context["origin"],
        categories,
    )
    record["target_groups"] = draw_target_groups(
        rng,
        record["type"],
        categories,
        context["languages"],
        context["community"],
        record["name"],
    )
