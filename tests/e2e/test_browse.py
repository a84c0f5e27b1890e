"""A visitor browses in Chromium: privately, in both languages, on a phone."""

import pytest

pytestmark = pytest.mark.e2e


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_search_open_a_profile_and_switch_language(page, live_server):
    page.goto(live_server + "/")
    assert page.url == live_server + "/es/"
    assert no_horizontal_scroll(page)
    page.get_by_label("Una organización, o lo que necesita").fill("clinic")
    page.get_by_label("Servicio", exact=True).select_option("legal_advice")
    page.get_by_role("button", name="Buscar").click()
    page.wait_for_url("**/es/organizations?**")
    assert page.get_by_role("heading", name="1 organización encontrada").is_visible()
    assert no_horizontal_scroll(page)
    page.get_by_role("link", name="Centro Legal del Valle").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Centro Legal del Valle"
    assert page.get_by_text("No se piden papeles").first.is_visible()
    assert no_horizontal_scroll(page)
    page.get_by_role("link", name="English").click()
    assert page.url.startswith(live_server + "/en/organizations/")
    assert page.get_by_text("No papers needed").first.is_visible()


def test_browsing_leaves_no_trace_and_calls_no_one_else(page, live_server, directory):
    for path in (
        "/es/",
        "/es/organizations?service=shelter",
        f"/es/organizations/{directory['charlie']}",
        "/en/regions/MX-ZAC",
    ):
        page.goto(live_server + path)
    assert page.context.cookies() == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.requests
    assert [url for url in page.requests if not url.startswith(live_server)] == []


def test_filters_are_reported_next_to_the_field_and_keyboard_reachable(
    page, live_server
):
    page.goto(live_server + "/es/organizations?page=abc&service=nada")
    assert page.get_by_role("alert").is_visible()
    assert "«nada» no existe" in page.get_by_role("alert").inner_text()
    page.keyboard.press("Tab")
    assert (
        page.evaluate("document.activeElement.textContent")
        == "Ir al contenido principal"
    )


def test_exit_replaces_the_page_without_leaving_it_in_history(page, live_server, app):
    app.config["EXIT_URL"] = live_server + "/en/regions"
    try:
        page.goto(live_server + "/es/organizations")
        length = page.evaluate("history.length")
        page.get_by_role("link", name="Salir de esta página").click()
        page.wait_for_url(live_server + "/en/regions")
        assert page.evaluate("history.length") == length
    finally:
        app.config["EXIT_URL"] = "https://www.wikipedia.org/"
