"""Numbers as Mexican Spanish and US English write them, through one formatter;
plurals that agree with their count; vocabulary words lowercased inside sentences."""

import csv
import io
import re

import pytest

from cso_map.formatting import count_text, format_number, format_score, plural_count
from cso_map.templating import label_in_sentence, label_list
from tests.conftest import load_fixture_directory

SPAIN_THOUSANDS = re.compile(r"\b[1-9]\d{0,2}(\.\d{3})+\b")  # "645.401", "1.075"


@pytest.mark.parametrize("lang", ["es", "en"])
def test_numbers_use_a_comma_for_thousands_and_a_point_for_decimals(app, lang):
    with app.test_request_context(f"/{lang}/"):
        app.preprocess_request()
        assert format_number(1075) == "1,075"
        assert format_number(227332) == "227,332"
        assert format_number(0.3) == "0.3"
        assert format_number(4.538) == "4.54"
        assert format_number(0.0312) == "0.031"
        assert format_score(0.8912) == "0.89"
        assert format_score(1) == "1.00"
        assert format_number(None) == ("sin datos" if lang == "es" else "no data")


def test_a_count_picks_singular_or_plural_and_is_formatted(app):
    singular, plural = (
        "Serves about %(num)s person a month.",
        "Serves about %(num)s people a month.",
    )
    with app.test_request_context("/es/"):
        app.preprocess_request()
        assert count_text(singular, plural, 1) == "Atiende a cerca de 1 persona al mes."
        assert (
            count_text(singular, plural, 1002)
            == "Atiende a cerca de 1,002 personas al mes."
        )
    assert [plural_count(value) for value in (1, 1.0, 0, 1.5, 2)] == [1, 1, 0, 2, 2]


def test_vocabulary_words_inside_a_sentence(app):
    with app.test_request_context("/es/"):
        app.preprocess_request()
        assert label_in_sentence("language", "spa") == "español"
        assert label_in_sentence("target_group", "families") == "familias"
        assert label_in_sentence("target_group", "lgbtiq") == "personas LGBTIQ+"
        languages = label_list("language", ["spa", "eng", "mix"])
        assert languages == "español, inglés y mixteco"
    with app.test_request_context("/en/"):
        app.preprocess_request()
        assert label_in_sentence("language", "spa") == "Spanish"
        assert label_in_sentence("target_group", "families") == "families"
        assert label_in_sentence("target_group", "lgbtiq") == "LGBTIQ+ people"
        assert label_list("language", ["spa", "eng"]) == "Spanish and English"


def test_spanish_pages_write_numbers_as_in_mexico(app, client):
    load_fixture_directory(app)
    region = client.get("/es/regions/MX-ZAC").get_data(as_text=True)
    assert re.search(r"\b\d{1,3}(,\d{3})+\b", region)  # the population
    for path in ("/es/regions/MX-ZAC", "/es/regions/MX-ZAC/brief", "/es/gaps"):
        text = client.get(path).get_data(as_text=True)
        assert not SPAIN_THOUSANDS.search(text), path
        assert not re.search(r"\b\d+,\d{1,2}\b(?!\d)", re.sub(r"<[^>]+>", " ", text))


def test_a_threshold_of_one_place_is_singular(app, client):
    load_fixture_directory(app)
    spanish = client.get("/es/gaps?service=legal_advice").get_data(as_text=True)
    assert "por debajo de 1 plaza al mes por cada 1,000 personas" in spanish
    english = client.get("/en/gaps?service=legal_advice").get_data(as_text=True)
    assert "below 1 place per month per 1,000 people" in english


def test_partner_scores_and_reasons_read_as_sentences(app, client):
    load_fixture_directory(app)
    html = client.get(
        "/es/partners?region=US-CA&service=legal_advice&language=spa"
    ).get_data(as_text=True)
    scores = re.findall(r"Puntuación <strong>([^<]+)</strong>", html)
    assert scores
    assert all(re.fullmatch(r"[01]\.\d\d", score) for score in scores)
    assert "Ofrece español." in html
    assert "Ofrece Asesoría" not in html
    assert "asesoría legal (migratoria)" in html


def test_the_partners_csv_has_the_public_contacts(app, client):
    keys = load_fixture_directory(app)
    response = client.get("/en/partners.csv?region=US-CA&service=legal_advice")
    rows = list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    header = rows[0]
    assert header[6:9] == ["Phone", "Email", "Website"]
    by_id = {row[2]: row for row in rows[1:]}
    bravo = by_id[str(keys["bravo"])]
    # A leading "+" is neutralized for spreadsheets, as in every CSV we write.
    assert bravo[6:9] == [
        "'+1 559 555 0101",
        "info@centro-legal.example.org",
        "https://centro-legal.example.org",
    ]
    assert re.fullmatch(r"[01](\.\d+)?", bravo[1])  # a score, machine-readable
