"""A profile hands directions to each public place, never to a hidden address."""

import pytest


@pytest.mark.parametrize(
    ("lang", "label"), [("en", "Directions"), ("es", "Cómo llegar")]
)
def test_a_public_place_offers_directions_to_its_point(client, directory, lang, label):
    page = client.get(f"/{lang}/organizations/{directory['bravo']}").get_data(
        as_text=True
    )
    # Centro Legal del Valle, 100 Main St, Fresno (36.74, -119.78 in the fixture)
    assert 'data-directions="36.74000,-119.78000"' in page
    assert "openstreetmap.org/directions?route=%3B36.74000%2C-119.78000" in page
    assert f">{label}</a>" in page


def test_a_hidden_address_offers_no_directions(client, directory):
    page = client.get(f"/en/organizations/{directory['delta']}").get_data(as_text=True)
    assert "data-directions" not in page
