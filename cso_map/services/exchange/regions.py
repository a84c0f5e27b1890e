"""Importing region boundaries and indicators: all or nothing, with a dry run,
each refusal naming the feature or row and the field."""

from __future__ import annotations

import math
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import geopandas as gpd
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from cso_map.extensions import db
from cso_map.geo.boundaries import label_point, repair, simplify_coverage, to_geojson
from cso_map.models import Region
from cso_map.models.region import INDICATOR_NUMBERS
from cso_map.services.directory.regions import load_indicators
from cso_map.services.exchange.uploads import UploadError, read_boundaries
from cso_map.services.records.cells import CellError, whole
from cso_map.services.records.text_files import read_csv_file

STATE_CODE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
CODE_COLUMNS = ("code", "iso_3166_2", "ISO_3166_2", "iso_code")
INDICATOR_COLUMNS = ("region", "year", "source")


class _FeatureRow(Protocol):
    """One row of `GeoDataFrame.itertuples()`: its `code` and its other columns."""

    @property
    def code(self) -> str:
        """Return the upper-case ISO 3166-2 code of the feature."""

    def _asdict(self) -> dict[str, object]:
        """Return the feature's columns by name."""


@dataclass
class ImportReport:
    """What an import wrote (or, in a dry run, would write)."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    dry_run: bool = False


def import_regions(path: Path, dry_run: bool = False) -> ImportReport:
    """Add or update states from a boundary file, matched by ISO 3166-2 code."""
    frame, column = _coded(read_boundaries(path), path.name)
    geometries = repair(frame.geometry)
    for number, geometry in enumerate(geometries, start=1):
        if geometry.is_empty:
            raise CellError(_feature(number), "geometry", _l("no polygon"))
    simplified = simplify_coverage(gpd.GeoSeries(geometries.values, crs=frame.crs))
    existing = {region.code: region for region in db.session.scalars(select(Region))}
    report = ImportReport(dry_run=dry_run)
    for number, (row, geometry, simple) in enumerate(
        zip(frame.itertuples(), geometries, simplified, strict=True), start=1
    ):
        region = _region_of(row, number, column, existing, report)
        region.geometry = to_geojson(geometry)
        region.geometry_simplified = to_geojson(
            simple if not simple.is_empty else geometry
        )
        region.label_lat, region.label_lon = label_point(geometry)
    if dry_run:
        db.session.rollback()
    else:
        db.session.commit()
    return report


def _feature(number: int) -> str:
    return str(_l("feature %(number)s", number=number))


def _coded(frame: gpd.GeoDataFrame, name: str) -> tuple[gpd.GeoDataFrame, str]:
    """Return the features with their upper-case ISO 3166-2 `code`, and the column
    it came from; refuse a file without codes, a bad code or one given twice."""
    column = next((name for name in CODE_COLUMNS if name in frame.columns), None)
    if column is None:
        raise UploadError(
            _l(
                "%(name)s: no column of codes (%(columns)s)",
                name=name,
                columns=", ".join(CODE_COLUMNS),
            )
        )
    frame = frame.reset_index(drop=True)
    frame["code"] = frame[column].astype(str).str.strip().str.upper()
    for number, row in enumerate(frame.itertuples(), start=1):
        if not STATE_CODE.match(row.code):
            raise CellError(
                _feature(number),
                column,
                _l("%(value)r is not an ISO 3166-2 code", value=row.code),
            )
    if frame["code"].duplicated().any():
        twice = frame.loc[frame["code"].duplicated(), "code"].iloc[0]
        raise UploadError(
            _l("field %(field)s: %(id)s appears twice", field=column, id=twice)
        )
    return frame, column


def _region_of(
    row: _FeatureRow,
    number: int,
    column: str,
    existing: dict[str, Region],
    report: ImportReport,
) -> Region:
    """Return the state a feature updates, or a new one in a known country."""
    region = existing.get(row.code)
    if region is not None:
        report.updated.append(row.code)
        for key, value in _names(row, None).items():
            if value:
                setattr(region, key, value)
        return region
    country = existing.get(row.code.split("-")[0])
    if country is None:
        raise CellError(
            _feature(number),
            column,
            _l("the country of %(code)s is unknown", code=row.code),
        )
    region = Region(
        id=uuid.uuid4(),
        code=row.code,
        level="state",
        parent_id=country.id,
        **_names(row, row.code),
    )
    db.session.add(region)
    report.added.append(row.code)
    return region


def _names(row: _FeatureRow, default: str | None) -> dict:
    """Return name_en and name_es from the feature's name columns."""
    values = {key: _text(value) for key, value in row._asdict().items()}
    plain = values.get("name") or values.get("NAME")
    return {
        "name_en": values.get("name_en") or plain or default,
        "name_es": values.get("name_es") or plain or default,
    }


def _text(value: object) -> str | None:
    """Return a feature's value as text; None when the file gives it none (a column
    other features have is NaN for this one)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return str(value).strip() or None


def read_indicator_rows(path: Path) -> list[dict]:
    """Return the rows of an indicators CSV, refusing bad encodings and values."""
    rows = read_csv_file(path, INDICATOR_COLUMNS)
    codes = {region.code for region in db.session.scalars(select(Region))}
    for number, row in enumerate(rows, start=2):
        where = str(_l("row %(number)s", number=number))
        if row["region"] not in codes:
            raise CellError(
                where,
                "region",
                _l("%(value)r is not a region code we know", value=row["region"]),
            )
        if not row["year"]:
            raise CellError(where, "year", _l("a value is needed"))
        for column in ("year", *INDICATOR_NUMBERS):
            whole(row.get(column), where, column)
    return rows


def import_indicators(path: Path, dry_run: bool = False) -> int:
    """Add or update indicator rows from a CSV (region, year, source, numbers)."""
    rows = read_indicator_rows(path)
    if dry_run:
        return len(rows)
    return load_indicators(rows)
