"""Services given by phone or online where the person is, and only there."""

import datetime as dt

import pytest

from cso_map.services.finder.help_places import Where
from cso_map.services.finder.online import MAX_ONLINE, online_services
from cso_map.services.finder.places import place_book
from cso_map.services.finder.query import HelpSearch
from cso_map.services.snapshot.build import directory_snapshot
from tests.factories import insert, organization_record

MEXICO_CITY = (19.43, -99.13)
FRESNO = (36.74, -119.78)
# Wednesday 16:00 UTC: 8:00 in California, 10:00 in Zacatecas (Mexico City time).
WEDNESDAY_16_UTC = dt.datetime(2026, 11, 25, 16, 0, tzinfo=dt.UTC)
NOW = WEDNESDAY_16_UTC


def remote(record, position=0, **flags):
    """Give a record's service how it is given remotely."""
    record["services"][position].update(flags)
    return record


@pytest.fixture
def lines(app, empty_directory):
    """Amparo: online for all Mexico; Bandera: in person, listing all Mexico (no
    line); Campo: by phone for all the US; Delta: in person in California; Gema:
    by phone for California only; Eco (pending) and Faro (inactive) never count."""
    amparo = organization_record(
        "amparo",
        "Amparo en Línea",
        *MEXICO_CITY,
        [("legal_advice", ["MX"]), ("health", ["MX"])],
    )
    for position in (0, 1):
        remote(amparo, position, online=True, remote_only=True)
    bandera = organization_record(
        "bandera", "Bandera Nacional", *MEXICO_CITY, [("legal_advice", ["MX"])]
    )
    bandera["services"][0].update(languages=["spa", "hat"], schedules=[])
    campo = remote(
        organization_record(
            "campo", "Campo Nacional", *FRESNO, [("legal_advice", ["US"])]
        ),
        by_phone=True,
    )
    campo["services"][0]["languages"] = ["spa", "hat"]
    faro = remote(
        organization_record("faro", "Faro Inactivo", *FRESNO, [("legal_advice", [])]),
        online=True,
    )
    faro["services"][0]["status"] = "inactive"
    insert(
        app,
        [
            amparo,
            bandera,
            campo,
            organization_record(
                "delta", "Delta Estatal", *FRESNO, [("legal_advice", ["US-CA"])]
            ),
            remote(
                organization_record(
                    "eco",
                    "Eco Pendiente",
                    *FRESNO,
                    [("legal_advice", ["US"])],
                    verification_status="pending",
                ),
                online=True,
            ),
            faro,
            remote(
                organization_record(
                    "gema", "Gema Estatal", *FRESNO, [("legal_advice", ["US-CA"])]
                ),
                by_phone=True,
            ),
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
    found = online_services(search, now, directory_snapshot())
    return [service.organization.name for service in found]


def test_lines_for_the_persons_state(app_context, lines):
    # A listing of the whole country in person (Bandera) is not a line.
    assert names(HelpSearch("legal_advice", person_in("US-CA"))) == [
        "Campo Nacional",
        "Gema Estatal",
    ]
    assert names(HelpSearch("legal_advice", person_in("MX-ZAC"))) == ["Amparo en Línea"]
    # Gema's line is for California only.
    assert names(HelpSearch("legal_advice", person_in("US-NV"))) == ["Campo Nacional"]


def test_without_a_known_state_only_lines_for_a_whole_country(app_context, lines):
    assert names(HelpSearch("legal_advice", person_in(None))) == [
        "Amparo en Línea",
        "Campo Nacional",
    ]


def test_only_the_need_asked_for(app_context, lines):
    found = online_services(
        HelpSearch("health", person_in("MX-ZAC")), NOW, directory_snapshot()
    )
    assert [(s.organization.name, s.category.code) for s in found] == [
        ("Amparo en Línea", "health")
    ]
    assert names(HelpSearch("health", person_in("US-CA"))) == []


def test_conditions_apply(app_context, lines):
    anywhere = person_in(None)
    assert names(HelpSearch("legal_advice", anywhere, language="hat")) == [
        "Campo Nacional"
    ]
    assert names(HelpSearch("legal_advice", anywhere, language="mix", free=True)) == [
        "Amparo en Línea"
    ]
    assert names(HelpSearch("legal_advice", anywhere, women_only=True)) == []


def test_open_now_is_read_in_the_persons_time(app_context, lines):
    # The template's hours are 9:00 to 17:00 on weekdays.
    search = HelpSearch("legal_advice", person_in("MX-ZAC"), open_now=True)
    assert names(search) == ["Amparo en Línea"]  # 10:00 in Zacatecas
    california = HelpSearch("legal_advice", person_in("US-CA"), open_now=True)
    assert names(california) == []  # 8:00 in California
    later = NOW + dt.timedelta(hours=2)
    assert names(california, later) == ["Campo Nacional", "Gema Estatal"]
    # No state: the time is UTC (16:00).
    assert names(HelpSearch("legal_advice", person_in(None), open_now=True)) == [
        "Amparo en Línea",
        "Campo Nacional",
    ]


def test_at_most_a_few_are_offered(app, app_context):
    records = [
        remote(
            organization_record(
                f"o{n}", f"Org {n}", *FRESNO, [("orientation", ["US"])]
            ),
            online=True,
        )
        for n in range(MAX_ONLINE + 2)
    ]
    insert(app, records)
    found = names(HelpSearch("orientation", person_in("US-TX")))
    assert found == [f"Org {n}" for n in range(MAX_ONLINE)]
