"""The HSDS 3.0 read API: every object validates against the HSDS schemas (format
checking on), pages walk, ids resolve, filters combine with AND."""

import json

import pytest
from jsonschema import FormatChecker
from jsonschema.validators import Draft202012Validator

ENDPOINTS = {
    "services": "service.json",
    "organizations": "organization.json",
    "service_at_locations": "service_at_location.json",
}


@pytest.fixture(scope="session")
def schemas(shared_dir):
    """Return validators of the compiled HSDS 3.0 schemas, checking formats."""
    folder = shared_dir / "hsds" / "3.0" / "schema"
    compiled = {
        name: json.loads((folder / "compiled" / file).read_text())
        for name, file in ENDPOINTS.items()
    }
    compiled["taxonomies"] = json.loads((folder / "taxonomy.json").read_text())
    compiled["taxonomy_terms"] = json.loads((folder / "taxonomy_term.json").read_text())
    return {
        name: Draft202012Validator(schema, format_checker=FormatChecker())
        for name, schema in compiled.items()
    }


def walk(client, path, per_page=3, **params):
    """Return every object of every page of a list, checking the envelope."""
    found, page = [], 1
    while True:
        query = "&".join(f"{k}={v}" for k, v in {**params, "page": page}.items())
        body = client.get(f"/hsds/{path}?per_page={per_page}&{query}").get_json()
        assert body["page_number"] == page
        assert body["size"] == len(body["contents"]) <= per_page
        assert body["first_page"] == (page == 1)
        found += body["contents"]
        if body["last_page"]:
            assert body["total_items"] == len(found)
            assert body["empty"] == (not found)
            return found
        page += 1


@pytest.mark.parametrize("path", [*ENDPOINTS, "taxonomies", "taxonomy_terms"])
def test_every_object_of_every_page_validates_and_resolves(
    client, directory, schemas, path
):
    items = walk(client, path, full="true")
    assert items
    for item in items:
        errors = [e.message for e in schemas[path].iter_errors(item)]
        assert errors == [], (path, item["id"], errors)
        one = client.get(f"/hsds/{path}/{item['id']}")
        assert one.status_code == 200
        assert one.get_json()["id"] == item["id"]
        assert not list(schemas[path].iter_errors(one.get_json()))


def test_hidden_addresses_are_published_at_state_level_only(client, directory):
    body = client.get(f"/hsds/organizations/{directory['delta']}").get_json()
    text = json.dumps(body)
    assert "Calle Secreta" not in text
    assert "31.68" not in text
    assert body["locations"][0]["name"] == "Chihuahua"
    for link in walk(client, "service_at_locations"):
        assert "Calle Secreta" not in json.dumps(link)


def test_filters_combine_with_and(client, directory):
    legal = client.get("/hsds/taxonomy_terms?search=legal").get_json()["contents"]
    term = next(t for t in legal if t["code"] == "legal_advice")["id"]
    by_term = walk(client, "services", taxonomy_term_id=term)
    assert {s["name"] for s in by_term} >= {"Free immigration clinic"}
    both = walk(
        client, "services", taxonomy_term_id=term, organization_id=directory["bravo"]
    )
    assert [s["organization_id"] for s in both] == [str(directory["bravo"])]
    none = walk(client, "services", taxonomy_term_id=term, search="zzzz-nothing")
    assert none == []


def test_ndjson_streams_every_service_once(client, directory):
    response = client.get("/hsds/services?format=ndjson")
    assert response.mimetype == "application/x-ndjson"
    lines = [json.loads(line) for line in response.get_data(as_text=True).splitlines()]
    ids = [line["id"] for line in lines]
    assert len(ids) == len(set(ids)) == len(walk(client, "services"))


@pytest.mark.parametrize(
    "query",
    [
        "per_page=101",
        "page=0",
        "taxonomy_term_id=nope",
        "modified_after=soon",
        "format=xml",
    ],
)
def test_bad_parameters_get_400_with_the_reason(client, query):
    response = client.get(f"/hsds/services?{query}")
    assert response.status_code == 400
    assert response.get_json()["error"]["errors"]


@pytest.mark.parametrize(
    "name", ["modified_after", "organization_id", "taxonomy_term_id", "format"]
)
def test_blank_parameters_are_absent_ones(client, directory, name):
    # A carriage return alone once reached the date parser (found by schemathesis).
    blank = client.get(f"/hsds/organizations?{name}=%0D%20")
    assert blank.status_code == 200
    assert blank.get_json() == client.get("/hsds/organizations").get_json()


def test_unknown_ids_get_404_and_reads_are_open_to_any_origin(client, directory):
    response = client.get("/hsds/services/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    pending = client.get(f"/hsds/organizations/{directory['foxtrot']}")
    assert pending.status_code == 404


def test_services_at_locations_near_a_point_leave_hidden_places_out(client, directory):
    fresno = walk(
        client, "service_at_locations", lat=36.74, lon=-119.78, proximity=5000
    )
    assert {link["service_id"] for link in fresno} == {
        s["id"] for s in walk(client, "services", organization_id=directory["bravo"])
    }
    # Refugio Mariposa's secret address is at 31.68, -106.44: nothing is found there.
    secret = walk(client, "service_at_locations", lat=31.68, lon=-106.44, proximity=500)
    assert secret == []
    bad = client.get("/hsds/service_at_locations?lat=36.7&lon=-119.8")
    assert bad.status_code == 400


def test_the_hsds_json_export_validates_as_nested_organizations(
    runner, directory, schemas, tmp_path
):
    out = tmp_path / "directory.json"
    result = runner.invoke(args=["export", "hsds", str(out)])
    assert result.exit_code == 0, result.output
    organizations = json.loads(out.read_text(encoding="utf-8"))
    assert len(organizations) == 7
    for item in organizations:
        errors = [e.message for e in schemas["organizations"].iter_errors(item)]
        assert errors == [], item["name"]
    services = [service for item in organizations for service in item["services"]]
    assert services
    assert all(service["service_at_locations"] for service in services)
    text = json.dumps(organizations)
    assert "Calle Secreta" not in text
