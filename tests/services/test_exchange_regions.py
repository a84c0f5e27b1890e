"""Importing boundaries and indicators directly: matched by ISO code, all or
nothing, a dry run writes nothing, each refusal names its feature or row."""

import json

import pytest
from flask_babel import force_locale
from shapely.geometry import box, mapping, shape
from sqlalchemy import select

from cso_map.extensions import db
from cso_map.models import Region, RegionIndicator
from cso_map.services.exchange.regions import (
    import_indicators,
    import_regions,
    read_indicator_rows,
)
from cso_map.services.exchange.runs import run_import
from cso_map.services.exchange.uploads import UploadError
from tests.conftest import separate_app


@pytest.fixture(scope="module")
def app(database_url, tmp_path_factory):
    """An app over its own database: these imports change the shared regions."""
    with separate_app(
        database_url, tmp_path_factory.mktemp("region_imports"), "region_imports"
    ) as app:
        yield app


@pytest.fixture
def context(app):
    with app.app_context(), force_locale("en"):
        yield
        db.session.rollback()


def geojson(tmp_path, *features, name="boundaries.geojson"):
    path = tmp_path / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


def feature(polygon, **properties):
    return {"type": "Feature", "properties": properties, "geometry": mapping(polygon)}


def region(code):
    db.session.expire_all()
    return db.session.scalar(select(Region).where(Region.code == code))


NEVADA = box(-120, 35, -114, 42)
DC = box(-77.12, 38.8, -76.9, 39.0)
# Each test adds states of its own (made-up codes), so none depends on another's.


def test_a_dry_run_reports_and_writes_nothing(context, tmp_path):
    before = region("US-NV").geometry
    path = geojson(tmp_path, feature(NEVADA, code="US-NV"), feature(DC, code="us-q1 "))
    report = import_regions(path, dry_run=True)
    assert (report.added, report.updated, report.dry_run) == (
        ["US-Q1"],
        ["US-NV"],
        True,
    )
    assert region("US-Q1") is None
    assert region("US-NV").geometry == before


def test_states_are_updated_by_code_and_new_ones_join_their_country(context, tmp_path):
    path = geojson(
        tmp_path,
        feature(NEVADA, iso_3166_2="US-NV", name_en="Nevada", name_es="Nevada (es)"),
        feature(
            DC,
            iso_3166_2="US-Q2",
            name_en="District of Columbia",
            name_es="Distrito de Columbia",
        ),
    )
    report = import_regions(path)
    assert (report.added, report.updated) == (["US-Q2"], ["US-NV"])
    nevada = region("US-NV")
    assert shape(json.loads(nevada.geometry)).equals(NEVADA)
    assert (nevada.name_en, nevada.name_es) == ("Nevada", "Nevada (es)")
    assert (nevada.label_lat, nevada.label_lon) == (38.5, -117.0)  # the box's middle
    dc = region("US-Q2")
    assert (dc.level, dc.parent.code) == ("state", "US")
    assert (dc.name_en, dc.name_es) == ("District of Columbia", "Distrito de Columbia")
    assert shape(json.loads(dc.geometry_simplified)).is_valid


def test_names_given_for_some_features_only_keep_the_others_names(context, tmp_path):
    nevada_names = (region("US-NV").name_en, region("US-NV").name_es)
    path = geojson(
        tmp_path,
        feature(NEVADA, code="US-NV"),
        feature(DC, code="US-Q5", name_en="District of Columbia"),
    )
    import_regions(path)
    assert (region("US-NV").name_en, region("US-NV").name_es) == nevada_names


def test_a_new_state_without_names_is_named_by_its_code(context, tmp_path):
    import_regions(geojson(tmp_path, feature(box(-90, 15, -89, 16), code="MX-Q3")))
    assert (region("MX-Q3").name_en, region("MX-Q3").name_es) == ("MX-Q3", "MX-Q3")
    assert region("MX-Q3").parent.code == "MX"


@pytest.mark.parametrize(
    ("features", "message"),
    [
        ([feature(NEVADA, name="Nevada")], "no column of codes"),
        (
            [feature(NEVADA, code="Nevada")],
            "feature 1, field code: 'NEVADA' is not an ISO 3166-2 code",
        ),
        (
            [feature(NEVADA, code="US-NV"), feature(DC, code="US-NV")],
            "field code: US-NV appears twice",
        ),
        (
            [feature(DC, code="US-Q6"), feature(NEVADA, code="XX-NV")],
            "feature 2, field code: the country of XX-NV is unknown",
        ),
    ],
)
def test_bad_features_are_refused_and_nothing_is_written(
    context, tmp_path, features, message
):
    with pytest.raises(UploadError, match=message):
        import_regions(geojson(tmp_path, *features))
    db.session.rollback()
    assert region("XX-NV") is None
    assert region("US-Q6") is None


def test_an_empty_geometry_is_refused(context, tmp_path):
    empty = {
        "type": "Feature",
        "properties": {"code": "US-NV"},
        "geometry": {"type": "Polygon", "coordinates": []},
    }
    with pytest.raises(UploadError, match="feature 1, field geometry: no polygon"):
        import_regions(geojson(tmp_path, empty))


def indicators(tmp_path, *rows, name="indicators.csv"):
    path = tmp_path / name
    header = (
        "region,year,source,population,migrant_population,migrant_women,migrant_men"
    )
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_indicator_rows_are_checked(context, tmp_path):
    good = indicators(tmp_path, "MX-ZAC,2040,Censo,100,10,6,4")
    assert read_indicator_rows(good)[0]["population"] == "100"
    for row, message in (
        (
            "XX-ZZ,2040,Censo,1,1,1,1",
            "row 2, field region: 'XX-ZZ' is not a region code we know",
        ),
        ("MX-ZAC,,Censo,1,1,1,1", "row 2, field year: a value is needed"),
        (
            "MX-ZAC,2040,Censo,1,1,-1,1",
            "row 2, field migrant_women: -1 is out of range",
        ),
        (
            "MX-ZAC,2040,Censo,1,1,1,x",
            "row 2, field migrant_men: 'x' is not a whole number",
        ),
    ):
        with pytest.raises(UploadError, match=message):
            read_indicator_rows(indicators(tmp_path, row))


def test_an_indicator_dry_run_counts_and_a_real_one_writes(context, tmp_path):
    path = indicators(
        tmp_path, "MX-ZAC,2041,Censo,100,10,6,4", "US-NV,2041,ACS,200,20,,"
    )
    assert import_indicators(path, dry_run=True) == 2
    assert db.session.scalars(select(RegionIndicator).filter_by(year=2041)).all() == []
    assert import_indicators(path) == 2
    nevada = db.session.scalar(
        select(RegionIndicator).filter_by(year=2041, region_id=region("US-NV").id)
    )
    assert (nevada.population, nevada.migrant_population) == (200, 20)
    assert (nevada.migrant_women, nevada.migrant_men) == (None, None)
    assert import_indicators(path) == 2  # the same keys: updated, not added
    assert (
        len(db.session.scalars(select(RegionIndicator).filter_by(year=2041)).all()) == 2
    )


def test_the_upload_page_runs_each_kind_through_one_entry_point(context, tmp_path):
    boundaries = geojson(tmp_path, feature(box(-91, 15, -90, 16), code="MX-Q4"))
    summary = run_import("regions", boundaries, dry_run=True, by=None, lang="es")
    assert (summary.kind, summary.dry_run, summary.added, summary.updated) == (
        "regions",
        True,
        1,
        0,
    )
    assert summary.codes == ["MX-Q4"]
    assert region("MX-Q4") is None
    rows = indicators(tmp_path, "MX-ZAC,2042,Censo,1,1,1,0")
    summary = run_import("indicators", rows, dry_run=False, by=None, lang="es")
    assert (summary.kind, summary.added, summary.codes) == ("indicators", 1, [])
