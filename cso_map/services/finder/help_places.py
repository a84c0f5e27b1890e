"""Where a person looks for help: a typed place, a point, or a whole state."""

from __future__ import annotations

from dataclasses import dataclass, field

from cso_map.geo.gazetteer import Place
from cso_map.services.finder.places import PlaceBook, place_book

MAX_ALTERNATIVES = 4


@dataclass(frozen=True)
class Where:
    """A place to search from: its point, state, words, and how to ask for it again.

    `args` are the finder's query arguments that give this place back; a whole
    state is searched as every service that reaches it.
    """

    lon: float
    lat: float
    state: int | None
    label: str
    args: dict[str, str] = field(default_factory=dict)
    whole_state: bool = False
    state_name: str = ""

    @property
    def region_code(self) -> str | None:
        """Return the ISO 3166-2 code of the place's state, if known."""
        if self.state is None:
            return None
        return str(place_book().states["code"].iat[self.state])


@dataclass(frozen=True)
class PlaceAnswer:
    """The place a text names (or None), others of that name, and close spellings."""

    where: Where | None
    alternatives: list[Where] = field(default_factory=list)
    suggestions: list[Where] = field(default_factory=list)


def _where(place: Place, book: PlaceBook, lang: str) -> Where:
    """Return a matched place as a place to search from.

    A postal code is asked for again as itself, marked with its country.
    """
    if place.kind == "state" and not place.postal_code:
        return state_where_index(place.state, book, lang)
    label = book.place_label(place, lang)
    args = {"place": label}
    if place.postal_code:
        us = str(book.states["code"].iat[place.state]).startswith("US-")
        args = {"place": f"{'ZIP' if us else 'CP'} {place.postal_code}"}
    state_name = book.state_name(place.state, lang)
    whole_state = place.kind == "state"
    return Where(
        place.lon, place.lat, place.state, label, args, whole_state, state_name
    )


def state_where_index(index: int, book: PlaceBook, lang: str) -> Where:
    """Return a whole state as a place to search from (its label point)."""
    states = book.states
    code = str(states["code"].iat[index])
    return Where(
        float(states["label_lon"].iat[index]),
        float(states["label_lat"].iat[index]),
        index,
        book.state_name(index, lang),
        {"region": code},
        whole_state=True,
        state_name=book.state_name(index, lang),
    )


def resolve_place(text: str, lang: str) -> PlaceAnswer:
    """Return the place `text` names, or close spellings if it names none."""
    book = place_book()
    found = book.gazetteer.match(text, limit=MAX_ALTERNATIVES + 1)
    if not found:
        close = book.gazetteer.suggest(text, limit=MAX_ALTERNATIVES)
        return PlaceAnswer(None, suggestions=[_where(p, book, lang) for p in close])
    places = {}
    for place in found:
        where = _where(place, book, lang)
        places.setdefault(where.label, where)
    first, *others = places.values()
    return PlaceAnswer(first, alternatives=others)


def state_where(code: str, lang: str) -> Where | None:
    """Return state `code` as a place to search from, or None if unknown."""
    book = place_book()
    codes = list(book.states["code"])
    return state_where_index(codes.index(code), book, lang) if code in codes else None


def point_where(lon: float, lat: float, label: str, lang: str) -> Where:
    """Return a point (from "near me") as a place to search from."""
    book = place_book()
    state = book.state_of_point(lon, lat)
    return Where(
        lon,
        lat,
        state,
        label,
        {"lat": f"{lat:.2f}", "lon": f"{lon:.2f}"},
        state_name="" if state is None else book.state_name(state, lang),
    )
