"""Draws of a fictional organization's traits: capacities, languages, groups, ties."""

from __future__ import annotations

import random

from cso_map.demo import profiles as p
from cso_map.demo import stories as s
from cso_map.demo import wording as w
from cso_map.demo.draws import pick
from cso_map.taxonomy import TARGET_GROUPS

SKILL_CODES = (
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
)


def draw_skills(rng: random.Random, size: str, cso_type: str) -> list[str]:
    """Return the skills an organization can share: more, the larger it is."""
    skills = list(SKILL_CODES)
    count = {
        "small": rng.randint(0, 1),
        "medium": rng.randint(1, 3),
        "large": rng.randint(3, 6),
    }
    chosen = set(rng.sample(skills, count[size]))
    if cso_type in ("hometown_club", "community_group", "federation"):
        chosen.add("community_organizing")
    return [skill for skill in skills if skill in chosen]


def draw_needs(rng: random.Random, size: str, registered: bool) -> list[str]:
    """Return the support an organization needs: more, the smaller it is."""
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


def draw_legal_status(
    rng: random.Random, country: str, cso_type: str, registered: bool
) -> str:
    """Return a legal form that fits the country, the type and the registration."""
    forms = w.LEGAL_STATUS[(country, registered)]
    return rng.choice(forms.get(cso_type, forms["default"]))


def draw_languages(rng, cso_type, language, country, state, origin, story) -> list[str]:
    """Return the ISO 639-3 codes of the languages an organization works in."""
    codes = ["spa"]
    if language == "en" or (country == "US" and rng.random() < 0.6):
        codes.append("eng")
    indigenous = p.INDIGENOUS_LANGUAGES.get(origin or state, ())
    if indigenous and rng.random() < 0.4:
        codes += rng.sample(indigenous, rng.randint(1, len(indigenous)))
    if story == "haitian":
        codes += ["hat", "fra"]
    if story in ("maya", "centroamerican"):
        codes += rng.sample(["quc", "mam", "kek", "cak"], 2)
    if rng.random() < 0.03:
        codes.append("ase" if country == "US" else "mfs")
    return list(dict.fromkeys(codes))


def draw_target_groups(
    rng, cso_type, categories, languages, community, name, story=None
) -> list[str]:
    """Return the groups an organization serves, from its services and languages."""
    groups = {
        group for c in categories for group in p.TARGET_GROUPS_BY_SERVICE.get(c, ())
    }
    if set(languages) - {"spa", "eng", "hat", "fra", "ase", "mfs", "por"}:
        groups.add("indigenous")
    if (
        "hat" in languages
        or (cso_type == "hometown_club" and community in p.AFRO_COMMUNITIES)
        or story in s.AFRO_DESCENDANT_STORIES
    ):
        groups.add("afro_descendant")
    if cso_type == "cooperative" or rng.random() < 0.1:
        groups.add("returnees")
    if (cso_type == "community_group" and rng.random() < 0.15) or "Arcoíris" in name:
        groups.add("lgbtiq")
    if rng.random() < 0.08:
        groups.add(rng.choice(["elderly", "disability"]))
    return [code for code in TARGET_GROUPS.codes() if code in groups]


def draw_origins(rng, cso_type, origin, community, country, story) -> list[dict]:
    """Return the communities of origin an organization is tied to."""
    if origin:
        town = community if cso_type == "hometown_club" else None
        return [{"country": "MX", "region": origin, "community": town}]
    if story in s.DIASPORA_ORIGINS:
        foreign = rng.choice(s.DIASPORA_ORIGINS[story])
        return [{"country": foreign, "region": None, "community": None}]
    if country == "US" and cso_type == "migrant_association" and rng.random() < 0.4:
        return [
            {"country": "MX", "region": pick(rng, p.ORIGIN_STATES), "community": None}
        ]
    return []


def draw_parent(rng, cso_type, origin, state, federations) -> str | None:
    """Return the id of the federation a hometown club belongs to, if any."""
    federation = (
        federations.get((origin, state)) if cso_type == "hometown_club" else None
    )
    return federation["id"] if federation and rng.random() < 0.7 else None


def draw_verification(rng: random.Random, index: int, reviewed: int | None) -> str:
    """Return the verification status (every 120th organization is pending)."""
    if index % 120 == 7:
        return "pending"
    return "verified" if reviewed is not None and rng.random() < 0.65 else "unverified"


def draw_days_ago(rng: random.Random) -> int | None:
    """Return how many days ago the record was reviewed (None: never)."""
    draw = rng.random()
    if draw < 0.7:
        return rng.randint(5, 330)
    return rng.randint(380, 1100) if draw < 0.9 else None
