"""Importing boundaries and indicators: any format, any CRS, all or nothing, and
no file GDAL could be tricked by (a VRT in disguise calls no one)."""

import json
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, HTTPServer

import geopandas as gpd
import pytest
from shapely.geometry import box, mapping

from cso_map.extensions import db
from cso_map.models import Region, RegionIndicator
from tests.conftest import separate_app


@pytest.fixture(scope="module")
def app(database_url, tmp_path_factory):
    """An app over its own database: imports change the regions other tests share."""
    with separate_app(
        database_url, tmp_path_factory.mktemp("imports"), "imports"
    ) as app:
        yield app


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def run_import(runner, kind, path, *options):
    return runner.invoke(args=["import", kind, str(path), *options])


def feature_collection(features):
    return {"type": "FeatureCollection", "features": features}


def nevada_and_dc(tmp_path):
    path = tmp_path / "boundaries.geojson"
    path.write_text(
        json.dumps(
            feature_collection(
                [
                    {
                        "type": "Feature",
                        "properties": {"code": "US-NV", "name": "Nevada"},
                        "geometry": mapping(box(-120, 35, -114, 42)),
                    },
                    {
                        "type": "Feature",
                        "properties": {"code": "us-dc", "name": "District of Columbia"},
                        "geometry": mapping(box(-77.12, 38.8, -76.9, 39.0)),
                    },
                ]
            )
        )
    )
    return path


def region(app, code):
    """Return a region's values (or None), read in their own app context."""
    with app.app_context():
        found = db.session.scalar(db.select(Region).filter_by(code=code))
        if found is None:
            return None
        return {
            "name_en": found.name_en,
            "parent": found.parent.code if found.parent else None,
            "label_lat": found.label_lat,
            "geometry": json.loads(found.geometry),
        }


def test_geojson_updates_states_by_code_and_adds_new_ones(app, runner, tmp_path):
    path = nevada_and_dc(tmp_path)
    dry = run_import(runner, "regions", path, "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "Would add 1" in dry.output
    assert region(app, "US-DC") is None
    done = run_import(runner, "regions", path)
    assert done.exit_code == 0, done.output
    dc = region(app, "US-DC")
    assert dc["name_en"] == "District of Columbia"
    assert dc["parent"] == "US"
    assert 38.8 < dc["label_lat"] < 39.0
    assert region(app, "US-NV")["geometry"]["type"] == "Polygon"
    again = run_import(runner, "regions", path)
    assert "Added 0 and updated 2" in again.output  # no duplicates


def test_a_zipped_shapefile_in_another_crs_is_reprojected(app, runner, tmp_path):
    frame = gpd.GeoDataFrame(
        {"code": ["US-NV"]}, geometry=[box(-119, 36, -115, 41)], crs="EPSG:4326"
    ).to_crs("EPSG:3857")
    folder = tmp_path / "shape"
    folder.mkdir()
    frame.to_file(folder / "nevada.shp", engine="pyogrio")
    archive = tmp_path / "nevada.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for part in folder.iterdir():
            bundle.write(part, part.name)
    result = run_import(runner, "regions", archive)
    assert result.exit_code == 0, result.output
    ring = region(app, "US-NV")["geometry"]["coordinates"][0]
    longitudes = sorted(point[0] for point in ring)
    assert longitudes[0] == pytest.approx(-119, abs=0.01)
    assert longitudes[-1] == pytest.approx(-115, abs=0.01)


def test_a_geopackage_is_read(app, runner, tmp_path):
    path = tmp_path / "regions.gpkg"
    gpd.GeoDataFrame(
        {"code": ["US-NV"]}, geometry=[box(-118, 37, -116, 39)], crs="EPSG:4326"
    ).to_file(path, driver="GPKG", engine="pyogrio")
    result = run_import(runner, "regions", path)
    assert result.exit_code == 0, result.output


@pytest.fixture
def canary_server():
    """A loopback HTTP server that records any request (none is expected)."""
    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"WKT,code\n")

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, seen
    server.shutdown()
    server.server_close()


def vrt(canary_file, url):
    return f"""<OGRVRTDataSource>
  <OGRVRTLayer name="local"><SrcDataSource>{canary_file}</SrcDataSource></OGRVRTLayer>
  <OGRVRTLayer name="remote"><SrcDataSource>/vsicurl/{url}</SrcDataSource></OGRVRTLayer>
</OGRVRTDataSource>"""


@pytest.mark.parametrize("name", ["evil.geojson", "evil.gpkg", "evil.json"])
def test_a_vrt_in_disguise_is_refused_and_calls_no_one(
    runner, tmp_path, canary_server, name
):
    server, seen = canary_server
    canary = tmp_path / "canary.csv"
    canary.write_text("WKT,code\n")
    evil = tmp_path / name
    url = f"http://127.0.0.1:{server.server_port}/canary.csv"
    evil.write_text(vrt(canary, url))
    result = run_import(runner, "regions", evil)
    assert result.exit_code != 0
    assert "GeoJSON" in result.output or "GeoPackage" in result.output
    assert seen == []


@pytest.mark.parametrize(
    ("members", "reason"),
    [
        ({"../evil.shp": b"x"}, "folder"),
        ({"dir/nevada.shp": b"x"}, "folder"),
        ({"nevada.shp": b"x", "notes.vrt": b"<OGRVRTDataSource/>"}, "not part"),
        ({"nevada.shp": b"<OGRVRTDataSource/>", "nevada.dbf": b""}, "not a shapefile"),
        ({"a.shp": b"x", "b.shp": b"x"}, "exactly one"),
    ],
)
def test_zip_members_are_checked_before_gdal_sees_them(
    runner, tmp_path, members, reason
):
    archive = tmp_path / "upload.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for name, content in members.items():
            bundle.writestr(name, content)
    result = run_import(runner, "regions", archive)
    assert result.exit_code != 0
    assert reason in result.output


def test_bad_features_are_named_and_nothing_is_written(app, runner, tmp_path):
    path = tmp_path / "bad.geojson"
    good = {
        "type": "Feature",
        "properties": {"code": "US-NV"},
        "geometry": mapping(box(0, 0, 1, 1)),
    }
    bad = {
        "type": "Feature",
        "properties": {"code": "Nevada"},
        "geometry": mapping(box(0, 0, 1, 1)),
    }
    path.write_text(json.dumps(feature_collection([good, bad])))
    before = region(app, "US-NV")["geometry"]
    result = run_import(runner, "regions", path)
    assert result.exit_code != 0
    assert "feature 2, field code" in result.output
    assert region(app, "US-NV")["geometry"] == before


def indicator_file(tmp_path, text, encoding="utf-8-sig"):
    path = tmp_path / "indicators.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_indicators_with_clear_errors_and_all_or_nothing(app, runner, tmp_path):
    header = (
        "region,year,source,population,migrant_population,migrant_women,migrant_men\n"
    )
    good = indicator_file(
        tmp_path, header + "MX-ZAC,2030,Censo,1700000,90000,45000,45000\n"
    )
    assert run_import(runner, "indicators", good).exit_code == 0
    with app.app_context():
        row = db.session.scalar(db.select(RegionIndicator).filter_by(year=2030))
        assert row.migrant_women == 45000
    latin = indicator_file(
        tmp_path, header + "MX-MIC,2030,Estadística,1,1,1,1\n", "latin-1"
    )
    result = run_import(runner, "indicators", latin)
    assert result.exit_code != 0
    assert "not UTF-8" in result.output
    missing = indicator_file(tmp_path, "region,population\nMX-ZAC,1\n")
    assert (
        "missing columns: year, source"
        in run_import(runner, "indicators", missing).output
    )
    mixed = indicator_file(
        tmp_path,
        header + "MX-ZAC,2031,Censo,1,1,1,1\nMX-ZAC,2031,Otro,many,1,1,1\n",
    )
    result = run_import(runner, "indicators", mixed)
    assert "row 3, field population" in result.output
    with app.app_context():
        assert (
            db.session.scalar(db.select(RegionIndicator).filter_by(year=2031)) is None
        )
