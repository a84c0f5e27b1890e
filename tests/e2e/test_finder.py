"""The help finder in Chromium: a person's search, privacy, keyboard, accessibility."""

import pytest
from playwright.sync_api import expect

PAGES = ("/es/", "/es/find", "/es/find?need=necesito+un+abogado&place=Fresno")

pytestmark = pytest.mark.e2e


def storage_used(page) -> int:
    """Return how many keys the page wrote to localStorage and sessionStorage."""
    return page.evaluate("localStorage.length + sessionStorage.length")


def test_a_person_asks_for_a_lawyer_in_fresno_and_calls(page, live_server):
    page.goto(live_server + "/es/find")
    page.get_by_label("O dígalo con sus propias palabras").fill("necesito un abogado")
    page.get_by_label("Pueblo, ciudad o estado").fill("Fresno")
    page.get_by_role("button", name="Buscar", exact=True).click()
    expect(page.locator("#results-title")).to_contain_text(
        "Asesoría legal (migratoria)» cerca de Fresno, California"
    )
    assert "place=Fresno" in page.url  # a plain, shareable address
    page.get_by_role("link", name="Centro Legal del Valle").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Centro Legal del Valle")
    call = page.get_by_role("link", name="+1 559 555 0101")
    assert call.get_attribute("href") == "tel:+15595550101"
    page.evaluate(
        "document.addEventListener('click', e => {"
        " window.called = e.target.closest('a').href; e.preventDefault(); })"
    )
    call.click()
    assert page.evaluate("window.called") == "tel:+15595550101"
    assert storage_used(page) == 0
    assert page.context.cookies() == []


def test_the_finder_works_by_keyboard_alone(page, live_server):
    page.goto(live_server + "/en/find")
    page.locator("input[name=need][value=legal_advice]").focus()
    page.keyboard.press("Space")
    page.locator("#place").focus()
    page.keyboard.type("fresno, ca")
    page.keyboard.press("Enter")
    expect(page.locator("#results-title")).to_contain_text("near Fresno, California")
    expect(page.locator(".result").first).to_contain_text("Centro Legal del Valle")


def test_the_finder_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False, locale="es-MX")
    page = context.new_page()
    page.goto(live_server + "/es/find")
    assert page.locator("[data-near-me]").is_hidden()  # needs a script to work
    page.locator("input[name=need][value=shelter]").check()
    page.get_by_label("Pueblo, ciudad o estado").fill("Tapachula")
    page.get_by_role("button", name="Buscar", exact=True).click()
    expect(page.locator(".result").first).to_contain_text("Casa del Migrante Ejemplo")
    context.close()


def test_near_me_asks_only_after_the_click_and_sends_two_decimals(browser, live_server):
    context = browser.new_context(locale="es-MX")
    context.set_geolocation({"latitude": 36.741234, "longitude": -119.781234})
    context.grant_permissions(["geolocation"])
    context.add_init_script(
        "const real = navigator.geolocation.getCurrentPosition.bind("
        "navigator.geolocation); window.asked = 0;"
        " navigator.geolocation.getCurrentPosition ="
        " (...args) => { window.asked += 1; real(...args); };"
    )
    page = context.new_page()
    page.goto(live_server + "/es/find")
    page.locator("input[name=need][value=legal_advice]").check()
    page.get_by_label("Pueblo, ciudad o estado").fill("Fresno")
    assert page.evaluate("window.asked") == 0
    with page.expect_navigation():
        page.get_by_role("button", name="Usar mi ubicación").click()
    assert "lat=36.74&lon=-119.78" in page.url
    assert "place=&" in page.url  # the typed place gave way to the location
    expect(page.locator(".result").first).to_contain_text("Centro Legal del Valle")
    expect(page.locator("#results-title")).to_contain_text("su ubicación")
    context.close()


def test_finder_pages_call_no_one_but_the_app(
    proxied_page, live_server, directory, proxy
):
    paths = [
        *PAGES,
        f"/es/organizations/{directory['bravo']}",
        f"/es/organizations/{directory['bravo']}/card",
    ]
    for path in paths:
        proxied_page.goto(live_server + path)
    assert proxy.page_hosts() == {"127.0.0.1"}
    assert "/find/map" not in " ".join(proxy.seen)  # the map waits for a click
    assert storage_used(proxied_page) == 0
    assert proxied_page.context.cookies() == []


def serious_violations(page) -> list:
    """Return axe-core's serious and critical findings on the page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        (violation["id"], [node["target"] for node in violation["nodes"]][:3])
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


def test_no_serious_accessibility_violations(page, live_server, directory):
    paths = [*PAGES, f"/es/organizations/{directory['bravo']}", "/en/find"]
    for path in paths:
        page.goto(live_server + path)
        assert serious_violations(page) == [], path
    # The check itself sees what it must: an unlabelled field, an image without alt.
    page.set_content('<html lang="es"><main><input><img src="x.png"></main></html>')
    assert {found for found, _ in serious_violations(page)} >= {"label", "image-alt"}


def test_results_fit_a_phone_screen(page, live_server):
    page.goto(live_server + PAGES[2])
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
