"""Accessibility and a shared phone's safety, as a person meets them in Chromium.

axe-core (from the axe-playwright-python package, MPL-2.0) runs in every public
page and in every map frame, at 360 px and 1366 px; the exit control stays on
screen and answers Esc; "Directions" hands the place to the phone's maps app.
What the browser is shown does not depend on the database, so these run on SQLite.
"""

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.parametrize("database_url", ["sqlite"], indirect=True),
]

SHOTS = Path("/tmp/shots")
WIDTHS = (360, 1366)
EXIT_URL = "https://www.wikipedia.org/"
ANDROID = (
    "Mozilla/5.0 (Linux; Android 13; moto g play) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"
)
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)
PAGES = {  # a first page each, opened by its address
    "es": (
        "/es/",
        "/es/find",
        "/es/organizations",
        "/es/map",
        "/es/gaps",
        "/es/regions",
        "/es/regions/US-CA",
        "/es/regions/MX-ZAC/brief",
        "/es/dashboard",
        "/es/partners",
        "/es/mentoring",
        "/es/links",
        "/es/login",
        "/es/password/forgot",
        "/es/organizations/new",
        "/es/data/organizations-template",
        "/api/docs",
        "/es/no-such-page",
    ),
    "en": ("/en/", "/en/organizations", "/en/gaps", "/en/links"),
}
TEXTS = {
    "es": {"words": "O dígalo con sus propias palabras", "search": "Buscar"},
    "en": {"words": "Or say it in your own words", "search": "Search"},
}


def new_page(browser, width: int, lang: str = "es", user_agent: str | None = None):
    """Return a page in a fresh context `width` px wide, in `lang`."""
    context = browser.new_context(
        locale="es-MX" if lang == "es" else "en-US",
        viewport={"width": width, "height": 740 if width < 600 else 900},
        user_agent=user_agent,
    )
    context.route(EXIT_URL + "**", lambda route: route.fulfill(body="neutral page"))
    return context.new_page()


def violations(target) -> list:
    """Return axe-core's violations (every impact) in a page or a frame."""
    found = Axe().run(target).response["violations"]
    return [
        (violation["id"], [node["target"] for node in violation["nodes"]][:3])
        for violation in found
    ]


def open_maps(page) -> list:
    """Load the page's maps (asking for them where they wait for a click)."""
    waiting = page.locator("a[data-load-map]")
    while waiting.count():
        waiting.first.click()  # the link becomes the map's frame
    frames = []
    for handle in page.locator("iframe").element_handles():
        frame = handle.content_frame()
        frame.wait_for_url(lambda url: url.startswith("http"))
        frame.wait_for_function("() => typeof CSOMap !== 'undefined'")
        frame.wait_for_selector(".leaflet-control-zoom")
        frames.append(frame)
    return frames


def search_for_help(page, live_server, lang: str, need: str, place: str) -> None:
    """Ask the finder for `need` near `place` as a person does: type and press."""
    page.goto(f"{live_server}/{lang}/find")
    page.get_by_label(TEXTS[lang]["words"]).fill(need)
    page.locator("#place").fill(place)
    page.get_by_role("button", name=TEXTS[lang]["search"], exact=True).click()
    expect(page.locator("#results-title")).to_be_visible()


def scan(page, name: str) -> dict:
    """Return the violations of the page and of each of its map frames."""
    found = {name: violations(page)}
    for index, frame in enumerate(open_maps(page)):
        found[f"{name} (map {index + 1})"] = violations(frame)
    return {where: items for where, items in found.items() if items}


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_and_no_map_has_an_axe_violation(
    browser, live_server, directory, width
):
    found = {}
    for lang, paths in PAGES.items():
        page = new_page(browser, width, lang)
        for path in paths:
            page.goto(live_server + path)
            found |= scan(page, f"{path} at {width}px")
        search_for_help(page, live_server, lang, "abogado", "Fresno")
        page.get_by_role("link", name="Centro Legal del Valle").first.click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Centro Legal del Valle"
        )
        found |= scan(page, f"{lang} profile at {width}px")
        page.go_back()  # to the results, then their map
        found |= scan(page, f"{lang} finder results at {width}px")
        page.context.close()
    assert found == {}


def test_the_check_finds_what_it_must(browser, live_server):
    page = new_page(browser, 360)
    page.set_content('<html lang="es"><main><input><img src="x.png"></main></html>')
    assert {rule for rule, _nodes in violations(page)} >= {"label", "image-alt"}
    page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_exit_stays_on_screen_and_esc_leaves_without_a_trace(
    browser, live_server, directory, width
):
    page = new_page(browser, width)
    search_for_help(page, live_server, "es", "necesito un abogado", "Fresno")
    results_url = page.url
    exit_button = page.get_by_role("link", name="Salir de esta página")
    # At the top it covers nothing: the site's name and menu sit below it.
    assert box_bottom(exit_button) <= page.locator(".brand").bounding_box()["y"]
    page.keyboard.press("End")
    page.wait_for_function(
        "() => scrollY + innerHeight >= document.documentElement.scrollHeight - 1"
    )
    box = exit_button.bounding_box()
    assert box["y"] >= 0
    assert box_bottom(exit_button) <= page.viewport_size["height"]
    assert page.evaluate(  # nothing lies over it
        "([x, y]) => document.elementFromPoint(x, y).closest('[data-exit]') !== null",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    page.screenshot(path=str(SHOTS / f"safety-exit-scrolled-{width}.png"))
    # In a text box Esc keeps its own meaning: typing is never cut short.
    page.get_by_text("Cambiar la búsqueda").click()
    page.locator("#place").click()
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)  # an exit would have begun by now
    assert page.url == results_url
    page.locator("#results-title").click()
    with page.expect_navigation():
        page.keyboard.press("Escape")
    assert page.url == EXIT_URL
    page.go_back()  # the results page was replaced in the history: it is not there
    assert page.url != results_url
    assert page.context.cookies() == []
    page.context.close()


def box_bottom(locator) -> float:
    """Return the bottom edge of `locator` on screen, in px."""
    box = locator.bounding_box()
    return box["y"] + box["height"]


@pytest.mark.parametrize(
    ("user_agent", "expected"),
    [
        (ANDROID, "intent:36.7"),
        (IPHONE, "https://maps.apple.com/?daddr=36.7"),
        (None, "https://www.openstreetmap.org/directions?route=%3B36.7"),
    ],
)
def test_directions_go_to_the_phones_maps_app(
    browser, live_server, directory, user_agent, expected
):
    page = new_page(browser, 360, user_agent=user_agent)
    search_for_help(page, live_server, "es", "necesito un abogado", "Fresno")
    result = page.locator(".result").filter(has_text="Centro Legal del Valle")
    directions = result.get_by_role("link", name="Cómo llegar")
    # The page's script rewrites the link once the page is read: wait for it.
    expect(directions).to_have_attribute("href", re.compile("^" + re.escape(expected)))
    href = directions.get_attribute("href")
    if user_agent == ANDROID:  # a geo: address, and the web map when no app takes it
        assert "#Intent;scheme=geo;S.browser_fallback_url=https%3A%2F%2Fwww." in href
    page.evaluate(
        "document.addEventListener('click', e => {"
        " window.went = e.target.closest('a').href; e.preventDefault(); })"
    )
    directions.click()
    assert page.evaluate("window.went") == href
    page.context.close()


def test_a_hidden_address_gets_no_directions(browser, live_server, directory):
    page = new_page(browser, 360)
    page.goto(live_server + "/es/find")
    page.get_by_text("Otros tipos de ayuda").click()
    page.locator("input[name=need][value=womens_services]").check()
    page.locator("#place").fill("Ciudad Juárez")
    page.get_by_role("button", name="Buscar", exact=True).click()
    result = page.locator(".result").filter(has_text="Refugio Mariposa")
    expect(result).to_be_visible()
    expect(result.get_by_role("link", name="Cómo llegar")).to_have_count(0)
    page.context.close()


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("es", "para no dejar rastro, busque en una ventana privada o de incógnito"),
        ("en", "to leave no trace, search in a private or incognito window"),
    ],
)
def test_pages_say_how_to_search_without_leaving_history(
    browser, live_server, lang, sentence
):
    page = new_page(browser, 360, lang)
    page.goto(f"{live_server}/{lang}/find")
    expect(page.locator(".site-footer")).to_contain_text(sentence)
    page.context.close()


def test_focus_rings_the_whole_row_of_a_need_in_a_visible_colour(browser, live_server):
    page = new_page(browser, 360)
    page.goto(live_server + "/es/find")
    first_need = page.locator(".need-choices input[type=radio]").first
    page.locator("main h1").click()
    while not first_need.evaluate("input => input === document.activeElement"):
        page.keyboard.press("Tab")
    row = first_need.locator("xpath=..")
    assert row.evaluate("label => getComputedStyle(label).outlineStyle") == "solid"
    assert row.evaluate("label => getComputedStyle(label).outlineColor") == (
        "rgb(180, 83, 9)"  # --focus, 5.02:1 on white (tests/web/test_page_head.py)
    )
    assert first_need.evaluate("input => getComputedStyle(input).outlineStyle") == (
        "none"
    )
    box = row.bounding_box()
    page.screenshot(
        path=str(SHOTS / "safety-radio-focus.png"),
        clip={
            "x": box["x"] - 8,
            "y": box["y"] - 8,
            "width": box["width"] + 16,
            "height": box["height"] + 16,
        },
    )
    page.context.close()
