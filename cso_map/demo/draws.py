"""Weighted draws of the demo generator: a key of a weights table, a real town."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping

from cso_map.demo.places import gazetteer


def pick(rng: random.Random, weights: Mapping[str, float]) -> str:
    """Return one key of `weights`, drawn with those weights."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class Quotas:
    """Draws without chance: each option's share of draws follows its weight."""

    def __init__(self) -> None:
        self.counts: dict[Hashable, Counter] = defaultdict(Counter)

    def pick(self, key: Hashable, weights: Mapping[str, float]) -> str:
        """Return the option of `weights` furthest below its share of `key`'s draws."""
        counts = self.counts[key]
        share = (sum(counts.values()) + 1) / sum(weights.values())
        choice = max(
            weights, key=lambda option: weights[option] * share - counts[option]
        )
        counts[choice] += 1
        return choice


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

    def named(
        self, rng: random.Random, region: str, name: str
    ) -> tuple[str, float, float]:
        """Return the town called `name` in `region` (the largest), else draw one."""
        for town, lat, lon, _ in self.by_region.get(region, ()):
            if town == name:
                return town, lat, lon
        return self.town(rng, region)
