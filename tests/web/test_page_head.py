"""What every page and map frame says about itself: icon, languages, description,
title and zoom; and focus rings people can see."""

import re

import pytest

from cso_map.config import PROJECT_ROOT

SITE_CSS = PROJECT_ROOT / "static" / "css" / "site.css"
PAGES = ("/es/", "/en/", "/es/organizations?service=legal_advice", "/en/gaps")
FRAMES = ("/es/map/frame", "/en/gaps/map?service=legal_advice")


def css_colour(name: str) -> str:
    """Return the value of the custom property `--name` in site.css."""
    return re.search(rf"--{name}:\s*(#[0-9a-fA-F]{{6}})", SITE_CSS.read_text())[1]


def luminance(colour: str) -> float:
    """Return the WCAG relative luminance of a #rrggbb colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """Return the WCAG contrast ratio of two colours."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_formula_gives_the_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#ffbf47", "#ffffff") == pytest.approx(
        1.64, abs=0.01
    )  # the old ring


@pytest.mark.parametrize(
    ("ring", "background", "ratio"),
    [
        ("focus", "paper", 5.02),
        ("focus", "tint", 4.67),
        ("focus-on-dark", "brand", 5.45),
    ],
)
def test_focus_rings_stand_out_three_to_one(ring, background, ratio):
    measured = contrast(css_colour(ring), css_colour(background))
    assert measured >= 3  # WCAG 1.4.11, non-text contrast
    assert measured == pytest.approx(ratio, abs=0.01)  # the figures in site.css


def test_favicon_is_a_small_icon_of_our_own(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.mimetype == "image/vnd.microsoft.icon"
    assert response.get_data()[:4] == b"\x00\x00\x01\x00"  # an ICO header
    assert len(response.get_data()) < 2_000
    response.close()
    svg = client.get("/static/favicon.svg")
    assert svg.mimetype == "image/svg+xml"
    assert b"http" not in svg.get_data().replace(b"http://www.w3.org/2000/svg", b"")
    svg.close()


def test_pages_link_the_icon_and_both_languages_by_absolute_address(client, directory):
    for url in PAGES:
        html = client.get(url).get_data(as_text=True)
        assert (
            '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
        )
        alternates = dict(re.findall(r'hreflang="(\w+)" href="([^"]+)"', html))
        path = url[4:].partition("?")[0]
        assert alternates["es"].startswith("http://localhost/es/" + path), url
        assert alternates["en"].startswith("http://localhost/en/" + path), url


def test_every_page_has_its_own_description_in_its_language(client, directory):
    descriptions = {}
    for url in PAGES:
        html = client.get(url).get_data(as_text=True)
        descriptions[url] = re.search(
            r'<meta name="description" content="([^"]+)"', html
        )[1]
        title = re.search(r"<title>([^<]+?) · CSO Map</title>", html)[1]
        assert descriptions[url].startswith(title.strip() + ". "), url
    assert "migrantes" in descriptions["/es/"]
    assert "migrants in Mexico" in descriptions["/en/"]
    assert len(set(descriptions.values())) == len(PAGES)


@pytest.mark.parametrize("url", FRAMES)
def test_map_frames_state_language_and_title_and_let_people_zoom(
    client, directory, url
):
    html = client.get(url).get_data(as_text=True)
    lang = url[1:3]
    assert html.startswith(f'<!DOCTYPE html>\n<html lang="{lang}">')
    assert re.search(r"<title>(Mapa|Map) · CSO Map</title>", html)
    viewport = re.search(r'<meta name="viewport" content="([^"]+)"', html)[1]
    assert "user-scalable" not in viewport
    assert "maximum-scale" not in viewport
    assert "width=device-width" in viewport
    assert '<main class="map-page">' in html
