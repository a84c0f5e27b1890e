"""Opening uploaded geographic files safely.

GDAL opens files by what they contain, not by their name: a `.geojson` that is
really VRT XML makes GDAL read local files or call addresses written in it. So
every upload is checked in Python before GDAL sees it: GeoJSON is parsed with
Python's json module and never given to GDAL; a GeoPackage must be an SQLite
file whose application id says GPKG; a zip may hold only the files of one
shapefile (no folders, no `..`, no links, a bounded size), whose .shp must start
with the shapefile magic number. `GDAL_SKIP` also switches the VRT drivers off
for the whole process (set in cso_map/__init__.py before GDAL loads).
"""

from __future__ import annotations

import json
import sqlite3
import stat
import struct
import tempfile
import zipfile
from contextlib import closing
from pathlib import Path

import geopandas as gpd
from flask_babel import lazy_gettext as _l

MAX_MEMBERS = 12
MAX_UNCOMPRESSED = 200 * 1024 * 1024
SHAPEFILE_PARTS = {".shp", ".shx", ".dbf", ".prj", ".cpg"}
SHAPEFILE_MAGIC = 9994
GPKG_APPLICATION_IDS = {0x47504B47, 0x47503130}  # "GPKG", "GP10"
WGS84 = "EPSG:4326"


class UploadError(ValueError):
    """An uploaded file was refused; the message (translated when shown) says why."""


def read_boundaries(path: Path) -> gpd.GeoDataFrame:
    """Return the features of a GeoJSON, GeoPackage or zipped shapefile, in WGS84."""
    suffix = path.suffix.lower()
    if suffix in (".geojson", ".json"):
        frame = _read_geojson(path)
    elif suffix == ".gpkg":
        _check_geopackage(path)
        frame = gpd.read_file(path, engine="pyogrio")
    elif suffix == ".zip":
        with tempfile.TemporaryDirectory() as folder:
            shapefile = _extract_shapefile(path, Path(folder))
            frame = gpd.read_file(shapefile, engine="pyogrio")
    else:
        raise UploadError(
            _l("%(name)s: use .geojson, .gpkg or a zipped shapefile", name=path.name)
        )
    if frame.crs is None:
        raise UploadError(
            _l("%(name)s: the coordinate system is not stated", name=path.name)
        )
    return frame.to_crs(WGS84)


def feature_collection(path: Path) -> dict:
    """Return a GeoJSON FeatureCollection parsed in Python (GDAL never sees it)."""
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UploadError(
            _l(
                "%(name)s is not a GeoJSON file: %(error)s",
                name=path.name,
                error=str(error),
            )
        ) from error
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise UploadError(
            _l("%(name)s is not a GeoJSON FeatureCollection", name=path.name)
        )
    return document


def _read_geojson(path: Path) -> gpd.GeoDataFrame:
    """Return the features of a GeoJSON file in its stated CRS (WGS84 by default)."""
    document = feature_collection(path)
    crs = WGS84
    named = (document.get("crs") or {}).get("properties", {}).get("name")
    if named:  # the old GeoJSON 2008 "crs" member
        crs = named
    try:
        return gpd.GeoDataFrame.from_features(document["features"], crs=crs)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise UploadError(
            _l(
                "%(name)s: a feature is not valid GeoJSON: %(error)s",
                name=path.name,
                error=str(error),
            )
        ) from error


def _check_geopackage(path: Path) -> None:
    """Refuse anything but an SQLite file with a GeoPackage application id."""
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(b"SQLite format 3\x00") or len(header) < 100:
        raise UploadError(_l("%(name)s is not a GeoPackage", name=path.name))
    application_id = struct.unpack(">I", header[68:72])[0]
    if application_id not in GPKG_APPLICATION_IDS:
        raise UploadError(
            _l("%(name)s is an SQLite file, not a GeoPackage", name=path.name)
        )
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        tables = {
            row[0] for row in connection.execute("SELECT name FROM sqlite_master")
        }
    if "gpkg_contents" not in tables:
        raise UploadError(
            _l("%(name)s has no GeoPackage contents table", name=path.name)
        )


def _extract_shapefile(path: Path, folder: Path) -> Path:
    """Extract one shapefile from a checked zip; return the .shp path."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        raise UploadError(_l("%(name)s is not a zip file", name=path.name)) from error
    with archive:
        members = archive.infolist()
        if not members or len(members) > MAX_MEMBERS:
            raise UploadError(
                _l("%(name)s: a zip of one shapefile has 3 to 5 files", name=path.name)
            )
        if sum(member.file_size for member in members) > MAX_UNCOMPRESSED:
            raise UploadError(
                _l("%(name)s: the files inside are too large", name=path.name)
            )
        for member in members:
            name = member.filename
            if member.is_dir() or "/" in name or "\\" in name or name.startswith("."):
                raise UploadError(
                    _l(
                        "%(name)s: %(member)r is in a folder or hidden",
                        name=path.name,
                        member=name,
                    )
                )
            if stat.S_ISLNK(member.external_attr >> 16):
                raise UploadError(
                    _l("%(name)s: %(member)r is a link", name=path.name, member=name)
                )
            if Path(name).suffix.lower() not in SHAPEFILE_PARTS:
                raise UploadError(
                    _l(
                        "%(name)s: %(member)r is not part of a shapefile",
                        name=path.name,
                        member=name,
                    )
                )
        shapefiles = [
            m.filename for m in members if m.filename.lower().endswith(".shp")
        ]
        if len(shapefiles) != 1:
            raise UploadError(
                _l("%(name)s: the zip must hold exactly one .shp file", name=path.name)
            )
        for member in members:
            (folder / member.filename).write_bytes(archive.read(member))
    shapefile = folder / shapefiles[0]
    with shapefile.open("rb") as handle:
        head = handle.read(4)
    if len(head) < 4 or struct.unpack(">i", head)[0] != SHAPEFILE_MAGIC:
        raise UploadError(
            _l(
                "%(name)s: %(member)s is not a shapefile",
                name=path.name,
                member=shapefiles[0],
            )
        )
    return shapefile
