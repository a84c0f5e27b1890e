"""A record's texts in the page's language, else in the other one, marked."""

import pytest

from cso_map.models import Organization, Service
from cso_map.models.texts import PageText


def organization(**texts) -> Organization:
    return Organization(**{"description": "", "description_translation": "", **texts})


@pytest.mark.parametrize(
    ("texts", "lang", "shown"),
    [
        (
            {
                "text_language": "es",
                "description": "Hola",
                "description_translation": "Hi",
            },
            "es",
            PageText("Hola"),
        ),
        (
            {
                "text_language": "es",
                "description": "Hola",
                "description_translation": "Hi",
            },
            "en",
            PageText("Hi"),
        ),
        ({"text_language": "en", "description": "Hi"}, "es", PageText("Hi", "en")),
        ({"text_language": "es", "description": "Hola"}, "en", PageText("Hola", "es")),
        (
            {"text_language": "en", "description_translation": "Hola"},
            "en",
            PageText("Hola", "es"),
        ),
        ({"text_language": None, "description": "Hi"}, "es", PageText("Hi")),
        ({"text_language": "en"}, "es", PageText("")),
    ],
)
def test_a_text_is_shown_in_the_page_language_or_marked(texts, lang, shown):
    assert organization(**texts).text_in("description", lang) == shown


def test_an_empty_text_is_false_and_a_service_name_has_its_translation():
    assert not organization(text_language="es").text_in("description", "en")
    service = Service(name="Asylum case support", text_language="en")
    assert service.text_in("name", "es") == PageText("Asylum case support", "en")
    service.name_translation = "Acompañamiento en casos de asilo"
    assert service.text_in("name", "es") == PageText("Acompañamiento en casos de asilo")
