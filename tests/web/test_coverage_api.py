"""/api/v1/coverage, /api/v1/regions and the GeoJSON forms of the directory."""

import json

import pytest

from tests.geo.test_geojson import follows_the_right_hand_rule, polygons_of


def test_coverage_has_the_documented_shape(client, directory):
    body = client.get("/api/v1/coverage?service=legal_advice").get_json()
    assert body["service"] == "legal_advice"
    assert body["include_stale"] is False
    assert len(body["regions"]) == 80
    illinois = next(r for r in body["regions"] if r["region"] == "US-IL")
    assert set(illinois) == {
        "region",
        "name",
        "name_es",
        "providers",
        "unreported",
        "remote",
        "capacity",
        "demand",
        "ratio",
        "status",
    }
    assert illinois["providers"] == 1
    assert illinois["unreported"] == 0
    campeche = next(r for r in body["regions"] if r["region"] == "MX-CAM")
    assert campeche["status"] == "no_data"
    assert campeche["demand"] is None
    assert campeche["ratio"] is None


def test_coverage_with_a_language_reports_language_gaps(client, directory):
    body = client.get("/api/v1/coverage?service=legal_advice&language=es").get_json()
    assert body["language"] == "spa"
    assert all("language_gap" in item for item in body["regions"])


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("", "service"),
        ("service=nope", "service"),
        ("service=health&language=xx", "language"),
        ("service=health&target_group=martians", "target_group"),
    ],
)
def test_bad_coverage_questions_get_400_with_the_valid_codes(client, query, parameter):
    response = client.get(f"/api/v1/coverage?{query}")
    assert response.status_code == 400
    assert parameter in response.get_json()["error"]["errors"]


def test_unknown_codes_list_the_valid_ones(client):
    body = client.get("/api/v1/coverage?service=nope").get_json()
    assert "legal_advice" in body["error"]["errors"]["service"][0]


def test_regions_are_a_geojson_feature_collection(client, directory):
    body = client.get("/api/v1/regions").get_json()
    assert body["type"] == "FeatureCollection"
    assert len(body["features"]) == 80
    zacatecas = next(f for f in body["features"] if f["properties"]["code"] == "MX-ZAC")
    assert zacatecas["geometry"]["type"] in ("Polygon", "MultiPolygon")
    lon, lat = zacatecas["geometry"]["coordinates"][0][0][:2]
    assert -106 < lon < -100  # lon first (RFC 7946)
    assert 20 < lat < 26
    assert zacatecas["properties"]["level"] == "state"
    assert zacatecas["properties"]["migrant_population"] > 0


def test_organizations_as_geojson_use_public_points(client, directory):
    body = client.get("/api/v1/organizations?format=geojson").get_json()
    assert body["type"] == "FeatureCollection"
    by_id = {f["properties"]["id"]: f for f in body["features"]}
    bravo = by_id[str(directory["bravo"])]
    assert bravo["geometry"]["coordinates"] == [-119.78, 36.74]
    assert "legal_advice" in bravo["properties"]["services"]
    delta = by_id[str(directory["delta"])]  # confidential: its state's point
    assert delta["properties"]["approximate"] is True
    assert delta["geometry"]["coordinates"] != [-106.44, 31.68]
    assert str(directory["foxtrot"]) not in by_id  # pending: not listed


def test_geojson_and_points_take_the_directory_filters(client, directory):
    body = client.get(
        "/api/v1/organizations?format=geojson&service=legal_advice&region=US-CA"
    ).get_json()
    assert [f["properties"]["id"] for f in body["features"]] == [
        str(directory["bravo"])
    ]
    points = client.get("/api/v1/organizations?format=points&region=US-IL").get_json()
    assert sorted(points["ids"]) == sorted(
        [str(directory["alpha"]), str(directory["india"])]
    )
    assert len(points["lon"]) == len(points["lat"]) == len(points["type"]) == 2


def test_an_unknown_format_is_a_400(client):
    response = client.get("/api/v1/organizations?format=xml")
    assert response.status_code == 400
    assert "format" in response.get_json()["error"]["errors"]


def test_every_polygon_served_follows_the_right_hand_rule(client, directory):
    # RFC 7946: exterior rings counterclockwise, holes clockwise; the boundaries
    # are stored in their sources' ring order, which breaks it.
    served = [
        client.get("/api/v1/regions").get_json(),
        json.loads(client.get("/en/gaps.geojson?service=legal_advice").data),
    ]
    for document in served:
        assert polygons_of(document)
        assert follows_the_right_hand_rule(document)
