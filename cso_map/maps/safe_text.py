"""The one way text from the directory reaches a map.

Folium puts popup, tooltip and GeoJSON property text into HTML that sits inside
JavaScript template literals, without escaping it. `map_text` escapes HTML and then
the characters that end or interpolate a template literal, so the text shows as typed.
"""

from __future__ import annotations

import html
import json

_TEMPLATE_LITERAL = str.maketrans({"\\": "&#92;", "`": "&#96;", "$": "&#36;"})


def map_text(value: object) -> str:
    """Return `value` as text safe in folium popups, tooltips and properties."""
    if value is None:
        return ""
    return html.escape(str(value), quote=True).translate(_TEMPLATE_LITERAL)


def script_json(value: object) -> str:
    """Return `value` as JSON that is safe inside an inline <script> element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
