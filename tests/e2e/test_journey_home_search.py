"""A person types what they need in the home page's search box and reaches help."""

import pytest
from playwright.sync_api import expect

from tests.e2e.test_finder import serious_violations

pytestmark = pytest.mark.e2e

SHOTS = "/tmp/shots/needs-{}.png"
FIRST_SEARCH_MS = 30_000  # the first search of a process loads the gazetteer


@pytest.fixture
def desk_page(browser, live_server):
    """Yield a fresh page at a desk's width, in English."""
    context = browser.new_context(
        locale="en-US", viewport={"width": 1366, "height": 900}
    )
    yield context.new_page()
    context.close()


def fits_the_screen(page) -> bool:
    """Return whether the page scrolls sideways (it must not)."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize(
    ("words", "submit"),
    [("necesito un abogado", "Enter"), ("nesesito avogado", "button")],
)
def test_on_a_phone_a_need_typed_on_the_home_page_leads_to_a_lawyer(
    page, live_server, words, submit
):
    page.goto(live_server + "/es/")
    expect(
        page.get_by_role("link", name="Encuentre ayuda cerca de usted")
    ).to_be_visible()
    box = page.get_by_label("Una organización, o lo que necesita")
    box.fill(words)
    if submit == "Enter":
        box.press("Enter")
    else:
        page.get_by_role("button", name="Buscar", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Encuentre ayuda cerca de usted"
    )
    expect(page.get_by_text("Usted pidió: Necesito un abogado")).to_be_visible()
    assert fits_the_screen(page)
    page.screenshot(path=SHOTS.format(f"phone-asked-{submit}"), full_page=True)
    page.get_by_label("¿Dónde está usted?").fill("Fresno")
    page.get_by_role("button", name="Mostrar ayuda cerca de mí").click()
    expect(page.locator("#results-title")).to_contain_text(
        "Asesoría legal (migratoria)» cerca de Fresno, California",
        timeout=FIRST_SEARCH_MS,
    )
    expect(page.locator(".result").first).to_contain_text("Centro Legal del Valle")
    page.screenshot(path=SHOTS.format(f"phone-results-{submit}"))
    assert page.context.cookies() == []


def test_on_a_phone_a_state_can_be_chosen_instead_of_a_town(page, live_server):
    page.goto(live_server + "/es/")
    page.get_by_label("Una organización, o lo que necesita").fill("abogado")
    page.keyboard.press("Enter")
    page.get_by_label("O elija un estado").select_option(label="California")
    page.get_by_role("button", name="Mostrar ayuda cerca de mí").click()
    expect(page.locator(".result").first).to_contain_text(
        "Centro Legal del Valle", timeout=FIRST_SEARCH_MS
    )


def test_on_a_phone_words_that_find_nothing_still_show_the_way_to_help(
    page, live_server
):
    page.goto(live_server + "/es/")
    page.get_by_label("Una organización, o lo que necesita").fill("zzzz")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("«zzzz»")
    assert fits_the_screen(page)
    page.get_by_role("link", name="Encuentre ayuda cerca de usted").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Encuentre ayuda cerca de usted"
    )


def test_on_a_phone_an_organization_name_still_finds_the_organization(
    page, live_server
):
    page.goto(live_server + "/es/")
    page.get_by_label("Una organización, o lo que necesita").fill("Club Jerez")
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="Club Jerez de Chicago")).to_be_visible()


def test_at_a_desk_i_need_a_lawyer_leads_to_help(desk_page, live_server):
    page = desk_page
    page.goto(live_server + "/en/")
    page.get_by_label("An organization, or what you need").fill("I need a lawyer")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_text("You asked for: I need a lawyer")).to_be_visible()
    page.screenshot(path=SHOTS.format("desk-asked"), full_page=True)
    page.get_by_label("Where are you?").fill("fresno, ca")
    page.keyboard.press("Enter")
    expect(page.locator("#results-title")).to_contain_text(
        "near Fresno, California", timeout=FIRST_SEARCH_MS
    )
    expect(page.locator(".result").first).to_contain_text("Centro Legal del Valle")
    page.goto(live_server + "/en/")
    page.screenshot(path=SHOTS.format("desk-home"))
    page.get_by_role("link", name="Find help near you").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Find help near you")


@pytest.mark.parametrize("words", ["", "necesito un abogado", "zzzz"])
def test_each_answer_of_the_home_search_is_accessible(page, live_server, words):
    page.goto(live_server + "/es/")
    if words:
        page.get_by_label("Una organización, o lo que necesita").fill(words)
        page.keyboard.press("Enter")
        page.wait_for_url("**/es/?q=*")
    assert serious_violations(page) == []
    assert fits_the_screen(page)
    page.screenshot(path=SHOTS.format(f"phone-axe-{words or 'home'}"), full_page=True)


def test_the_finder_forgives_a_misspelled_need(page, live_server):
    page.goto(live_server + "/es/find")
    page.get_by_label("O dígalo con sus propias palabras").fill("nesesito avogado")
    page.get_by_label("Pueblo, ciudad o estado").fill("Fresno")
    page.get_by_role("button", name="Buscar", exact=True).click()
    expect(page.locator("#results-title")).to_contain_text(
        "Asesoría legal (migratoria)» cerca de Fresno, California",
        timeout=FIRST_SEARCH_MS,
    )
