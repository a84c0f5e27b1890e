"""Map and gap pages, their sandboxed frames, the CSV and the export command."""

import csv
import io

import pytest

from tests.web.helpers import visible_text

FRAMES = [
    "/es/map/frame",
    "/es/map/frame?region=US-CA&service=legal_advice",
    "/es/gaps/map?service=legal_advice",
    "/en/gaps/map?service=womens_services&language=spa&include_stale=1",
]


@pytest.mark.parametrize("url", FRAMES)
def test_map_frames_are_sandboxed_documents_only_we_may_frame(client, directory, url):
    response = client.get(url)
    assert response.status_code == 200
    policy = response.headers["Content-Security-Policy"]
    assert policy.startswith("sandbox allow-scripts")
    assert "allow-same-origin" not in policy
    assert "frame-ancestors 'self'" in policy
    assert "connect-src 'self'" in policy
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "Set-Cookie" not in response.headers


def test_pages_embed_maps_in_sandboxed_iframes(client, directory):
    for url in ("/es/map", "/es/gaps?service=legal_advice"):
        html = client.get(url).get_data(as_text=True)
        assert 'sandbox="allow-scripts allow-top-navigation-by-user-activation"' in html
        assert "allow-same-origin" not in html


def test_the_directory_map_page_stays_small_and_fetches_its_points(client, directory):
    html = client.get("/es/map/frame?service=legal_advice").get_data(as_text=True)
    assert "/api/v1/organizations?format=points&amp;service=legal_advice" not in html
    assert "/api/v1/organizations?format=points\\u0026service=legal_advice" in html
    assert "/vendor/leaflet/leaflet.js" in html
    assert "/static/js/points-layer.js" in html
    assert len(html) < 20_000


def test_tiles_follow_the_setting(app, client, directory):
    assert "tile.openstreetmap.org" in client.get("/es/map/frame").get_data(True)
    app.config["TILES"] = "none"
    try:
        response = client.get("/es/map/frame")
        assert "tileLayer" not in response.get_data(as_text=True)
        assert "openstreetmap" not in response.headers["Content-Security-Policy"]
    finally:
        app.config["TILES"] = "osm"


def test_leaflet_is_served_by_the_app(client):
    with client.get("/vendor/leaflet/leaflet.js") as response:
        assert response.status_code == 200
        assert b"Leaflet" in response.data[:400]
    assert client.get("/vendor/leaflet/../../etc/passwd").status_code == 404


def test_the_api_may_be_read_from_a_sandboxed_map(client, directory):
    response = client.get("/api/v1/organizations?format=points")
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response.headers


def test_the_gaps_page_asks_first_then_shows_map_and_table(client, directory):
    empty = client.get("/es/gaps")
    assert empty.status_code == 200
    assert "<iframe" not in empty.get_data(as_text=True)
    page = client.get("/es/gaps?service=legal_advice&language=mix")
    text = visible_text(page.get_data(as_text=True))
    assert "Vacíos de cobertura: Asesoría legal (migratoria)" in text
    assert "se ofrece, pero no en este idioma" in text  # Illinois: Spanish only
    rows = text[text.index("Estados por necesidad no atendida") :]
    assert rows.index("California") > rows.index("Texas")  # gap before served


@pytest.mark.parametrize(
    "query", ["service=nope", "service=legal_advice&language=zz", "language=spa"]
)
def test_bad_gap_questions_are_400s_that_keep_the_form(client, query):
    response = client.get(f"/es/gaps?{query}")
    assert response.status_code == 400
    assert 'role="alert"' in response.get_data(as_text=True)
    assert client.get(f"/es/gaps/map?{query}").status_code == 400
    assert client.get(f"/es/gaps.csv?{query}").status_code == 400


def test_the_csv_lists_every_state_by_unmet_need(client, directory):
    response = client.get("/en/gaps.csv?service=legal_advice")
    assert response.mimetype == "text/csv"
    assert "gaps-legal_advice.csv" in response.headers["Content-Disposition"]
    rows = list(
        csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff")))
    )
    assert rows[0][:3] == ["Region code", "Region", "Providers"]
    assert len(rows) == 81
    assert rows[0][3:5] == [
        "Providers not reporting capacity",
        "Also by phone or online",
    ]
    statuses = [row[8] for row in rows[1:]]
    order = ["gap", "underserved", "served", "no_data"]
    assert statuses == sorted(statuses, key=order.index)
    california = next(row for row in rows if row[0] == "US-CA")
    assert california[2] == "1"


def test_csv_cells_cannot_become_formulas():
    from cso_map.services.exchange.csv_text import csv_text

    text = csv_text(["a"], [["=HYPERLINK(1)"], ["+1"], ["-x"], ["@SUM"], [-3], ["ok"]])
    values = [row[0] for row in csv.reader(io.StringIO(text.lstrip("\ufeff")))]
    assert values == ["a", "'=HYPERLINK(1)", "'+1", "'-x", "'@SUM", "-3", "ok"]


def test_a_state_page_has_a_coverage_table_and_a_map_on_request(client, directory):
    html = client.get("/es/regions/US-IL").get_data(as_text=True)
    assert "Cobertura de cada servicio" in html
    assert 'data-load-map="/es/map/frame?region=US-IL"' in html
    assert "<iframe" not in html  # the map loads only when asked for
    country = client.get("/es/regions/MX").get_data(as_text=True)
    assert "Cobertura de cada servicio" not in country


def test_export_map_writes_a_file_that_opens_offline(runner, directory, tmp_path):
    out = tmp_path / "gaps.html"
    result = runner.invoke(
        args=["export-map", "gaps", "--service", "legal_advice", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<script src=" not in html
    assert "L.map(" in html
    assert "Centro Legal del Valle" in html  # provider names travel inline
    directory_file = tmp_path / "map.html"
    result = runner.invoke(
        args=["export-map", "directory", "--lang", "en", "--out", str(directory_file)]
    )
    assert result.exit_code == 0, result.output


def test_export_map_refuses_a_bad_question(runner, tmp_path):
    result = runner.invoke(
        args=["export-map", "gaps", "--service", "nope", "--out", str(tmp_path / "x")]
    )
    assert result.exit_code == 2
    assert "nope" in result.output
