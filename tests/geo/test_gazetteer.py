"""Place names to points: folding, qualifiers, namesakes and close spellings."""

import pandas as pd
import pytest
from shapely.geometry import box

from cso_map.geo.gazetteer import Gazetteer, locate_cities, normalize_place_query
from cso_map.text import fold_words


def gazetteer() -> Gazetteer:
    towns = pd.DataFrame(
        {
            "name": ["Fresno", "Fresno", "Ciudad Juárez", "Zacatecas", "California"],
            "lon": [-119.77, -95.45, -106.44, -102.57, -76.5],
            "lat": [36.75, 29.54, 31.69, 22.77, 38.3],
            "population": [542_107, 19_069, 1_512_354, 129_011, 11_857],
            "state": [0, 1, 2, 3, 4],
            "alternates": [[], [], ["Juarez", "CJS", "Сьюдад-Хуарес"], [], []],
        }
    )
    states = pd.DataFrame(
        {
            "names": [
                ["California", "California"],
                ["Texas", "Texas"],
                ["Chihuahua", "Chihuahua"],
                ["Zacatecas", "Zacatecas"],
                ["Maryland", "Maryland"],
            ],
            "short_codes": [
                ["US-CA", "CA"],
                ["US-TX", "TX"],
                ["MX-CHH", "CHH"],
                ["MX-ZAC", "ZAC"],
                ["US-MD", "MD"],
            ],
            "lon": [-119.6, -99.3, -106.0, -102.7, -76.8],
            "lat": [37.2, 31.4, 28.8, 23.3, 39.0],
        }
    )
    return Gazetteer(towns, states)


def names(places):
    return [(place.name, place.state, place.kind) for place in places]


def test_folding_ignores_case_accents_and_punctuation():
    assert fold_words("  CIUDAD-Juárez, Chih. ") == "ciudad juarez chih"
    assert normalize_place_query("en Zacatecas") == "zacatecas"
    assert normalize_place_query("near Fresno") == "fresno"


@pytest.mark.parametrize("text", ["ciudad juarez", "CIUDAD JUÁREZ", "Juárez"])
def test_a_town_is_found_by_any_spelling_of_its_name(text):
    assert names(gazetteer().match(text)) == [("Ciudad Juárez", 2, "town")]


def test_the_larger_namesake_comes_first_and_a_qualifier_picks_one():
    places = gazetteer()
    assert names(places.match("Fresno")) == [
        ("Fresno", 0, "town"),
        ("Fresno", 1, "town"),
    ]
    assert names(places.match("Fresno, TX")) == [("Fresno", 1, "town")]
    assert names(places.match("fresno texas")) == [("Fresno", 1, "town")]
    assert names(places.match("Fresno, Calif")) == names(places.match("Fresno"))


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
