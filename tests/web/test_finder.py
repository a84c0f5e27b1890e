"""The help finder's pages: plain GET forms, results, bad input, privacy, weight."""

import copy
import datetime as dt
import logging
import re
import uuid

import pytest

from cso_map.config import PROJECT_ROOT
from cso_map.services.records.seeding import insert_organizations
from tests.conftest import fixture_records
from tests.factories import insert, organization_record
from tests.web.helpers import visible_text

RESULTS_ES = "/es/find?need=necesito+un+abogado&place=Fresno"


def test_the_finder_offers_plain_choices_in_each_language(client):
    spanish = client.get("/es/find")
    assert spanish.status_code == 200
    text = visible_text(spanish.get_data(as_text=True))
    assert "¿Qué necesita?" in text
    assert "Necesito un abogado o ayuda con mis papeles" in text
    english = visible_text(client.get("/en/find").get_data(as_text=True))
    assert "I need a lawyer or help with my papers" in english
    html = spanish.get_data(as_text=True)
    assert re.search(r'<form class="finder" method="get" action="/es/find"', html)


def test_typed_words_and_a_town_give_the_nearest_help_in_spanish(client, directory):
    response = client.get(RESULTS_ES)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    text = visible_text(html)
    assert (
        "1 lugar de «Asesoría legal (migratoria)» cerca de Fresno, California" in text
    )
    assert "Centro Legal del Valle" in text
    assert "Llamar al +1 559 555 0101" in text
    assert 'href="tel:+15595550101"' in html
    assert "Qué llevar" not in text  # nothing to bring was listed
    directions = re.search(r'<a href="(https://www\.openstreetmap[^"]+)"([^>]*)>', html)
    assert directions
    assert "36.74000" in directions.group(1)
    assert "noreferrer" in directions.group(2)


def test_results_are_never_stored_and_set_no_cookie(client, directory):
    for url in ("/es/find", RESULTS_ES, "/es/find?need=legal_advice&lat=91&lon=0"):
        response = client.get(url)
        assert response.headers["Cache-Control"] == "no-store", url
        assert "Set-Cookie" not in response.headers, url


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("need=legal_advice&lat=91&lon=10", "de -90 a 90"),
        ("need=legal_advice&lat=10&lon=-181", "de -180 a 180"),
        ("need=legal_advice&lat=abc&lon=10", "Latitud"),
        ("need=legal_advice&lat=10", "la latitud y también la longitud"),
        ("need=legal_advice&place=Fresno&distance=7", "distancia"),
        ("need=legal_advice&region=XX-YY", "Elija un estado de la lista."),
        ("need=" + "a" * 201 + "&place=Fresno", "200"),
    ],
)
def test_bad_input_gets_400_with_the_reason_and_keeps_what_was_typed(
    client, query, message
):
    response = client.get(f"/es/find?{query}")
    assert response.status_code == 400
    text = visible_text(response.get_data(as_text=True))
    assert message in text
    assert "Corrija lo siguiente" in text or "corrija" in text.lower()


def test_an_unknown_place_is_not_an_error_and_suggests_close_names(client, directory):
    response = client.get("/es/find?need=legal_advice&place=Fresnoo")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "No encontramos ese lugar." in visible_text(html)
    assert 'href="/es/find?need=legal_advice&amp;place=Fresno,+California"' in html
    assert 'value="Fresnoo"' in html


def test_words_that_name_no_need_ask_for_a_choice(client, directory):
    response = client.get("/en/find?need=hello+there&place=Fresno")
    assert response.status_code == 200
    text = visible_text(response.get_data(as_text=True))
    assert "We did not understand what you need." in text


def test_a_second_meaning_and_a_namesake_place_are_offered(client, directory):
    html = client.get("/en/find?need=tuve+un+accidente+de+trabajo&place=Fresno")
    html = html.get_data(as_text=True)
    assert "Did you mean something else?" in html
    assert "need=employment" in html
    assert "place=Fresno,+Texas" in html


def test_nothing_near_says_so_kindly_and_widens(client, directory):
    response = client.get("/es/find?need=legal_advice&place=Queretaro&distance=10")
    assert response.status_code == 200
    text = visible_text(response.get_data(as_text=True))
    assert "No encontramos ningún lugar" in text
    assert "El más cercano está a" in text
    assert "Ver lugares a cualquier distancia" in text
    # Red Nacional's legal line is for all Mexico, so for Querétaro too.
    assert "Por teléfono o en línea, para Querétaro" in text
    assert "Red Nacional Ejemplo" in text


def test_a_hidden_address_never_reaches_any_finder_output(client, directory):
    pages = [
        "/es/find?need=womens_services&region=MX-CHH",
        "/es/find?need=womens_services&place=Ciudad+Juarez&distance=any",
        "/es/find/map?need=womens_services&place=Ciudad+Juarez&distance=any",
        f"/es/organizations/{directory['delta']}/card",
        "/api/v1/nearest?lat=31.7&lon=-106.4&service=womens_services",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.get_data(as_text=True)
        assert "Refugio Mariposa" in body, url
        assert "Calle Secreta" not in body, url
        assert "31.68" not in body, url
        assert "-106.44" not in body, url


def test_the_results_map_is_a_sandboxed_frame_with_escaped_names(app, client):
    record = copy.deepcopy(fixture_records()[2])
    record["name"] = '<img src=x onerror="alert(1)">${alert(2)}`'
    with app.app_context():
        insert_organizations([record], today=dt.date.today(), is_demo=False)
    response = client.get("/es/find/map?need=legal_advice&place=Fresno")
    assert response.status_code == 200
    assert "sandbox allow-scripts" in response.headers["Content-Security-Policy"]
    assert response.headers["Cache-Control"] == "no-store"
    html = response.get_data(as_text=True)
    assert "<img src=x" not in html
    assert "${alert(2)}" not in html
    page = client.get("/es/find?need=legal_advice&place=Fresno").get_data(as_text=True)
    assert "<img src=x" not in page
    assert "&lt;img src=x" in page


def test_a_card_to_share_or_print_has_no_tracking(client, directory):
    response = client.get(f"/en/organizations/{directory['bravo']}/card")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    link = f"http://localhost/en/organizations/{directory['bravo']}/card"
    assert f'<a href="{link}">{link}</a>' in html
    assert "utm_" not in html
    assert 'href="tel:+15595550101"' in html
    assert "card.js" in html
    assert client.get(f"/en/organizations/{uuid.uuid4()}/card").status_code == 404


def test_searches_leave_no_trace_in_any_log(client, directory, caplog):
    canary = "canary-finder-7731"
    caplog.set_level(logging.DEBUG)
    client.get(f"/es/find?need={canary}&place={canary}")
    client.get(f"/es/find?need=abogado+{canary}&place=Fresno")
    client.get(f"/es/find?need=legal_advice&lat={canary}&lon=1")
    client.get("/es/find?need=legal_advice&lat=36.74&lon=-119.78")
    assert canary not in caplog.text
    assert "36.74" not in caplog.text
    assert "127.0.0.1" not in caplog.text


def crowd_near_fresno(app, count):
    """Insert `count` legal-advice organizations around Fresno."""
    records = [
        organization_record(
            f"crowd{i}",
            f"Centro Comunitario Número {i} del Valle Central",
            36.74 + i * 0.01,
            -119.78,
            [("legal_advice", ["US-CA"])],
        )
        for i in range(count)
    ]
    for record in records:
        for service in record["services"]:
            service["application_process"] = "Traiga una identificación si la tiene."
    insert(app, records)


def test_twenty_results_weigh_under_100_kb_with_css_and_scripts(app, client):
    crowd_near_fresno(app, 30)
    response = client.get("/es/find?need=legal_advice&place=Fresno")
    html = response.get_data(as_text=True)
    assert html.count('<li class="result">') == 20
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', html)
    assert {"/static/css/site.css", "/static/js/near-me.js"} <= set(assets)
    total = len(html.encode())
    for asset in set(assets):
        total += (PROJECT_ROOT / asset.lstrip("/")).stat().st_size
    assert total < 100_000, total
