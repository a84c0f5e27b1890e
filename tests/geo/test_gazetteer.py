"""Place names to points: folding, qualifiers, namesakes, postal codes and close
spellings."""

import sqlite3
from contextlib import closing

import pandas as pd
import pytest
from shapely.geometry import box

from cso_map.geo.gazetteer import Gazetteer, locate_cities, normalize_place_query
from cso_map.geo.postal_codes import (
    SEPOMEX_DB,
    SEPOMEX_STATES,
    PostalQuery,
    mexican_postal_code,
    read_postal_query,
    us_zip_code,
)
from cso_map.text import fold_words

TOWNS = [  # name, lon, lat, population, state, alternates (GeoNames' own)
    ("Fresno", -119.77, 36.75, 542_107, 0, []),
    ("Fresno", -95.45, 29.54, 19_069, 1, []),
    ("Ciudad Juárez", -106.44, 31.69, 1_512_354, 2, ["Juarez", "CJS", "Сьюдад-Хуарес"]),
    ("Zacatecas", -102.57, 22.77, 129_011, 3, []),
    ("California", -76.5, 38.3, 11_857, 4, []),
    ("Juárez", -93.19, 17.61, 7_286, 5, ["Juarez"]),
    ("Ciudad Benito Juárez", -100.09, 25.65, 308_285, 6, ["Juárez"]),
    ("Heroica Matamoros", -97.50, 25.87, 510_739, 7, ["Matamoros"]),
    ("Matamoros", -103.23, 25.53, 52_233, 8, []),
    ("San Cristóbal de las Casas", -92.64, 16.74, 215_874, 5, ["San Cristóbal"]),
    ("Ecatepec de Morelos", -99.06, 19.60, 1_645_352, 9, ["San Cristóbal"]),
    ("El Paso", -106.49, 31.76, 678_815, 1, []),
    ("Colorado Springs", -104.82, 38.83, 456_568, 10, ["El Paso"]),
    ("Mexico City", -99.13, 19.43, 12_294_193, 11, ["Cdmx"]),
]
STATES = [  # code, names (English, Spanish), short codes and aliases
    ("US-CA", ["California", "California"], ["US-CA", "CA", "Calif."]),
    ("US-TX", ["Texas", "Texas"], ["US-TX", "TX", "Tex."]),
    ("MX-CHH", ["Chihuahua", "Chihuahua"], ["MX-CHH", "CHH", "Chih."]),
    ("MX-ZAC", ["Zacatecas", "Zacatecas"], ["MX-ZAC", "ZAC", "Zac."]),
    ("US-MD", ["Maryland", "Maryland"], ["US-MD", "MD", "Md."]),
    ("MX-CHP", ["Chiapas", "Chiapas"], ["MX-CHP", "CHP", "Chis."]),
    ("MX-NLE", ["Nuevo León", "Nuevo León"], ["MX-NLE", "NLE", "NL", "N.L."]),
    ("MX-TAM", ["Tamaulipas", "Tamaulipas"], ["MX-TAM", "TAM", "Tamps."]),
    ("MX-COA", ["Coahuila", "Coahuila"], ["MX-COA", "COA", "Coah."]),
    ("MX-MEX", ["State of Mexico", "Estado de México"], ["MX-MEX", "MEX", "Edomex"]),
    ("US-CO", ["Colorado", "Colorado"], ["US-CO", "CO", "Colo."]),
    ("MX-CMX", ["Mexico City", "Ciudad de México"], ["MX-CMX", "CMX", "CDMX", "DF"]),
    ("US-MI", ["Michigan", "Míchigan"], ["US-MI", "MI", "Mich."]),
    ("MX-MIC", ["Michoacán", "Michoacán"], ["MX-MIC", "MIC", "Mich."]),
]


def gazetteer() -> Gazetteer:
    towns = pd.DataFrame(
        TOWNS, columns=["name", "lon", "lat", "population", "state", "alternates"]
    )
    states = pd.DataFrame(STATES, columns=["code", "names", "short_codes"]).assign(
        lon=-100.0, lat=30.0
    )
    return Gazetteer(towns, states)


def names(places):
    return [(place.name, place.state, place.kind) for place in places]


def test_folding_ignores_case_accents_and_punctuation():
    assert fold_words("  CIUDAD-Juárez, Chih. ") == "ciudad juarez chih"
    assert normalize_place_query("en Zacatecas") == "zacatecas"
    assert normalize_place_query("near Fresno") == "fresno"


@pytest.mark.parametrize(
    "text", ["ciudad juarez", "CIUDAD JUÁREZ", "Cd. Juárez", "ciudad-juárez"]
)
def test_a_town_is_found_by_any_spelling_of_its_name(text):
    assert names(gazetteer().match(text)) == [("Ciudad Juárez", 2, "town")]


@pytest.mark.parametrize(
    ("text", "first", "others"),
    [
        ("Juárez", ("Ciudad Juárez", 2), [("Juárez", 5)]),
        ("juarez", ("Ciudad Juárez", 2), [("Juárez", 5)]),
        ("Matamoros", ("Heroica Matamoros", 7), [("Matamoros", 8)]),
        ("H. Matamoros", ("Heroica Matamoros", 7), []),
        ("San Cristóbal", ("San Cristóbal de las Casas", 5), []),
        ("El Paso", ("El Paso", 1), []),
    ],
)
def test_a_short_name_is_the_most_populous_town_called_so(text, first, others):
    """A title dropped or first words are the town's name; another town that is
    only also known by it (Ecatepec, once San Cristóbal Ecatepec; Colorado
    Springs, in El Paso County) yields to the towns called so."""
    found = [(place.name, place.state) for place in gazetteer().match(text)]
    assert found == [first, *others]


def test_an_alias_still_counts_in_a_state_named_with_it_or_alone():
    places = gazetteer()
    assert names(places.match("Juárez, NL")) == [("Ciudad Benito Juárez", 6, "town")]
    assert names(places.match("San Cristóbal, Edomex")) == [
        ("Ecatepec de Morelos", 9, "town")
    ]
    assert names(places.match("El Paso, Colo.")) == [("Colorado Springs", 10, "town")]
    assert places.match("El Paso, Chih.") == []  # a state with no such town


@pytest.mark.parametrize(
    "text",
    ["El Paso, Texas", "El Paso TX", "el paso, tx", "EL PASO TEXAS", "El Paso, Tex."],
)
def test_a_state_after_a_town_picks_it_with_or_without_a_comma(text):
    assert names(gazetteer().match(text)) == [("El Paso", 1, "town")]


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Matamoros, Tamps.", 7),
        ("Matamoros Tamaulipas", 7),
        ("matamoros, coah", 8),
        ("Matamoros Coahuila", 8),
        ("Juárez, N.L.", 6),
        ("Juarez N. L.", 6),
        ("Juárez nl", 6),
        ("Juárez, Chis.", 5),
        ("Juárez, Chih.", 2),
    ],
)
def test_a_state_abbreviation_qualifies_with_or_without_periods(text, state):
    assert [place.state for place in gazetteer().match(text)] == [state]


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("Tamps.", [7]),
        ("tamps", [7]),
        ("Edomex", [9]),
        ("DF", [11]),
        ("n.l.", [6]),
        ("Mich.", [12, 13]),  # Michigan (GPO) and Michoacán (INEGI)
    ],
)
def test_a_state_abbreviation_alone_is_the_state(text, states):
    found = gazetteer().match(text)
    assert [(place.kind, place.state) for place in found] == [
        ("state", state) for state in states
    ]


def test_a_state_named_and_its_own_town_come_before_the_rest():
    assert names(gazetteer().match("CDMX")) == [
        ("Mexico City", 11, "town"),
        ("Mexico City", 11, "state"),
    ]


def test_the_larger_namesake_comes_first_and_a_qualifier_picks_one():
    places = gazetteer()
    assert names(places.match("Fresno")) == [
        ("Fresno", 0, "town"),
        ("Fresno", 1, "town"),
    ]
    assert names(places.match("Fresno, TX")) == [("Fresno", 1, "town")]
    assert names(places.match("fresno texas")) == [("Fresno", 1, "town")]
    assert names(places.match("Fresno, Calif")) == [("Fresno", 0, "town")]
    assert names(places.match("Fresno, Narnia")) == names(places.match("Fresno"))


def test_a_state_beats_towns_named_after_it_elsewhere_but_not_its_own_town():
    places = gazetteer()
    assert names(places.match("California"))[0] == ("California", 0, "state")
    assert names(places.match("Zacatecas")) == [
        ("Zacatecas", 3, "town"),
        ("Zacatecas", 3, "state"),
    ]


def test_codes_and_other_scripts_are_not_names():
    places = gazetteer()
    assert places.match("CJS") == []
    assert places.match("Сьюдад-Хуарес") == []


def test_close_spellings_are_suggested_when_nothing_matches():
    places = gazetteer()
    assert places.match("Fresnoo") == []
    assert names(places.suggest("Fresnoo"))[0] == ("Fresno", 0, "town")
    assert places.suggest("zzzzzz") == []


def test_cities_are_kept_only_where_geonames_agrees_on_the_state():
    cities = pd.DataFrame(
        {
            "name": ["El Paso", "Juárez", "Nowhere"],
            "lon": [-106.0, -106.0, 10.0],
            "lat": [31.0, 31.0, 10.0],
            "population": [1, 2, 3],
            "country": ["US", "MX", "US"],
            "admin1": ["TX", "06", "TX"],
            "timezone": ["America/Denver"] * 3,
            "alternates": [[], [], []],
        }
    )
    located = locate_cities(cities, ["MX-CHH"], [box(-107, 30, -105, 32)])
    assert list(located["name"]) == ["Juárez"]
    assert list(located["region"]) == ["MX-CHH"]
    assert list(located["state"]) == [0]


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("93701", PostalQuery("93701")),
        ("93701-1234", PostalQuery("93701")),
        ("ZIP 93701", PostalQuery("93701", "US")),
        ("C.P. 32000", PostalQuery("32000", "MX")),
        ("cp 32000", PostalQuery("32000", "MX")),
        ("Código postal 32000", PostalQuery("32000", "MX")),
        ("32000, México", PostalQuery("32000", "MX")),
        ("93701 CA", PostalQuery("93701", None, "ca")),
        ("32000 Chih.", PostalQuery("32000", None, "chih")),
    ],
)
def test_a_postal_code_is_read_with_the_words_around_it(text, query):
    assert read_postal_query(text) == query


@pytest.mark.parametrize("text", ["9370", "937011", "Fresno 93701", "zip"])
def test_other_text_is_no_postal_code(text):
    assert read_postal_query(text) is None


def test_us_zip_codes_come_with_their_town_state_and_point():
    (fresno,) = us_zip_code("93701")  # USPS, as the zipcodes package ships it
    assert (fresno.country, fresno.region, fresno.towns) == ("US", "US-CA", ("Fresno",))
    assert (fresno.lat, fresno.lon) == pytest.approx((36.75, -119.77), abs=0.05)
    assert us_zip_code("00000") == []


def test_mexican_postal_codes_come_with_their_town_and_state():
    # Correos de México's catalogue, as postalcodes-mexico ships it
    (juarez,) = mexican_postal_code("32000")
    assert (juarez.country, juarez.region, juarez.towns) == (
        "MX",
        "MX-CHH",
        ("Juárez",),
    )
    assert juarez.lon is None  # SEPOMEX gives no point: the town's is used
    (reynosa,) = mexican_postal_code("88500")
    assert (reynosa.region, reynosa.towns) == ("MX-TAM", ("Reynosa",))
    assert mexican_postal_code("00000") == []


def test_every_state_of_the_mexican_catalogue_has_its_iso_code():
    with closing(sqlite3.connect(f"file:{SEPOMEX_DB}?mode=ro", uri=True)) as db:
        states = {state for (state,) in db.execute("SELECT DISTINCT state FROM places")}
    assert states == set(SEPOMEX_STATES)
    assert len(set(SEPOMEX_STATES.values())) == 32


def test_a_postal_code_gives_its_town_point_or_its_state():
    places = gazetteer()
    (fresno,) = places.match("93701")
    assert (fresno.name, fresno.state, fresno.postal_code) == ("Fresno", 0, "93701")
    assert (fresno.lat, fresno.lon) == pytest.approx((36.75, -119.77), abs=0.05)
    (juarez,) = places.match("CP 32000")  # SEPOMEX's city "Juárez" in Chihuahua
    assert (juarez.name, juarez.state, juarez.lat) == ("Ciudad Juárez", 2, 31.69)
    (tamaulipas,) = places.match("88500")  # Reynosa is not in this small gazetteer
    assert (tamaulipas.kind, tamaulipas.state, tamaulipas.postal_code) == (
        "state",
        7,
        "88500",
    )
    assert places.match("93701, Tamps.") == []
    assert places.match("ZIP 32000") == []
