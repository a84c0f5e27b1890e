"""How services and capacities relate (cso_map/data/matching.json), as bit masks."""

from __future__ import annotations

import json
from functools import cache

from cso_map.config import PROJECT_ROOT
from cso_map.services.snapshot.build import bitmask
from cso_map.taxonomy import SERVICE_CATEGORIES, SKILLS, SUPPORT_NEEDS

MATCHING_FILE = PROJECT_ROOT / "cso_map" / "data" / "matching.json"


@cache
def _matching() -> dict:
    return json.loads(MATCHING_FILE.read_text(encoding="utf-8"))


def related_categories(categories: tuple[str, ...]) -> list[str]:
    """Return categories close to `categories` (their providers could add them)."""
    related = {
        code
        for category in categories
        for code in _matching()["services"][category]["related"]
    }
    return [
        code for code in SERVICE_CATEGORIES.codes() if code in related - set(categories)
    ]


def skills_for_services(categories: tuple[str, ...]) -> int:
    """Return the mask of skills that let an organization start `categories`."""
    return bitmask(
        SKILLS,
        sorted(
            {
                skill
                for category in categories
                for skill in _matching()["services"][category]["skills"]
            }
        ),
    )


def skills_for_needs() -> dict[str, int]:
    """Return, per support need, the mask of the skills that answer it."""
    return {
        need: bitmask(SKILLS, _matching()["support_needs"][need])
        for need in SUPPORT_NEEDS.codes()
    }
