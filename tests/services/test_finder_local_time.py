""" "Open now" in the time of each service's place, checked against IANA tzdata
(zoneinfo) on fixed dates: border towns that follow US summer time and towns of
the same states that do not; hours that close after midnight; hidden addresses
read in their state's time."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from cso_map.services.finder.opening import (
    hours_include,
    open_services,
    service_time_zones,
)
from cso_map.services.snapshot.build import directory_snapshot
from tests.factories import insert, organization_record

WINTER, SUMMER = dt.date(2027, 1, 15), dt.date(2027, 7, 15)  # two Fridays
# Towns, their points and the zone tzdata gives them (the ground truth here).
TOWNS = {
    "juarez": ("Ciudad Juárez", (31.72, -106.44), "America/Ciudad_Juarez"),
    "chihuahua": ("Chihuahua", (28.64, -106.09), "America/Chihuahua"),
    "delicias": ("Delicias", (28.19, -105.47), "America/Chihuahua"),
    "matamoros": ("Matamoros", (25.87, -97.50), "America/Matamoros"),
    "tampico": ("Tampico", (22.25, -97.86), "America/Monterrey"),
}
EVERY_DAY_NINE_TO_FIVE = [[day, "09:00", "17:00"] for day in range(7)]


def at_local(day: dt.date, hour: int, minute: int, zone: str) -> dt.datetime:
    """Return the moment a clock in `zone` shows `hour:minute` on `day`."""
    return dt.datetime.combine(day, dt.time(hour, minute), ZoneInfo(zone))


def open_names(snapshot, now: dt.datetime) -> set[str]:
    names = snapshot.services["name"].to_numpy()
    return set(names[open_services(snapshot, now)].tolist())


def record(key: str, name: str, point, schedules, **fields) -> dict:
    found = organization_record(key, name, *point, [("legal_advice", [])], **fields)
    found["services"][0]["schedules"] = schedules
    return found


@pytest.fixture
def border_towns(app, empty_directory):
    insert(
        app,
        [
            record(key, name, point, EVERY_DAY_NINE_TO_FIVE)
            for key, (name, point, _zone) in TOWNS.items()
        ],
    )
    return directory_snapshot()


def test_each_town_keeps_its_own_zone(app_context, border_towns):
    zones = dict(
        zip(
            border_towns.services["name"], service_time_zones(border_towns), strict=True
        )
    )
    assert zones == {
        f"{name}: legal_advice": zone for name, _point, zone in TOWNS.values()
    }


@pytest.mark.parametrize("day", [WINTER, SUMMER], ids=["winter", "summer"])
@pytest.mark.parametrize("town", TOWNS)
@pytest.mark.parametrize(("hour", "minute"), [(8, 30), (9, 30)])
def test_open_now_follows_each_towns_clock(
    app_context, border_towns, day, town, hour, minute
):
    name, _point, zone = TOWNS[town]
    now = at_local(day, hour, minute, zone)
    expected = {
        f"{other}: legal_advice"
        for other, _p, other_zone in TOWNS.values()
        if dt.time(9) <= now.astimezone(ZoneInfo(other_zone)).time() < dt.time(17)
    }
    found = open_names(border_towns, now)
    assert found == expected
    assert (f"{name}: legal_advice" in found) == (hour == 9)


def test_the_hour_between_juarez_and_chihuahua_moves_with_the_seasons(
    app_context, border_towns
):
    # 9:30 in Chihuahua: in winter also 8:30 in Juárez (closed), in summer 9:30.
    winter = open_names(border_towns, at_local(WINTER, 9, 30, "America/Chihuahua"))
    summer = open_names(border_towns, at_local(SUMMER, 9, 30, "America/Chihuahua"))
    assert "Ciudad Juárez: legal_advice" not in winter
    assert "Ciudad Juárez: legal_advice" in summer
    # Matamoros moves its clocks in summer and Tampico does not: 8:30 in Matamoros
    # is 8:30 in Tampico in winter, 7:30 in summer; 9:30 in Tampico is 10:30 there.
    winter = open_names(border_towns, at_local(WINTER, 8, 30, "America/Matamoros"))
    summer = open_names(border_towns, at_local(SUMMER, 8, 30, "America/Matamoros"))
    assert "Tampico: legal_advice" not in winter
    assert "Tampico: legal_advice" not in summer  # 7:30 in Tampico
    summer = open_names(border_towns, at_local(SUMMER, 9, 30, "America/Monterrey"))
    assert "Matamoros: legal_advice" in summer  # 10:30 in Matamoros


def minutes(text: str) -> int:
    hours, mins = text.split(":")
    return int(hours) * 60 + int(mins)


@pytest.mark.parametrize(
    ("row", "weekday", "clock", "expected"),
    [
        ((0, "22:00", "06:00"), 0, "21:59", False),
        ((0, "22:00", "06:00"), 0, "22:00", True),
        ((0, "22:00", "06:00"), 0, "23:59", True),
        ((0, "22:00", "06:00"), 1, "03:00", True),  # Tuesday early morning
        ((0, "22:00", "06:00"), 1, "06:00", False),
        ((0, "22:00", "06:00"), 1, "22:30", False),  # only Monday night
        ((6, "20:00", "02:00"), 0, "01:00", True),  # Sunday night into Monday
        ((0, "00:00", "00:00"), 0, "00:00", True),  # open 24 hours
        ((0, "00:00", "00:00"), 0, "23:59", True),
        ((0, "00:00", "00:00"), 1, "00:00", False),
        ((0, "09:00", "09:00"), 1, "08:59", True),  # 24 hours from 9:00
        ((0, "09:00", "17:00"), 1, "03:00", False),
    ],
)
def test_hours_that_close_after_midnight(row, weekday, clock, expected):
    day, opens, closes = row
    found = hours_include(day, minutes(opens), minutes(closes), weekday, minutes(clock))
    assert bool(found) is expected


def test_an_overnight_shelter_is_open_on_tuesday_at_three(app, app_context):
    zone = "America/Chihuahua"
    insert(
        app,
        [
            record(
                "noche",
                "Albergue nocturno",
                TOWNS["chihuahua"][1],
                [[0, "22:00", "06:00"], [3, "00:00", "00:00"]],
            )
        ],
    )
    snapshot = directory_snapshot()
    service = {"Albergue nocturno: legal_advice"}
    monday, tuesday = dt.date(2027, 1, 11), dt.date(2027, 1, 12)
    assert open_names(snapshot, at_local(monday, 23, 0, zone)) == service
    assert open_names(snapshot, at_local(tuesday, 3, 0, zone)) == service
    assert open_names(snapshot, at_local(tuesday, 7, 0, zone)) == set()
    assert open_names(snapshot, at_local(tuesday, 23, 0, zone)) == set()
    thursday = dt.date(2027, 1, 14)  # open 24 hours, and not into Friday
    assert open_names(snapshot, at_local(thursday, 0, 0, zone)) == service
    assert open_names(snapshot, at_local(thursday, 23, 59, zone)) == service
    assert open_names(snapshot, at_local(thursday, 0, 0, zone) + dt.timedelta(1)) == (
        set()
    )


def test_a_hidden_address_keeps_its_states_time_not_its_towns(app, app_context):
    insert(
        app,
        [
            record(
                f"hidden-{key}",
                f"Refugio {key}",
                TOWNS[key][1],
                EVERY_DAY_NINE_TO_FIVE,
                location_confidential=True,
            )
            for key in ("juarez", "chihuahua")
        ],
    )
    snapshot = directory_snapshot()
    zones = set(service_time_zones(snapshot))
    assert zones == {"America/Chihuahua"}  # the zone at the state's label point
    # 8:30 in Juárez in summer is 8:30 in Chihuahua too; in winter 9:30 there.
    for day in (WINTER, SUMMER):
        now = at_local(day, 8, 30, "America/Ciudad_Juarez")
        expected = set(snapshot.services["name"]) if day == WINTER else set()
        assert open_names(snapshot, now) == expected
