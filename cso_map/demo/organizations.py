"""Generate a fictional, reproducible directory of organizations as plain records."""

from __future__ import annotations

import random
import re
import unicodedata
import uuid
from collections.abc import Mapping

from cso_map.demo import profiles as p
from cso_map.demo import wording as w
from cso_map.demo.places import gazetteer
from cso_map.demo.regions import region_names
from cso_map.demo.services import build_services, enforce_gaps
from cso_map.taxonomy import SERVICE_CATEGORIES, TARGET_GROUPS

DEMO_NAMESPACE = uuid.UUID("0b8f3c1e-5d2a-4f6b-8c7e-9a1d2e3f4a5b")


def demo_id(seed: int, *parts: object) -> str:
    """Return a stable UUID for a demo record identified by `parts`."""
    return str(uuid.uuid5(DEMO_NAMESPACE, "/".join(map(str, (seed, *parts)))))


def pick(rng: random.Random, weights: Mapping[str, float]) -> str:
    """Return one key of `weights`, drawn with those weights."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def slug(text: str) -> str:
    """Return `text` as a short ASCII slug for fictional e-mail and web addresses."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40].strip("-")


class Places:
    """Weighted draws of real towns per region, from the GeoNames gazetteer."""

    def __init__(self) -> None:
        self.by_region: dict[str, list[tuple[str, float, float, float]]] = {}
        for row in gazetteer().itertuples():
            weight = float(row.population) ** 0.5
            self.by_region.setdefault(row.region, []).append(
                (row.name, row.lat, row.lon, weight)
            )

    def town(self, rng: random.Random, region: str) -> tuple[str, float, float]:
        """Return (name, lat, lon) of a town in `region`, larger towns more often."""
        towns = self.by_region[region]
        name, lat, lon, _ = rng.choices(towns, weights=[t[3] for t in towns])[0]
        return name, lat, lon


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
    in_mexico = rng.random() < p.SHARE_IN_MEXICO[cso_type]
    origin = (
        pick(rng, p.ORIGIN_STATES)
        if cso_type in ("hometown_club", "federation")
        else None
    )
    if origin:
        state = pick(rng, p.DESTINATIONS.get(origin, p.DEFAULT_DESTINATIONS))
    else:
        state = pick(rng, p.MEXICO_STATES if in_mexico else p.US_STATES)
    country = state[:2]
    city, lat, lon = places.town(rng, state)
    community_region = origin or (
        state if cso_type == "cooperative" else pick(rng, p.ORIGIN_STATES)
    )
    community = places.town(rng, community_region)[0]
    size = pick(rng, p.SIZE_SHARES[cso_type])
    womens = (
        cso_type in ("ngo", "community_group", "migrant_association")
        and rng.random() < 0.12
    )
    name, language = _name(rng, cso_type, womens, city, community, origin, state, names)
    staff, volunteers, members, budgets, capacity, founded = p.SIZES[size]
    registered = size == "large" or rng.random() < (0.85 if size == "medium" else 0.35)
    reviewed = _days_ago(rng)
    confidential = (womens and rng.random() < 0.5) or rng.random() < 0.02
    org_id = demo_id(seed, "organization", index)
    languages = _languages(rng, cso_type, language, country, state, origin, name)
    locations = _locations(
        seed, index, rng, places, state, city, lat, lon, size, cso_type
    )
    services = build_services(
        seed,
        index,
        rng,
        cso_type,
        womens,
        size,
        language,
        languages,
        locations,
        state,
        origin,
        name,
        capacity,
    )
    record = {
        "id": org_id,
        "name": name,
        "alternate_name": _acronym(name)
        if cso_type in ("federation", "network", "ngo")
        else None,
        "type": cso_type,
        "email": f"contacto@{slug(name)}.example.org" if rng.random() < 0.85 else None,
        "website": f"https://{slug(name)}.example.org" if rng.random() < 0.55 else None,
        "phone": _phone(rng, country, index) if rng.random() < 0.9 else None,
        "year_founded": rng.randint(*founded),
        "legal_status": rng.choice(w.LEGAL_STATUS[country][:3])
        if registered
        else w.LEGAL_STATUS[country][3],
        "legally_registered": registered,
        "parent_id": _parent(rng, cso_type, origin, state, federations),
        "paid_staff": rng.randint(*staff),
        "volunteers": rng.randint(*volunteers),
        "members": rng.randint(*members),
        "budget_band": rng.choice(budgets),
        "skills": _skills(rng, size, cso_type),
        "support_needs": _needs(rng, size, registered),
        "open_to_mentor": (size == "large" and rng.random() < 0.75)
        or (size == "medium" and rng.random() < 0.35),
        "seeking_mentor": False,
        "women_led": womens or rng.random() < 0.35,
        "engagement_level": pick(rng, p.ENGAGEMENT[size]),
        "location_confidential": confidential,
        "contact_instructions": w.CONFIDENTIAL_CONTACT[language]
        if confidential
        else "",
        "verification_status": _verification(rng, index, reviewed),
        "reviewed_days_ago": reviewed,
        "status": rng.choices(["active", "inactive", "defunct"], [0.95, 0.04, 0.01])[0],
        "origins": _origins(rng, cso_type, origin, community, country, name),
        "locations": locations,
        "services": services,
        "_context": {
            "state": state,
            "language": language,
            "city": city,
            "community": community,
            "origin": origin,
            "languages": languages,
        },
    }
    if not record["open_to_mentor"]:
        record["seeking_mentor"] = rng.random() < (0.45 if size == "small" else 0.15)
    return record


def _name(
    rng, cso_type, womens, city, community, origin, state, names
) -> tuple[str, str]:
    templates = w.WOMEN_NAMES if womens else w.ORGANIZATION_NAMES[cso_type]
    if state.startswith("MX"):  # English names only for organizations in the US
        templates = [template for template in templates if template[1] == "es"]
    state_name = _region_name(state, "es")
    for attempt in range(6):
        template, language = rng.choice(templates)
        name = template.format(
            city=city,
            community=community,
            word=rng.choice(w.NAME_WORDS),
            saint=rng.choice(w.SAINTS_ES),
            saint_en=rng.choice(w.SAINTS_EN),
            demonym=w.DEMONYMS.get(origin or "", "Mexicanos"),
            state=state_name,
        )
        if attempt >= 3:
            name = f"{name} ({city})"
        if name not in names:
            names.add(name)
            return name, language
    name = f"{name} {len(names)}"
    names.add(name)
    return name, language


def _region_name(code: str, language: str) -> str:
    return region_names()[code][language]


def _describe(record: dict, rng: random.Random) -> None:
    """Describe the organization from its final services; drop the context."""
    context = record.pop("_context")
    categories = [service["category"] for service in record["services"]]
    record["description"] = _description(
        context["language"],
        record["type"],
        context["city"],
        context["state"],
        context["community"],
        context["origin"],
        categories,
    )
    record["target_groups"] = _target_groups(
        rng,
        record["type"],
        categories,
        context["languages"],
        context["community"],
        record["name"],
    )


def _acronym(name: str) -> str | None:
    letters = "".join(word[0] for word in re.findall(r"[A-ZÁÉÍÓÚÑ][\wáéíóúñ']+", name))
    return letters if 2 < len(letters) < 8 else None


def _description(language, cso_type, city, state, community, origin, categories) -> str:
    texts = w.ORGANIZATION_DESCRIPTIONS[language]
    template = texts.get(cso_type, texts["default"])
    services = ", ".join(
        SERVICE_CATEGORIES[c].label(language).lower() for c in categories
    )
    return template.format(
        city=city,
        state=_region_name(state, language),
        community=community,
        origin=_region_name(origin, language) if origin else "",
        services=services,
    )


def _phone(rng: random.Random, country: str, index: int) -> str:
    if country == "US":  # 555-0100 to 555-0199 are reserved for fiction
        return f"+1 {rng.randint(201, 989)} 555 01{index % 100:02d}"
    # No real Mexican number has a 0000 exchange.
    return f"+52 {rng.randint(22, 99)} 0000 {index % 10000:04d}"


def _parent(rng, cso_type, origin, state, federations) -> str | None:
    federation = (
        federations.get((origin, state)) if cso_type == "hometown_club" else None
    )
    return federation["id"] if federation and rng.random() < 0.7 else None


def _skills(rng: random.Random, size: str, cso_type: str) -> list[str]:
    skills = [
        "project_design",
        "fundraising",
        "monitoring_evaluation",
        "advocacy",
        "legal_expertise",
        "accounting",
        "digital",
        "training",
        "cultural_mediation",
        "community_organizing",
    ]
    count = {
        "small": rng.randint(0, 1),
        "medium": rng.randint(1, 3),
        "large": rng.randint(3, 6),
    }
    chosen = set(rng.sample(skills, count[size]))
    if cso_type in ("hometown_club", "community_group", "federation"):
        chosen.add("community_organizing")
    return [skill for skill in skills if skill in chosen]


def _needs(rng: random.Random, size: str, registered: bool) -> list[str]:
    chances = {
        "small": {
            "funding": 0.9,
            "training": 0.6,
            "legal_registration": 0.0 if registered else 0.7,
            "mentoring": 0.4,
            "technical_assistance": 0.4,
            "space": 0.3,
            "volunteers": 0.2,
            "networking": 0.3,
        },
        "medium": {
            "funding": 0.6,
            "networking": 0.3,
            "technical_assistance": 0.3,
            "volunteers": 0.3,
            "training": 0.2,
        },
        "large": {"funding": 0.3, "volunteers": 0.3},
    }[size]
    return [need for need, chance in chances.items() if rng.random() < chance]


def _languages(rng, cso_type, language, country, state, origin, name) -> list[str]:
    codes = ["spa"]
    if language == "en" or (country == "US" and rng.random() < 0.6):
        codes.append("eng")
    indigenous = p.INDIGENOUS_LANGUAGES.get(origin or state, ())
    if indigenous and rng.random() < 0.4:
        codes += rng.sample(indigenous, rng.randint(1, len(indigenous)))
    if "Haiti" in name:
        codes += ["hat", "fra"]
    if "Maya" in name or "Centroamericana" in name:
        codes += rng.sample(["quc", "mam", "kek", "cak"], 2)
    if rng.random() < 0.03:
        codes.append("ase" if country == "US" else "mfs")
    return list(dict.fromkeys(codes))


def _target_groups(rng, cso_type, categories, languages, community, name) -> list[str]:
    groups = {
        group for c in categories for group in p.TARGET_GROUPS_BY_SERVICE.get(c, ())
    }
    if set(languages) - {"spa", "eng", "hat", "fra", "ase", "mfs", "por"}:
        groups.add("indigenous")
    if "hat" in languages or community in p.AFRO_COMMUNITIES:
        groups.add("afro_descendant")
    if cso_type == "cooperative" or rng.random() < 0.1:
        groups.add("returnees")
    if (cso_type == "community_group" and rng.random() < 0.15) or "Arcoíris" in name:
        groups.add("lgbtiq")
    if rng.random() < 0.08:
        groups.add(rng.choice(["elderly", "disability"]))
    return [code for code in TARGET_GROUPS.codes() if code in groups]


def _origins(rng, cso_type, origin, community, country, name) -> list[dict]:
    if origin:
        town = community if cso_type == "hometown_club" else None
        return [{"country": "MX", "region": origin, "community": town}]
    if cso_type == "diaspora_organization":
        foreign = "HT" if "Haiti" in name else rng.choice(["GT", "HN", "SV"])
        return [{"country": foreign, "region": None, "community": None}]
    if country == "US" and cso_type == "migrant_association" and rng.random() < 0.4:
        return [
            {"country": "MX", "region": pick(rng, p.ORIGIN_STATES), "community": None}
        ]
    return []


def _verification(rng: random.Random, index: int, reviewed: int | None) -> str:
    if index % 120 == 7:
        return "pending"
    return "verified" if reviewed is not None and rng.random() < 0.65 else "unverified"


def _days_ago(rng: random.Random) -> int | None:
    draw = rng.random()
    if draw < 0.7:
        return rng.randint(5, 330)
    return rng.randint(380, 1100) if draw < 0.9 else None


def _locations(
    seed, index, rng, places, state, city, lat, lon, size, cso_type
) -> list[dict]:
    towns = [(city, lat, lon)]
    if size != "small" and rng.random() < 0.15:
        towns.append(places.town(rng, state))
    locations = [
        _address(seed, index, position, rng, state, *town)
        for position, town in enumerate(towns)
    ]
    if cso_type == "network":
        locations.append(
            {
                "id": demo_id(seed, "location", index, len(locations)),
                "type": "virtual",
                "name": "En línea / Online",
                "url": "https://example.org/chat",
            }
        )
    return locations


def _address(seed, index, position, rng, state, city, lat, lon) -> dict:
    mexico = state.startswith("MX")
    street = (
        f"Calle {rng.choice(w.STREETS_MX)} {rng.randint(1, 999)}, "
        f"Col. {rng.choice(w.COLONIAS)}"
        if mexico
        else f"{rng.randint(100, 9999)} {rng.choice(w.STREETS_US)}"
    )
    return {
        "id": demo_id(seed, "location", index, position),
        "type": "physical",
        "name": None,
        "lat": round(lat + rng.uniform(-0.02, 0.02), 5),
        "lon": round(lon + rng.uniform(-0.02, 0.02), 5),
        "address_1": street,
        "city": city,
        "state_province": _region_name(state, "es" if mexico else "en"),
        "postal_code": f"{rng.randint(1000 if mexico else 10000, 99999):05d}",
        "country": state[:2],
    }
