"""CSV text for spreadsheets: a BOM, CRLF rows, and no cell a spreadsheet would run."""

import csv
import io

import pytest

from cso_map.services.exchange.csv_text import csv_text, neutralize


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+52 55 1234", "'+52 55 1234"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Casa = hogar", "Casa = hogar"),  # only a leading sign counts
        ("", ""),
        ("'quoted", "'quoted"),
    ],
)
def test_text_that_starts_like_a_formula_gets_a_leading_quote(cell, expected):
    assert neutralize(cell) == expected


def test_numbers_and_other_values_are_left_alone():
    assert neutralize(-5) == -5
    assert neutralize(1.5) == 1.5
    assert neutralize(None) is None
    assert neutralize(True) is True


def test_a_document_has_a_bom_crlf_rows_empty_nones_and_neutral_cells():
    text = csv_text(["name", "=cols"], [["Ñandú", None], ["=1+1", -3], ("a,b", 0)])
    assert text.startswith("\ufeff")
    assert text == ("\ufeffname,'=cols\r\nÑandú,\r\n'=1+1,-3\r\n\"a,b\",0\r\n")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows == [["name", "'=cols"], ["Ñandú", ""], ["'=1+1", "-3"], ["a,b", "0"]]


def test_a_document_without_rows_is_its_header():
    assert csv_text(("a", "b"), []) == "\ufeffa,b\r\n"
