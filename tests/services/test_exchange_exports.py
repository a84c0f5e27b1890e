"""Exports called directly: the 3W sheet row by row, the GeoJSON points and the
coverage polygons, each holding only what the public may see."""

import csv
import datetime as dt
import io
import json

import pytest

from cso_map.services.analysis.coverage import CoverageQuery
from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.services.exchange.exports import (
    THREE_W_COLUMNS,
    coverage_geojson,
    directory_csv,
    directory_geojson,
    three_w_csv,
)
from tests.factories import insert, organization_record

FRESNO = (36.74, -119.78)  # US-CA
JUAREZ = (31.68, -106.44)  # MX-CHH


def rows_of(text):
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


@pytest.fixture
def two(app, empty_directory):
    alfa = organization_record(
        "alfa", "Alfa", *FRESNO, [("legal_advice", ["US-NV"]), ("health", [])]
    )
    beta = organization_record(
        "beta",
        "Beta",
        *JUAREZ,
        [("womens_services", [])],
        type="network",
        location_confidential=True,
    )
    pending = organization_record(
        "gamma", "Gamma", *FRESNO, [("health", [])], verification_status="pending"
    )
    insert(app, [alfa, beta, pending])
    return alfa, beta


def test_the_3w_sheet_has_a_row_per_organization_sector_and_state(app_context, two):
    alfa, beta = two
    rows = rows_of(three_w_csv("en", today=dt.date(2026, 3, 15)))
    assert rows[0] == list(THREE_W_COLUMNS)
    ngo = "Non-governmental organization (NGO)"
    assert rows[1:] == [
        [
            alfa["id"],
            "Alfa",
            "",
            ngo,
            "health",
            "Health care",
            "US-CA",
            "California",
            "2026-03",
        ],
        [
            alfa["id"],
            "Alfa",
            "",
            ngo,
            "legal_advice",
            "Legal advice (immigration)",
            "US-CA",
            "California",
            "2026-03",
        ],
        [
            alfa["id"],
            "Alfa",
            "",
            ngo,
            "legal_advice",
            "Legal advice (immigration)",
            "US-NV",
            "Nevada",
            "2026-03",
        ],
        [
            beta["id"],
            "Beta",
            "",
            "Network or coalition",
            "womens_services",
            "Services for women",
            "MX-CHH",
            "Chihuahua",
            "2026-03",
        ],
    ]


def test_the_3w_sheet_in_spanish(app_context, two):
    rows = rows_of(three_w_csv("es", today=dt.date(2026, 12, 1)))
    beta = rows[-1]
    assert beta[3:] == [
        "Red o coalición",
        "womens_services",
        "Servicios para mujeres",
        "MX-CHH",
        "Chihuahua",
        "2026-12",
    ]


def test_the_geojson_has_public_points_only(app_context, two):
    document = json.loads(directory_geojson())
    by_name = {f["properties"]["name"]: f for f in document["features"]}
    assert sorted(by_name) == ["Alfa", "Beta"]
    assert by_name["Alfa"]["geometry"]["coordinates"] == [FRESNO[1], FRESNO[0]]
    assert by_name["Alfa"]["properties"]["services"] == ["health", "legal_advice"]
    assert by_name["Alfa"]["properties"]["approximate"] is False
    hidden = by_name["Beta"]
    assert hidden["properties"]["approximate"] is True
    assert hidden["geometry"]["coordinates"] != [JUAREZ[1], JUAREZ[0]]
    assert hidden["properties"]["region"] == "MX-CHH"


def test_coverage_polygons_carry_the_service_and_json_nulls(app_context, two):
    text = coverage_geojson(
        CoverageQuery("womens_services"), CoveragePolicy(1.0), lang="es"
    )
    assert "NaN" not in text
    document = json.loads(text)
    assert len(document["features"]) == 80
    chihuahua = next(
        f["properties"]
        for f in document["features"]
        if f["properties"]["code"] == "MX-CHH"
    )
    assert chihuahua["service"] == "womens_services"
    assert chihuahua["service_name"] == "Servicios para mujeres"
    assert chihuahua["providers"] == 1
    assert chihuahua["capacity"] == 50  # the factory template's places a month
    zacatecas = next(
        f["properties"]
        for f in document["features"]
        if f["properties"]["code"] == "MX-ZAC"
    )
    assert zacatecas["providers"] == 0


def test_the_csv_holds_listed_organizations_by_row(app_context, two):
    rows = rows_of(directory_csv())
    header, body = rows[0], rows[1:]
    names = sorted(row[header.index("name")] for row in body)
    assert names == ["Alfa", "Beta"]
    beta = next(row for row in body if row[header.index("name")] == "Beta")
    assert beta[header.index("city")] == ""
    assert beta[header.index("latitude")] == ""
