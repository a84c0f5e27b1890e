"""The HSDS reader, table by table: what each row becomes in our records, and each
refusal naming its file, row and field. Attribute fields come from the registry."""

import csv
import json

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from cso_map.extensions import db
from cso_map.models import Region
from cso_map.services.hsds.reader import hsds_records
from cso_map.services.records.cells import CellError
from cso_map.services.records.fields import ATTRIBUTE_FIELDS, Kind
from cso_map.services.records.ids import derived_id
from cso_map.services.records.service_fields import SERVICE_ATTRIBUTE_FIELDS
from cso_map.taxonomy import PROFILE_FIELDS, SERVICE_CATEGORIES

ORG = "11111111-1111-4111-8111-111111111111"
SERVICE = "22222222-2222-4222-8222-222222222222"
PLACE = "33333333-3333-4333-8333-333333333333"
# A value of each kind, as a file gives it, and as the record holds it.
VALUES = {
    Kind.TEXT: (" en ", "en"),  # a text language (or a name that is one)
    Kind.COUNT: ("12", 12),
    Kind.DECIMAL: ("2,5", 2.5),
    Kind.FLAG: ("yes", True),
    Kind.LONG_TEXT: (" Call first ", "Call first"),
}


def write_tables(folder, tables: dict[str, list[dict]]):
    """Write HSDS tables as CSV files of a package folder."""
    folder.mkdir(exist_ok=True)
    for name, rows in tables.items():
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return folder


def attribute(link, term_id, value=""):
    return {
        "id": derived_id(link, term_id),
        "link_id": link,
        "taxonomy_term_id": term_id,
        "value": value,
    }


def package(**extra) -> dict[str, list[dict]]:
    """Return the tables of one organization with one legal-advice service."""
    tables = {
        "organizations": [
            {"id": ORG, "name": "Clínica Ejemplo", "year_incorporated": "1999"}
        ],
        "services": [
            {
                "id": SERVICE,
                "organization_id": ORG,
                "name": "Asesoría",
                "status": "active",
            }
        ],
        "attributes": [
            attribute(SERVICE, str(SERVICE_CATEGORIES.term_id("legal_advice")))
        ],
    }
    for name, rows in extra.items():
        tables[name] = tables.get(name, []) + rows
    return tables


@pytest.fixture
def regions(app_context):
    return list(db.session.scalars(select(Region)))


def read(tmp_path, regions, **extra):
    with force_locale("en"):
        return hsds_records(
            write_tables(tmp_path / "p", package(**extra)), None, regions
        )


def test_core_fields_and_defaults_of_an_organization(tmp_path, regions):
    [record] = read(tmp_path, regions)
    assert record["id"] == ORG
    assert record["year_founded"] == 1999
    assert record["type"] == "other"  # no term of ours: the catch-all type
    assert record["engagement_level"] == "inform"
    assert record["services"][0]["category"] == "legal_advice"
    assert record["services"][0]["free_of_charge"] is False


def test_every_attribute_field_of_the_registry_is_read(tmp_path, regions):
    rows = [
        attribute(ORG, str(PROFILE_FIELDS.term_id(f.name)), VALUES[f.kind][0])
        for f in ATTRIBUTE_FIELDS
    ] + [
        attribute(SERVICE, str(PROFILE_FIELDS.term_id(f.name)), VALUES[f.kind][0])
        for f in SERVICE_ATTRIBUTE_FIELDS
    ]
    [record] = read(tmp_path, regions, attributes=rows)
    for field in ATTRIBUTE_FIELDS:
        assert record[field.name] == VALUES[field.kind][1], field.name
    for field in SERVICE_ATTRIBUTE_FIELDS:
        assert record["services"][0][field.name] == VALUES[field.kind][1], field.name


def test_a_bad_attribute_value_is_refused_with_its_row_and_field(tmp_path, regions):
    rows = [attribute(ORG, str(PROFILE_FIELDS.term_id("paid_staff")), "many")]
    with (
        force_locale("en"),
        pytest.raises(CellError, match=r"attributes.csv row 3, field paid_staff"),
    ):
        read(tmp_path, regions, attributes=rows)


def test_fees_in_words_make_a_service_free_when_no_attribute_says(tmp_path, regions):
    tables = package()
    tables["services"][0]["fees_description"] = "Gratis para todas las personas"
    [record] = hsds_records(write_tables(tmp_path / "p", tables), None, regions)
    assert record["services"][0]["free_of_charge"] is True


def test_a_schedule_of_several_days_becomes_one_row_a_day(tmp_path, regions):
    hours = {"id": "44444444-4444-4444-8444-444444444444", "service_id": SERVICE}
    hours |= {
        "freq": "WEEKLY",
        "byday": "MO,WE",
        "opens_at": "09:00",
        "closes_at": "13:00",
    }
    [record] = read(tmp_path, regions, schedules=[hours])
    assert record["services"][0]["schedules"] == [
        [0, "09:00", "13:00", derived_id("schedule", hours["id"], "MO")],
        [2, "09:00", "13:00", derived_id("schedule", hours["id"], "WE")],
    ]


def test_hours_may_close_after_midnight(tmp_path, regions):
    rows = [
        {"id": f"4444444{n}-4444-4444-8444-444444444444", "service_id": SERVICE}
        | {"freq": "WEEKLY", "byday": day, "opens_at": opens, "closes_at": closes}
        for n, (day, opens, closes) in enumerate(
            [
                ("MO", "22:00", "06:00"),
                ("TU", "00:00", "00:00"),
                ("WE", "18:00", "24:00"),
            ]
        )
    ]
    [record] = read(tmp_path, regions, schedules=rows)
    assert [hours[:3] for hours in record["services"][0]["schedules"]] == [
        [0, "22:00", "06:00"],
        [1, "00:00", "00:00"],
        [2, "18:00", "00:00"],  # the midnight that ends Wednesday
    ]


@pytest.mark.parametrize(
    ("table", "row", "where"),
    [
        (
            "locations",
            {"id": PLACE, "organization_id": "55555555-5555-4555-8555-555555555555"},
            "locations.csv row 2, field organization_id",
        ),
        (
            "locations",
            {"id": PLACE, "organization_id": ORG, "latitude": "100", "longitude": "0"},
            "locations.csv row 2, field latitude",
        ),
        (
            "schedules",
            {
                "id": PLACE,
                "service_id": SERVICE,
                "byday": "MO",
                "opens_at": "18:00",
                "closes_at": "late",
            },
            "schedules.csv row 2, field closes_at",
        ),
        (
            "service_areas",
            {"id": PLACE, "service_id": SERVICE, "name": "Atlantis"},
            "service_areas.csv row 2, field description",
        ),
    ],
)
def test_a_bad_row_is_refused_naming_file_row_and_field(
    tmp_path, regions, table, row, where
):
    with force_locale("en"), pytest.raises(CellError, match=where):
        read(tmp_path, regions, **{table: [row]})


def test_ids_match_between_tables_whatever_their_case(tmp_path, regions):
    place = {
        "id": PLACE.upper(),
        "organization_id": ORG.upper(),
        "latitude": "36.74",
        "longitude": "-119.78",
    }
    [record] = read(tmp_path, regions, locations=[place])
    assert [location["id"] for location in record["locations"]] == [PLACE]


def test_nested_json_reads_as_its_tables_do(tmp_path, regions):
    tables = package()
    document = {
        **tables["organizations"][0],
        "services": [
            {**tables["services"][0], "attributes": tables["attributes"]},
        ],
    }
    path = tmp_path / "directory.json"
    path.write_text(json.dumps([document]), encoding="utf-8")
    from_json = hsds_records(path, None, regions)
    from_tables = hsds_records(write_tables(tmp_path / "p", tables), None, regions)
    assert from_json == from_tables
