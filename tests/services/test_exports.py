"""Exports of the public directory: CSV, GeoJSON and 3W, as the public may see it."""

import csv
import io
import json

from tests.factories import insert, organization_record


def export(runner, kind, tmp_path, *options):
    out = tmp_path / f"export.{kind}"
    result = runner.invoke(args=["export", kind, str(out), *options])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def rows_of(text):
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_the_csv_has_every_listed_organization_and_no_hidden_address(
    app, runner, directory, tmp_path
):
    insert(app, [organization_record("formula", "=HYPERLINK(1)", 36, -119, [])])
    rows = rows_of(export(runner, "csv", tmp_path))
    names = {row["name"] for row in rows}
    assert "Centro Legal del Valle" in names
    assert "Propuesta Pendiente" not in names  # pending
    assert "Asociación Cerrada" not in names  # defunct
    assert "'=HYPERLINK(1)" in names
    refuge = next(row for row in rows if row["name"] == "Refugio Mariposa")
    assert (refuge["latitude"], refuge["longitude"]) == ("", "")
    assert refuge["state"]
    assert not refuge["address_1"]
    assert not refuge["city"]
    assert "Calle Secreta" not in json.dumps(rows)
    bravo = next(row for row in rows if row["name"] == "Centro Legal del Valle")
    assert bravo["services"] == "legal_advice;psychosocial"
    assert bravo["languages"] == "spa;eng;mix"


def test_the_geojson_is_points_in_longitude_latitude_order(runner, directory, tmp_path):
    document = json.loads(export(runner, "geojson", tmp_path))
    assert document["type"] == "FeatureCollection"
    bravo = next(
        f
        for f in document["features"]
        if f["properties"]["name"] == "Centro Legal del Valle"
    )
    assert bravo["geometry"] == {"type": "Point", "coordinates": [-119.78, 36.74]}
    assert "Calle Secreta" not in json.dumps(document)


def test_the_3w_sheet_says_who_does_what_where(runner, directory, tmp_path):
    rows = rows_of(export(runner, "3w", tmp_path, "--lang", "es"))
    found = {(row["organization"], row["sector"], row["admin1_code"]) for row in rows}
    assert ("Centro Legal del Valle", "legal_advice", "US-CA") in found
    # Red Nacional lists all Mexico from Mexico City: in person it serves the states
    # within 200 km (Puebla, 100 km), not Zacatecas (500 km), where it is by phone.
    assert ("Red Nacional Ejemplo", "legal_advice", "MX-PUE") in found
    assert ("Red Nacional Ejemplo", "legal_advice", "MX-ZAC") not in found
    row = next(r for r in rows if r["organization"] == "Centro Legal del Valle")
    assert row["sector_name"] in ("Asesoría legal (migratoria)", "Apoyo psicosocial")
    assert row["admin1_name"] == "California"
    assert len(row["reference_period"]) == 7  # YYYY-MM
