"""What a finder result says: its country, its trust marks, how to reach it, and,
for a hidden address, only its state."""

import re

import pytest

from tests.factories import insert, organization_record
from tests.web.helpers import visible_text

TIJUANA_SHELTERS = "/{lang}/find?need=shelter&place=Tijuana"
NO_CONTACT = {"phone": None, "email": None, "website": None}


@pytest.fixture
def border(app, client):
    """Shelters on both sides of the border, one hidden, one with no contact."""
    records = [
        organization_record(
            "sd", "San Diego Shelter", 32.7157, -117.1611, [("shelter", ["US-CA"])]
        ),
        organization_record(
            "tj",
            "Casa Tijuana",
            32.52,
            -117.03,
            [("shelter", ["MX-BCN"])],
            verification_status="unverified",
            **NO_CONTACT,
        ),
        organization_record(
            "refugio",
            "Refugio Frontera",
            32.62,
            -115.45,  # Mexicali: its real place, never shown
            [("shelter", ["MX-BCN"])],
            location_confidential=True,
        ),
    ]
    insert(app, records)
    return {record["key"]: record["id"] for record in records}


def card(html, name):
    """Return the visible text of the result card of organization `name`."""
    for item in re.findall(
        r'<li class="result">(.*?)</li>\s*(?=<li class="result">|</ol>)', html, re.S
    ):
        if name in item:
            return visible_text(item)
    raise AssertionError(f"no card for {name}")


def test_a_result_across_the_border_says_its_country_in_spanish(client, border):
    html = client.get(TIJUANA_SHELTERS.format(lang="es")).get_data(as_text=True)
    assert "Al otro lado de la frontera, en Estados Unidos" in card(
        html, "San Diego Shelter"
    )
    assert "Al otro lado" not in card(html, "Casa Tijuana")
    assert "Al otro lado" not in card(html, "Refugio Frontera")


def test_a_result_across_the_border_says_its_country_in_english(client, border):
    html = client.get(TIJUANA_SHELTERS.format(lang="en")).get_data(as_text=True)
    assert "Across the border, in the United States" in card(html, "San Diego Shelter")


def test_the_profile_link_carries_the_searchers_country_and_the_profile_flags_it(
    client, border
):
    html = client.get(TIJUANA_SHELTERS.format(lang="es")).get_data(as_text=True)
    link = f"/es/organizations/{border['sd']}?country=MX"
    assert f'href="{link}"' in html
    profile = visible_text(client.get(link).get_data(as_text=True))
    assert "Al otro lado de la frontera, en Estados Unidos" in profile
    plain = visible_text(
        client.get(f"/es/organizations/{border['sd']}").get_data(as_text=True)
    )
    assert "Al otro lado" not in plain
    at_home = client.get(f"/es/organizations/{border['tj']}?country=MX")
    assert "Al otro lado" not in visible_text(at_home.get_data(as_text=True))


def test_each_card_shows_its_trust_marks(client, border):
    html = client.get(TIJUANA_SHELTERS.format(lang="es")).get_data(as_text=True)
    verified = card(html, "San Diego Shelter")
    assert "Verificada" in verified
    assert "Información revisada el" in verified
    assert "No hay forma de contacto" not in verified
    unverified = card(html, "Casa Tijuana")
    assert "Sin verificar" in unverified
    assert (
        "No hay forma de contacto: ni teléfono, ni correo, ni sitio web." in unverified
    )
    english = client.get(TIJUANA_SHELTERS.format(lang="en")).get_data(as_text=True)
    assert "No way to contact listed" in card(english, "Casa Tijuana")
    assert "Information checked on" in card(english, "San Diego Shelter")


def test_the_unreachable_listing_comes_last(client, border):
    text = visible_text(
        client.get(TIJUANA_SHELTERS.format(lang="es")).get_data(as_text=True)
    )
    order = [
        text.index(name)
        for name in ("Refugio Frontera", "San Diego Shelter", "Casa Tijuana")
    ]
    assert order == sorted(order)


def test_a_hidden_address_says_its_state_not_a_distance(client, border):
    html = client.get(TIJUANA_SHELTERS.format(lang="es")).get_data(as_text=True)
    hidden = card(html, "Refugio Frontera")
    assert "En Baja California; dirección por teléfono" in hidden
    assert " km" not in hidden.split("dirección por teléfono")[0]
    english = client.get(TIJUANA_SHELTERS.format(lang="en")).get_data(as_text=True)
    assert "In Baja California; address given by phone" in card(
        english, "Refugio Frontera"
    )
    assert "-115.45" not in html
    assert "32.62" not in html


def test_from_another_state_a_hidden_address_is_as_far_as_its_border(client, border):
    html = client.get("/en/find?need=shelter&place=San+Diego").get_data(as_text=True)
    hidden = card(html, "Refugio Frontera")
    assert re.search(r"In Baja California, \d+(\.\d)? (km|m) from its border", hidden)


def test_the_map_says_the_country_and_the_state_of_a_hidden_address(client, border):
    frame = client.get("/es/find/map?need=shelter&place=Tijuana").get_data(as_text=True)
    assert "Al otro lado de la frontera, en Estados Unidos" in frame
    assert "En Baja California; direcci" in frame
    assert frame.count("Al otro lado de la frontera") == 1


def test_a_state_search_says_in_the_state_not_0_m(client, border):
    text = visible_text(
        client.get("/en/find?need=shelter&region=MX-BCN").get_data(as_text=True)
    )
    assert "0 m" not in text
    assert "In Baja California" in text


def test_help_by_phone_from_across_the_border_says_its_country(app, client, border):
    hotline = organization_record(
        "line", "Línea Binacional", 32.7157, -117.1611, [("shelter", ["MX-BCN"])]
    )
    hotline["services"][0].update(by_phone=True, remote_only=True)
    insert(app, [hotline])
    html = client.get(TIJUANA_SHELTERS.format(lang="es")).get_data(as_text=True)
    remote = html.split("Por teléfono o en línea")[1]
    assert "Línea Binacional" in remote
    assert "Al otro lado de la frontera, en Estados Unidos" in visible_text(remote)
    assert f"/es/organizations/{hotline['id']}?country=MX" in remote
