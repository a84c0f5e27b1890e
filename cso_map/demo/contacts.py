"""Real postal and area codes of a place, for the demo's fictional addresses and phones.

US codes come from the `zipcodes` package (USPS ZIP codes with their area codes)
and libphonenumber's geocoding data (`phonenumbers`); Mexican ones from the SEPOMEX
prefixes and IFT area codes in codes.py.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from functools import cache

import numpy as np
import phonenumbers
import zipcodes
from phonenumbers.geodata import GEOCODE_DATA

from cso_map.demo.codes import MX_AREA_CODES, MX_POSTAL_PREFIXES, MX_STATE_AREA_CODES
from cso_map.demo.draws import Places


@cache
def us_zip_codes() -> dict[str, tuple[np.ndarray, list[dict]]]:
    """Return, per US state, the (lat, lon) array and rows of its standard ZIP codes."""
    rows: dict[str, list[dict]] = defaultdict(list)
    for row in zipcodes.list_all():
        if row["active"] and row["zip_code_type"] == "STANDARD" and row["lat"]:
            rows[f"US-{row['state']}"].append(row)
    return {
        state: (
            np.array([[float(r["lat"]), float(r["long"])] for r in found]),
            found,
        )
        for state, found in sorted(rows.items())
    }


# Canadian codes that border ZIP codes also list (Niagara Falls' 905) are left out.
@cache
def us_area_code_states() -> dict[str, str]:
    """Return each US area code's state: the one most ZIP codes listing it are in."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for state, (_, rows) in us_zip_codes().items():
        for row in rows:
            for code in row["area_codes"]:
                counts[code][state] += 1
    return {
        code: found.most_common(1)[0][0]
        for code, found in counts.items()
        if phonenumbers.region_code_for_number(phonenumbers.parse(f"+1{code}5550100"))
        == "US"
    }


# A newer overlay code shares its ZIP codes with the original one but has few placed
# exchanges yet, so the count tells the original (Oakland's 510, not 341).
@cache
def us_exchange_counts() -> Counter:
    """Return how many exchanges libphonenumber places in each US area code."""
    return Counter(key[1:4] for key in GEOCODE_DATA if key[0] == "1" and len(key) > 4)


def _by_distance(
    points: np.ndarray, lat: float, lon: float, count: int = 1
) -> np.ndarray:
    """Return the indices of the `count` (lat, lon) `points` nearest, nearest first."""
    scale = np.cos(np.radians(lat))  # equirectangular: enough to rank neighbours
    squared = (points[:, 0] - lat) ** 2 + ((points[:, 1] - lon) * scale) ** 2
    if count == 1:
        return np.array([int(np.argmin(squared))])
    order = np.argsort(squared, kind="stable")
    return order[:count]


class Contacts:
    """Postal and area codes of places in the demo states."""

    def __init__(self, places: Places) -> None:
        self.places = places
        self.anchors: dict[str, tuple[np.ndarray, list[str]]] = {}
        for state, towns in MX_AREA_CODES.items():
            known = [
                (lat, lon, towns[name])
                for name, lat, lon, _ in places.by_region.get(state, ())
                if name in towns
            ]
            self.anchors[state] = (
                np.array([[lat, lon] for lat, lon, _ in known]),
                [code for _, _, code in known],
            )

    def postal_code(
        self, rng: random.Random, state: str, lat: float, lon: float
    ) -> str:
        """Return a postal code in `state`: the nearest ZIP, or in its SEPOMEX range."""
        if state.startswith("US"):
            points, rows = us_zip_codes()[state]
            return rows[_by_distance(points, lat, lon)[0]]["zip_code"]
        low, high = MX_POSTAL_PREFIXES[state]
        return f"{rng.randint(low, high):02d}{rng.randint(0, 999):03d}"

    def area_code(self, state: str, lat: float, lon: float) -> str:
        """Return the telephone area code of the place at (lat, lon) in `state`."""
        if state.startswith("US"):
            return self._us_area_code(state, lat, lon)
        if state in MX_STATE_AREA_CODES:
            return MX_STATE_AREA_CODES[state]
        points, codes = self.anchors[state]
        return codes[_by_distance(points, lat, lon)[0]]

    def _us_area_code(self, state: str, lat: float, lon: float) -> str:
        """Return the area code of the nearest ZIP code that belongs to `state`."""
        points, rows = us_zip_codes()[state]
        owners, exchanges = us_area_code_states(), us_exchange_counts()
        for index in _by_distance(points, lat, lon, 25):
            codes = [c for c in rows[index]["area_codes"] if owners.get(c) == state]
            if codes:
                return max(codes, key=lambda code: exchanges[code])
        raise ValueError(f"no area code of {state} near {lat}, {lon}")


def phone(area_code: str, country: str, index: int) -> str:
    """Return a fictional phone number in `area_code`, in a range no real line uses."""
    if country == "US":  # 555-0100 to 555-0199 are reserved for fiction
        return f"+1 {area_code} 555 01{index % 100:02d}"
    # A Mexican local number never begins with 0: these reach no one.
    exchange = "0000" if len(area_code) == 2 else "000"
    return f"+52 {area_code} {exchange} {index % 10000:04d}"
