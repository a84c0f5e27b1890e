"""How a fictional organization is called, described and reached."""

from __future__ import annotations

import re
import unicodedata

from cso_map.demo import wording as w
from cso_map.demo.regions import region_names
from cso_map.taxonomy import SERVICE_CATEGORIES


def slug(text: str) -> str:
    """Return `text` as a short ASCII slug for fictional e-mail and web addresses."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40].strip("-")


def region_name(code: str, language: str) -> str:
    """Return the name of region `code` in `language` ("es" or "en")."""
    return region_names()[code][language]


def draw_name(rng, cso_type, womens, home, names) -> tuple[str, str]:
    """Return a name not yet in `names` (and add it there), and its language."""
    city, community, origin, state = home.city, home.community, home.origin, home.state
    story = home.story
    if cso_type == "hometown_club" and f"{story}_club" in w.STORY_NAMES:
        story = f"{story}_club"
    if story in w.STORY_NAMES:
        templates = w.STORY_NAMES[story]
    else:
        templates = w.WOMEN_NAMES if womens else w.ORGANIZATION_NAMES[cso_type]
    if state.startswith("MX"):  # English names only for organizations in the US
        templates = [template for template in templates if template[1] == "es"]
    state_name = region_name(state, "es")
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


def acronym(name: str) -> str | None:
    """Return the initials of `name`'s capitalized words, if 3 to 7 letters."""
    letters = "".join(word[0] for word in re.findall(r"[A-ZÁÉÍÓÚÑ][\wáéíóúñ']+", name))
    return letters if 2 < len(letters) < 8 else None


def organization_description(
    language, cso_type, city, state, community, origin, categories, story=None
) -> str:
    """Return the description of an organization offering `categories`."""
    note = w.STORY_NOTES.get(story, {}).get(language)
    texts = w.ORGANIZATION_DESCRIPTIONS[language]
    template = texts.get(cso_type, texts["default"])
    services = ", ".join(
        SERVICE_CATEGORIES[c].label(language).lower() for c in categories
    )
    text = template.format(
        city=city,
        state=region_name(state, language),
        community=community,
        origin=region_name(origin, language) if origin else "",
        services=services,
    )
    return f"{text} {note}" if note else text
