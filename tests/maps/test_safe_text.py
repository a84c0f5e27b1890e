"""The one safe-text helper, and maps built with hostile text (no app needed)."""

import json
import re

import pytest

from cso_map.maps.safe_text import map_text, script_json

CORPUS = [
    "<img src=x onerror=alert(1)>",
    "${alert(1)}",
    "\\`);alert(1);//",
    "</script><script>alert(1)</script>",
    '"><svg onload=alert(1)>',
]


@pytest.mark.parametrize("text", CORPUS)
def test_map_text_leaves_nothing_that_html_or_a_template_literal_would_run(text):
    safe = map_text(text)
    assert not set("<>\"'`$\\") & set(safe)


def test_map_text_shows_the_text_as_typed_once_decoded():
    import html

    for text in CORPUS:
        assert html.unescape(map_text(text)) == text
    assert map_text(None) == ""
    assert map_text(12) == "12"


def test_script_json_cannot_close_the_script_it_sits_in():
    text = script_json({"name": "</script><script>alert(1)</script>", "n": "\u2028"})
    assert "</" not in text
    assert "<" not in text
    assert json.loads(text) == {
        "name": "</script><script>alert(1)</script>",
        "n": "\u2028",
    }


def test_no_folium_popup_or_tooltip_is_built_outside_the_maps_package():
    from cso_map.config import PROJECT_ROOT

    pattern = re.compile(r"folium\.(Popup|Tooltip)\(|GeoJson(Popup|Tooltip)\(")
    offenders = [
        str(path)
        for path in (PROJECT_ROOT / "cso_map").rglob("*.py")
        if "maps" not in path.parts and pattern.search(path.read_text("utf-8"))
    ]
    assert offenders == []
