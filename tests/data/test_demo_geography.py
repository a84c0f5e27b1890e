"""The demo's places are true: points in their town's state, real postal and area codes.

Checked against ground truth that the generator does not write: the demo regions'
polygons, the `zipcodes` package's USPS ZIP codes, and libphonenumber's geocoder.
"""

import json
import unicodedata

import phonenumbers
import pytest
import zipcodes
from phonenumbers import geocoder

from cso_map.config import PROJECT_ROOT
from cso_map.demo.codes import MX_AREA_CODES, MX_POSTAL_PREFIXES, MX_STATE_AREA_CODES
from cso_map.demo.contacts import Contacts
from cso_map.demo.draws import Places
from cso_map.demo.regions import demo_regions, region_names
from cso_map.geo.locate import locate_points

# The state abbreviations libphonenumber's Mexican descriptions end with.
MX_ABBREVIATIONS = {
    "AGS": "MX-AGU",
    "BCN": "MX-BCN",
    "BCS": "MX-BCS",
    "CAMP": "MX-CAM",
    "CHIS": "MX-CHP",
    "CHIH": "MX-CHH",
    "COAH": "MX-COA",
    "COL": "MX-COL",
    "CDMX": "MX-CMX",
    "FD": "MX-CMX",
    "DGO": "MX-DUR",
    "GTO": "MX-GUA",
    "GRO": "MX-GRO",
    "HGO": "MX-HID",
    "JAL": "MX-JAL",
    "MEX": "MX-MEX",
    "MICH": "MX-MIC",
    "MOR": "MX-MOR",
    "NAY": "MX-NAY",
    "NL": "MX-NLE",
    "OAX": "MX-OAX",
    "PUE": "MX-PUE",
    "QRO": "MX-QUE",
    "SLP": "MX-SLP",
    "SIN": "MX-SIN",
    "SON": "MX-SON",
    "TAB": "MX-TAB",
    "TAMPS": "MX-TAM",
    "TLAX": "MX-TLA",
    "VER": "MX-VER",
    "YUC": "MX-YUC",
    "ZAC": "MX-ZAC",
}
OTHER_NAMES = {"washington state": "US-WA", "estado de mexico": "MX-MEX"}
# Area codes libphonenumber 9.0 describes only by country (Tijuana's 664), or by
# Mexico City only where the 55 zone also covers the metropolitan municipalities of
# the State of Mexico (IFT numbering plan).
OTHERWISE_PLACED = {"664": {"MX-BCN"}, "55": {"MX-CMX", "MX-MEX"}}


def plain(text: str) -> str:
    """Return `text` in lower case without accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode().lower().strip()


def states_named(description: str, country: str) -> set[str]:
    """Return the demo states a libphonenumber description names ("Chicago, IL")."""
    names = {
        plain(name): code
        for code, pair in region_names().items()
        if "-" in code
        for name in pair.values()
    }
    names.update(OTHER_NAMES)
    place, _, abbreviation = description.rpartition(", ")
    found = set()
    if place and country == "US":
        found.add(f"US-{abbreviation}")
    elif place:
        found.add(MX_ABBREVIATIONS.get(abbreviation, ""))
    for part in (place or description).split("/"):
        code = names.get(plain(part))
        if code and code.startswith(country + "-"):
            found.add(code)
    return found - {""}


def area_code_states(number: str) -> set[str]:
    """Return the states libphonenumber places `number`'s area code in."""
    parsed = phonenumbers.parse(number)
    country = "US" if parsed.country_code == 1 else "MX"
    area = number.split()[1]
    if country == "MX" and area in OTHERWISE_PLACED:
        return OTHERWISE_PLACED[area]
    return states_named(geocoder.description_for_number(parsed, "en"), country)


@pytest.fixture(scope="module")
def records() -> list[dict]:
    path = PROJECT_ROOT / "seed_data" / "organizations.json"
    return json.loads(path.read_text(encoding="utf-8"))


def state_code(location: dict) -> str:
    """Return the ISO code of the state a location names."""
    return next(
        code
        for code, pair in region_names().items()
        if code.startswith(location["country"] + "-")
        and location["state_province"] in pair.values()
    )


def physical(records: list[dict]) -> list[dict]:
    return [loc for r in records for loc in r["locations"] if loc["type"] == "physical"]


def test_the_description_reader_knows_what_libphonenumber_says():
    assert states_named("Chicago, IL", "US") == {"US-IL"}
    assert states_named("Texas", "US") == {"US-TX"}
    assert states_named("Washington State", "US") == {"US-WA"}
    assert states_named("Nuevo Laredo/Tamaulipas", "MX") == {"MX-TAM"}
    assert states_named("Saltillo, COAH", "MX") == {"MX-COA"}
    assert states_named("Jalisco/Zacatecas", "MX") == {"MX-JAL", "MX-ZAC"}
    assert states_named("Mexico", "MX") == set()


def test_every_location_lies_in_the_state_of_its_town(records):
    states = demo_regions()
    states = states[states.level == "state"].reset_index(drop=True)
    locations = physical(records)
    found = locate_points(
        [loc["lon"] for loc in locations],
        [loc["lat"] for loc in locations],
        list(states.geometry),
        snap_tolerance=0,
    )
    codes = list(states.code)
    wrong = [
        (loc["city"], state_code(loc), codes[index] if index >= 0 else None)
        for loc, index in zip(locations, found, strict=True)
        if index < 0 or codes[index] != state_code(loc)
    ]
    assert len(locations) > 400
    assert wrong == []


def test_us_zip_codes_are_real_and_in_the_state(records):
    wrong = []
    for location in physical(records):
        if location["country"] == "US":
            found = zipcodes.matching(location["postal_code"])
            state = found[0]["state"] if found else None
            if f"US-{state}" != state_code(location):
                wrong.append((location["city"], location["postal_code"], state))
    assert wrong == []


def test_mexican_postal_codes_are_in_their_state_range(records):
    wrong = []
    for location in physical(records):
        if location["country"] == "MX":
            low, high = MX_POSTAL_PREFIXES[state_code(location)]
            code = location["postal_code"]
            if not (len(code) == 5 and low <= int(code[:2]) <= high):
                wrong.append((location["city"], code))
    assert wrong == []


def test_the_sepomex_prefixes_cover_every_state_once():
    states = region_names()
    assert set(MX_POSTAL_PREFIXES) == {c for c in states if c.startswith("MX-")}
    prefixes = [
        n for low, high in MX_POSTAL_PREFIXES.values() for n in range(low, high + 1)
    ]
    assert len(prefixes) == len(set(prefixes))
    assert MX_POSTAL_PREFIXES["MX-CMX"] == (1, 16)
    assert MX_POSTAL_PREFIXES["MX-ZAC"] == (98, 99)


def test_every_listed_mexican_area_code_is_placed_in_its_state_by_libphonenumber():
    wrong = {
        (state, town, code): area_code_states(f"+52 {code} 000 0000")
        for state, towns in MX_AREA_CODES.items()
        for town, code in towns.items()
        if len(code) == 3 and state not in area_code_states(f"+52 {code} 000 0000")
    }
    assert wrong == {}
    mexico_city = phonenumbers.parse(f"+52 {MX_STATE_AREA_CODES['MX-CMX']} 0000 0000")
    assert geocoder.description_for_number(mexico_city, "en") == "Mexico City, FD"


def test_every_phone_has_an_area_code_of_its_town_state(records):
    wrong = []
    for record in records:
        locations = [loc for loc in record["locations"] if loc["type"] == "physical"]
        if record["phone"] and locations:
            state = state_code(locations[0])
            if state not in area_code_states(record["phone"]):
                wrong.append((record["name"], state, record["phone"]))
    assert wrong == []
    phones = {r["phone"].split()[1] for r in records if r["phone"]}
    assert len(phones) > 60


@pytest.fixture(scope="module")
def contacts() -> Contacts:
    return Contacts(Places())


@pytest.mark.parametrize(
    ("state", "city", "codes"),
    [
        ("US-IL", "Chicago", {"312"}),
        ("US-TX", "Houston", {"713", "281", "832", "346"}),  # one area, four codes
        ("US-CA", "Los Angeles", {"213", "323"}),
        ("US-FL", "Miami", {"305", "786"}),
        ("MX-CHH", "Ciudad Juárez", {"656"}),
        ("MX-TAM", "Reynosa", {"899"}),
        ("MX-BCN", "Tijuana", {"664"}),
        ("MX-CHP", "Tapachula", {"962"}),
        ("MX-TAB", "Tenosique", {"934"}),
    ],
)
def test_well_known_towns_have_their_own_area_code(contacts, state, city, codes):
    towns = {name: (lat, lon) for name, lat, lon, _ in contacts.places.by_region[state]}
    assert contacts.area_code(state, *towns[city]) in codes


def test_the_demo_phones_use_the_area_code_of_their_town(records, contacts):
    towns = {
        (state, name): (lat, lon)
        for state, found in contacts.places.by_region.items()
        for name, lat, lon, _ in found
    }
    wrong = [
        (record["name"], record["phone"])
        for record in records
        if record["phone"]
        and (
            where := (
                state_code(record["locations"][0]),
                record["locations"][0]["city"],
            )
        )
        in towns
        and record["phone"].split()[1] != contacts.area_code(where[0], *towns[where])
    ]
    assert wrong == []
