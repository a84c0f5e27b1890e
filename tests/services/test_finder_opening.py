"""Opening hours are read in the local time of each service's place, with its
daylight-saving rules; a service without hours is not known to be open."""

import datetime as dt
from types import SimpleNamespace

import pytest

from cso_map.services.finder.opening import (
    is_open_at,
    local_time,
    open_services,
    service_time_zones,
)
from cso_map.services.snapshot.build import directory_snapshot
from tests.factories import insert, organization_record

UTC = dt.UTC
# Monday 23 November 2026 (standard time everywhere) and Monday 6 July 2026 (summer).
NOVEMBER = dt.date(2026, 11, 23)
JULY = dt.date(2026, 7, 6)
PLACES = {
    "la": ("Los Ángeles", (34.05, -118.25)),  # US-CA: UTC-8, summer UTC-7
    "ny": ("Nueva York", (40.71, -74.0)),  # US-NY: UTC-5, summer UTC-4
    "merida": ("Mérida", (20.97, -89.62)),  # MX-YUC: UTC-6 all year
    "cancun": ("Cancún", (21.16, -86.85)),  # MX-ROO: UTC-5 all year
}
MONDAY_NINE_TO_TEN = [[0, "09:00", "10:00"]]


def at(day, hour, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), UTC)


def hours(*rows):
    return [
        SimpleNamespace(weekday=d, opens_at=dt.time(*o), closes_at=dt.time(*c))
        for d, o, c in rows
    ]


def test_local_time_converts_an_aware_moment_or_keeps_it():
    moment = at(NOVEMBER, 17, 30)
    local = local_time(moment, "America/Mexico_City")
    assert (local.hour, local.minute, local.utcoffset()) == (
        11,
        30,
        dt.timedelta(hours=-6),
    )
    assert local_time(moment, None) is moment


def test_is_open_at_includes_the_opening_minute_and_excludes_the_closing_one():
    monday = hours((0, (9, 0), (17, 0)))
    zone = "America/Los_Angeles"
    assert is_open_at(monday, zone, at(NOVEMBER, 17, 0)) is True  # 9:00 in LA
    assert is_open_at(monday, zone, at(NOVEMBER, 16, 59)) is False  # 8:59
    assert is_open_at(monday, zone, at(NOVEMBER, 0, 59) + dt.timedelta(days=1)) is True
    assert is_open_at(monday, zone, at(NOVEMBER, 1, 0) + dt.timedelta(days=1)) is False


def test_is_open_at_follows_daylight_saving():
    monday = hours((0, (9, 0), (10, 0)))
    zone = "America/New_York"
    assert is_open_at(monday, zone, at(JULY, 13, 0)) is True  # EDT: UTC-4
    assert is_open_at(monday, zone, at(NOVEMBER, 13, 0)) is False  # EST: 8:00
    assert is_open_at(monday, zone, at(NOVEMBER, 14, 0)) is True


def test_is_open_at_uses_the_local_weekday():
    sunday_evening = hours((6, (19, 0), (21, 0)))
    # Monday 04:00 UTC is still Sunday 20:00 in Los Angeles.
    assert is_open_at(sunday_evening, "America/Los_Angeles", at(NOVEMBER, 4)) is True
    assert is_open_at(sunday_evening, None, at(NOVEMBER, 4)) is False


def test_unknown_hours_are_neither_open_nor_closed():
    assert is_open_at([], "America/Merida", at(NOVEMBER, 15)) is None
    assert is_open_at(iter(()), None, at(NOVEMBER, 15)) is None


@pytest.fixture
def four_zones(app, empty_directory):
    records = []
    for key, (city, point) in PLACES.items():
        record = organization_record(key, city, *point, [("legal_advice", [])])
        record["services"][0]["schedules"] = MONDAY_NINE_TO_TEN
        records.append(record)
    sunday = organization_record(
        "domingo", "Domingo LA", 34.05, -118.25, [("legal_advice", []), ("health", [])]
    )
    sunday["services"][0]["schedules"] = [[6, "19:00", "21:00"]]
    sunday["services"][1]["schedules"] = []
    records.append(sunday)
    insert(app, records)
    return directory_snapshot()


def open_names(snapshot, now):
    is_open = open_services(snapshot, now)
    names = snapshot.services["name"].to_numpy()
    return sorted(names[is_open].tolist())


def test_each_service_keeps_the_time_of_its_place(app_context, four_zones):
    snapshot = four_zones
    service = {key: f"{city}: legal_advice" for key, (city, _) in PLACES.items()}
    # 14:00 UTC: 9:00 in New York and Cancún, 8:00 in Mérida, 6:00 in LA.
    assert open_names(snapshot, at(NOVEMBER, 14)) == sorted(
        [service["ny"], service["cancun"]]
    )
    # 15:00 UTC: closing time in New York and Cancún, 9:00 in Mérida.
    assert open_names(snapshot, at(NOVEMBER, 15)) == [service["merida"]]
    # 17:30 UTC: 9:30 in Los Angeles.
    assert open_names(snapshot, at(NOVEMBER, 17, 30)) == [service["la"]]
    assert open_names(snapshot, at(NOVEMBER, 19)) == []


def test_summer_time_moves_the_us_hours_but_not_mexicos(app_context, four_zones):
    snapshot = four_zones
    # 13:00 UTC in July: 9:00 in New York (EDT), 8:00 in Cancún and 7:00 in Mérida.
    assert open_names(snapshot, at(JULY, 13)) == ["Nueva York: legal_advice"]
    # 16:30 UTC in July: 9:30 in Los Angeles (PDT); in November it is 8:30.
    assert open_names(snapshot, at(JULY, 16, 30)) == ["Los Ángeles: legal_advice"]
    assert open_names(snapshot, at(NOVEMBER, 16, 30)) == []
    # Mexico keeps no summer time: 15:00 UTC is 9:00 in Mérida in July too.
    assert open_names(snapshot, at(JULY, 15)) == ["Mérida: legal_advice"]


def test_the_local_weekday_decides(app_context, four_zones):
    # Monday 04:00 UTC is Sunday 20:00 in Los Angeles.
    assert open_names(four_zones, at(NOVEMBER, 4)) == ["Domingo LA: legal_advice"]


def test_services_keep_the_time_zones_of_their_places(app_context, four_zones):
    zones = service_time_zones(four_zones)
    names = four_zones.services["name"].tolist()
    assert dict(zip(names, zones, strict=True)) == {
        "Cancún: legal_advice": "America/Cancun",
        "Domingo LA: legal_advice": "America/Los_Angeles",
        "Domingo LA: health": "America/Los_Angeles",
        "Los Ángeles: legal_advice": "America/Los_Angeles",
        "Mérida: legal_advice": "America/Merida",
        "Nueva York: legal_advice": "America/New_York",
    }
    assert service_time_zones(four_zones) is zones  # read once per snapshot


def test_without_any_hours_nothing_is_open(app, app_context):
    record = organization_record("x", "X", 34.05, -118.25, [("health", [])])
    record["services"][0]["schedules"] = []
    insert(app, [record])
    snapshot = directory_snapshot()
    assert snapshot.schedules.empty
    is_open = open_services(snapshot, at(NOVEMBER, 17))
    assert is_open.tolist() == [False]


def test_a_service_in_no_state_does_not_break_the_others(app, app_context):
    anchorage = organization_record(
        "alaska", "Anchorage", 61.2, -149.9, [("legal_advice", [])]
    )
    fresno = organization_record(
        "fresno", "Fresno", 36.74, -119.78, [("legal_advice", [])]
    )
    for record in (anchorage, fresno):
        record["services"][0]["schedules"] = MONDAY_NINE_TO_TEN
    insert(app, [anchorage, fresno])
    snapshot = directory_snapshot()
    # 17:30 UTC: 9:30 in Fresno; Anchorage (in no state we know) keeps the time
    # of its point: 8:30 there, and 9:30 an hour later.
    assert open_names(snapshot, at(NOVEMBER, 17, 30)) == ["Fresno: legal_advice"]
    assert open_names(snapshot, at(NOVEMBER, 18, 30)) == ["Anchorage: legal_advice"]
