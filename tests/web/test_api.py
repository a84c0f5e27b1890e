"""The JSON API: shapes, filters, confidentiality, errors that explain themselves."""

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cso_map.services.directory.regions import get_region
from cso_map.taxonomy import VOCABULARIES

SUMMARY_KEYS = {
    "id",
    "name",
    "type",
    "region",
    "lat",
    "lon",
    "services",
    "languages",
    "verified",
}


def test_list_has_the_documented_shape(client, directory):
    body = client.get("/api/v1/organizations?per_page=3").get_json()
    assert set(body) == {"total", "page", "per_page", "items"}
    assert (body["total"], body["page"], body["per_page"]) == (7, 1, 3)
    assert len(body["items"]) == 3
    assert all(set(item) == SUMMARY_KEYS for item in body["items"])


def test_list_items_carry_codes_of_active_services_and_their_languages(
    client, directory
):
    body = client.get("/api/v1/organizations?q=nandu").get_json()
    (item,) = body["items"]
    assert item["id"] == str(directory["hotel"])
    assert item["type"] == "cooperative"
    assert item["region"] == "MX-ZAC"
    assert item["services"] == ["entrepreneurship"]  # its legal advice is inactive
    assert item["languages"] == ["spa"]
    assert item["verified"] is False
    assert (item["lat"], item["lon"]) == (22.77, -102.58)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("service=legal_advice&region=MX-ZAC", {"echo"}),
        ("language=ht", {"charlie"}),
        ("type=ngo&verified=1", {"bravo", "delta"}),
        ("verified=true&target_group=women", {"delta"}),
        (
            "verified=0",
            {"alpha", "bravo", "charlie", "delta", "echo", "hotel", "india"},
        ),
        ("region=us-il", {"alpha", "india"}),
    ],
)
def test_filters_combine_with_and(client, directory, query, expected):
    body = client.get(f"/api/v1/organizations?{query}&per_page=100").get_json()
    ids = {item["id"] for item in body["items"]}
    assert ids == {str(directory[key]) for key in expected}
    assert body["total"] == len(expected)


def test_confidential_organizations_show_only_their_region_point(
    app, client, directory
):
    item = client.get("/api/v1/organizations?target_group=women").get_json()["items"][0]
    profile = client.get(f"/api/v1/organizations/{directory['delta']}").get_json()
    in_region = client.get("/api/v1/organizations?region=MX-CHH").get_json()["items"]
    assert item["region"] == "MX-CHH"
    assert item["id"] in {i["id"] for i in in_region}
    with app.app_context():
        chihuahua = get_region("MX-CHH")
        assert (item["lat"], item["lon"]) == (chihuahua.label_lat, chihuahua.label_lon)
    assert profile["approximate"] is True
    assert profile["locations"] == [
        {"id": profile["locations"][0]["id"], "region": "MX-CHH", "approximate": True}
    ]
    text = client.get(f"/api/v1/organizations/{directory['delta']}").get_data(
        as_text=True
    )
    for secret in ("Calle Secreta", "Ciudad Ju", "31.68", "-106.44"):
        assert secret not in text


def test_profile_has_services_capacity_links_and_origins(client, directory):
    body = client.get(f"/api/v1/organizations/{directory['alpha']}").get_json()
    assert body["parent"] == {
        "id": str(directory["india"]),
        "name": "Federación Zacatecana de Illinois",
    }
    assert body["origins"] == [
        {"country": "MX", "region": "MX-ZAC", "community": "Jerez"}
    ]
    assert body["capacity"]["seeking_mentor"] is True
    assert body["capacity"]["support_needs"] == ["funding", "mentoring"]
    assert body["engagement_level"] == "inform"
    assert [s["category"] for s in body["services"]] == [
        "origin_development",
        "civic_participation",
    ]
    assert body["services"][0]["service_area"] == {
        "regions": ["MX-ZAC"],
        "radius_km": None,
    }
    assert body["fictional"] is False
    federation = client.get(f"/api/v1/organizations/{directory['india']}").get_json()
    assert federation["members"] == [
        {"id": str(directory["alpha"]), "name": "Club Jerez de Chicago"}
    ]


@pytest.mark.parametrize("key", ["foxtrot", "golf"])
def test_unlisted_organizations_are_not_found(client, directory, key):
    response = client.get(f"/api/v1/organizations/{directory[key]}")
    assert response.status_code == 404
    assert response.get_json()["error"]["status"] == 404


def test_unknown_ids_are_json_404s(client, directory):
    assert client.get(f"/api/v1/organizations/{uuid.uuid4()}").status_code == 404
    response = client.get("/api/v1/organizations/not-a-uuid")
    assert response.status_code == 404
    assert response.is_json


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("service=nope", "service"),
        ("language=klingon", "language"),
        ("type=company", "type"),
        ("target_group=aliens", "target_group"),
        ("region=XX-YY", "region"),
        ("page=0", "page"),
        ("page=-1", "page"),
        ("page=abc", "page"),
        ("per_page=101", "per_page"),
        ("q=" + "x" * 5000, "q"),
    ],
)
def test_bad_parameters_answer_400_naming_the_parameter(client, query, parameter):
    response = client.get(f"/api/v1/organizations?{query}")
    assert response.status_code == 400
    assert parameter in response.get_json()["error"]["errors"]


def test_unknown_codes_are_answered_with_the_valid_ones(client):
    body = client.get("/api/v1/organizations?service=abogado").get_json()
    assert "legal_advice" in body["error"]["errors"]["service"][0]


def test_errors_speak_the_clients_language(client):
    response = client.get(
        "/api/v1/organizations?page=abc", headers={"Accept-Language": "es"}
    )
    assert response.get_json()["error"]["errors"]["page"] == [
        "No es un valor entero válido."
    ]


def test_taxonomy_lists_every_vocabulary_with_both_labels(client, directory):
    body = client.get("/api/v1/taxonomy").get_json()
    assert [t["code"] for t in body["taxonomies"]] == list(VOCABULARIES)
    services = body["taxonomies"][0]
    assert services["name"] == {
        "en": "Integration services",
        "es": "Servicios de integración",
    }
    legal = next(term for term in services["terms"] if term["code"] == "legal_advice")
    assert legal["label"] == {
        "en": "Legal advice (immigration)",
        "es": "Asesoría legal (migratoria)",
    }
    assert legal["id"] == str(VOCABULARIES["service_category"].term_id("legal_advice"))


PARAMETERS = [
    "service",
    "region",
    "language",
    "type",
    "target_group",
    "verified",
    "q",
    "page",
    "per_page",
]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.dictionaries(st.sampled_from(PARAMETERS), st.text(max_size=40), max_size=5))
def test_no_query_string_makes_the_api_fail(client, params):
    response = client.get("/api/v1/organizations", query_string=params)
    assert response.status_code in (200, 400)
    assert response.is_json
