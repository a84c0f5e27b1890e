"""Imports store each place's time zone from its point and keep hours that close
after midnight; an HSDS export imports back with the same hours."""

import datetime as dt

import pytest
from sqlalchemy import select

from cso_map.extensions import db
from cso_map.models import Location, ServiceSchedule
from tests.conftest import clear_directory, separate_app
from tests.factories import insert, organization_record

HOURS = [[0, "22:00", "06:00"], [1, "00:00", "00:00"], [2, "09:00", "17:00"]]


def night_shelter(key="noche", **fields):
    record = organization_record(
        key, "Albergue nocturno", 31.72, -106.44, [("housing", [])], **fields
    )
    record["locations"].append({"id": f"{record['id'][:-4]}beef", "type": "virtual"})
    record["services"][0]["schedules"] = HOURS
    return record


def stored_hours() -> list[tuple]:
    return sorted(
        (row.weekday, row.opens_at, row.closes_at)
        for row in db.session.scalars(select(ServiceSchedule))
    )


def test_a_place_gets_the_zone_of_its_point_and_an_online_one_none(app, app_context):
    insert(app, [night_shelter()])
    zones = {
        place.location_type: place.time_zone
        for place in db.session.scalars(select(Location))
    }
    assert zones == {"physical": "America/Ciudad_Juarez", "virtual": None}


def test_overnight_hours_are_stored_as_given_and_old_all_day_rows_as_00_00(
    app, app_context
):
    record = night_shelter()
    record["services"][0]["schedules"] = [*HOURS, [3, "00:00", "23:59"]]
    insert(app, [record])
    midnight = dt.time(0)
    assert stored_hours() == [
        (0, dt.time(22), dt.time(6)),
        (1, midnight, midnight),
        (2, dt.time(9), dt.time(17)),
        (3, midnight, midnight),  # how files used to say "open 24 hours"
    ]


@pytest.fixture(scope="module")
def target(database_url, tmp_path_factory):
    """A second installation, to import an export into."""
    with separate_app(database_url, tmp_path_factory.mktemp("tz"), "tz") as app:
        yield app


@pytest.mark.parametrize("name", ["directory.zip", "directory.json"])
def test_hsds_export_and_import_keep_overnight_hours(
    app, empty_directory, target, tmp_path, name
):
    insert(app, [night_shelter(), night_shelter("oculto", location_confidential=True)])
    result = app.test_cli_runner().invoke(args=["export", "hsds", str(tmp_path / name)])
    assert result.exit_code == 0, result.output
    with target.app_context():
        clear_directory()
    result = target.test_cli_runner().invoke(
        args=["import", "hsds", str(tmp_path / name)]
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        before = stored_hours()
    with target.app_context():
        assert stored_hours() == before
        zones = sorted(
            str(place.time_zone)
            for place in db.session.scalars(select(Location))
            if place.location_type == "physical"
        )
    # The hidden address was exported without its point: no zone comes back.
    assert zones == ["America/Ciudad_Juarez", "None"]
