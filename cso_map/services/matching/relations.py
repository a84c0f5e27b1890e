"""How services and capacities relate (cso_map/data/matching.json), as bit masks.

A service category or support need the file does not mention simply has no related
categories and no skills (its rankings still work, with fewer candidates and
reasons), and a skill the vocabulary does not know is ignored. Missing entries are
logged when the file is read; tests/data/test_vocabulary_data.py fails until the
file covers every term.
"""

from __future__ import annotations

import json
import logging
from functools import cache

from cso_map.config import PROJECT_ROOT
from cso_map.services.snapshot.build import bitmask
from cso_map.taxonomy import SERVICE_CATEGORIES, SKILLS, SUPPORT_NEEDS

MATCHING_FILE = PROJECT_ROOT / "cso_map" / "data" / "matching.json"
log = logging.getLogger(__name__)


@cache
def matching_data() -> dict:
    """Return the parsed matching file (read once per process), logging its gaps."""
    data = json.loads(MATCHING_FILE.read_text(encoding="utf-8"))
    for section, vocabulary in (
        ("services", SERVICE_CATEGORIES),
        ("support_needs", SUPPORT_NEEDS),
    ):
        missing = [code for code in vocabulary.codes() if code not in data[section]]
        if missing:
            log.warning("%s: no %s entry for %s", MATCHING_FILE.name, section, missing)
    return data


def _service(category: str) -> dict:
    """Return the file's entry of `category`, empty if it has none."""
    return matching_data()["services"].get(category, {})


def _skill_mask(skills: list[str]) -> int:
    """Return the mask of `skills`, ignoring codes the skills vocabulary lacks."""
    return bitmask(SKILLS, [skill for skill in skills if skill in SKILLS])


def related_categories(categories: tuple[str, ...]) -> list[str]:
    """Return categories close to `categories` (their providers could add them)."""
    related = {
        code
        for category in categories
        for code in _service(category).get("related", [])
    }
    return [
        code for code in SERVICE_CATEGORIES.codes() if code in related - set(categories)
    ]


def skills_for_services(categories: tuple[str, ...]) -> int:
    """Return the mask of skills that let an organization start `categories`."""
    skills = {
        skill
        for category in categories
        for skill in _service(category).get("skills", [])
    }
    return _skill_mask(sorted(skills))


def skills_for_needs() -> dict[str, int]:
    """Return, per support need, the mask of the skills that answer it."""
    answers = matching_data()["support_needs"]
    return {need: _skill_mask(answers.get(need, [])) for need in SUPPORT_NEEDS.codes()}
