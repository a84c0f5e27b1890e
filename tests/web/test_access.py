"""The access matrix: every route, for every kind of visitor, answers as written here.

A route missing from ROUTES fails the test, so a new page cannot be added without
deciding who may open it.
"""

import re

import pytest

from cso_map.services.editing.accounts import create_user
from tests.conftest import fixture_records

PASSWORD = "correct horse battery staple"
WHO = ("anonymous", "editor_a", "editor_b", "authority", "admin")
ALL = (200,) * 5
LOGIN = 302  # sent to the login page
OWNERS = (LOGIN, 200, 403, 403, 200)
STAFF = (LOGIN, 403, 403, 200, 200)
ADMINS = (LOGIN, 403, 403, 403, 200)
POST_ONLY = (405,) * 5
NOT_FOUND = (404,) * 5  # an id nothing has

BRAVO = next(r for r in fixture_records() if r["key"] == "bravo")
BRAVO_SERVICE = BRAVO["services"][0]["id"]
BRAVO_LOCATION = BRAVO["locations"][0]["id"]

# endpoint: (query string, GET status per visitor in WHO order)
ROUTES = {
    "root": ("", (302,) * 5),
    "static": ("", ALL),
    "leaflet": ("", ALL),
    "favicon": ("", ALL),
    "directory.home": ("", ALL),
    "directory.organizations": ("", ALL),
    "directory.organization": ("", ALL),
    "directory.organization_card": ("", ALL),
    "directory.map_page": ("", ALL),
    "directory.map_frame": ("", ALL),
    "finder.find": ("need=legal_advice&place=Fresno", ALL),
    "finder.results_map_frame": ("need=legal_advice&place=Fresno", ALL),
    "gaps.index": ("service=legal_advice", ALL),
    "gaps.map_frame": ("service=legal_advice", ALL),
    "gaps.download": ("service=legal_advice", ALL),
    "gaps.download_geojson": ("service=legal_advice", ALL),
    "imports.upload_form": ("", ADMINS),
    "imports.check": ("", ADMINS),  # GET of the same URL is the form
    "imports.confirm": ("", POST_ONLY),
    "imports.template_page": ("", ALL),
    "imports.template_download": ("", ALL),
    "imports.mapping_download": ("", ALL),
    "regions.index": ("", ALL),
    "regions.region": ("", ALL),
    "regions.brief": ("", ALL),
    "regions.dashboard": ("", ALL),
    "partners.index": ("region=US-CA&service=legal_advice", ALL),
    "partners.map_frame": ("region=US-CA&service=legal_advice", ALL),
    "partners.download": ("region=US-CA&service=legal_advice", ALL),
    "mentoring.index": ("", ALL),
    "mentoring.map_frame": ("", (400,) * 5),
    "links.index": ("", ALL),
    "links.map_frame": ("", ALL),
    "api.list_organizations": ("", ALL),
    "api.get_organization": ("", ALL),
    "api.taxonomy": ("", ALL),
    "api.coverage": ("service=legal_advice", ALL),
    "api.regions": ("", ALL),
    "api.nearest": ("lat=36.7&lon=-119.8&service=legal_advice", ALL),
    "api.partners": ("region=US-CA&service=legal_advice", ALL),
    "api.mentoring": ("", (400,) * 5),
    "hsds.meta": ("", ALL),
    "hsds.profile": ("", ALL),
    "api.openapi": ("", ALL),
    "api_docs": ("", ALL),
    "hsds.services": ("", ALL),
    "hsds.service": ("", NOT_FOUND),
    "hsds.organizations": ("", ALL),
    "hsds.organization": ("", NOT_FOUND),
    "hsds.service_at_locations": ("", ALL),
    "hsds.service_at_location": ("", NOT_FOUND),
    "hsds.taxonomies": ("", ALL),
    "hsds.taxonomy": ("", NOT_FOUND),
    "hsds.taxonomy_terms": ("", ALL),
    "hsds.taxonomy_term": ("", NOT_FOUND),
    "accounts.login": ("", ALL),
    "accounts.logout": ("", POST_ONLY),
    "accounts.account": ("", (LOGIN, 200, 200, 200, 200)),
    "accounts.forgot_password": ("", ALL),
    "accounts.reset_password": ("", (400,) * 5),
    "editing.propose": ("", ALL),
    "editing.edit": ("", OWNERS),
    "editing.history": ("", OWNERS),
    "editing.new_service": ("", OWNERS),
    "editing.edit_service": ("", OWNERS),
    "editing.new_location": ("", OWNERS),
    "editing.edit_location": ("", OWNERS),
    "editing.review": ("", POST_ONLY),
    "editing.delete": ("", POST_ONLY),
    "admin.index": ("", STAFF),
    "admin.stale": ("", STAFF),
    "admin.demand": ("", STAFF),
    "admin.exports": ("", STAFF),
    "admin.export": ("", STAFF),
    "admin.queue": ("", ADMINS),
    "admin.users": ("", ADMINS),
    "admin.deleted": ("", ADMINS),
    "admin.decide": ("", POST_ONLY),
    "admin.change_user": ("", POST_ONLY),
    "admin.restore": ("", POST_ONLY),
    "admin.merge": ("", POST_ONLY),
}


def url_of(rule, ids) -> str:
    """Fill a rule's variables with values of the fixture directory."""
    values = {
        "lang_code": "es",
        "organization_id": ids["bravo"],
        "user_id": ids["user"],
        "service_id": BRAVO_SERVICE,
        "location_id": BRAVO_LOCATION,
        "item_id": "00000000-0000-0000-0000-000000000000",
        "code": "US-CA",
        "token": "not-a-token",
        "decision": "verify",
        "kind": "3w",
        "filename": "css/site.css" if rule.endpoint == "static" else "leaflet.js",
    }
    path = rule.rule
    for name in rule.arguments:
        path = re.sub(rf"<(?:[^:<>]+:)?{name}>", str(values[name]), path)
    return path


@pytest.fixture
def visitors(app, directory):
    """Return a logged-in client per kind of visitor (editor A edits bravo)."""
    with app.app_context():
        accounts = {
            "editor_a": create_user(
                "a@example.org", PASSWORD, "editor", organizations=[directory["bravo"]]
            ),
            "editor_b": create_user(
                "b@example.org", PASSWORD, "editor", organizations=[directory["echo"]]
            ),
            "authority": create_user("gov@example.org", PASSWORD, "authority"),
            "admin": create_user("admin@example.org", PASSWORD, "admin"),
        }
        user_id = accounts["editor_b"].id
        emails = {who: user.email for who, user in accounts.items()}
    clients = {"anonymous": app.test_client()}
    for who, email in emails.items():
        client = app.test_client()
        response = client.post(
            "/es/login",
            data={"email": email, "password": PASSWORD},
            headers={"Origin": "http://localhost"},
        )
        assert response.status_code == 302, who
        clients[who] = client
    return clients, {**directory, "user": user_id}


def status_of(client, url: str) -> int:
    """Return the status of GET `url` (closing the response: files stream)."""
    response = client.get(url)
    response.close()
    return response.status_code


def test_every_route_is_in_the_matrix(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints == set(ROUTES)


def test_every_route_answers_each_visitor_as_expected(app, visitors):
    clients, ids = visitors
    found = {}
    for rule in app.url_map.iter_rules():
        query, _expected = ROUTES[rule.endpoint]
        url = url_of(rule, ids) + (f"?{query}" if query else "")
        found[rule.endpoint] = tuple(status_of(clients[who], url) for who in WHO)
    wrong = {
        endpoint: (statuses, ROUTES[endpoint][1])
        for endpoint, statuses in found.items()
        if statuses != ROUTES[endpoint][1]
    }
    assert wrong == {}


@pytest.mark.parametrize(
    "path",
    [
        "/es/logout",
        "/es/organizations/{bravo}/review",
        "/es/organizations/{bravo}/delete",
        "/es/admin/queue/{bravo}/verify",
        "/es/admin/deleted/{bravo}/restore",
        "/es/admin/users/{user}",
    ],
)
def test_state_changes_without_their_token_change_nothing(visitors, path):
    clients, ids = visitors
    url = path.format(**ids)
    for who in ("editor_a", "admin"):
        response = clients[who].post(url)
        assert response.status_code == 400, (who, url)
    assert clients["anonymous"].post(url).status_code in (302, 400)
