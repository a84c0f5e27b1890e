"""The HSDS tabular data package: HSDS's own tables and columns, consistent links."""

import csv
import io
import json
import uuid
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cso_map.extensions import db
from cso_map.models import TaxonomyTerm
from cso_map.services.hsds import paging
from cso_map.services.ops.vocabularies import sync_taxonomies
from cso_map.services.records.ids import NAMESPACE, derived_id
from cso_map.taxonomy import SERVICE_CATEGORIES, VOCABULARIES


def read_package(runner, tmp_path):
    out = tmp_path / "directory.zip"
    result = runner.invoke(args=["export", "hsds", str(out)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as archive:
        package = json.loads(archive.read("datapackage.json"))
        tables = {
            resource["name"]: list(
                csv.DictReader(io.StringIO(archive.read(resource["path"]).decode()))
            )
            for resource in package["resources"]
        }
    return package, tables


def test_tables_and_columns_are_those_of_hsds_3(
    runner, directory, tmp_path, shared_dir
):
    hsds = json.loads((shared_dir / "hsds" / "3.0" / "datapackage.json").read_text())
    standard = {
        resource["path"]: {field["name"] for field in resource["schema"]["fields"]}
        for resource in hsds["resources"]
    }
    package, _tables = read_package(runner, tmp_path)
    for resource in package["resources"]:
        assert resource["path"] in standard, resource["path"]
        columns = {field["name"] for field in resource["schema"]["fields"]}
        assert columns <= standard[resource["path"]], resource["path"]


def test_rows_are_the_public_directory_and_links_resolve(
    client, runner, directory, tmp_path
):
    _package, tables = read_package(runner, tmp_path)
    api = client.get("/hsds/organizations?per_page=100").get_json()
    assert len(tables["organizations"]) == api["total_items"] == 7
    services = client.get("/hsds/services?per_page=100").get_json()["total_items"]
    assert len(tables["services"]) == services
    ids = {table: {row["id"] for row in rows} for table, rows in tables.items()}
    for table, rows in tables.items():
        assert len(ids[table]) == len(rows), f"{table}: an id is given twice"
    for link in tables["service_at_location"]:
        assert link["service_id"] in ids["services"]
        assert link["location_id"] in ids["locations"]
    for attribute in tables["attributes"]:
        assert attribute["taxonomy_term_id"] in ids["taxonomy_terms"]
    for term in tables["taxonomy_terms"]:
        assert term["taxonomy_id"] in ids["taxonomies"]
    text = json.dumps(tables)
    assert "Calle Secreta" not in text
    assert "31.68" not in text


def test_the_json_export_holds_what_the_api_serves(client, runner, directory, tmp_path):
    out = tmp_path / "directory.json"
    result = runner.invoke(args=["export", "hsds", str(out)])
    assert result.exit_code == 0, result.output
    exported = json.loads(out.read_text())
    assert len(exported) == 7
    kinds = set()
    for organization in exported:
        services = organization.pop("services")
        served = client.get(f"/hsds/organizations/{organization['id']}").get_json()
        assert organization == served
        for service in services:
            served = client.get(f"/hsds/services/{service['id']}").get_json()
            del served["organization"]
            assert service == served
            kinds |= {key for key, value in service.items() if value}
        kinds |= {key for key, value in organization.items() if value}
    # The directory exercises every kind of row an export writes.
    assert {
        "parent_organization_id",
        "phones",
        "schedules",
        "languages",
        "service_areas",
        "service_at_locations",
        "attributes",
        "locations",
    } <= kinds


@pytest.mark.parametrize("name", ["directory.zip", "directory.json", "directory.csv"])
def test_exports_read_in_batches_are_the_same_bytes(
    runner, directory, tmp_path, monkeypatch, name
):
    kind = "csv" if name.endswith(".csv") else "hsds"
    whole, batched = tmp_path / "whole", tmp_path / "batched"
    for folder in (whole, batched):
        folder.mkdir()
        if folder is batched:
            monkeypatch.setattr(paging, "BATCH", 2)  # 7 organizations: 4 batches
        result = runner.invoke(args=["export", kind, str(folder / name)])
        assert result.exit_code == 0, result.output
    assert (whole / name).read_bytes() == (batched / name).read_bytes()


@given(st.lists(st.one_of(st.text(), st.integers(), st.uuids()), min_size=1))
def test_derived_ids_are_uuid5_of_the_joined_parts(parts):
    expected = uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts))
    assert derived_id(*parts) == str(expected)


def test_the_coverage_export_is_every_state_with_its_figures(
    runner, directory, tmp_path
):
    out = tmp_path / "coverage.geojson"
    args = ["export", "coverage", str(out), "--service", "legal_advice"]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    document = json.loads(out.read_text(encoding="utf-8"))
    assert len(document["features"]) == 80
    california = next(
        f["properties"]
        for f in document["features"]
        if f["properties"]["code"] == "US-CA"
    )
    assert california["service"] == "legal_advice"
    assert california["providers"] >= 1
    assert california["status"] in ("served", "underserved", "gap", "no_data")
    refused = runner.invoke(args=["export", "coverage", str(out), "--service", "x"])
    assert refused.exit_code != 0
    assert "legal_advice" in refused.output


def test_taxonomies_and_terms_come_in_the_vocabularies_order(
    app, runner, directory, tmp_path
):
    # A term rewritten in place moves on disk (PostgreSQL puts the new row version
    # at the end); the package must not follow the database's physical order.
    with app.app_context():
        term = db.session.get(TaxonomyTerm, SERVICE_CATEGORIES.term_id("orientation"))
        term.label_es = "otra"
        db.session.commit()
        sync_taxonomies()
    _package, tables = read_package(runner, tmp_path)
    assert [row["id"] for row in tables["taxonomies"]] == [
        str(vocabulary.id) for vocabulary in VOCABULARIES.values()
    ]
    assert [row["code"] for row in tables["taxonomy_terms"]] == [
        code for vocabulary in VOCABULARIES.values() for code in vocabulary.codes()
    ]
