"""An organization's whole path in Chromium: proposed, verified, edited, shown."""

import pytest
from playwright.sync_api import expect

from cso_map.services.editing.accounts import create_user

pytestmark = pytest.mark.e2e
PASSWORD = "correct horse battery staple"


def log_in(page, base, email):
    page.goto(base + "/en/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_register_verify_edit_and_see_it_on_the_profile_and_the_gap_map(
    browser, live_server, app
):
    with app.app_context():
        create_user("admin@example.org", PASSWORD, "admin")
    proposer = browser.new_context(locale="en-US").new_page()
    proposer.goto(live_server + "/en/organizations/new")
    proposer.get_by_label("Name of the organization").fill("Casa Nevada Migrante")
    proposer.get_by_label("Type of organization").select_option("ngo")
    proposer.get_by_label("State where it works").select_option("US-NV")
    proposer.get_by_label("Your e-mail").fill("rosa@example.org")
    proposer.get_by_label("Choose a password").fill(PASSWORD)
    proposer.get_by_role("button", name="Send").click()
    expect(proposer.locator("main")).to_contain_text("Casa Nevada Migrante")
    expect(proposer.locator("main")).to_contain_text("administrator has checked")

    admin = browser.new_context(locale="en-US").new_page()
    log_in(admin, live_server, "admin@example.org")
    admin.goto(live_server + "/en/admin/queue")
    card = admin.locator(".card", has_text="Casa Nevada Migrante")
    card.get_by_role("button", name="Verify and publish").click()
    expect(admin.locator("main")).to_contain_text("is published")

    proposer.goto(live_server + "/en/account")
    proposer.get_by_role("link", name="Casa Nevada Migrante").click()
    proposer.get_by_role("link", name="Add a service").click()
    proposer.get_by_label("Name of the service").fill("Asesoría legal en Reno")
    proposer.get_by_label("Kind of service").select_option("legal_advice")
    proposer.get_by_label("People served per month").fill("300")
    proposer.get_by_label("States where it is offered").select_option(["US-NV"])
    proposer.get_by_role("button", name="Save").click()
    expect(proposer.locator("main")).to_contain_text("Saved.")

    public = browser.new_context(locale="en-US").new_page()
    public.goto(proposer.url)
    expect(public.locator("main")).to_contain_text("Asesoría legal en Reno")
    public.goto(live_server + "/en/gaps?service=legal_advice")
    nevada = public.locator("tr", has_text="Nevada")
    expect(nevada).to_contain_text("300")
    assert public.context.cookies() == []


def bravo_editor_on_a_phone(browser, live_server, app, directory):
    """Return a 360 px page in Spanish where the editor of Centro Legal del Valle
    has logged in and opened its profile."""
    with app.app_context():
        create_user(
            "lupe@example.org", PASSWORD, "editor", organizations=[directory["bravo"]]
        )
    phone = browser.new_context(
        locale="es-MX", viewport={"width": 360, "height": 740}
    ).new_page()
    phone.goto(live_server + "/es/login")
    phone.get_by_label("Correo electrónico").fill("lupe@example.org")
    phone.get_by_label("Contraseña").fill(PASSWORD)
    phone.get_by_role("button", name="Iniciar sesión").click()
    phone.get_by_role("link", name="Centro Legal del Valle").click()
    return phone


def test_an_editor_says_on_a_phone_that_they_welcome_volunteers(
    browser, live_server, app, directory
):
    phone = bravo_editor_on_a_phone(browser, live_server, app, directory)
    expect(phone.locator("main")).not_to_contain_text("Recibe voluntariado")
    phone.get_by_role("link", name="Editar").first.click()
    box = phone.get_by_label("Recibimos voluntariado de la comunidad")
    expect(box).not_to_be_checked()
    box.check()
    phone.get_by_role("button", name="Guardar").click()
    expect(phone.locator("main")).to_contain_text("Guardado.")

    desk = browser.new_context(
        locale="en-US", viewport={"width": 1366, "height": 900}
    ).new_page()
    desk.goto(live_server + "/en/organizations")
    desk.get_by_role("link", name="Centro Legal del Valle").first.click()
    expect(desk.locator("main")).to_contain_text(
        "Welcomes volunteers from the community"
    )
    assert desk.context.cookies() == []


def test_a_phone_line_reaches_arizona_without_making_it_served(
    browser, live_server, app, directory
):
    """An editor, on a phone in Spanish, says the Fresno clinic also answers by
    phone in Arizona; a planner at a desk sees Arizona still as a gap, with one
    service by phone, and the profile says how the service is given."""
    phone = bravo_editor_on_a_phone(browser, live_server, app, directory)
    phone.get_by_role("link", name="Editar este servicio").first.click()
    phone.get_by_label("Estados donde se ofrece", exact=True).select_option(
        ["US-CA", "US-AZ"]
    )
    phone.get_by_label("También por teléfono, en los estados donde se ofrece").check()
    phone.get_by_role("button", name="Guardar").click()
    expect(phone.locator("main")).to_contain_text("Guardado.")
    expect(phone.locator("main")).to_contain_text("En persona, y por teléfono")

    desk = browser.new_context(
        locale="en-US", viewport={"width": 1366, "height": 900}
    ).new_page()
    desk.goto(live_server + "/en/gaps")
    desk.get_by_label("Service").select_option("legal_advice")
    desk.get_by_role("button", name="Show the gaps").click()
    arizona = desk.locator("tr", has_text="Arizona").first
    expect(arizona).to_contain_text("Gap")
    columns = [c.strip() for c in arizona.locator("td").all_inner_texts()]
    assert columns[1:3] == ["0", "1"]  # no provider in person; one by phone
    assert desk.context.cookies() == []
