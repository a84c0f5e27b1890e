"""Plain-language needs and typed words, as service categories."""

import json

import pytest

from cso_map.services.finder.needs import NEEDS_FILE, match_needs, needs
from cso_map.taxonomy import SERVICE_CATEGORIES


def test_every_service_category_has_one_plain_choice_in_both_languages():
    choices = needs()
    assert sorted(need.category for need in choices) == sorted(
        SERVICE_CATEGORIES.codes()
    )
    for need in choices:
        assert need.label("es")
        assert need.label("en")
        assert need.icon
        assert need.label("es") != need.label("en")
    assert sum(need.featured for need in choices) >= 6


def test_the_synonyms_are_data_with_words_in_both_languages():
    raw = json.loads(NEEDS_FILE.read_text(encoding="utf-8"))["needs"]
    for item in raw:
        assert item["es"]["words"], item["category"]
        assert item["en"]["words"], item["category"]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("necesito un abogado", "legal_advice"),
        ("Necesito ayuda con mis PAPELES", "legal_advice"),
        ("asilo", "legal_advice"),
        ("I need a lawyer", "legal_advice"),
        ("no tengo donde dormir", "shelter"),
        ("albergue", "shelter"),
        ("quiero aprender inglés", "language_classes"),
        ("busco trabajo", "employment"),
        ("my boss does not pay my wages", "labour_rights"),
        ("mi esposo me pega", "womens_services"),
        ("necesito un intérprete de mixteco", "cultural_mediation"),
    ],
)
def test_typed_words_find_their_category_first(text, category):
    assert match_needs(text)[0] == category


def test_longer_phrases_outweigh_single_words():
    # "accidente de trabajo" (three words) beats "trabajo" (employment, one word).
    assert match_needs("tuve un accidente de trabajo")[:2] == [
        "labour_rights",
        "employment",
    ]


def test_words_that_name_no_need_match_nothing():
    assert match_needs("hola buenas tardes") == []
    assert match_needs("") == []
