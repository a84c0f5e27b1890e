"""Finder, partner, mentoring and links pages in Chromium: hostile text never runs."""

import pytest
from playwright.sync_api import expect

from tests.e2e.hostile import fired

pytestmark = pytest.mark.e2e

OPEN_EVERY_TOOLTIP_AND_POPUP = """() => {
    const map = window[Object.keys(window).find(k => k.startsWith('map_'))];
    let opened = 0;
    map.eachLayer(layer => {
        if (layer.getTooltip && layer.getTooltip()) { layer.openTooltip(); opened++; }
        if (layer.getPopup && layer.getPopup()) { layer.openPopup(); opened++; }
    });
    return opened;
}"""


def open_map_texts(page, url) -> int:
    """Load a map document and open every tooltip and popup on it."""
    page.goto(url)
    page.wait_for_function(
        "Object.keys(window).some(k => k.startsWith('circle_marker_'))"
    )
    return page.evaluate(OPEN_EVERY_TOOLTIP_AND_POPUP)


def test_hostile_names_stay_text_on_the_new_pages_and_maps(
    page, live_server, hostile_directory
):
    pages = (
        "/es/find?need=legal_advice&place=Fresno&distance=any",
        "/es/partners?region=US-CA&service=legal_advice",
        "/es/regions/US-CA/brief",
        "/es/dashboard?region=MX-ZAC",
        "/es/links",
    )
    for path in pages:
        page.goto(live_server + path)
        assert fired(page) == [], path
    page.goto(live_server + pages[0])
    assert page.get_by_text(hostile_directory[0]["name"]).first.is_visible()
    for path in (
        "/es/find/map?need=legal_advice&place=Fresno&distance=any",
        "/es/partners/map?region=US-CA&service=legal_advice",
    ):
        assert open_map_texts(page, live_server + path) >= len(hostile_directory)
        assert fired(page) == [], path
        assert page.locator(".leaflet-tooltip").count() > 0


def test_new_pages_have_no_serious_accessibility_violations(
    page, live_server, directory
):
    from tests.e2e.test_finder import serious_violations

    for path in (
        "/es/partners?region=US-CA&service=legal_advice",
        "/en/mentoring",
        "/es/links",
        "/es/dashboard?region=US-CA",
        "/es/regions/US-CA/brief",
        f"/es/organizations/{directory['bravo']}/card",
    ):
        page.goto(live_server + path)
        assert serious_violations(page) == [], path


@pytest.mark.parametrize(
    ("lang", "width", "words"),
    [
        (
            "es",
            360,
            {
                "state": "Estado",
                "service": "Albergue y ayuda humanitaria",
                "all": "Contar también las fichas sin verificar",
                "find": "Buscar aliados",
                "tier": "Ya lo ofrecen en el estado",
            },
        ),
        (
            "en",
            1366,
            {
                "state": "State",
                "service": "Shelter and humanitarian aid",
                "all": "Count unverified listings",
                "find": "Find partners",
                "tier": "Already deliver it in the state",
            },
        ),
    ],
)
def test_a_planner_finds_partners_and_chooses_what_counts(
    browser, live_server, directory, lang, width, words
):
    """Chiapas has one shelter, unverified: by default it is not counted (as on the
    gap map); ticking the switch counts it, in tier 1."""
    page = browser.new_context(
        locale="es-MX" if lang == "es" else "en-US",
        viewport={"width": width, "height": 800},
    ).new_page()
    page.goto(f"{live_server}/{lang}/partners")
    page.get_by_label(words["state"], exact=True).select_option("MX-CHP")
    page.get_by_label(words["service"]).check()
    page.get_by_role("button", name=words["find"]).click()
    first = page.locator("section", has=page.get_by_role("heading", name=words["tier"]))
    expect(first).not_to_contain_text("Casa del Migrante Ejemplo")
    page.get_by_label(words["all"]).check()
    page.get_by_role("button", name=words["find"]).click()
    expect(first).to_contain_text("Casa del Migrante Ejemplo")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
