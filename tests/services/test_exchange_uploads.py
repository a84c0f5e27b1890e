"""Uploaded boundary files are checked in Python before GDAL opens anything."""

import json
import re
import sqlite3
import stat
import zipfile
from contextlib import closing

import geopandas as gpd
import pytest
from shapely.geometry import box, mapping

from cso_map.services.exchange import uploads
from cso_map.services.exchange.uploads import (
    UploadError,
    feature_collection,
    read_boundaries,
)


def features(*items):
    return {"type": "FeatureCollection", "features": list(items)}


def square(code, west, south, size=1.0):
    return {
        "type": "Feature",
        "properties": {"code": code},
        "geometry": mapping(box(west, south, west + size, south + size)),
    }


def write_json(path, document):
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def zipped(path, members):
    """Write a zip of {name: bytes or ZipInfo-with-bytes}; return its path."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def shapefile_zip(tmp_path, name="states.zip"):
    """Return a zip of one real shapefile (two squares, WGS84)."""
    folder = tmp_path / "shape"
    folder.mkdir()
    frame = gpd.GeoDataFrame(
        {"code": ["US-NV", "US-UT"]},
        geometry=[box(-120, 35, -114, 42), box(-114, 37, -109, 42)],
        crs="EPSG:4326",
    )
    frame.to_file(folder / "states.shp", engine="pyogrio")
    parts = {f.name: f.read_bytes() for f in sorted(folder.iterdir())}
    return zipped(tmp_path / name, parts)


def test_geojson_is_read_in_wgs84_with_its_properties(tmp_path):
    path = write_json(
        tmp_path / "a.geojson",
        features(square("US-NV", -120, 35), square("US-UT", -113, 37)),
    )
    frame = read_boundaries(path)
    assert frame.crs.to_epsg() == 4326
    assert frame["code"].tolist() == ["US-NV", "US-UT"]
    assert frame.geometry.iloc[0].equals(box(-120, 35, -119, 36))


def test_a_bom_is_accepted_and_json_suffix_is_geojson(tmp_path):
    path = tmp_path / "a.JSON"
    path.write_text("\ufeff" + json.dumps(features(square("MX-ZAC", -103, 22))))
    assert read_boundaries(path)["code"].tolist() == ["MX-ZAC"]


def test_an_old_named_crs_is_honoured_and_reprojected(tmp_path):
    # A square of 1 km in Web Mercator at the origin: ±0.00449° of longitude.
    document = features(
        {
            "type": "Feature",
            "properties": {"code": "XX-A"},
            "geometry": mapping(box(0, 0, 500, 500)),
        }
    )
    document["crs"] = {"type": "name", "properties": {"name": "EPSG:3857"}}
    frame = read_boundaries(write_json(tmp_path / "m.geojson", document))
    west, south, east, north = frame.total_bounds
    assert (west, south) == pytest.approx((0, 0), abs=1e-12)
    assert east == pytest.approx(500 / 6378137 * 180 / 3.141592653589793)
    assert north == pytest.approx(0.0044916, rel=1e-4)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "is not a GeoJSON file"),
        ('["a list"]', "is not a GeoJSON FeatureCollection"),
        ('{"type": "Feature"}', "is not a GeoJSON FeatureCollection"),
        ('{"type": "FeatureCollection"}', "a feature is not valid GeoJSON"),
        (
            '{"type": "FeatureCollection", "features": [{"type": "Feature"}]}',
            "a feature is not valid GeoJSON",
        ),
    ],
)
def test_bad_geojson_is_refused_with_a_reason(tmp_path, text, message):
    path = tmp_path / "bad.geojson"
    path.write_text(text)
    with pytest.raises(UploadError, match=message):
        read_boundaries(path)


def test_text_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "latin.geojson"
    path.write_bytes('{"name": "Querétaro"}'.encode("latin-1"))
    with pytest.raises(
        UploadError, match=re.escape("latin.geojson is not a GeoJSON file")
    ):
        feature_collection(path)


def test_other_suffixes_are_refused(tmp_path):
    path = tmp_path / "states.kml"
    path.write_text("<kml/>")
    with pytest.raises(
        UploadError, match=re.escape("use .geojson, .gpkg or a zipped shapefile")
    ):
        read_boundaries(path)


def test_a_zipped_shapefile_is_read(tmp_path):
    frame = read_boundaries(shapefile_zip(tmp_path))
    assert frame["code"].tolist() == ["US-NV", "US-UT"]
    assert frame.crs.to_epsg() == 4326
    assert frame.geometry.iloc[1].equals(box(-114, 37, -109, 42))


def test_a_shapefile_without_prj_has_no_stated_crs(tmp_path):
    whole = shapefile_zip(tmp_path)
    with zipfile.ZipFile(whole) as archive:
        parts = {
            n: archive.read(n) for n in archive.namelist() if not n.endswith(".prj")
        }
    path = zipped(tmp_path / "noprj.zip", parts)
    with pytest.raises(UploadError, match="the coordinate system is not stated"):
        read_boundaries(path)


def test_a_file_that_is_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "fake.zip"
    path.write_text("PK? no")
    with pytest.raises(UploadError, match=re.escape("fake.zip is not a zip file")):
        read_boundaries(path)


def test_an_empty_zip_or_one_of_too_many_files_is_refused(tmp_path):
    with pytest.raises(UploadError, match="has 3 to 5 files"):
        read_boundaries(zipped(tmp_path / "empty.zip", {}))
    many = {f"part{i}.dbf": b"" for i in range(uploads.MAX_MEMBERS + 1)}
    with pytest.raises(UploadError, match="has 3 to 5 files"):
        read_boundaries(zipped(tmp_path / "many.zip", many))


def test_files_that_unzip_too_large_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_UNCOMPRESSED", 10)
    path = zipped(tmp_path / "big.zip", {"a.shp": b"x" * 6, "a.dbf": b"y" * 5})
    with pytest.raises(UploadError, match="the files inside are too large"):
        read_boundaries(path)


@pytest.mark.parametrize(
    ("member", "message"),
    [
        (".hidden.shp", "is in a folder or hidden"),
        ("sub\\a.shp", "is in a folder or hidden"),
        ("a.SHP.exe", "is not part of a shapefile"),
    ],
)
def test_members_hidden_in_folders_or_foreign_are_refused(tmp_path, member, message):
    with pytest.raises(UploadError, match=message):
        read_boundaries(zipped(tmp_path / "z.zip", {member: b"x"}))


def test_a_folder_entry_is_refused(tmp_path):
    path = tmp_path / "dir.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.mkdir("states")
    with pytest.raises(UploadError, match="is in a folder or hidden"):
        read_boundaries(path)


def test_a_symbolic_link_is_refused(tmp_path):
    path = tmp_path / "link.zip"
    link = zipfile.ZipInfo("states.shp")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(link, "/etc/passwd")
    with pytest.raises(UploadError, match=re.escape("'states.shp' is a link")):
        read_boundaries(path)


def test_a_shp_without_the_magic_number_is_refused(tmp_path):
    path = zipped(tmp_path / "z.zip", {"a.shp": b"\x00\x00\x27\x0b", "a.dbf": b""})
    with pytest.raises(UploadError, match=re.escape("a.shp is not a shapefile")):
        read_boundaries(path)
    short = zipped(tmp_path / "s.zip", {"a.shp": b"\x00\x00"})
    with pytest.raises(UploadError, match=re.escape("a.shp is not a shapefile")):
        read_boundaries(short)


def test_a_geopackage_is_read(tmp_path):
    path = tmp_path / "states.gpkg"
    gpd.GeoDataFrame(
        {"code": ["MX-ZAC"]}, geometry=[box(-104, 21, -101, 25)], crs="EPSG:4326"
    ).to_file(path, engine="pyogrio")
    frame = read_boundaries(path)
    assert frame["code"].tolist() == ["MX-ZAC"]
    assert frame.geometry.iloc[0].equals(box(-104, 21, -101, 25))


def test_files_that_only_pretend_to_be_geopackages_are_refused(tmp_path):
    text = tmp_path / "text.gpkg"
    text.write_text("<OGRVRTDataSource/>" * 10)
    with pytest.raises(UploadError, match=re.escape("text.gpkg is not a GeoPackage")):
        read_boundaries(text)
    plain = tmp_path / "plain.gpkg"
    with closing(sqlite3.connect(plain)) as connection:
        connection.execute("CREATE TABLE t (x)")
    with pytest.raises(UploadError, match="is an SQLite file, not a GeoPackage"):
        read_boundaries(plain)
    stamped = tmp_path / "stamped.gpkg"
    with closing(sqlite3.connect(stamped)) as connection:
        connection.execute(f"PRAGMA application_id = {0x47504B47}")
        connection.execute("CREATE TABLE t (x)")
    with pytest.raises(UploadError, match="has no GeoPackage contents table"):
        read_boundaries(stamped)
