"""A person types a place as people write it into the finder and is understood.

On a phone in Spanish and at a desk in English: a town's bare name is the big,
well-known one, a state's usual abbreviation is the state, a postal code is its
town; the results say which place was understood.
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

SHOTS = Path("/tmp/shots")
SCREENS = {
    "es": {
        "size": {"width": 360, "height": 740},
        "locale": "es-MX",
        "need": "Necesito un abogado o ayuda con mis papeles",
        "place": "Pueblo, ciudad o estado",
        "search": "Buscar",
        "near": "cerca de",
    },
    "en": {
        "size": {"width": 1366, "height": 900},
        "locale": "en-US",
        "need": "I need a lawyer or help with my papers",
        "place": "Town, city or state",
        "search": "Search",
        "near": "near",
    },
}


@pytest.fixture(params=["es", "en"])
def screen(request, browser, live_server):
    """Yield (page, words of its language): a phone in Spanish, a desk in English."""
    words = SCREENS[request.param]
    context = browser.new_context(locale=words["locale"], viewport=words["size"])
    page = context.new_page()
    page.goto(f"{live_server}/{request.param}/find")
    yield page, words, request.param
    context.close()


@pytest.mark.parametrize(
    ("typed", "understood"),
    [
        ("El Paso", {"es": "El Paso, Texas", "en": "El Paso, Texas"}),
        (
            "Matamoros",
            {
                "es": "Heroica Matamoros, Tamaulipas",
                "en": "Heroica Matamoros, Tamaulipas",
            },
        ),
        ("CDMX", {"es": "Ciudad de México", "en": "Mexico City"}),
        (
            "32000",
            {
                "es": "Ciudad Juárez, Chihuahua (C.P. 32000)",
                "en": "Ciudad Juárez, Chihuahua (postal code 32000)",
            },
        ),
        (
            "93701",
            {
                "es": "Fresno, California (código ZIP 93701)",
                "en": "Fresno, California (ZIP code 93701)",
            },
        ),
    ],
)
def test_a_typed_place_is_the_one_people_mean(screen, typed, understood):
    page, words, lang = screen
    page.get_by_role("radio", name=words["need"]).click()
    place = page.get_by_label(words["place"])
    place.click()
    place.press_sequentially(typed)
    page.get_by_role("button", name=words["search"], exact=True).click()
    title = page.locator("#results-title")
    expect(title).to_contain_text(f"{words['near']} {understood[lang]}")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    SHOTS.mkdir(exist_ok=True)
    name = typed.replace(" ", "-").lower()
    page.screenshot(path=str(SHOTS / f"places-{lang}-{name}.png"), full_page=False)


def test_a_town_in_a_state_written_short_is_the_one_in_that_state(screen):
    page, words, _lang = screen
    page.get_by_role("radio", name=words["need"]).click()
    page.get_by_label(words["place"]).fill("Matamoros, Coah.")
    page.get_by_label(words["place"]).press("Enter")
    expect(page.locator("#results-title")).to_contain_text(
        f"{words['near']} Matamoros, Coahuila"
    )
