"""Every public page fits a 360-px phone: no sideways scroll, no word split in two.

The pages are found from the app's routes, not listed by hand: every GET route is
asked for anonymously, and what answers with an HTML page (not a redirect to the
login, not JSON, CSV or a map frame) is a public page, so a new page is checked
the day it is added. Pages that show an answer (finder results, gaps, partners,
a directory search) are opened as the shared links they are.
"""

from __future__ import annotations

import json
import re
from pprint import pformat
from urllib.parse import urlencode

import pytest
from flask import url_for

pytestmark = pytest.mark.e2e

PHONE = {"width": 360, "height": 740}
LANGUAGES = ("es", "en")
# A sample value for each variable part of a route; a route with a new one fails
# until it is given here, so no page is skipped without anyone deciding it.
SAMPLE_STATE = "MX-ZAC"
NOT_PAGES = {"static", "leaflet"}  # files, not pages
ANSWERS = (
    ("finder.find", {"need": "legal_advice", "region": "US-CA"}),
    ("directory.organizations", {"service": "legal_advice"}),
    ("directory.map_page", {"service": "legal_advice"}),
    ("gaps.index", {"service": "legal_advice"}),
    ("partners.index", {"region": SAMPLE_STATE, "service": "legal_advice"}),
    ("regions.dashboard", {"region": SAMPLE_STATE}),
    ("links.index", {"origin": SAMPLE_STATE}),
)
# Where a line may end without splitting a word: spaces, dashes, slashes and the
# separators of addresses and lists.
WORD = re.compile(r"[^\s\-‐–—/?&=·|]+")
BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll("th, td")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const word = new RegExp(WORD_PATTERN, "gu");
      for (const match of node.textContent.matchAll(word)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(
          [...range.getClientRects()]
            .filter((rect) => rect.width > 0)
            .map((rect) => Math.round(rect.top))
        );
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}""".replace("WORD_PATTERN", json.dumps(WORD.pattern))


def sample_values(directory) -> dict[str, str]:
    """Return a value for each variable part of a route (language set apart)."""
    any_id = str(directory["bravo"])  # editor-only pages send a visitor to log in
    return {
        "organization_id": any_id,
        "item_id": any_id,
        "service_id": any_id,
        "location_id": any_id,
        "user_id": any_id,
        "code": SAMPLE_STATE,
        "token": "an-expired-link",
        "kind": "csv",
    }


def public_pages(app, directory, lang: str) -> list[str]:
    """Return the paths of every page an anonymous visitor gets as HTML."""
    samples = sample_values(directory)
    client = app.test_client()
    paths = []
    with app.test_request_context():
        for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
            if "GET" not in rule.methods or rule.endpoint in NOT_PAGES:
                continue
            missing = set(rule.arguments) - {"lang_code", *samples}
            assert not missing, f"give {rule.rule} a sample value for {missing}"
            values = {name: samples[name] for name in rule.arguments if name in samples}
            if "lang_code" in rule.arguments:
                values["lang_code"] = lang
            paths.append(url_for(rule.endpoint, **values))
        paths += [
            url_for(endpoint, lang_code=lang) + "?" + urlencode(query)
            for endpoint, query in ANSWERS
        ]
    pages = []
    for path in dict.fromkeys(paths):
        try:
            response = client.get(path)
        except Exception as error:  # the page is broken: say which
            pages.append(f"{path} raised {error!r}")
            continue
        response.close()  # files (the favicon) are read only to here
        framed = "sandbox" in response.headers.get("Content-Security-Policy", "")
        answered = response.status_code in (200, 400)  # not a redirect to log in
        if response.mimetype == "text/html" and answered and not framed:
            pages.append(path)
    return [*pages, f"/{lang}/no-such-page"]


def layout_problems(page) -> list[str]:
    """Return what is wrong with the page's layout at its width."""
    problems = []
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"]:
        problems.append(f"scrolls sideways: {width} px wide")
    broken = page.evaluate(BROKEN_WORDS)
    if broken:
        problems.append(f"words split across lines in table cells: {broken[:6]}")
    return problems


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_public_page_fits_a_phone(browser, live_server, app, directory, lang):
    pages = public_pages(app, directory, lang)
    opened = {path.split("?")[0] for path in pages}
    for expected in ("/", "/gaps", "/find", "/partners", "/login", "/regions"):
        assert f"/{lang}{expected}" in opened, expected
    assert "/api/docs" in opened
    context = browser.new_context(
        locale="es-MX" if lang == "es" else "en-US", viewport=PHONE
    )
    tab = context.new_page()
    problems = {}
    for path in pages:
        if " raised " in path:
            problems[path] = ["the page fails"]
            continue
        tab.goto(live_server + path)
        found = layout_problems(tab)
        if found:
            problems[path] = found
    for name, path in (
        ("gaps", f"/{lang}/gaps?service=legal_advice"),
        ("api-docs", "/api/docs"),
    ):
        tab.goto(live_server + path)
        tab.screenshot(path=f"/tmp/shots/layout-{name}-{lang}.png", full_page=True)
    context.close()
    assert not problems, pformat(problems, width=100)


def test_the_gaps_table_scrolls_in_its_own_box_on_a_phone(browser, live_server):
    context = browser.new_context(locale="es-MX", viewport=PHONE)
    tab = context.new_page()
    tab.goto(live_server + "/es/gaps")
    tab.get_by_label("Servicio", exact=True).select_option("legal_advice")
    tab.get_by_role("button", name="Mostrar los vacíos").click()
    tab.wait_for_url("**/es/gaps?**")
    table = tab.get_by_role("table")
    box = tab.get_by_role("region", name="Primero los vacíos", exact=False)
    assert box.evaluate("e => getComputedStyle(e).overflowX") == "auto"
    assert table.evaluate("t => t.scrollWidth") >= box.evaluate("e => e.clientWidth")
    # One line per state, so 80 states stay a short page.
    row_height = table.locator("tbody tr").first.evaluate(
        "r => r.getBoundingClientRect().height"
    )
    assert row_height < 60
    assert tab.evaluate("document.documentElement.scrollHeight") < 6000
    assert layout_problems(tab) == []
    context.close()


def shown_map(tab):
    """Return the page's map frame once its map and controls are drawn."""
    frame = tab.wait_for_selector("iframe").content_frame()
    frame.wait_for_selector(".leaflet-control-zoom-in")
    return frame


@pytest.mark.parametrize(
    ("lang", "zoom_in", "zoom_out"),
    [("es", "Acercar", "Alejar"), ("en", "Zoom in", "Zoom out")],
)
def test_maps_without_tiles_show_states_legends_and_zoom_in_the_language(
    browser, live_server, app, monkeypatch, lang, zoom_in, zoom_out
):
    monkeypatch.setitem(app.config, "TILES", "none")
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    fetched = []
    tab.on("request", lambda request: fetched.append(request.url))
    tab.goto(f"{live_server}/{lang}/links")
    tab.get_by_role(
        "link", name="Mostrar el mapa" if lang == "es" else "Show the map"
    ).click()
    frame = shown_map(tab)
    assert frame.locator(".leaflet-control-zoom-in").get_attribute("title") == zoom_in
    assert frame.locator(".leaflet-control-zoom-out").get_attribute("title") == zoom_out
    # No tiles: the states' outlines are fetched and drawn behind the ties.
    tab.wait_for_timeout(500)
    assert any(url.endswith("/api/v1/regions") for url in fetched)
    assert not any("openstreetmap" in url for url in fetched)
    # On a phone the legend is folded to its title; a tap opens it.
    legend = frame.locator("details.cso-legend")
    assert legend.evaluate("details => details.open") is False
    legend.locator("summary").click()
    assert legend.evaluate("details => details.open") is True
    origin = "Estado de origen" if lang == "es" else "State of origin"
    assert frame.get_by_text(origin, exact=True).is_visible()
    # The scale's words stay inside its bars.
    for line in frame.locator(".leaflet-control-scale-line").all():
        assert line.evaluate("e => e.scrollWidth <= e.clientWidth")
    tab.screenshot(path=f"/tmp/shots/layout-links-map-{lang}.png")
    context.close()


def test_the_gap_legend_shows_the_underserved_line(browser, live_server, app):
    context = browser.new_context(
        locale="es-MX", viewport={"width": 1366, "height": 900}
    )
    tab = context.new_page()
    tab.goto(live_server + "/es/gaps")
    tab.get_by_label("Servicio", exact=True).select_option("legal_advice")
    tab.get_by_role("button", name="Mostrar los vacíos").click()
    frame = shown_map(tab)
    legend = frame.locator("details.cso-legend")
    assert legend.evaluate("details => details.open") is True  # a wide map: open
    threshold = app.config["UNDERSERVED_BELOW"]
    shown = f"{threshold:g}"
    # A class ends exactly at the threshold ("under 1" or "0.4 to under 1").
    classes = frame.locator(".cso-legend li").all_inner_texts()
    assert any(re.search(f"menos de {shown}$", text) for text in classes), classes
    assert frame.get_by_text(f"Desatendido: menos de {shown}").is_visible()
    context.close()
