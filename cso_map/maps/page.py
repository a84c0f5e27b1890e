"""A map's own HTML page: its language and title stated (a heading too, for screen
readers), its content in a landmark, and zoom left to the person (folium's page
states neither and forbids pinch zoom)."""

from __future__ import annotations

import html

import folium
from branca.element import Template

# Folium's viewport line ends with these words, which stop people from zooming the
# page (WCAG 1.4.4); without them the line is the usual `width=device-width, ...`.
LOCKED_ZOOM = ", maximum-scale=1.0, user-scalable=no"

MAP_PAGE = Template(
    "<!DOCTYPE html>\n"
    '<html lang="{{ this.lang }}">\n'
    "<head>\n"
    "    {{ this.header.render(**kwargs) }}\n"
    "<title>{{ this.title }}</title>\n"
    "<style>.map-page { display: block; height: 100%; margin: 0; }\n"
    ".map-title { position: absolute; width: 1px; height: 1px; overflow: hidden;"
    " clip: rect(0 0 0 0); white-space: nowrap; }</style>\n"
    "</head>\n"
    "<body>\n"
    '<main class="map-page">\n'
    '<h1 class="map-title">{{ this.title }}</h1>\n'
    "    {{ this.html.render(**kwargs) }}\n"
    "</main>\n"
    "</body>\n"
    "<script>\n"
    "    {{ this.script.render(**kwargs) }}\n"
    "</script>\n"
    "</html>\n"
)


def map_page_html(figure_map: folium.Map, lang: str, title: str) -> str:
    """Return the whole page of `figure_map`, in `lang` and titled `title`."""
    page = figure_map.get_root()
    page._template = MAP_PAGE  # branca renders a figure through its `_template`
    page.lang = html.escape(lang)
    page.title = html.escape(title)
    return page.render().replace(LOCKED_ZOOM, "")
