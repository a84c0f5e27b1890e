"""The registry of organization fields: every format, form and block derives from
it, so a field added to the registry and forgotten in one of them fails here."""

import csv

import pytest
from sqlalchemy import select

from cso_map.editing.forms import OrganizationForm
from cso_map.extensions import db
from cso_map.models import Organization
from cso_map.services.exchange.table import COLUMNS_FILE, NAMES
from cso_map.services.records.columns import SERVICE_FLAGS
from cso_map.services.records.fields import (
    ATTRIBUTE_FIELDS,
    EDITABLE_FIELDS,
    ORGANIZATION_FIELDS,
    TABLE_FIELDS,
    Api,
    Kind,
)
from cso_map.services.records.values import plain_value
from cso_map.taxonomy import PROFILE_FIELDS
from tests.conftest import clear_directory, separate_app

# Columns of our table that are not organization fields: its id, its first place,
# and what its services have in common.
PLACE_AND_SERVICE_COLUMNS = {
    "id",
    "address_1",
    "city",
    "state_province",
    "postal_code",
    "country",
    "state",
    "latitude",
    "longitude",
    "services",
    "languages",
    *SERVICE_FLAGS,
}
UNSET = (None, "", False, [])


def comparable(organization: Organization, field) -> object:
    """Return a field's value in a form two installations can compare."""
    if field.kind is Kind.ORIGINS:
        return sorted(
            (o.country_code, o.region.code if o.region else None, o.community)
            for o in organization.origins
        )
    if field.kind is Kind.PARENT:
        return str(organization.parent_id) if organization.parent_id else None
    return plain_value(organization, field)


def listed_values(app, fields) -> dict:
    """Return {organization id: {field: value}} of the listed organizations."""
    with app.app_context():
        organizations = db.session.scalars(
            select(Organization).where(Organization.is_listed)
        )
        return {
            str(organization.id): {
                field.name: comparable(organization, field) for field in fields
            }
            for organization in organizations
        }


@pytest.fixture(scope="module")
def target(database_url, tmp_path_factory):
    """A second installation, with its own database."""
    with separate_app(database_url, tmp_path_factory.mktemp("t"), "fields") as app:
        yield app


def test_every_field_is_set_somewhere_in_the_fixture_directory(app, directory):
    """The round trips below prove nothing for a field no organization sets."""
    values = listed_values(app, ORGANIZATION_FIELDS)
    unset = [
        field.name
        for field in ORGANIZATION_FIELDS
        if all(row[field.name] in UNSET for row in values.values())
    ]
    assert unset == [], "give these fields a value in tests/data/organizations.json"


@pytest.mark.parametrize(
    ("name", "command", "fields"),
    [
        ("directory.csv", "organizations", TABLE_FIELDS),
        ("directory.zip", "hsds", ORGANIZATION_FIELDS),
        ("directory.json", "hsds", ORGANIZATION_FIELDS),
    ],
)
def test_each_format_carries_every_field_of_the_registry(
    app, directory, target, tmp_path, name, command, fields
):
    path = tmp_path / name
    kind = "csv" if name.endswith(".csv") else "hsds"
    result = app.test_cli_runner().invoke(args=["export", kind, str(path)])
    assert result.exit_code == 0, result.output
    with target.app_context():
        clear_directory()
    result = target.test_cli_runner().invoke(args=["import", command, str(path)])
    assert result.exit_code == 0, result.output
    assert listed_values(target, fields) == listed_values(app, fields)


def test_the_column_dictionary_has_every_column_once():
    with COLUMNS_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    names = [row["name"] for row in rows]
    assert len(names) == len(set(names))
    fields = {field.name for field in TABLE_FIELDS}
    assert fields - set(names) == set(), "add these fields to the column dictionary"
    assert set(names) - fields == PLACE_AND_SERVICE_COLUMNS
    assert all(row["meaning_en"] and row["meaning_es"] for row in rows)
    assert tuple(names) == NAMES


def test_every_editable_field_is_on_the_edit_form():
    missing = [f.name for f in EDITABLE_FIELDS if not hasattr(OrganizationForm, f.name)]
    assert missing == []


def test_attribute_fields_are_profile_field_terms_with_the_registry_labels():
    for field in ATTRIBUTE_FIELDS:
        term = PROFILE_FIELDS[field.name]
        assert (term.en, term.es) == field.label


def test_the_api_profile_has_every_field_in_its_block(client, directory):
    profile = client.get(f"/api/v1/organizations/{directory['india']}").get_json()
    for field in ORGANIZATION_FIELDS:
        if field.api is Api.PROFILE:
            assert field.name in profile
        elif field.api is Api.CAPACITY:
            assert field.name in profile["capacity"]
