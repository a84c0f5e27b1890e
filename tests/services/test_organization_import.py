"""Importing organizations: export → import reproduces the directory exactly, a
re-import changes nothing, and every bad file is refused whole, with its row named."""

import csv
import io
import json
import uuid
import zipfile

import pytest
from sqlalchemy import func, select

from cso_map.extensions import db
from cso_map.models import Location, Organization, Service, ServiceSchedule
from tests.conftest import clear_directory, separate_app


@pytest.fixture(scope="module")
def target(database_url, tmp_path_factory):
    """A second installation: its own database, with our taxonomies and states."""
    with separate_app(database_url, tmp_path_factory.mktemp("target"), "target") as app:
        yield app


@pytest.fixture
def empty_target(target):
    with target.app_context():
        clear_directory()
    return target


def invoke(app, *args):
    return app.test_cli_runner().invoke(args=[str(arg) for arg in args])


def exported(app, kind, path):
    result = invoke(app, "export", kind, path)
    assert result.exit_code == 0, result.output
    return path.read_bytes()


def counts(app):
    with app.app_context():
        return {
            model.__name__: db.session.scalar(select(func.count()).select_from(model))
            for model in (Organization, Service, Location, ServiceSchedule)
        }


@pytest.mark.parametrize(
    ("kind", "name", "command"),
    [
        ("hsds", "directory.zip", "hsds"),
        ("hsds", "directory.json", "hsds"),
        ("csv", "directory.csv", "organizations"),
    ],
)
def test_export_then_import_reproduces_the_directory_exactly(
    app, directory, empty_target, tmp_path, kind, name, command
):
    first = exported(app, kind, tmp_path / name)
    result = invoke(empty_target, "import", command, tmp_path / name)
    assert result.exit_code == 0, result.output
    assert "Added" in result.output
    again = exported(empty_target, kind, tmp_path / f"again-{name}")
    assert again == first
    # Importing the same file again replaces in place: nothing new, same export.
    before = counts(empty_target)
    result = invoke(empty_target, "import", command, tmp_path / name)
    assert "Added 0 and replaced" in result.output, result.output
    assert counts(empty_target) == before
    assert exported(empty_target, kind, tmp_path / f"third-{name}") == first


def test_the_round_trip_keeps_capacity_flags_origins_and_hours(
    app, directory, empty_target, tmp_path
):
    exported(app, "hsds", tmp_path / "d.zip")
    invoke(empty_target, "import", "hsds", tmp_path / "d.zip")

    def profile(application, org_id):
        with application.app_context():
            organization = db.session.get(Organization, org_id)
            return {
                "values": [
                    getattr(organization, name)
                    for name in (
                        "name",
                        "paid_staff",
                        "volunteers",
                        "members",
                        "women_led",
                        "open_to_mentor",
                        "seeking_mentor",
                        "legally_registered",
                        "verification_status",
                        "last_reviewed_on",
                    )
                ],
                "type": organization.type.code,
                "skills": [t.code for t in organization.skills],
                "origins": sorted(
                    (o.country_code, o.region.code if o.region else None, o.community)
                    for o in organization.origins
                ),
                "services": sorted(
                    (
                        str(s.id),
                        s.category.code,
                        s.capacity_per_month,
                        s.walk_in,
                        [t.code for t in s.languages],
                        [(h.weekday, str(h.opens_at)) for h in s.schedules],
                        [r.code for r in s.area_regions],
                    )
                    for s in organization.services
                ),
                "places": [
                    (
                        str(p.id),
                        p.latitude,
                        p.longitude,
                        p.city,
                        p.region and p.region.code,
                    )
                    for p in organization.locations
                ],
            }

    for org_id in directory.values():
        with app.app_context():
            source = db.session.get(Organization, org_id)
            if not source.is_listed or source.location_confidential:
                continue
            if any(place.approximate for place in source.locations):
                continue
        assert profile(empty_target, org_id) == profile(app, org_id)


def test_a_dry_run_writes_nothing(app, directory, empty_target, tmp_path):
    exported(app, "hsds", tmp_path / "d.zip")
    result = invoke(empty_target, "import", "hsds", tmp_path / "d.zip", "--dry-run")
    assert result.exit_code == 0
    assert "Dry run: would add" in result.output
    assert counts(empty_target)["Organization"] == 0


TEMPLATE = "name,type,state,latitude,longitude,services,languages,paid_staff,origins\n"


def write(tmp_path, text, name="orgs.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_the_template_imports_and_a_second_import_updates_by_name_and_state(
    empty_target, tmp_path
):
    text = TEMPLATE + (
        "Club Uno,hometown_club,US-CA,36.7,-119.8,legal_advice;orientation,es;mix,2,"
        "MX-OAX:San Juan\n"
        "Grupo Dos,community_group,MX-ZAC,,,health,,,GT\n"
    )
    path = write(tmp_path, text, encoding="utf-8-sig")  # a byte-order mark is fine
    result = invoke(empty_target, "import", "organizations", path)
    assert result.exit_code == 0, result.output
    assert "Added 2 and replaced 0" in result.output
    changed = write(tmp_path, text.replace(",2,MX-OAX", ",5,MX-OAX"))
    result = invoke(empty_target, "import", "organizations", changed)
    assert "Added 0 and replaced 2" in result.output, result.output
    with empty_target.app_context():
        club = db.session.scalar(select(Organization).filter_by(name="Club Uno"))
        assert club.paid_staff == 5
        assert club.version == 2
        assert [s.category.code for s in club.services] == [
            "legal_advice",
            "orientation",
        ]
        assert [t.code for t in club.services[0].languages] == ["spa", "mix"]
        assert club.locations[0].region.code == "US-CA"
        assert [(o.country_code, o.community) for o in club.origins] == [
            ("MX", "San Juan")
        ]
        group = db.session.scalar(select(Organization).filter_by(name="Grupo Dos"))
        assert group.locations[0].region.code == "MX-ZAC"  # from the state column
        assert [r.code for r in group.services[0].area_regions] == ["MX-ZAC"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Club,hometown_club,US-CA,95,-119,health,,,", "row 3, field latitude"),
        ("Club,hometown_club,US-CA,36,,health,,,", "row 3, field latitude"),
        ("Club,ngo2,US-CA,,,health,,,", "row 3, field type: 'ngo2' is not one of"),
        ("Club,ngo,US-XX,,,health,,,", "row 3, field state"),
        ("Club,ngo,US-CA,,,dentistry,,,", "row 3, field services"),
        ("Club,ngo,US-CA,,,health,klingon,,", "row 3, field languages"),
        ("Club,ngo,US-CA,,,health,,many,", "row 3, field paid_staff"),
        (",ngo,US-CA,,,health,,,", "row 3, field name"),
        ("Bueno,ngo,US-CA,,,health,,,", "row 3, field id: "),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(
    empty_target, tmp_path, row, message
):
    text = TEMPLATE + "Bueno,ngo,US-CA,,,health,,,\n" + row + "\n"
    result = invoke(empty_target, "import", "organizations", write(tmp_path, text))
    assert result.exit_code != 0
    assert message in result.output
    assert counts(empty_target)["Organization"] == 0


def test_encodings_and_columns_are_checked(empty_target, tmp_path):
    latin = write(
        tmp_path, TEMPLATE + "Asociación,ngo,US-CA,,,,,,\n", "l.csv", "latin-1"
    )
    result = invoke(empty_target, "import", "organizations", latin)
    assert result.exit_code != 0
    assert "not UTF-8" in result.output
    assert "Latin-1" in result.output
    missing = write(tmp_path, "name,state\nClub,US-CA\n", "m.csv")
    assert (
        "missing columns: type"
        in invoke(empty_target, "import", "organizations", missing).output
    )
    unknown = write(tmp_path, "name,type,colour\nClub,ngo,red\n", "u.csv")
    assert (
        "unknown columns: colour"
        in invoke(empty_target, "import", "organizations", unknown).output
    )
    assert counts(empty_target)["Organization"] == 0


def test_geojson_points_import_and_other_geometries_are_refused(empty_target, tmp_path):
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [-119.8, 36.7]},
        "properties": {"name": "Punto", "type": "ngo", "services": "health"},
    }
    path = tmp_path / "points.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    result = invoke(empty_target, "import", "organizations", path)
    assert result.exit_code == 0, result.output
    with empty_target.app_context():
        place = db.session.scalar(select(Location))
        assert (place.latitude, place.longitude) == (36.7, -119.8)
        assert place.region.code == "US-CA"
    line = {**feature, "geometry": {"type": "LineString", "coordinates": [[0, 0]]}}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [line]}))
    result = invoke(empty_target, "import", "organizations", path)
    assert "feature 1, field geometry: only points" in result.output


def test_a_vrt_named_geojson_is_refused_without_touching_the_canary(
    empty_target, tmp_path
):
    canary = tmp_path / "canary.csv"
    canary.write_text("WKT,name\n")
    before = canary.stat().st_atime_ns
    evil = tmp_path / "evil.geojson"
    evil.write_text(
        f"<OGRVRTDataSource><OGRVRTLayer name='x'><SrcDataSource>{canary}"
        "</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>"
    )
    result = invoke(empty_target, "import", "organizations", evil)
    assert result.exit_code != 0
    assert "not a GeoJSON file" in result.output
    assert canary.stat().st_atime_ns == before


def foreign_package(tmp_path, *, term="Immigration", extra=None):
    """An HSDS package as another directory would write it (Open Eligibility terms)."""
    org, service, place, link = (str(uuid.uuid4()) for _ in range(4))
    tables = {
        "organizations": [{"id": org, "name": "Ayuda Fresno", "description": "x"}],
        "services": [
            {
                "id": service,
                "organization_id": org,
                "name": "Consultas migratorias",
                "status": "active",
                "fees_description": "Free",
            }
        ],
        "locations": [
            {
                "id": place,
                "organization_id": org,
                "location_type": "physical",
                "latitude": "36.74",
                "longitude": "-119.78",
            }
        ],
        "service_at_location": [
            {"id": link, "service_id": service, "location_id": place}
        ],
        "addresses": [
            {
                "id": str(uuid.uuid4()),
                "location_id": place,
                "address_1": "1 Main St",
                "city": "Fresno",
                "state_province": "CA",
                "postal_code": "93701",
                "country": "US",
                "address_type": "physical",
            }
        ],
        "languages": [{"id": str(uuid.uuid4()), "service_id": service, "code": "es"}],
        "schedules": [
            {
                "id": str(uuid.uuid4()),
                "service_id": service,
                "freq": "WEEKLY",
                "byday": "MO,WE",
                "opens_at": "09:00",
                "closes_at": "13:00",
            }
        ],
        "service_areas": [
            {"id": str(uuid.uuid4()), "service_id": service, "name": "California"}
        ],
        "taxonomies": [{"id": "oe", "name": "Open Eligibility"}],
        "taxonomy_terms": [
            {"id": "oe-imm", "name": term, "description": term, "taxonomy_id": "oe"}
        ],
        "attributes": [
            {
                "id": str(uuid.uuid4()),
                "link_id": service,
                "link_type": "service",
                "taxonomy_term_id": "oe-imm",
            }
        ],
    }
    tables.update(extra or {})
    path = tmp_path / "foreign.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for table, rows in tables.items():
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
            archive.writestr(f"package/{table}.csv", buffer.getvalue())
    return path, org


def test_a_foreign_hsds_package_is_mapped_onto_our_categories(empty_target, tmp_path):
    path, org = foreign_package(tmp_path)
    result = invoke(empty_target, "import", "hsds", path)
    assert result.exit_code == 0, result.output
    with empty_target.app_context():
        organization = db.session.get(Organization, uuid.UUID(org))
        service = organization.services[0]
        assert organization.type.code == "other"
        assert service.category.code == "legal_advice"
        assert service.free_of_charge
        assert [t.code for t in service.languages] == ["spa"]
        assert [h.weekday for h in service.schedules] == [0, 2]
        assert [r.code for r in service.area_regions] == ["US-CA"]
        assert organization.locations[0].region.code == "US-CA"
        assert organization.locations[0].city == "Fresno"


def test_an_unmapped_term_is_named_and_a_mapping_file_fixes_it(empty_target, tmp_path):
    path, _org = foreign_package(tmp_path, term="Dental Care")
    result = invoke(empty_target, "import", "hsds", path)
    assert result.exit_code != 0
    assert "services.csv row 2, field attributes" in result.output
    assert "mapping table" in result.output
    mapping = tmp_path / "mapping.csv"
    mapping.write_text("taxonomy,term,category\nOpen Eligibility,Dental Care,health\n")
    result = invoke(empty_target, "import", "hsds", path, "--mapping", mapping)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("member", "reason"),
    [
        ("../organizations.csv", "not allowed"),
        ("a/b/organizations.csv", "not allowed"),
        ("notes.vrt", "not an HSDS table"),
        ("organizations.csv.vrt", "not an HSDS table"),
    ],
)
def test_hsds_zip_members_are_checked_first(empty_target, tmp_path, member, reason):
    path, _org = foreign_package(tmp_path)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(member, "<OGRVRTDataSource/>")
    result = invoke(empty_target, "import", "hsds", path)
    assert result.exit_code != 0
    assert reason in result.output
    assert counts(empty_target)["Organization"] == 0


def test_a_service_of_an_unknown_organization_is_refused(empty_target, tmp_path):
    path, _org = foreign_package(
        tmp_path,
        extra={
            "services": [
                {
                    "id": str(uuid.uuid4()),
                    "organization_id": str(uuid.uuid4()),
                    "name": "x",
                }
            ]
        },
    )
    result = invoke(empty_target, "import", "hsds", path)
    assert "services.csv row 2, field organization_id" in result.output


def test_a_page_of_hsds_services_imports_with_their_organizations(
    app, client, directory, empty_target, tmp_path
):
    page = client.get("/hsds/services?per_page=100&full=true").get_json()
    path = tmp_path / "services.json"
    path.write_text(json.dumps(page), encoding="utf-8")
    result = invoke(empty_target, "import", "hsds", path)
    assert result.exit_code == 0, result.output
    imported = counts(empty_target)
    assert imported["Service"] == page["total_items"]
    assert imported["Organization"] == len(
        {service["organization_id"] for service in page["contents"]}
    )
