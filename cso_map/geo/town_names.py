"""The names a town answers to: its own, its short forms, and its aliases."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from cso_map.text import fold_words

# How well a name fits a town: its own name (or a short form of it), another
# of its names, or a state's.
TOWN, ALIAS, STATE = 0, 1, 2
# Leading words people drop or shorten: "Juárez" is Ciudad Juárez, "H. Matamoros"
# is Heroica Matamoros.
_TITLES = {"ciudad ": "cd ", "heroica ": "h "}


def _is_usable_alternate(name: str, primary: str) -> bool:
    """Return whether an alternate name is worth matching (Latin, not a code)."""
    if name == primary or len(name) < 4 or (name.isupper() and len(name) <= 4):
        return False
    return all(
        unicodedata.name(char, "").startswith("LATIN") or not char.isalpha()
        for char in name
    )


def _leads(words: str, name: str) -> bool:
    """Return whether `words` are `name` or its first words."""
    return name == words or name.startswith(words + " ")


def town_names(name: str, alternates: Sequence[str]) -> dict[str, int]:
    """Return the normal names a town answers to, each with how well it fits.

    Its own name fits best, and so do its short forms: without a title
    ("Juárez" for Ciudad Juárez, "Matamoros" for Heroica Matamoros) or, when
    GeoNames lists them, its first words ("San Cristóbal" for San Cristóbal de
    las Casas). Other names it is known by (Colorado Springs is also "El Paso",
    after its county) are aliases.
    """
    own = fold_words(name)
    names = {own: TOWN}
    for title, short in _TITLES.items():
        if own.startswith(title):
            names[own[len(title) :]] = names[short + own[len(title) :]] = TOWN
    forms = list(names)
    for alternate in alternates:
        if _is_usable_alternate(alternate, name):
            key = fold_words(alternate)
            fit = TOWN if any(_leads(key, form) for form in forms) else ALIAS
            names[key] = min(names.get(key, fit), fit)
    return names
