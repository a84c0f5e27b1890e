"""The home page's search box: a need leads to help, anything else to the directory."""

import re

import pytest


def help_form(html: str) -> str:
    """Return the form that asks where the person is, for the finder."""
    found = re.search(r'<form class="help-where".*?</form>', html, re.S)
    assert found, "no form asks where the person is"
    return found.group(0)


@pytest.mark.parametrize(
    ("lang", "words", "asked"),
    [
        ("es", "necesito un abogado", "Usted pidió: Necesito un abogado o ayuda"),
        ("es", "abogado", "Usted pidió: Necesito un abogado o ayuda"),
        ("es", "nesesito avogado", "Usted pidió: Necesito un abogado o ayuda"),
        ("en", "I need a lawyer", "You asked for: I need a lawyer or help"),
        ("en", "shelter", "You asked for: I need a place to sleep or food"),
    ],
)
def test_a_typed_need_asks_where_the_person_is_for_the_finder(
    client, directory, lang, words, asked
):
    response = client.get(f"/{lang}/", query_string={"q": words})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert asked in html
    form = help_form(html)
    assert f'action="/{lang}/find"' in form
    assert 'name="place"' in form
    assert 'name="region"' in form
    assert re.search(r'name="need" value="(legal_advice|shelter)"', form)


def test_the_need_panel_offers_the_directory_matches_too(client, directory):
    html = client.get("/es/?q=necesito+un+abogado").get_data(as_text=True)
    link = re.search(r'<a href="(/es/organizations\?[^"]+)">Ver las 3 organiz', html)
    assert link, "no link to the directory's three legal-advice organizations"
    listing = client.get(link.group(1).replace("&amp;", "&")).get_data(as_text=True)
    assert "3 organizaciones encontradas" in listing


def test_the_help_form_reaches_legal_advice_near_the_place(client, directory):
    html = client.get("/en/?q=lawyer").get_data(as_text=True)
    need = re.search(r'name="need" value="([a-z_]+)"', help_form(html)).group(1)
    results = client.get(
        "/en/find",
        query_string={
            "need": need,
            "place": "Fresno",
            "lat": "",
            "lon": "",
            "region": "",
        },
    ).get_data(as_text=True)
    assert "Centro Legal del Valle" in results
    assert "near Fresno, California" in results


def test_a_need_and_a_state_go_straight_to_the_finder(client, directory):
    response = client.get("/es/?q=abogado&service=&region=MX-ZAC")
    assert response.status_code == 302
    assert response.location == "/es/find?need=legal_advice&region=MX-ZAC"


def test_other_words_go_to_the_directory_with_the_same_filters(client, directory):
    response = client.get("/en/?q=nandu&service=&region=MX")
    assert response.status_code == 302
    assert response.location == "/en/organizations?q=nandu&region=MX"
    everything = client.get("/en/?q=&service=&region=")
    assert everything.location == "/en/organizations"


def test_a_search_that_finds_nothing_shows_the_ways_on(client, directory):
    response = client.get("/es/?q=zzzz")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "No encontramos ninguna organización para «zzzz»" in html
    assert 'class="button button-primary" href="/es/find"' in html
    assert 'href="/es/organizations"' in html
    assert 'action="/es/"' in html  # the search box, to try again


def test_a_bad_region_is_a_clear_400_in_the_page_language(client, directory):
    response = client.get("/es/?q=abogado&region=XX-NOPE")
    assert response.status_code == 400
    assert "La región «XX-NOPE» no existe" in response.get_data(as_text=True)


def test_the_home_page_puts_the_finder_first_and_searches_through_itself(
    client, directory
):
    html = client.get("/es/").get_data(as_text=True)
    assert html.index("¿Necesita ayuda?") < html.index("<h1>")
    assert 'class="button button-primary" href="/es/find"' in html
    assert re.search(r'<form class="search-box" method="get" action="/es/"', html)
    assert "Una organización, o lo que necesita" in html


def test_a_service_chosen_from_the_list_searches_the_directory(client, directory):
    response = client.get("/es/?q=clinic&service=legal_advice&region=")
    assert response.location == "/es/organizations?q=clinic&service=legal_advice"
