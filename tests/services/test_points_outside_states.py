"""A point in no known state is refused, naming the reason, on every import: our
table as CSV or as (Geo)JSON records, and HSDS; nothing is written, no place is stored
without a state. A point just off a coast still snaps to the state beside it."""

import json
import zipfile

import pytest
from flask_babel import force_locale
from sqlalchemy import func, select

from cso_map.extensions import db
from cso_map.models import Location, Organization
from cso_map.services.exchange.organizations import import_organizations
from cso_map.services.exchange.uploads import UploadError
from tests.conftest import clear_directory, separate_app
from tests.services.test_organization_import import foreign_package

TEMPLATE = "name,type,state,latitude,longitude,services,languages,paid_staff,origins\n"
REASON = "lies in no state we know"


@pytest.fixture(scope="module")
def target(database_url, tmp_path_factory):
    """An installation of its own, with our taxonomies and states."""
    with separate_app(database_url, tmp_path_factory.mktemp("points"), "points") as app:
        yield app


@pytest.fixture
def empty(target):
    with target.app_context():
        clear_directory()
    return target


def organizations(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Organization))


def invoke(app, *args):
    return app.test_cli_runner().invoke(args=[str(arg) for arg in args])


def test_a_csv_row_far_from_every_state_is_refused_and_nothing_written(empty, tmp_path):
    path = tmp_path / "orgs.csv"
    path.write_text(
        TEMPLATE
        + "Bueno,ngo,US-CA,36.7,-119.8,health,,,\n"
        + "Lejano,ngo,US-CA,25,101,health,,,\n",
        encoding="utf-8",
    )
    result = invoke(empty, "import", "organizations", path)
    assert result.exit_code != 0
    assert f"row 3, field latitude: the point 25.00000, 101.00000 {REASON}" in (
        result.output
    )
    assert organizations(empty) == 0
    dry = invoke(empty, "import", "organizations", path, "--dry-run")
    assert dry.exit_code != 0
    assert REASON in dry.output


def test_the_refusal_is_worded_in_spanish_too(empty, tmp_path):
    path = tmp_path / "orgs.csv"
    path.write_text(TEMPLATE + "Lejano,ngo,,-36.7,-119.8,health,,,\n")
    with empty.app_context(), force_locale("es"):
        with pytest.raises(UploadError) as refused:
            import_organizations(path)
        message = str(refused.value)
    assert "el punto -36.70000, -119.80000 no está en ningún estado" in message
    assert "México" in message


def test_our_json_records_with_a_point_in_no_state_are_refused(empty, tmp_path):
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": coordinates},
            "properties": {"name": name, "type": "ngo", "services": "health"},
        }
        for name, coordinates in (("Punto", [-119.8, 36.7]), ("Mar", [-140.0, 30.0]))
    ]
    path = tmp_path / "points.json"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    result = invoke(empty, "import", "organizations", path)
    assert result.exit_code != 0
    assert f"feature 2, field latitude: the point 30.00000, -140.00000 {REASON}" in (
        result.output
    )
    assert organizations(empty) == 0


def test_an_hsds_location_in_no_state_is_refused(empty, tmp_path):
    path, _ = foreign_package(tmp_path)
    moved = tmp_path / "moved.zip"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(moved, "w") as target:
        for member in source.namelist():
            text = source.read(member).decode()
            if member.endswith("locations.csv"):
                text = text.replace("-119.78", "119.78")
            target.writestr(member, text)
    result = invoke(empty, "import", "hsds", moved)
    assert result.exit_code != 0
    assert (
        f"organization 1, field latitude: the point 36.74000, 119.78000 {REASON}"
        in (result.output)
    )
    assert organizations(empty) == 0


def test_a_point_just_off_a_coast_still_gets_the_state_beside_it(empty, tmp_path):
    path = tmp_path / "orgs.csv"
    # Just off the Pacific shore of Santa Monica and of Ensenada.
    path.write_text(
        TEMPLATE
        + "Muelle,ngo,,34.005,-118.51,health,,,\n"
        + "Playa,ngo,,31.85,-116.64,health,,,\n"
    )
    result = invoke(empty, "import", "organizations", path)
    assert result.exit_code == 0, result.output
    with empty.app_context():
        codes = {
            place.organization.name: place.region.code
            for place in db.session.scalars(select(Location))
        }
    assert codes == {"Muelle": "US-CA", "Playa": "MX-BCN"}
