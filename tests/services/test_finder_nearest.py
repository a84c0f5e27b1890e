"""The nearest matching services to a point: great-circle km, filters that
combine with AND, one point per service, and the API's rows."""

import datetime as dt
import math
import uuid

import pytest

from cso_map.services.finder.nearest import (
    NearestQuery,
    canonical,
    nearest_hits,
    nearest_services,
    service_filter,
)
from cso_map.services.snapshot.build import directory_snapshot
from tests.factories import insert, organization_record

FRESNO = (36.74, -119.78)
KM_PER_DEGREE = 6371.0088 * math.pi / 180  # along a meridian
WEDNESDAY_10_IN_FRESNO = dt.datetime(2026, 11, 25, 18, 0, tzinfo=dt.UTC)
SUNDAY_10_IN_FRESNO = dt.datetime(2026, 11, 29, 18, 0, tzinfo=dt.UTC)


def north_of_fresno(degrees):
    return (FRESNO[0] + degrees, FRESNO[1])


@pytest.fixture
def around_fresno(app, empty_directory):
    uno = organization_record("uno", "Uno", *FRESNO, [("legal_advice", [])])
    dos = organization_record(
        "dos", "Dos", *north_of_fresno(0.5), [("legal_advice", [])]
    )
    dos["services"][0].update(free_of_charge=False, schedules=[])
    tres = organization_record(
        "tres", "Tres", *north_of_fresno(1.0), [("legal_advice", [])]
    )
    tres["services"][0].update(languages=["hat"], women_only=True)
    cinco = organization_record(
        "cinco", "Cinco", *north_of_fresno(2.0), [("legal_advice", [])]
    )
    near = {**cinco["locations"][0], "lat": north_of_fresno(0.2)[0]}
    near["id"] = near["id"][:-1] + ("0" if near["id"][-1] != "0" else "1")
    cinco["locations"].append(near)
    cinco["services"][0]["location_ids"].append(near["id"])
    salud = organization_record("salud", "Salud", *FRESNO, [("health", [])])
    reno = organization_record("reno", "Reno", 39.53, -119.81, [("legal_advice", [])])
    insert(app, [uno, dos, tres, cinco, salud, reno])
    return {record["key"]: record for record in (uno, dos, tres, cinco, salud, reno)}


def found(query, now=None):
    """Return (organization name, km) of the hits, nearest first."""
    snapshot = directory_snapshot()
    hits = nearest_hits(query, snapshot, now)
    owners = snapshot.services["owner"].to_numpy()[hits.services]
    names = snapshot.organizations["name"].to_numpy()[owners]
    return list(zip(names.tolist(), hits.km.tolist(), strict=True))


def names(query, now=None):
    return [name for name, _ in found(query, now)]


def test_nearest_first_in_great_circle_km_one_point_per_service(
    app_context, around_fresno
):
    hits = found(NearestQuery(*FRESNO, "legal_advice", limit=10))
    assert [name for name, _ in hits] == ["Uno", "Cinco", "Dos", "Tres", "Reno"]
    km = [distance for _, distance in hits]
    assert km[:4] == pytest.approx(
        [0, 0.2 * KM_PER_DEGREE, 0.5 * KM_PER_DEGREE, 1.0 * KM_PER_DEGREE],
        abs=1e-6,
    )
    # Cinco's farther place (2° north) does not make it a second hit.
    assert 300 < km[4] < 320  # Reno, 2.79° north and a little west


def test_only_the_category_asked_for(app_context, around_fresno):
    assert names(NearestQuery(*FRESNO, "health")) == ["Salud"]
    assert names(NearestQuery(*FRESNO, "shelter")) == []


def test_limit_and_radius(app_context, around_fresno):
    assert names(NearestQuery(*FRESNO, "legal_advice", limit=2)) == ["Uno", "Cinco"]
    radius = 0.5 * KM_PER_DEGREE + 0.1
    assert names(NearestQuery(*FRESNO, "legal_advice", radius_km=radius)) == [
        "Uno",
        "Cinco",
        "Dos",
    ]
    assert names(NearestQuery(*FRESNO, "legal_advice", limit=0)) == []


def test_conditions_combine_with_and(app_context, around_fresno):
    base = {"lat": FRESNO[0], "lon": FRESNO[1], "service": "legal_advice"}
    assert names(NearestQuery(**base, language="hat")) == ["Tres"]
    assert names(NearestQuery(**base, language="mix", free=True)) == [
        "Uno",
        "Cinco",
        "Reno",
    ]
    assert names(NearestQuery(**base, free=True, women_only=True)) == ["Tres"]
    assert names(NearestQuery(**base, language="mix", women_only=True)) == []
    assert names(NearestQuery(**base, walk_in=True)) == []


def test_open_now_reads_each_services_hours(app_context, around_fresno):
    query = NearestQuery(*FRESNO, "legal_advice", open_now=True)
    # The template's hours are Monday to Saturday; Dos has none.
    assert names(query, WEDNESDAY_10_IN_FRESNO) == ["Uno", "Cinco", "Tres", "Reno"]
    assert names(query, SUNDAY_10_IN_FRESNO) == []


def test_states_keep_services_that_reach_them(app_context, around_fresno):
    snapshot = directory_snapshot()
    nevada = snapshot.region_index("US-NV")
    query = NearestQuery(*FRESNO, "legal_advice", states=(nevada,))
    assert names(query) == ["Reno"]


def test_without_conditions_there_is_no_filter(app_context, around_fresno):
    snapshot = directory_snapshot()
    assert service_filter(NearestQuery(*FRESNO, "legal_advice"), snapshot) is None
    accept = service_filter(NearestQuery(*FRESNO, "legal_advice", free=True), snapshot)
    names_ = snapshot.services["name"].to_numpy()
    rows = list(range(len(names_)))
    assert sorted(names_[accept(rows)]) == [
        "Cinco: legal_advice",
        "Reno: legal_advice",
        "Salud: health",
        "Tres: legal_advice",
        "Uno: legal_advice",
    ]


def test_the_api_rows(app_context, around_fresno):
    (first, second) = nearest_services(NearestQuery(*FRESNO, "legal_advice", limit=2))
    cinco = around_fresno["cinco"]
    assert second == {
        "organization": {"id": cinco["id"], "name": "Cinco"},
        "service": {
            "id": cinco["services"][0]["id"],
            "name": "Cinco: legal_advice",
            "category": "legal_advice",
        },
        "distance_km": round(0.2 * KM_PER_DEGREE, 3),
        "location": {"lat": 36.94, "lon": -119.78, "approximate": False},
    }
    assert first["distance_km"] == 0.0


def test_canonical_writes_either_spelling_of_an_id_dashed():
    value = uuid.uuid4()
    assert canonical(value.hex) == canonical(str(value)) == str(value)
    with pytest.raises(ValueError, match="badly formed"):
        canonical("not-a-uuid")
