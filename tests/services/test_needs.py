"""Plain-language needs and typed words, as service categories."""

import json

import pytest

from cso_map.services.finder.needs import (
    NEEDS_FILE,
    is_stop_word,
    match_needs,
    needs,
    one_typo_apart,
)
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


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("nesesito avogado", "legal_advice"),  # s/c and b/v
        ("nececito un abojado", "legal_advice"),  # g/j
        ("abogao", "legal_advice"),  # a letter left out
        ("aboagdo", "legal_advice"),  # two letters swapped
        ("abbogado", "legal_advice"),  # a doubled letter
        ("depotacion", "legal_advice"),
        ("imigration", "legal_advice"),
        ("I need a lawer", "legal_advice"),
        ("atorney", "legal_advice"),
        ("alverge", "shelter"),
        ("tengo ambre", "shelter"),  # a missing h
        ("vivo en la caye", "shelter"),  # ll/y
        ("shleter", "shelter"),
        ("ospital", "health"),
        ("embarasada", "health"),  # z/s
        ("medisina", "health"),
        ("bacuna", "health"),
        ("busco trabago", "employment"),
        ("sicologo", "psychosocial"),
        ("violensia", "womens_services"),
    ],
)
def test_common_misspellings_still_find_their_category(text, category):
    assert match_needs(text)[0] == category


@pytest.mark.parametrize(
    "text",
    [
        "necesito",
        "nesesito",
        "necesito un",
        "un de para",
        "por favor ayudenme",
        "I need help please",
        "where can I go",
        # real words one letter away from a need's word stay what they are
        "padre",  # madre
        "norte",  # corte
        "puerto",  # puesto
        "mexico",  # medico
        "hombre",  # hambre
        "color",  # dolor
        "other",  # mother
        "night",  # right
        "Club Jerez de Chicago",
        "Fresno",
    ],
)
def test_short_and_common_words_name_no_need(text):
    assert match_needs(text) == []


def test_words_spelled_right_outweigh_corrected_ones():
    # "single" is one letter from "ingles"; "mother" is spelled right.
    assert match_needs("single mother") == ["womens_services"]


def test_stop_words_are_known_however_they_are_spelled():
    for word in ("necesito", "nesesito", "Nececito", "para", "the"):
        assert is_stop_word(word), word
    for word in ("abogado", "lawyer", "fresno"):
        assert not is_stop_word(word), word


def test_one_typo_apart_counts_one_letter_added_lost_changed_or_swapped():
    assert one_typo_apart("abogao", "abogado")
    assert one_typo_apart("abogadoo", "abogado")
    assert one_typo_apart("abogafo", "abogado")
    assert one_typo_apart("aboagdo", "abogado")
    assert not one_typo_apart("abgoadi", "abogado")  # a swap and a change
    assert not one_typo_apart("bogado", "abogado")  # the first letter must be right
    assert not one_typo_apart("padre", "parde")  # a swap needs a long word
    assert not one_typo_apart("abogadxx", "abogado")
