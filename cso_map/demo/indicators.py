"""Illustrative population indicators for the demo regions (never official figures)."""

from __future__ import annotations

import random

from cso_map.demo import profiles as p
from cso_map.demo.places import gazetteer
from cso_map.demo.regions import region_table

SOURCE = "CSO Map (demo)"
YEAR = 2025
# Regions left without figures on purpose, so "no data" shows up (it is never zero).
WITHOUT_DATA = ("MX-CAM", "US-WV")
INDICATOR_FIELDS = (
    "region",
    "year",
    "population",
    "migrant_population",
    "migrant_women",
    "migrant_men",
    "emigrant_population",
    "source",
    "illustrative",
)


def generate_indicators(seed: int = 2026) -> list[dict]:
    """Return one illustrative indicator row per demo region (countries sum states).

    population: the summed GeoNames population of the region's towns of 15,000 or more
    (an undercount); migrant population: an invented share of it, larger where the
    seeds place migrants (US destinations, Mexico's border and southern route);
    emigrant population (Mexican states only): an invented share of it, larger in
    the states the hometown clubs come from (`ORIGIN_STATES`), drawn apart so the
    other figures stay as they were.
    """
    rng = random.Random(seed)
    emigration = random.Random(seed + 1)
    towns = gazetteer().groupby("region").population.sum()
    rows = []
    for region in region_table():
        code = region["code"]
        if region["level"] != "state" or code in WITHOUT_DATA:
            continue
        population = int(towns.get(code, 0))
        if code.startswith("US"):
            share = min(0.13, 0.01 + 0.005 * p.US_STATES.get(code, 0))
        else:
            share = 0.004 + 0.0015 * p.MEXICO_STATES.get(code, 0)
        migrants = round(population * share * rng.uniform(0.8, 1.2))
        women = round(migrants * rng.uniform(0.40, 0.52))
        emigrants = None
        if code.startswith("MX"):
            share = 0.01 + 0.006 * p.ORIGIN_STATES.get(code, 0)
            emigrants = round(population * share * emigration.uniform(0.8, 1.2))
        rows.append(_row(code, population, migrants, women, emigrants))
    for country in ("MX", "US"):
        states = [row for row in rows if row["region"].startswith(country + "-")]
        rows.append(
            _row(
                country,
                sum(row["population"] for row in states),
                sum(row["migrant_population"] for row in states),
                sum(row["migrant_women"] for row in states),
                sum(row["emigrant_population"] or 0 for row in states) or None,
            )
        )
    return rows


def _row(
    code: str, population: int, migrants: int, women: int, emigrants: int | None
) -> dict:
    return {
        "region": code,
        "year": YEAR,
        "population": population,
        "migrant_population": migrants,
        "migrant_women": women,
        "migrant_men": migrants - women,
        "emigrant_population": emigrants,
        "source": SOURCE,
        "illustrative": True,
    }
