"""Services anyone in a country can use: online, or offered to the whole country."""

import datetime as dt

import pytest

from cso_map.services.finder.help_places import Where
from cso_map.services.finder.online import MAX_ONLINE, online_services
from cso_map.services.finder.places import place_book
from cso_map.services.finder.query import HelpSearch
from tests.factories import insert, organization_record

MEXICO_CITY = (19.43, -99.13)
FRESNO = (36.74, -119.78)
# Wednesday 16:00 UTC: 8:00 in California, 10:00 in Zacatecas (Mexico City time).
WEDNESDAY_16_UTC = dt.datetime(2026, 11, 25, 16, 0, tzinfo=dt.UTC)
NOW = WEDNESDAY_16_UTC


def online(record):
    location = record["locations"][0]
    record["locations"].append(
        {"id": location["id"][:-3] + "abc", "type": "virtual", "url": "https://x.org"}
    )
    return record


@pytest.fixture
def remote(app, empty_directory):
    bandera = organization_record(
        "bandera", "Bandera Nacional", *MEXICO_CITY, [("legal_advice", ["MX"])]
    )
    bandera["services"][0].update(languages=["spa", "hat"], schedules=[])
    faro = online(
        organization_record("faro", "Faro Inactivo", *FRESNO, [("legal_advice", [])])
    )
    faro["services"][0]["status"] = "inactive"
    insert(
        app,
        [
            online(
                organization_record(
                    "amparo",
                    "Amparo en Línea",
                    *MEXICO_CITY,
                    [("legal_advice", []), ("health", [])],
                )
            ),
            bandera,
            organization_record(
                "campo", "Campo Nacional", *FRESNO, [("legal_advice", ["US"])]
            ),
            organization_record(
                "delta", "Delta Estatal", *FRESNO, [("legal_advice", ["US-CA"])]
            ),
            online(
                organization_record(
                    "eco",
                    "Eco Pendiente",
                    *FRESNO,
                    [("legal_advice", [])],
                    verification_status="pending",
                )
            ),
            faro,
        ],
    )


def person_in(code):
    book = place_book()
    if code is None:
        return Where(-100.0, 30.0, None, "somewhere")
    state = list(book.states["code"]).index(code)
    return Where(
        float(book.states["label_lon"].iat[state]),
        float(book.states["label_lat"].iat[state]),
        state,
        code,
    )


def names(search, now=NOW):
    return [service.organization.name for service in online_services(search, now)]


def test_online_services_and_those_for_the_persons_whole_country(app_context, remote):
    assert names(HelpSearch("legal_advice", person_in("US-CA"))) == [
        "Amparo en Línea",
        "Campo Nacional",
    ]
    assert names(HelpSearch("legal_advice", person_in("MX-ZAC"))) == [
        "Amparo en Línea",
        "Bandera Nacional",
    ]


def test_without_a_known_state_both_countries_count(app_context, remote):
    assert names(HelpSearch("legal_advice", person_in(None))) == [
        "Amparo en Línea",
        "Bandera Nacional",
        "Campo Nacional",
    ]


def test_only_the_need_asked_for(app_context, remote):
    found = online_services(HelpSearch("health", person_in("US-CA")), NOW)
    assert [(s.organization.name, s.category.code) for s in found] == [
        ("Amparo en Línea", "health")
    ]


def test_conditions_apply(app_context, remote):
    anywhere = person_in(None)
    assert names(HelpSearch("legal_advice", anywhere, language="hat")) == [
        "Bandera Nacional"
    ]
    assert names(HelpSearch("legal_advice", anywhere, language="mix", free=True)) == [
        "Amparo en Línea",
        "Campo Nacional",
    ]
    assert names(HelpSearch("legal_advice", anywhere, women_only=True)) == []


def test_open_now_is_read_in_the_persons_time(app_context, remote):
    # The template's hours are 9:00 to 17:00 on weekdays; Bandera states none.
    search = HelpSearch("legal_advice", person_in("MX-ZAC"), open_now=True)
    assert names(search) == ["Amparo en Línea"]  # 10:00 in Zacatecas
    california = HelpSearch("legal_advice", person_in("US-CA"), open_now=True)
    assert names(california) == []  # 8:00 in California
    later = NOW + dt.timedelta(hours=2)
    assert names(california, later) == ["Amparo en Línea", "Campo Nacional"]
    # No state: the time is UTC (16:00).
    assert names(HelpSearch("legal_advice", person_in(None), open_now=True)) == [
        "Amparo en Línea",
        "Campo Nacional",
    ]


def test_at_most_a_few_are_offered(app, app_context):
    records = [
        online(organization_record(f"o{n}", f"Org {n}", *FRESNO, [("orientation", [])]))
        for n in range(MAX_ONLINE + 2)
    ]
    insert(app, records)
    found = names(HelpSearch("orientation", person_in("US-TX")))
    assert found == [f"Org {n}" for n in range(MAX_ONLINE)]
