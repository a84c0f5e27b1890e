"""What one generation of the demo shares while it draws organizations."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from cso_map.demo.contacts import Contacts
from cso_map.demo.draws import Places, Quotas


@dataclass
class Run:
    """The seed, random generator, gazetteer and tallies of one generation."""

    seed: int
    rng: random.Random
    places: Places
    contacts: Contacts
    quotas: Quotas = field(default_factory=Quotas)
    federations: dict[tuple[str, str], dict] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)

    @classmethod
    def start(cls, seed: int) -> Run:
        """Return a fresh run for `seed`."""
        places = Places()
        return cls(seed, random.Random(seed), places, Contacts(places))
