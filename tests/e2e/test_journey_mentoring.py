"""A federation browses clubs in Illinois looking for a mentor, by the filters, opens
one, and opens a pair on the map: names in every heading and title, never ids or
row numbers; at phone and desk widths, in Spanish and English (issue 16, item 3)."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.test_finder import serious_violations

pytestmark = pytest.mark.e2e

SHOTS = Path("/tmp/shots")
CLUB = "Club Jerez de Chicago"
FEDERATION = "Federación Zacatecana de Illinois"
NUMBER_OR_ID = re.compile(r"\b\d+\b|[0-9a-f]{8}-[0-9a-f]{4}")

WORDS = {
    "es": {
        "locale": "es-MX",
        "role": "Papel",
        "looking": "Busca una organización que la acompañe como mentora",
        "state": "Estado",
        "type": "Tipo de organización",
        "club": "Club de oriundos",
        "show": "Ver organizaciones",
        "found": "1 organización participa",
        "mentoring": "Mentoría",
        "mentors_for": f"Posibles mentoras para {CLUB}",
        "on_map": f"{CLUB} y {FEDERATION} en el mapa",
        "pair": f"{FEDERATION} podría acompañar a {CLUB}",
        "and": f"{FEDERATION} y {CLUB}",
    },
    "en": {
        "locale": "en-US",
        "role": "Role",
        "looking": "Looking for a mentor organization",
        "state": "State",
        "type": "Type of organization",
        "club": "Hometown club",
        "show": "Show organizations",
        "found": "1 organization takes part",
        "mentoring": "Mentoring",
        "mentors_for": f"Possible mentors for {CLUB}",
        "on_map": f"{CLUB} and {FEDERATION} on the map",
        "pair": f"{FEDERATION} could mentor {CLUB}",
        "and": f"{FEDERATION} and {CLUB}",
    },
}

TOOLTIP_TEXTS = """() => {
    const map = window[Object.keys(window).find(k => k.startsWith('map_'))];
    const texts = [];
    map.eachLayer(layer => {
        if (layer.getTooltip && layer.getTooltip()) {
            layer.openTooltip();
            texts.push(layer.getTooltip().getContent());
        }
    });
    return texts.join(' | ');
}"""


def fits(page, width: int) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= width


def heading_and_title(page) -> tuple[str, str]:
    return page.get_by_role("heading", level=1).inner_text(), page.title()


@pytest.mark.parametrize("width", [360, 1366])
@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_federation_browses_mentees_in_illinois_and_opens_a_pair_on_the_map(
    browser, live_server, directory, lang, width
):
    words = WORDS[lang]
    context = browser.new_context(
        locale=words["locale"], viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    shot = f"{SHOTS}/mentoring-{lang}-{width}"
    SHOTS.mkdir(exist_ok=True)
    page.goto(f"{live_server}/{lang}/mentoring")
    assert page.title().startswith(words["mentoring"])

    page.get_by_label(words["role"], exact=True).select_option(label=words["looking"])
    page.get_by_label(words["state"], exact=True).select_option(label="Illinois")
    page.get_by_label(words["type"], exact=True).select_option(label=words["club"])
    page.get_by_role("button", name=words["show"]).click()
    expect(page.get_by_role("heading", name=words["found"])).to_be_visible()
    results = page.locator("section.results")
    expect(results).to_contain_text(CLUB)
    expect(results).not_to_contain_text(FEDERATION)  # it mentors; it seeks none
    assert "region=US-IL" in page.url
    assert "role=mentee" in page.url
    assert fits(page, width)
    page.screenshot(path=f"{shot}-browse.png", full_page=True)

    page.get_by_role("link", name=words["mentors_for"]).click()
    heading, title = heading_and_title(page)
    assert heading == words["mentors_for"]
    assert title.startswith(f"{words['mentoring']} · {CLUB}")
    assert not NUMBER_OR_ID.search(heading)
    assert not NUMBER_OR_ID.search(title)
    expect(page.get_by_role("link", name=FEDERATION, exact=True)).to_be_visible()
    assert fits(page, width)
    page.screenshot(path=f"{shot}-suggestions.png", full_page=True)

    page.get_by_role("link", name=words["on_map"]).click()
    heading, title = heading_and_title(page)
    assert heading == words["pair"]
    assert title.startswith(f"{words['mentoring']} · {words['and']}")
    assert not NUMBER_OR_ID.search(heading)
    assert not NUMBER_OR_ID.search(title)
    frame = page.frame_locator(".map-frame iframe")
    expect(frame.locator(".leaflet-container")).to_be_visible()
    map_frame = next(f for f in page.frames if "/mentoring/map" in f.url)
    map_frame.wait_for_function(
        "Object.keys(window).some(k => k.startsWith('circle_marker_'))"
    )
    tooltips = map_frame.evaluate(TOOLTIP_TEXTS)
    assert CLUB in tooltips
    assert FEDERATION in tooltips
    assert "Illinois" in tooltips
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}", tooltips)
    assert fits(page, width)
    page.screenshot(path=f"{shot}-pair.png", full_page=True)
    assert serious_violations(page) == []
    context.close()


def test_unknown_filters_are_explained_on_the_page(page, live_server, directory):
    page.goto(f"{live_server}/en/mentoring?region=XX-YY&role=boss")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Unknown state “XX-YY”")
    expect(alert).to_contain_text("The role is “mentor” or “mentee”.")
    page.get_by_label("State", exact=True).select_option(label="Illinois")
    page.get_by_label("Role", exact=True).select_option(
        label="Open to mentor other organizations"
    )
    page.get_by_role("button", name="Show organizations").click()
    expect(
        page.get_by_role("heading", name="1 organization takes part")
    ).to_be_visible()
    expect(page.locator("section.results")).to_contain_text(FEDERATION)
    assert serious_violations(page) == []
