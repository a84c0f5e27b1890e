"""A migrant in Tijuana looks for a bed: sees which help is across the border, how
far to trust each listing, and opens one; on a phone in Spanish and, by keyboard
alone, at a desk in English."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.factories import insert, organization_record

pytestmark = pytest.mark.e2e

SHOTS = Path("/tmp/shots")
MAX_TABS = 80


@pytest.fixture
def border_shelters(app, live_server):
    """A verified shelter in San Diego (28 km from Tijuana, in the United States),
    an unverified one in Tijuana with no way to contact it, and a hidden one."""
    insert(
        app,
        [
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
                phone=None,
                email=None,
                website=None,
            ),
            organization_record(
                "hidden",
                "Refugio Frontera",
                32.62,
                -115.45,
                [("shelter", ["MX-BCN"])],
                location_confidential=True,
            ),
        ],
    )
    return live_server


def open_page(browser, width, locale):
    """Return a fresh page of `width` px in a context with `locale`."""
    context = browser.new_context(
        locale=locale, viewport={"width": width, "height": 800}
    )
    return context.new_page()


def card(page, name):
    """Return the result card of organization `name`."""
    return page.locator(".result").filter(has_text=name)


def tab_to(page, selector, text=None):
    """Press Tab until an element matching `selector` (and saying `text`) has the
    focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(
            "([selector, text]) => { const el = document.activeElement;"
            " return el.matches(selector)"
            " && (text === null || el.textContent.trim() === text); }",
            [selector, text],
        ):
            return
    raise AssertionError(f"Tab never reached {selector} {text or ''}")


def fits_the_screen(page, width):
    """Return whether the page scrolls sideways at `width` px."""
    return page.evaluate("document.documentElement.scrollWidth") <= width


def test_on_a_phone_in_spanish_the_border_and_trust_are_plain(browser, border_shelters):
    page = open_page(browser, 360, "es-MX")
    page.goto(border_shelters + "/es/find")
    page.get_by_label("Necesito un lugar donde dormir o comida").check()
    page.get_by_label("Pueblo, ciudad o estado").fill("Tijuana")
    page.get_by_role("button", name="Buscar", exact=True).click()
    expect(page.locator("#results-title")).to_contain_text("Tijuana, Baja California")

    san_diego = card(page, "San Diego Shelter")
    expect(san_diego).to_contain_text("Al otro lado de la frontera, en Estados Unidos")
    expect(san_diego).to_contain_text("Verificada")
    expect(san_diego).to_contain_text("Información revisada el")
    tijuana = card(page, "Casa Tijuana")
    expect(tijuana).to_contain_text("Sin verificar")
    expect(tijuana).to_contain_text("No hay forma de contacto")
    expect(tijuana).not_to_contain_text("Al otro lado")
    hidden = card(page, "Refugio Frontera")
    expect(hidden).to_contain_text("En Baja California; dirección por teléfono")
    names = page.locator(".result h3").all_inner_texts()
    assert names.index("Casa Tijuana") == len(names) - 1  # no way to reach it: last
    assert fits_the_screen(page, 360)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "finder-tijuana-360-es.png"), full_page=True)

    san_diego.get_by_role("link", name="San Diego Shelter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("San Diego Shelter")
    expect(page.locator(".profile header")).to_contain_text(
        "Al otro lado de la frontera, en Estados Unidos"
    )
    expect(page.locator(".profile header")).to_contain_text("Verificada")
    assert fits_the_screen(page, 360)
    page.screenshot(path=str(SHOTS / "finder-profile-360-es.png"), full_page=True)
    page.context.close()


def test_at_a_desk_in_english_by_keyboard_alone(browser, border_shelters):
    page = open_page(browser, 1366, "en-US")
    page.goto(border_shelters + "/en/find")
    tab_to(page, "input[name=need][type=radio]")  # Tab enters the group
    for _ in range(20):
        if page.evaluate("document.activeElement.value") == "shelter":
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    expect(page.get_by_label("I need a place to sleep or food")).to_be_checked()
    tab_to(page, "#place")
    page.keyboard.type("Tijuana")
    page.keyboard.press("Enter")
    expect(page.locator("#results-title")).to_contain_text("Tijuana, Baja California")

    san_diego = card(page, "San Diego Shelter")
    expect(san_diego).to_contain_text("Across the border, in the United States")
    expect(san_diego).to_contain_text("Verified")
    expect(san_diego).to_contain_text("Information checked on")
    expect(card(page, "Casa Tijuana")).to_contain_text("No way to contact listed")
    expect(card(page, "Refugio Frontera")).to_contain_text(
        "In Baja California; address given by phone"
    )
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "finder-tijuana-1366-en.png"), full_page=True)

    tab_to(page, ".result h3 a[href*='country=MX']", "San Diego Shelter")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("San Diego Shelter")
    expect(page.locator(".profile header")).to_contain_text(
        "Across the border, in the United States"
    )
    page.context.close()
