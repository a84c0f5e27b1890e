"""A migrant looks for help from the home page, as a person does: a lawyer from
El Paso (clicking) and a bed from Tijuana (keyboard alone); each opens a result,
sees how to call and how to get there, and leaves by the exit control.

Each journey runs on a phone in Spanish (360 px, an Android browser) and at a desk
in English (1366 px). Only the home page is opened by its address.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.test_journey_accessibility import ANDROID, EXIT_URL
from tests.e2e.test_journey_finder import card, fits_the_screen, tab_to
from tests.factories import insert, organization_record

pytestmark = pytest.mark.e2e

SHOTS = Path("/tmp/shots")
SCREENS = {
    "es": {
        "size": {"width": 360, "height": 740},
        "locale": "es-MX",
        "user_agent": ANDROID,
        "find": "Encuentre ayuda cerca de usted",
        "lawyer": "Necesito un abogado o ayuda con mis papeles",
        "place": "Pueblo, ciudad o estado",
        "search": "Buscar",
        "near": "cerca de",
        "across": "Al otro lado de la frontera, en México",
        "call": "Llamar al",
        "directions": "Cómo llegar",
        "exit": "Salir de esta página",
    },
    "en": {
        "size": {"width": 1366, "height": 900},
        "locale": "en-US",
        "user_agent": None,
        "find": "Find help near you",
        "lawyer": "I need a lawyer or help with my papers",
        "place": "Town, city or state",
        "search": "Search",
        "near": "near",
        "across": "Across the border, in Mexico",
        "call": "Call",
        "directions": "Directions",
        "exit": "Exit this page",
    },
}
EL_PASO_LAWYERS = "Defensoría Fronteriza Ejemplo"
EL_PASO_PHONE = "+1 915 555 0142"
JUAREZ_LAWYERS = "Abogados del Bravo Ejemplo"
TIJUANA_BEDS = "Casa de Paso Ejemplo"


def located(record: dict, address: str, city: str, state: str, country: str) -> dict:
    """Return `record` with its one place given this address (and none of the
    Fresno clinic's texts it was copied from)."""
    for service in record["services"]:
        service.pop("name_translation", None)
        service.pop("eligibility_notes_translation", None)
    record.update(email=None, website=None)
    record["locations"][0].update(
        address_1=address,
        city=city,
        state_province=state,
        postal_code=None,
        country=country,
    )
    return record


@pytest.fixture
def border_help(app, live_server):
    """Lawyers in El Paso and across the river in Ciudad Juárez, a shelter in
    Tijuana and one in San Diego (all fictional)."""
    insert(
        app,
        [
            located(
                organization_record(
                    "ep-lawyers",
                    EL_PASO_LAWYERS,
                    31.7700,
                    -106.4500,
                    [("legal_advice", ["US-TX"])],
                    phone=EL_PASO_PHONE,
                ),
                "200 Oregon St",
                "El Paso",
                "TX",
                "US",
            ),
            located(
                organization_record(
                    "cj-lawyers",
                    JUAREZ_LAWYERS,
                    31.7000,
                    -106.4300,
                    [("legal_advice", ["MX-CHH"])],
                    phone="+52 656 555 0199",
                ),
                "Av. 16 de Septiembre 100",
                "Ciudad Juárez",
                "Chih.",
                "MX",
            ),
            located(
                organization_record(
                    "tj-beds",
                    TIJUANA_BEDS,
                    32.5200,
                    -117.0300,
                    [("shelter", ["MX-BCN"])],
                    phone="+52 664 555 0123",
                ),
                "Calle Segunda 300",
                "Tijuana",
                "B.C.",
                "MX",
            ),
            located(
                organization_record(
                    "sd-beds",
                    "Albergue Costa Ejemplo",
                    32.7157,
                    -117.1611,
                    [("shelter", ["US-CA"])],
                ),
                "10 Harbor Dr",
                "San Diego",
                "CA",
                "US",
            ),
        ],
    )
    return live_server


@pytest.fixture(params=["es", "en"])
def screen(request, browser, border_help):
    """Yield (page, words of its language, language) on the home page: a phone
    in Spanish, a desk in English; the exit's neutral site answers locally."""
    words = SCREENS[request.param]
    context = browser.new_context(
        locale=words["locale"], viewport=words["size"], user_agent=words["user_agent"]
    )
    exits = []

    def neutral_site(route):
        exits.append(route.request.headers)
        route.fulfill(body="neutral page")

    context.route(EXIT_URL + "**", neutral_site)
    page = context.new_page()
    page.exits = exits
    page.goto(f"{border_help}/{request.param}/")
    yield page, words, request.param
    context.close()


def shoot(page, name: str) -> None:
    """Save a screenshot of the whole page to /tmp/shots/journey-`name`.png."""
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"journey-{name}.png"), full_page=True)


def left_without_a_trace(page, left_from: str) -> None:
    """Check the exit landed on the neutral site, told it nothing of this one, and
    took the page it left from out of the history."""
    assert page.url == EXIT_URL
    assert [headers.get("referer") for headers in page.exits] == [None]
    assert page.context.cookies() == []
    page.go_back()
    assert page.url != left_from


def test_a_lawyer_from_el_paso_by_clicking(screen):
    page, words, lang = screen
    page.locator(".help-first").get_by_role("link", name=words["find"]).click()
    page.get_by_role("radio", name=words["lawyer"]).click()
    page.get_by_label(words["place"]).click()
    page.keyboard.type("El Paso")
    page.get_by_role("button", name=words["search"], exact=True).click()

    expect(page.locator("#results-title")).to_contain_text(
        f"{words['near']} El Paso, Texas"
    )
    first = page.locator(".result").first
    expect(first.locator("h3")).to_have_text(EL_PASO_LAWYERS)
    expect(first.locator("address")).to_contain_text("El Paso")
    expect(first).not_to_contain_text(words["across"])
    expect(card(page, JUAREZ_LAWYERS)).to_contain_text(words["across"])
    call = first.get_by_role("link", name=f"{words['call']} {EL_PASO_PHONE}")
    expect(call).to_have_attribute("href", "tel:+19155550142")
    point = "31.77000,-106.45000"
    directions = first.get_by_role("link", name=words["directions"])
    if words["user_agent"] == ANDROID:  # the phone's maps app, by a geo: address
        expect(directions).to_have_attribute(
            "href", re.compile("^" + re.escape(f"intent:{point}?q={point}#Intent;"))
        )
        assert "scheme=geo;" in directions.get_attribute("href")
    else:
        expect(directions).to_have_attribute(
            "href",
            "https://www.openstreetmap.org/directions?route=%3B"
            + point.replace(",", "%2C"),
        )
    assert fits_the_screen(page, words["size"]["width"])
    shoot(page, f"el-paso-results-{lang}")

    first.get_by_role("link", name=EL_PASO_LAWYERS).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(EL_PASO_LAWYERS)
    expect(page.locator(".profile header")).not_to_contain_text(words["across"])
    phone = page.locator(".contact").get_by_role("link", name=EL_PASO_PHONE)
    expect(phone).to_have_attribute("href", "tel:+19155550142")
    assert fits_the_screen(page, words["size"]["width"])
    shoot(page, f"el-paso-profile-{lang}")

    profile_url = page.url
    with page.expect_navigation():
        page.get_by_role("link", name=words["exit"]).click()
    left_without_a_trace(page, profile_url)


def test_a_bed_from_tijuana_by_keyboard_alone(screen):
    page, words, lang = screen
    tab_to(page, "a", words["find"])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "input[name=need][type=radio]")  # Tab enters the group
    for _ in range(20):
        if page.evaluate("document.activeElement.value") == "shelter":
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    expect(page.locator("input[name=need][value=shelter]")).to_be_checked()
    tab_to(page, "#place")
    page.keyboard.type("Tijuana")
    tab_to(page, "button[type=submit]", words["search"])
    with page.expect_navigation():
        page.keyboard.press("Enter")

    expect(page.locator("#results-title")).to_contain_text(
        f"{words['near']} Tijuana, Baja California"
    )
    expect(page.locator(".result h3").first).to_have_text(TIJUANA_BEDS)
    shoot(page, f"tijuana-results-{lang}")

    tab_to(page, ".result h3 a", TIJUANA_BEDS)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(TIJUANA_BEDS)
    phone = page.locator(".contact").get_by_role("link", name="+52 664 555 0123")
    expect(phone).to_have_attribute("href", "tel:+526645550123")
    assert fits_the_screen(page, words["size"]["width"])
    shoot(page, f"tijuana-profile-{lang}")

    profile_url = page.url
    with page.expect_navigation():
        page.keyboard.press("Escape")
    left_without_a_trace(page, profile_url)
