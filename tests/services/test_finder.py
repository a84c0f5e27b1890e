"""The help finder on the fixture directory: nearest, filters, privacy, widening."""

import datetime as dt

import pytest
from sqlalchemy import select

from cso_map.extensions import db
from cso_map.models import ZeroResultSearch
from cso_map.services.finder.help_places import point_where, resolve_place, state_where
from cso_map.services.finder.query import HelpSearch
from cso_map.services.finder.search import search_help
from cso_map.services.finder.unmet_demand import unmet_demand
from tests.conftest import load_fixture_directory

# A Wednesday at 20:00 UTC: noon in Fresno (Pacific time), 14:00 in Mexico City.
WEDNESDAY_NOON_PACIFIC = dt.datetime(2026, 11, 25, 20, 0, tzinfo=dt.UTC)
SUNDAY_NOON_PACIFIC = dt.datetime(2026, 11, 29, 20, 0, tzinfo=dt.UTC)


@pytest.fixture
def finder(app, app_context):
    load_fixture_directory(app)
    return app


def place(text):
    answer = resolve_place(text, "en")
    assert answer.where is not None, text
    return answer.where


def names(answer):
    return [result.organization.name for result in answer.results]


def test_a_typed_town_finds_the_nearest_matching_service(finder):
    fresno = place("Fresno")
    assert fresno.label == "Fresno, California"
    assert fresno.region_code == "US-CA"
    answer = search_help(
        HelpSearch("legal_advice", fresno, radius_km=100), WEDNESDAY_NOON_PACIFIC
    )
    assert names(answer) == ["Centro Legal del Valle"]
    result = answer.results[0]
    assert result.distance_km < 5
    assert result.location.city == "Fresno"
    assert result.open_now is True


def test_hours_are_read_in_the_services_own_time_zone(finder):
    search = HelpSearch("legal_advice", place("Fresno"), radius_km=100, open_now=True)
    assert names(search_help(search, WEDNESDAY_NOON_PACIFIC)) == [
        "Centro Legal del Valle"
    ]
    # Sunday: closed, and open-now keeps only services known to be open.
    assert names(search_help(search, SUNDAY_NOON_PACIFIC)) == []


def test_conditions_combine_with_and(finder):
    tapachula = place("Tapachula")
    base = {"category": "shelter", "where": tapachula, "radius_km": 50}
    assert names(search_help(HelpSearch(**base))) == ["Casa del Migrante Ejemplo"]
    for condition in (
        {"free": True, "no_documents": True, "walk_in": True, "language": "quc"},
        {"language": "hat"},
    ):
        assert len(search_help(HelpSearch(**base, **condition)).results) == 1
    for condition in ({"women_only": True}, {"free": True, "language": "mix"}):
        assert search_help(HelpSearch(**base, **condition)).results == []


def test_a_hidden_address_is_shown_only_as_its_state(finder):
    chihuahua = state_where("MX-CHH", "es")
    answer = search_help(HelpSearch("womens_services", chihuahua))
    result = answer.results[0]
    assert result.organization.name == "Refugio Mariposa"
    assert result.location is None
    assert result.approximate
    assert result.region.code == "MX-CHH"
    assert (round(result.lat, 2), round(result.lon, 2)) != (31.68, -106.44)


def test_a_whole_state_means_every_service_that_reaches_it(finder):
    california = state_where("US-CA", "es")
    assert california.whole_state
    assert california.label == "California"
    answer = search_help(HelpSearch("legal_advice", california, radius_km=10))
    assert names(answer) == ["Centro Legal del Valle"]


def test_a_search_that_finds_nothing_is_counted_by_day_service_state_language(finder):
    near_me = point_where(-119.78, 36.74, "your location", "en")
    search = HelpSearch("housing", near_me, radius_km=25, language="mix")
    for _ in range(2):
        assert search_help(search, WEDNESDAY_NOON_PACIFIC).results == []
    search_help(
        HelpSearch("legal_advice", near_me, radius_km=25), WEDNESDAY_NOON_PACIFIC
    )
    rows = unmet_demand()
    assert [
        (r.day, r.service_code, r.region_code, r.language_code, r.searches)
        for r in rows
    ] == [(dt.date(2026, 11, 25), "housing", "US-CA", "mix", 2)]
    columns = set(ZeroResultSearch.__table__.columns.keys())
    assert columns == {
        "id",
        "day",
        "service_code",
        "region_code",
        "language_code",
        "searches",
    }


def test_counting_does_not_invalidate_the_directory_snapshot(finder):
    from cso_map.services.snapshot.data_version import current_data_version

    before = current_data_version()
    search_help(HelpSearch("housing", place("Fresno"), radius_km=10))
    assert current_data_version() == before
    assert db.session.scalar(select(ZeroResultSearch.searches)) == 1


def test_nothing_near_offers_the_distance_neighbours_and_national_services(finder):
    mexico_city = place("Ciudad de México")
    answer = search_help(HelpSearch("legal_advice", place("Querétaro"), radius_km=10))
    assert answer.results == []
    # Red Nacional (Mexico City) offers legal advice to all Mexico, and online.
    assert [s.organization.name for s in answer.online] == ["Red Nacional Ejemplo"]
    assert [r.organization.name for r in answer.neighbours] == ["Red Nacional Ejemplo"]
    assert 150 < answer.nearest_km < 250
    assert mexico_city.region_code == "MX-CMX"


def test_an_unknown_place_gets_close_spellings(finder):
    answer = resolve_place("Fresnoo", "es")
    assert answer.where is None
    assert answer.suggestions[0].label == "Fresno, California"
    assert resolve_place("Xyzzyq", "es").suggestions == []


def test_the_unmet_demand_command_prints_the_counts_as_csv(app, runner):
    from cso_map.services.finder.unmet_demand import count_zero_result

    with app.app_context():
        count_zero_result("shelter", "MX-CHP", None, dt.date(2026, 11, 20))
        count_zero_result("shelter", "MX-CHP", None, dt.date(2026, 11, 20))
        count_zero_result("housing", None, "mix", dt.date(2026, 11, 1))
    result = runner.invoke(args=["unmet-demand"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "day,service,region,language,searches",
        "2026-11-20,shelter,MX-CHP,,2",
        "2026-11-01,housing,,mix,1",
    ]
    later = runner.invoke(args=["unmet-demand", "--since", "2026-11-15"])
    assert later.output.splitlines()[1:] == ["2026-11-20,shelter,MX-CHP,,2"]
    assert runner.invoke(args=["unmet-demand", "--since", "soon"]).exit_code == 2
