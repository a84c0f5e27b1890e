"""The place book: the states' gazetteer, time zones, names, neighbours and the
state a point falls in."""

import pytest

from cso_map.geo.gazetteer import Place
from cso_map.services.finder.places import place_book
from cso_map.services.snapshot.build import directory_snapshot
from cso_map.services.snapshot.time_zones import state_time_zones


@pytest.fixture
def book(app_context):
    return place_book()


def index(book, code):
    return list(book.states["code"]).index(code)


def test_the_book_is_built_once_for_the_same_states(book):
    assert place_book() is book
    assert place_book(directory_snapshot()) is book
    assert list(book.states["code"]) == list(directory_snapshot().regions["code"])


def test_state_names_come_in_either_language(book):
    nuevo_leon = index(book, "MX-NLE")
    assert book.state_name(nuevo_leon, "es") == "Nuevo León"
    assert book.state_name(nuevo_leon, "en") == "Nuevo León"
    new_york = index(book, "US-NY")
    assert book.state_name(new_york, "es") == "Nueva York"
    assert book.state_name(new_york, "en") == "New York"


def test_a_place_label_is_town_and_state_or_the_state_alone(book):
    new_york = index(book, "US-NY")
    town = Place("Buffalo", -78.88, 42.89, new_york, "town")
    state = Place("New York", -75.0, 43.0, new_york, "state")
    assert book.place_label(town, "es") == "Buffalo, Nueva York"
    assert book.place_label(town, "en") == "Buffalo, New York"
    assert book.place_label(state, "es") == "Nueva York"


def test_the_state_of_a_point(book):
    assert book.state_of_point(-119.78, 36.74) == index(book, "US-CA")  # Fresno
    assert book.state_of_point(-102.58, 22.77) == index(book, "MX-ZAC")  # Jerez
    assert book.state_of_point(-149.9, 61.2) is None  # Anchorage: not a demo state
    assert book.state_of_point(0.0, 0.0) is None


def test_neighbours_are_the_states_that_touch(book):
    codes = book.states["code"].to_numpy(str)
    zacatecas = sorted(codes[list(book.neighbours[index(book, "MX-ZAC")])])
    assert zacatecas == [
        "MX-AGU",
        "MX-COA",
        "MX-DUR",
        "MX-GUA",
        "MX-JAL",
        "MX-NAY",
        "MX-NLE",
        "MX-SLP",
    ]
    maine = sorted(codes[list(book.neighbours[index(book, "US-ME")])])
    assert maine == ["US-NH"]
    california = set(codes[list(book.neighbours[index(book, "US-CA")])])
    assert california == {"US-OR", "US-NV", "US-AZ"}  # next door: the same country
    abroad = set(codes[list(book.neighbours_abroad[index(book, "US-CA")])])
    assert abroad == {"MX-BCN"}
    texas = index(book, "US-TX")
    assert "MX-CHH" not in set(codes[list(book.neighbours[texas])])
    assert {"MX-CHH", "MX-COA", "MX-NLE", "MX-TAM"} <= set(
        codes[list(book.neighbours_abroad[texas])]
    )


def test_each_state_has_the_time_zone_of_its_label_point(book):
    zones = state_time_zones(book.states)
    assert len(zones) == 80
    assert zones[index(book, "US-AZ")] == "America/Phoenix"  # no summer time
    assert zones[index(book, "MX-SON")] == "America/Hermosillo"
    assert zones[index(book, "MX-ROO")] == "America/Cancun"
    assert zones[index(book, "US-TX")] == "America/Chicago"  # not El Paso's
    assert zones[index(book, "MX-CHH")] == "America/Chihuahua"  # not Juárez's
    assert zones[index(book, "MX-TAM")] == "America/Monterrey"  # not the border's
    assert None not in list(zones)


def test_the_gazetteer_finds_towns_and_states(book):
    (fresno, *_) = book.gazetteer.match("Fresno")
    assert (fresno.kind, fresno.state) == ("town", index(book, "US-CA"))
    assert (round(fresno.lat, 1), round(fresno.lon, 1)) == (36.7, -119.8)
    (zacatecas_state,) = [
        p for p in book.gazetteer.match("Zacatecas") if p.kind == "state"
    ]
    assert zacatecas_state.state == index(book, "MX-ZAC")
    assert book.gazetteer.match("Xyzzyq") == []
