"""The OpenAPI document is generated from the routes, and schemathesis finds no
server error and no response that breaks it, on every read endpoint."""

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

# No 5xx, only documented statuses, bodies as documented. Schema-valid requests
# may still be refused (400) when parameters depend on each other (lat with lon).
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


def test_no_server_error_and_responses_match_the_document(app, directory):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=12,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            # The WSGI transport does not decompress, as an HTTP client would.
            case.call_and_validate(
                checks=CHECKS, headers={"Accept-Encoding": "identity"}
            )

        check()


def test_every_api_and_hsds_route_is_documented(app, client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    routes = {
        rule.rule
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith(("/api/v1", "/hsds"))
    }
    assert len(document["paths"]) == len(routes)
    nearest = {
        p["name"]: p for p in document["paths"]["/api/v1/nearest"]["get"]["parameters"]
    }
    assert nearest["lat"]["required"] is True
    assert (
        nearest["lat"]["schema"]["minimum"],
        nearest["lat"]["schema"]["maximum"],
    ) == (-90, 90)
    assert nearest["limit"]["schema"]["maximum"] == 50
    assert "legal_advice" in nearest["service"]["schema"]["enum"]
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert "/hsds/services" in page.get_data(as_text=True)
