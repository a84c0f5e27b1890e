"""An editor gives a listing's texts in Spanish and in English; each reader sees
the version in their language, and a text given in one language only is marked
with its language on the other language's page."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from cso_map.services.editing.accounts import create_user

pytestmark = pytest.mark.e2e
PASSWORD = "correct horse battery staple"
SHOTS = Path("/tmp/shots")
SPANISH = "Federación de clubes que apoya obras en Zacatecas y a sus paisanos."
ENGLISH = "Federation of clubs that supports projects in Zacatecas and its people."
TO_BRING = "Traiga su credencial si la tiene."
# The editor's screen, by width: Spanish on a phone, English at a desk.
WORDS = {
    "es": {
        "locale": "es-MX",
        "email": "Correo electrónico",
        "password": "Contraseña",
        "log_in": "Iniciar sesión",
        "edit": "Editar",
        "edit_service": "Editar este servicio",
        "language": "Idioma en que están escritos estos textos",
        "description": "Qué hace la organización",
        "translation": "Qué hace la organización, en el otro idioma",
        "to_bring": "Qué llevar y cómo pedirlo",
        "save": "Guardar",
        "saved": "Guardado.",
    },
    "en": {
        "locale": "en-US",
        "email": "E-mail",
        "password": "Password",
        "log_in": "Log in",
        "edit": "Edit",
        "edit_service": "Edit this service",
        "language": "Language these texts are written in",
        "description": "What the organization does",
        "translation": "What the organization does, in the other language",
        "to_bring": "What to bring, how to ask for it",
        "save": "Save",
        "saved": "Saved.",
    },
}


def screen(browser, width: int, lang: str):
    """Return a new page of this width whose browser prefers `lang`."""
    return browser.new_context(
        locale=WORDS[lang]["locale"], viewport={"width": width, "height": 800}
    ).new_page()


def no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
        "the page scrolls sideways"
    )


def open_listing(page, base: str, lang: str) -> None:
    """Open the directory and the federation's profile from it."""
    page.goto(f"{base}/{lang}/organizations")
    page.get_by_role("link", name="Federación Zacatecana de Illinois").first.click()


@pytest.mark.parametrize(("width", "lang"), [(360, "es"), (1366, "en")])
def test_an_editor_writes_both_languages_and_each_reader_sees_theirs(
    browser, live_server, app, directory, width, lang
):
    with app.app_context():
        create_user(
            "marta@example.org", PASSWORD, "editor", organizations=[directory["india"]]
        )
    words = WORDS[lang]
    editor = screen(browser, width, lang)
    editor.goto(f"{live_server}/{lang}/login")
    editor.get_by_label(words["email"]).fill("marta@example.org")
    editor.get_by_label(words["password"]).fill(PASSWORD)
    editor.get_by_role("button", name=words["log_in"]).click()
    editor.get_by_role("link", name="Federación Zacatecana de Illinois").click()
    editor.get_by_role("link", name=words["edit"], exact=True).click()
    editor.get_by_label(words["language"]).select_option("es")
    editor.get_by_label(words["description"], exact=True).fill(SPANISH)
    editor.get_by_label(words["translation"]).fill(ENGLISH)
    no_sideways_scroll(editor)
    editor.screenshot(path=SHOTS / f"bilingual-edit-{width}.png", full_page=True)
    editor.get_by_role("button", name=words["save"]).click()
    expect(editor.locator("main")).to_contain_text(words["saved"])

    editor.get_by_role("link", name=words["edit_service"]).first.click()
    editor.get_by_label(words["language"]).select_option("es")
    editor.get_by_label(words["to_bring"]).fill(TO_BRING)
    editor.get_by_role("button", name=words["save"]).click()
    expect(editor.locator("main")).to_contain_text(words["saved"])

    reader = screen(browser, width, "es")
    open_listing(reader, live_server, "es")
    description = reader.locator("p.description")
    expect(description).to_have_text(SPANISH)
    expect(description.locator("[lang]")).to_have_count(0)
    expect(reader.locator("main")).to_contain_text(TO_BRING)
    expect(reader.locator("main")).not_to_contain_text(ENGLISH)
    expect(reader.locator("main")).not_to_contain_text("Solo disponible")
    reader.screenshot(path=SHOTS / f"bilingual-profile-es-{width}.png", full_page=True)

    visitor = screen(browser, width, "en")
    open_listing(visitor, live_server, "en")
    expect(visitor.locator("p.description")).to_have_text(ENGLISH)
    marked = visitor.locator('main [lang="es"]', has_text=TO_BRING)
    expect(marked).to_have_count(1)
    expect(visitor.locator("dd", has_text=TO_BRING)).to_contain_text(
        "(Only available in Spanish)"
    )
    expect(visitor.locator("main")).not_to_contain_text(SPANISH)
    no_sideways_scroll(visitor)
    visitor.screenshot(path=SHOTS / f"bilingual-profile-en-{width}.png", full_page=True)
    assert reader.context.cookies() == visitor.context.cookies() == []
