"""Bad input gets a clear answer in the visitor's language; GET never writes."""

import pytest
from sqlalchemy import func, select

from cso_map import create_app
from cso_map.config import settings_for_tests
from cso_map.extensions import db
from cso_map.models import Base

UNKNOWN_ID = "00000000-0000-4000-8000-000000000000"


@pytest.mark.parametrize(
    ("url", "title"),
    [
        (
            "/es/organizations/00000000-0000-4000-8000-000000000000",
            "No encontramos esta página",
        ),
        ("/es/organizations/not-a-uuid", "No encontramos esta página"),
        ("/es/regions/XX-YY", "No encontramos esta página"),
        ("/es/regions/" + "Z" * 300, "No encontramos esta página"),
        ("/en/regions/MX-XXX", "Page not found"),
        ("/fr/organizations", None),
    ],
)
def test_unknown_things_are_404_pages_in_the_visitors_language(client, url, title):
    response = client.get(url, headers={"Accept-Language": "es"})
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    if title:
        assert title in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "query",
    [
        "service=nope",
        "page=-1",
        "page=abc",
        "page=0",
        "q=" + "a" * 5000,
        "region=Atlantis",
        "language=xx",
        "type=bank",
        "target_group=cats",
    ],
)
def test_invalid_filters_are_400_pages_with_a_reason(client, query):
    response = client.get(f"/en/organizations?{query}")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    summary = html.split('class="error-summary"')[1].split("</div>")[0]
    assert "Please correct the following:" in summary
    assert summary.count("<li>") == 1


def test_a_page_past_the_end_is_not_an_error(client, directory):
    response = client.get("/en/organizations?page=500")
    assert response.status_code == 200
    assert "past the end of the results" in response.get_data(as_text=True)


@pytest.mark.parametrize("url", ["/es/organizations", "/api/v1/organizations", "/es/"])
def test_state_changing_methods_are_refused(client, url):
    for method in ("post", "put", "delete"):
        response = getattr(client, method)(url)
        assert response.status_code == 405
        assert "GET" in response.headers["Allow"]


def row_counts() -> dict[str, int]:
    return {
        table.name: db.session.scalar(select(func.count()).select_from(table))
        for table in Base.metadata.sorted_tables
    }


def test_nothing_is_written_on_get(app, client, directory):
    with app.app_context():
        before = row_counts()
        stamps = db.session.execute(
            select(func.max(Base.metadata.tables["organizations"].c.updated_at))
        ).scalar()
    urls = [
        "/es/",
        "/en/organizations?q=legal",
        "/api/v1/organizations",
        "/es/regions/MX-ZAC",
        f"/es/organizations/{directory['alpha']}",
        "/api/v1/taxonomy",
        "/es/organizations?service=x",
    ]
    for url in urls:
        client.get(url)
    with app.app_context():
        assert row_counts() == before
        assert (
            db.session.execute(
                select(func.max(Base.metadata.tables["organizations"].c.updated_at))
            ).scalar()
            == stamps
        )


@pytest.mark.parametrize(
    "url",
    [
        "/hsds/services?search=%00",  # PostgreSQL cannot compare it: once a 500
        "/api/v1/organizations?q=a%00b",
        "/es/regions/MX%00",
        "/es/organizations?q=%00",
    ],
)
def test_a_nul_character_gets_400_with_the_reason(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "NUL" in response.get_data(as_text=True)


def test_a_nul_character_in_a_form_field_gets_400(client):
    response = client.post(
        "/en/login",
        data={"email": "a\x00@example.org", "password": "x" * 12},
        headers={"Origin": "http://localhost"},
    )
    assert response.status_code == 400
    assert "NUL" in response.get_data(as_text=True)


def test_an_untrusted_host_gets_400(client):
    response = client.get("/es/", headers={"Host": "evil.example"})
    assert response.status_code == 400


def test_an_unexpected_error_shows_an_incident_id_and_no_traceback(
    database_url, caplog
):
    app = create_app(
        {**settings_for_tests(database_url), "PROPAGATE_EXCEPTIONS": False}
    )

    @app.get("/es/boom")
    def boom():
        raise RuntimeError("secret detail")

    response = app.test_client().get("/es/boom")
    html = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Algo falló de nuestro lado" in html
    assert "secret detail" not in html
    assert "Traceback" not in html
    incident = html.split("referencia: ")[1].split("<")[0]
    assert incident in caplog.text
    assert "secret detail" in caplog.text
    api = app.test_client().get("/api/v1/boom")
    assert api.status_code == 404
    with app.app_context():
        db.engine.dispose()
