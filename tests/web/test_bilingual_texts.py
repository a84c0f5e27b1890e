"""Organization texts in the page's language, else the other one with its lang."""

from tests.web.test_editing import edit_url, form_values, logged_in


def profile(client, directory, lang: str) -> str:
    return client.get(f"/{lang}/organizations/{directory['bravo']}").get_data(
        as_text=True
    )


def test_each_page_shows_the_description_in_its_language(client, directory):
    spanish, english = (
        profile(client, directory, "es"),
        profile(client, directory, "en"),
    )
    assert '<p class="description">Abogados de migración en Fresno.</p>' in spanish
    assert '<p class="description">Immigration lawyers in Fresno.</p>' in english
    assert "Immigration lawyers" not in spanish
    assert "Clínica migratoria gratuita" in spanish
    assert "Free immigration clinic" in english


def test_a_text_only_in_the_other_language_is_marked_with_its_lang(client, directory):
    english = profile(client, directory, "en")
    marked = '<span lang="es">Traiga sus papeles si los tiene.</span>'
    assert f'{marked} <span class="meta">(Only available in Spanish)</span>' in english
    assert '<span lang="es">Para cualquier persona del valle.</span>' in english
    spanish = profile(client, directory, "es")
    assert "Traiga sus papeles si los tiene." in spanish
    assert "(Solo disponible en inglés)" not in spanish


def test_finder_results_show_the_service_in_the_page_language(client, directory):
    page = client.get("/es/find?need=legal_advice&place=Fresno").get_data(as_text=True)
    assert "Clínica migratoria gratuita" in page
    assert "Para cualquier persona del valle." in page
    english = client.get("/en/find?need=legal_advice&place=Fresno")
    assert "Free immigration clinic" in english.get_data(as_text=True)


def test_a_translation_needs_the_language_of_the_texts(app, directory):
    editor = logged_in(app, "t@example.org", organizations=[directory["bravo"]])
    values = form_values(editor, edit_url(directory))
    assert values["text_language"] == "en"
    values.update(text_language="", description_translation="Otra descripción")
    response = editor.post(edit_url(directory).replace("/en/", "/es/"), data=values)
    assert response.status_code == 400
    assert "Indique en qué idioma están escritos los textos" in response.get_data(
        as_text=True
    )
    values.update(text_language="fr")
    assert editor.post(edit_url(directory), data=values).status_code == 400
    values.update(text_language="en")
    assert editor.post(edit_url(directory), data=values).status_code == 302
    assert "Otra descripción" in profile(app.test_client(), directory, "es")
