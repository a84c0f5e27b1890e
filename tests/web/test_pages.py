"""Every page renders in both languages, fully translated, with what it promises."""

import re

import pytest
from babel.messages.pofile import read_po

from cso_map.config import PROJECT_ROOT
from cso_map.taxonomy import VOCABULARIES
from tests.conftest import load_fixture_directory
from tests.web.helpers import visible_text

CATALOG = PROJECT_ROOT / "translations" / "es" / "LC_MESSAGES" / "messages.po"


def page_urls(lang: str, directory: dict) -> list[str]:
    urls = [
        f"/{lang}/",
        f"/{lang}/organizations",
        f"/{lang}/organizations?service=legal_advice&region=MX",
        f"/{lang}/organizations?q=zzzz",
        f"/{lang}/organizations?page=99",
        f"/{lang}/regions",
        f"/{lang}/regions/MX-ZAC",
        f"/{lang}/regions/US",
        f"/{lang}/regions/MX-CAM",
        f"/{lang}/regions/US-CA",
        f"/{lang}/map",
        f"/{lang}/map?service=legal_advice&region=MX",
        f"/{lang}/gaps",
        f"/{lang}/gaps?service=legal_advice&language=mix",
        f"/{lang}/gaps?service=womens_services&target_group=women&include_stale=1",
    ]
    listed = ("alpha", "bravo", "charlie", "delta", "echo", "hotel", "india")
    return urls + [f"/{lang}/organizations/{directory[key]}" for key in listed]


def english_only_phrases() -> set[str]:
    """Return UI phrases whose Spanish differs: catalog entries and taxonomy labels."""
    with CATALOG.open("rb") as handle:
        catalog = read_po(handle)
    phrases = set()
    for message in catalog:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = (
            message.string if isinstance(message.string, tuple) else (message.string,)
        )
        for english, spanish in zip(ids, strings, strict=False):
            if english and english != spanish:
                phrases.update(
                    chunk
                    for chunk in re.split(r"%\(\w+\)s", english)
                    if len(chunk) >= 12
                )
    for vocabulary in VOCABULARIES.values():
        phrases.update(
            t.en for t in vocabulary.terms if t.en != t.es and len(t.en) >= 12
        )
    return phrases


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_page_renders_in_its_language(client, directory, lang):
    for url in page_urls(lang, directory):
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'<html lang="{lang}">' in response.get_data(as_text=True), url


def test_no_english_is_left_on_spanish_pages(client, directory):
    phrases = english_only_phrases()
    assert len(phrases) > 100
    leftovers = {}
    extra = ["/es/organizations?service=nope", "/es/nowhere"]
    for url in [*page_urls("es", directory), *extra]:
        text = visible_text(client.get(url).get_data(as_text=True))
        found = sorted(phrase for phrase in phrases if phrase in text)
        if found:
            leftovers[url] = found
    assert leftovers == {}


def test_no_english_is_left_in_spanish_maps(client, directory):
    phrases = english_only_phrases()
    for url in ("/es/map/frame", "/es/gaps/map?service=legal_advice"):
        html = client.get(url).get_data(as_text=True)
        words = re.sub(r"/[\w/.?=&-]*organizations[\w/.?=&-]*", "", html)  # URLs
        assert sorted(phrase for phrase in phrases if phrase in words) == [], url
    assert "Plazas al mes por cada 1000" in html


def test_the_checker_would_notice_english_on_a_spanish_page():
    assert "Directory of organizations" in english_only_phrases()


def test_root_redirects_by_accept_language_and_varies_on_it(client):
    assert (
        client.get("/", headers={"Accept-Language": "en-US,en;q=0.8"}).location
        == "/en/"
    )
    assert client.get("/", headers={"Accept-Language": "es-MX"}).location == "/es/"
    response = client.get("/", headers={"Accept-Language": "fr"})
    assert response.status_code == 302
    assert response.location == "/es/"  # DEFAULT_LANGUAGE
    assert "Accept-Language" in response.headers["Vary"]


def test_the_language_switch_keeps_the_page_and_its_filters(client, directory):
    html = client.get("/es/organizations?service=legal_advice&region=MX").get_data(
        as_text=True
    )
    assert 'href="/en/organizations?service=legal_advice&amp;region=MX"' in html
    assert 'hreflang="en"' in html


def test_the_directory_lists_results_with_count_and_keeps_filters_in_links(
    client, directory
):
    html = client.get("/en/organizations?service=legal_advice").get_data(as_text=True)
    assert "3 organizations found" in html
    for name in (
        "Centro Legal del Valle",
        "Red Nacional Ejemplo",
        "Federación Zacatecana de Illinois",
    ):
        assert name in html
    assert "Club Jerez de Chicago" not in html
    assert '<option selected value="legal_advice">' in html


def test_invalid_filters_answer_400_and_keep_what_was_typed(client, directory):
    response = client.get("/es/organizations?q=abogado&service=nope&page=abc")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'value="abogado"' in html
    assert "El código «nope» no existe" in html
    assert 'aria-invalid="true"' in html
    assert '="None"' not in html


def test_a_profile_shows_services_eligibility_links_and_origins(client, directory):
    html = client.get(f"/en/organizations/{directory['alpha']}").get_data(as_text=True)
    assert "Club Jerez de Chicago" in html
    assert "Proyectos en Jerez" in html
    assert "Federación Zacatecana de Illinois" in html  # its federation
    assert "Jerez" in html
    assert "Zacatecas" in html
    assert "Mexico" in html
    assert "Looking for a mentor organization" in html
    federation = client.get(f"/es/organizations/{directory['india']}").get_data(
        as_text=True
    )
    assert "Club Jerez de Chicago" in federation  # its member club
    shelter = client.get(f"/es/organizations/{directory['charlie']}").get_data(
        as_text=True
    )
    for words in (
        "Gratis",
        "No se piden papeles",
        "Sin cita previa",
        "Criollo haitiano",
        "Todos los días: abierto las 24 horas",
    ):
        assert words in shelter
    clinic = client.get(f"/es/organizations/{directory['bravo']}")
    assert "lunes a viernes: 9:00–17:00" in clinic.get_data(as_text=True)
    assert "sábado: 10:00–13:00" in clinic.get_data(as_text=True)


def test_a_confidential_organization_shows_its_region_but_never_its_address(
    client, directory
):
    html = client.get(f"/es/organizations/{directory['delta']}").get_data(as_text=True)
    assert "no publica su dirección" in html
    assert "Chihuahua" in html
    assert "Llame a la línea de ayuda." in html
    for secret in ("Calle Secreta", "742", "Ciudad Juárez", "31.68", "-106.44"):
        assert secret not in html


def test_stale_and_fictional_profiles_say_so(app, client):
    load_fixture_directory(app, is_demo=True)
    html = client.get("/en/organizations?q=nandu").get_data(as_text=True)
    assert "Fictional" in html
    link = re.search(r'href="(/en/organizations/[0-9a-f-]{36})"', html).group(1)
    profile = client.get(link).get_data(as_text=True)
    assert "This organization is fictional" in profile
    assert "has not been checked for more than a year" in profile
    home = client.get("/es/").get_data(as_text=True)
    assert "las organizaciones que se muestran son ficticias" in home


def test_a_region_page_shows_indicators_services_and_organizations(client, directory):
    html = client.get("/en/regions/MX-ZAC").get_data(as_text=True)
    assert "Zacatecas" in html
    assert "MX-ZAC" in html
    assert "Illustrative figures for the demo" in html
    assert "4 organizations present" in html
    assert re.search(r"Legal advice \(immigration\)</a>\s*</th>\s*<td>1</td>", html)
    no_data = client.get("/es/regions/MX-CAM").get_data(as_text=True)
    assert "Todavía no hay cifras de población" in no_data
    country = client.get("/es/regions/mx").get_data(as_text=True)
    assert "Zacatecas" in country
    assert "Estados" in country


def test_home_page_speaks_to_each_user_and_counts_the_directory(client, directory):
    html = client.get("/en/").get_data(as_text=True)
    for words in (
        "If you are looking for help",
        "local or regional authority",
        "part of an organization",
    ):
        assert words in html
    assert re.search(r"<strong>7</strong>\s*organizations", html)
