"""The demo tells true stories: legal forms, service areas, corridors, Afro-descendant
organizations, shelters on the routes, overnight hours and a handful of gaps."""

import json
from collections import Counter, defaultdict

import pytest

from cso_map.config import PROJECT_ROOT
from cso_map.demo.profiles import DELIBERATE_GAPS
from cso_map.demo.regions import demo_regions, region_names
from cso_map.demo.stories import SHELTER_ROUTE
from cso_map.geo.adjacency import region_neighbours

SEED_DATA = PROJECT_ROOT / "seed_data"
# Corridors a planner knows (origin state: the US states most of its clubs are in).
CORRIDORS = {
    "MX-ZAC": {"US-CA", "US-IL"},
    "MX-OAX": {"US-CA"},
    "MX-PUE": {"US-NY"},
    "MX-MIC": {"US-CA", "US-IL"},
    "MX-JAL": {"US-CA", "US-IL"},
    "MX-GUA": {"US-TX", "US-CA", "US-IL"},
    "MX-GRO": {"US-IL", "US-NY"},
    "MX-HID": {"US-TX", "US-GA", "US-FL"},
}
ROUTE_TOWNS = (
    "Tapachula",
    "Tenosique",
    "Ixtepec",
    "Saltillo",
    "Mexicali",
    "Nogales",
    "Ciudad Juárez",
    "Reynosa",
    "Coatzacoalcos",
    "Celaya",
    "Irapuato",
    "Mexico City",
    "Tijuana",
    "Nuevo Laredo",
    "Piedras Negras",
    "Heroica Matamoros",
)
COSTA_CHICA = {"Ometepec", "Pinotepa Nacional", "Cuajinicuilapa", "Marquelia"}
UNREGISTERED = ("Sin registro", "sin registro", "en formación", "Unincorporated")


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return json.loads((SEED_DATA / "organizations.json").read_text(encoding="utf-8"))


def home_state(record: dict) -> str:
    """Return the ISO code of the state of an organization's first physical place."""
    place = next(loc for loc in record["locations"] if loc["type"] == "physical")
    return next(
        code
        for code, pair in region_names().items()
        if code.startswith(place["country"] + "-")
        and place["state_province"] in pair.values()
    )


def home_city(record: dict) -> str:
    return next(loc["city"] for loc in record["locations"] if loc["type"] == "physical")


def test_legal_forms_fit_the_country_the_type_and_the_registration(records):
    for record in records:
        status, kind = record["legal_status"], record["type"]
        country = home_state(record)[:2]
        foreign = ("501(c)", "Fiscally", "Unincorporated", "Program of")
        if country == "MX":
            assert not any(word in status for word in foreign), record["name"]
        else:
            assert not any(word in status for word in ("A.C.", "I.A.P.", "S.C.")), (
                status
            )
        assert ("ooperativ" in status) == (kind == "cooperative"), status
        if kind == "union":
            assert "A.C." not in status
            assert "501(c)(3)" not in status
            assert any(
                word in status
                for word in ("Sindicato", "sindical", "labor", "workers'")
            )
        unregistered = any(word in status for word in UNREGISTERED) or (
            status == "Fiscally sponsored project"
        )
        assert unregistered == (not record["legally_registered"]), status


@pytest.fixture(scope="module")
def neighbours() -> dict[str, set[str]]:
    states = demo_regions()
    states = states[states.level == "state"].reset_index(drop=True)
    touching = region_neighbours(states.geometry)
    codes = list(states.code)
    return {codes[i]: {codes[j] for j in found} for i, found in touching.items()}


def test_a_second_area_is_next_door_or_the_service_says_it_is_binational(
    records, neighbours
):
    binational = 0
    for record in records:
        state = home_state(record)
        for service in record["services"]:
            others = [code for code in service["area_regions"] if code != state]
            says = "binacional" in service["name"] or "binational" in service["name"]
            assert says <= any(code[:2] != state[:2] for code in others), service
            if len(service["area_regions"]) < 2:
                continue
            for code in others:
                assert code in neighbours[state], (record["name"], state, code)
                if code[:2] != state[:2]:
                    text = f"{service['name']} {service['description']}".lower()
                    assert "binacional" in text or "binational" in text, service
                    binational += 1
    assert binational >= 3


def test_a_single_area_elsewhere_is_an_origin_or_a_whole_country(records):
    for record in records:
        state = home_state(record)
        for service in record["services"]:
            if service["area_regions"] in ([state], []):
                continue
            if len(service["area_regions"]) == 1:
                (area,) = service["area_regions"]
                origins = {origin["region"] for origin in record["origins"]}
                assert area == state[:2] or (
                    service["category"] == "origin_development" and area in origins
                ), (record["name"], area)


def test_hometown_clubs_are_along_the_real_corridors(records):
    destinations: dict[str, Counter] = defaultdict(Counter)
    for record in records:
        if record["type"] == "hometown_club":
            destinations[record["origins"][0]["region"]][home_state(record)] += 1
    for origin, corridor in CORRIDORS.items():
        found = destinations[origin]
        share = sum(found[state] for state in corridor) / sum(found.values())
        assert share >= 0.7, (origin, dict(found))
        assert found.most_common(1)[0][0] in corridor, (origin, dict(found))


def afro(records: list[dict]) -> list[dict]:
    return [r for r in records if "afro_descendant" in r["target_groups"]]


def test_afro_mexican_groups_are_on_the_costa_chica(records):
    in_mexico = [r for r in afro(records) if home_state(r).startswith("MX")]
    afro_mexican = [r for r in in_mexico if "afromexican" in r["description"].lower()]
    assert {home_state(r) for r in afro_mexican} == {"MX-GRO", "MX-OAX"}
    assert all(home_city(r) in COSTA_CHICA for r in afro_mexican)
    assert all("Costa Chica" in r["description"] for r in afro_mexican)
    haitian = [r for r in in_mexico if r not in afro_mexican]
    assert all("aitian" in r["name"] for r in haitian)


@pytest.mark.parametrize(
    ("word", "state", "city"),
    [
        ("Garifuna", "US-NY", None),
        ("Garifuna", "US-CA", "Los Angeles"),
        ("Garifuna", "US-TX", "Houston"),
        ("Haitian", "US-FL", None),
        ("Haitian", "MX-BCN", "Tijuana"),
        ("Haitian", "MX-CHP", "Tapachula"),
    ],
)
def test_garifuna_and_haitian_organizations_are_where_their_communities_are(
    records, word, state, city
):
    stem = word.lower()[:-2]  # "garifu" / "haiti": Garífuna, Haitiana
    found = [
        r
        for r in afro(records)
        if stem in r["name"].lower().replace("í", "i")
        and home_state(r) == state
        and (city is None or home_city(r) == city)
    ]
    assert found


def test_every_afro_descendant_organization_says_why(records):
    for record in afro(records):
        text = f"{record['name']} {record['description']}".lower()
        origins = {o["community"] for o in record["origins"]}
        assert any(
            word in text
            for word in ("afromexican", "afro-mexican", "garifuna", "garífuna", "haiti")
        ) or (origins & COSTA_CHICA), record["name"]


def shelters(records: list[dict]) -> list[tuple[dict, dict]]:
    """Return (organization, location) for each place where a shelter service is."""
    found = []
    for record in records:
        places = {loc["id"]: loc for loc in record["locations"]}
        for service in record["services"]:
            if service["category"] == "shelter":
                found += [
                    (record, places[i]) for i in service["location_ids"] if i in places
                ]
    return found


def test_every_mexican_shelter_is_on_a_migrant_route(records):
    off_route = [
        (record["name"], place["city"])
        for record, place in shelters(records)
        if place["country"] == "MX"
        and (home_state(record), place["city"]) not in SHELTER_ROUTE
    ]
    assert off_route == []


@pytest.mark.parametrize("town", ROUTE_TOWNS)
def test_the_well_known_shelter_towns_have_a_shelter(records, town):
    assert any(place["city"] == town for _, place in shelters(records))


def test_shelters_keep_24_hour_or_overnight_hours(records):
    hours = Counter()
    for record in records:
        for service in record["services"]:
            for _, opens, closes in service["schedules"]:
                assert (opens, closes) != ("00:00", "23:59")
            if service["category"] == "shelter":
                days = {tuple(row[1:]) for row in service["schedules"]}
                assert days in ({("00:00", "00:00")}, {("19:00", "07:00")}), days
                assert len(service["schedules"]) == 7
                hours[days.pop()] += 1
    assert hours[("00:00", "00:00")] > 10
    assert hours[("19:00", "07:00")] > 3


def test_the_deliberate_gaps_are_a_handful_and_written_down():
    readme = (SEED_DATA / "README.md").read_text(encoding="utf-8")
    gaps = readme[readme.index("**Deliberate gaps.**") :].split("\n\n")[0]
    assert 3 <= len(DELIBERATE_GAPS) <= 6
    for region, _category in DELIBERATE_GAPS:
        assert region_names()[region]["en"] in gaps, region
