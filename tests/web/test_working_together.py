"""Pages and API for authorities and organizations: partners, dashboard, brief,
mentoring and ties to places of origin."""

import csv
import io
import re

import pytest

from tests.factories import insert, organization_record
from tests.web.helpers import visible_text

PARTNERS = "region=US-CA&service=legal_advice"


def test_likely_partners_by_tier_with_reasons_in_spanish(client, directory):
    response = client.get(f"/es/partners?{PARTNERS}")
    assert response.status_code == 200
    text = visible_text(response.get_data(as_text=True))
    assert "Ya lo ofrecen en el estado (1)" in text
    assert "Ya ofrece asesoría legal (migratoria) en California." in text
    assert "Centro Legal del Valle" in text
    assert "Asociación Cerrada" not in text  # defunct


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("region=XX-YY&service=legal_advice", "Estado desconocido «XX-YY»"),
        ("region=US-CA", "Elija al menos un servicio."),
        ("region=US-CA&service=nope", "Código desconocido «nope»"),
        ("service=legal_advice", "Elija un estado."),
    ],
)
def test_a_bad_partner_question_gets_400_with_the_reason(client, query, message):
    page = client.get(f"/es/partners?{query}")
    assert page.status_code == 400
    assert message in visible_text(page.get_data(as_text=True))
    api = client.get(f"/api/v1/partners?{query}")
    assert api.status_code == 400
    assert message in str(api.get_json()["error"]["errors"])


def test_the_partner_api_gives_tiers_scores_and_readable_reasons(client, directory):
    body = client.get(
        f"/api/v1/partners?{PARTNERS}&language=mix",
        headers={"Accept-Language": "en"},
    ).get_json()
    first = body["items"][0]
    assert first["organization"]["name"] == "Centro Legal del Valle"
    assert first["tier"] == 1
    assert 0 < first["score"] <= 1
    assert first["components"]["languages"] == 1.0
    assert {"code": "languages", "text": "Offers Mixtec."} in first["reasons"]
    assert first["reasons"][0]["text"] == (
        "Already delivers legal advice (immigration) in California."
    )


def test_the_shortlist_downloads_as_csv_with_safe_cells(app, client, directory):
    insert(
        app,
        [
            organization_record(
                "formula",
                '=HYPERLINK("http://evil.example")',
                34.05,
                -118.25,
                [("legal_advice", ["US-CA"])],
            )
        ],
    )
    response = client.get(f"/en/partners.csv?{PARTNERS}")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    assert rows[0][:4] == ["Tier", "Score", "Organization id", "Organization"]
    names = [row[3] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil.example")' in names
    assert client.get("/en/partners.csv?region=US-CA").status_code == 400


def test_the_partner_map_is_sandboxed_and_escapes_names(app, client, directory):
    insert(
        app,
        [
            organization_record(
                "hostile",
                '<img src=x onerror="alert(1)">`${alert(2)}`',
                36.0,
                -119.0,
                [("legal_advice", ["US-CA"])],
            )
        ],
    )
    response = client.get(f"/es/partners/map?{PARTNERS}")
    assert response.status_code == 200
    assert "sandbox allow-scripts" in response.headers["Content-Security-Policy"]
    html = response.get_data(as_text=True)
    assert "<img src=x" not in html
    assert "${alert(2)}" not in html
    assert client.get("/es/partners/map?region=US-CA").status_code == 400


def test_the_dashboard_counts_what_organizations_can_do(client, directory):
    response = client.get("/en/dashboard?region=US-CA")
    assert response.status_code == 200
    text = visible_text(response.get_data(as_text=True))
    assert "Potential of the organizations: California" in text
    assert "Organizations by type" in text
    assert "style=" not in response.get_data(as_text=True)  # CSP: no inline styles
    whole = visible_text(client.get("/es/dashboard").get_data(as_text=True))
    assert "Relación con las autoridades" in whole
    assert client.get("/es/dashboard?region=US-XX").status_code == 404


def test_a_region_brief_has_gaps_partners_contacts_and_a_map(client, directory):
    response = client.get("/es/regions/US-CA/brief")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    text = visible_text(html)
    assert "Resumen: California" in text
    assert "Cobertura de cada servicio" in text
    assert "Vacíos, y el aliado más probable para cada uno" in text
    assert not re.search(r":\s*$", text, re.MULTILINE)  # no line ends in a colon
    assert '<svg class="state-map"' in html
    assert '<path class="state" d="M' in html
    assert "<circle" in html  # Fresno's clinic
    assert "style=" not in html
    assert client.get("/es/regions/MX/brief").status_code == 404
    assert client.get("/es/regions/XX-YY/brief").status_code == 404


@pytest.fixture
def pair(app, client):
    insert(
        app,
        [
            organization_record(
                "seeker",
                "Club que Busca",
                22.77,
                -102.58,
                [("origin_development", ["MX-ZAC"])],
                seeking_mentor=True,
                support_needs=["funding"],
                paid_staff=0,
                volunteers=3,
                budget_band="none",
            ),
            organization_record(
                "helper",
                "Fundación que Ayuda",
                22.8,
                -102.6,
                [("origin_development", ["MX-ZAC"])],
                open_to_mentor=True,
                skills=["fundraising"],
                paid_staff=20,
                volunteers=5,
                budget_band="over_1m",
            ),
        ],
    )
    ids = {}
    for key in ("seeker", "helper"):
        ids[key] = organization_record(key, "x", 0, 0, [])["id"]
    return ids


def test_the_mentoring_page_and_api_suggest_mutual_matches(client, pair):
    page = client.get(f"/es/mentoring?organization={pair['seeker']}&role=mentee")
    assert page.status_code == 200
    text = visible_text(page.get_data(as_text=True))
    assert "Fundación que Ayuda" in text
    folded = text.lower()  # labels mid-sentence may be lower-cased
    assert "puede ayudar con financiamiento: procuración de fondos." in folded
    api = client.get(f"/api/v1/mentoring?organization={pair['helper']}&role=mentor")
    body = api.get_json()
    assert body["opted_in"] is True
    assert [item["organization"]["name"] for item in body["items"]] == [
        "Club que Busca"
    ]
    not_in = client.get(f"/api/v1/mentoring?organization={pair['seeker']}&role=mentor")
    assert not_in.get_json() == {
        "organization": pair["seeker"],
        "role": "mentor",
        "include_stale": False,
        "opted_in": False,
        "items": [],
    }
    frame = client.get(f"/es/mentoring/map?organization={pair['seeker']}&role=mentee")
    assert frame.status_code == 200


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("organization=abc&role=mentee", 400),
        ("organization=00000000-0000-0000-0000-000000000000&role=mentee", 404),
        ("organization=00000000-0000-0000-0000-000000000000&role=boss", 400),
    ],
)
def test_bad_mentoring_questions(client, query, status):
    assert client.get(f"/es/mentoring?{query}").status_code == status
    assert client.get(f"/api/v1/mentoring?{query}").status_code == status


def test_the_mentoring_page_finds_organizations_that_take_part(client, pair):
    text = visible_text(client.get("/es/mentoring?q=fundacion").get_data(as_text=True))
    assert "Fundación que Ayuda" in text
    assert "Grupos que Fundación que Ayuda podría acompañar" in text
    assert "Club que Busca" not in text


def test_ties_to_places_of_origin(client, directory):
    text = visible_text(client.get("/es/links").get_data(as_text=True))
    assert "Zacatecas" in text
    assert "Illinois (2)" in text  # the federation and the club in Chicago
    origin = client.get("/es/links?origin=MX-ZAC")
    names = visible_text(origin.get_data(as_text=True))
    assert "Federación Zacatecana de Illinois" in names
    assert "Club Jerez de Chicago" in names
    assert "Cooperativa Ñandú de Jerez" not in names  # it is in Zacatecas itself
    assert client.get("/es/links?origin=XX-YY").status_code == 404
    frame = client.get("/es/links/map")
    assert frame.status_code == 200
    assert "sandbox allow-scripts" in frame.headers["Content-Security-Policy"]
