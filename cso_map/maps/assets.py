"""Where maps get Leaflet and our map script: the app's own URLs, or inlined."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import folium
from branca.element import CssLink, Element, JavascriptLink
from xstatic.pkg import leaflet

LEAFLET_DIR = Path(leaflet.BASE_DIR)


@dataclass(frozen=True)
class MapAssets:
    """Scripts and stylesheets of a map, in load order (URLs, or source texts),
    and the titles of its zoom buttons in the page's language."""

    scripts: tuple[str, ...]
    styles: tuple[str, ...]
    inline: bool = False
    zoom_titles: tuple[str, str] = ("Zoom in", "Zoom out")


def inline_assets(
    script_paths: list[Path],
    style_paths: list[Path],
    zoom_titles: tuple[str, str] = ("Zoom in", "Zoom out"),
) -> MapAssets:
    """Return assets read from files, for a map that must open offline."""
    return MapAssets(
        tuple(path.read_text(encoding="utf-8") for path in script_paths),
        tuple(path.read_text(encoding="utf-8") for path in style_paths),
        inline=True,
        zoom_titles=zoom_titles,
    )


class SelfHostedMap(folium.Map):
    """A folium Map that loads nothing from a CDN: its assets are added explicitly."""

    default_js: list = []  # noqa: RUF012  (folium reads these class attributes)
    default_css: list = []  # noqa: RUF012


def attach_assets(figure_map: folium.Map, assets: MapAssets) -> None:
    """Add the assets to the map's page header, before the map's own script."""
    header = figure_map.get_root().header
    for index, script in enumerate(assets.scripts):
        link = _inline("script", script) if assets.inline else JavascriptLink(script)
        header.add_child(link, name=f"cso_script_{index}")
    for index, style in enumerate(assets.styles):
        link = _inline("style", style) if assets.inline else CssLink(style)
        header.add_child(link, name=f"cso_style_{index}")


def _inline(tag: str, source: str) -> Element:
    """Return an element holding `source`, unable to close its own tag early."""
    return Element(f"<{tag}>{source.replace('</', '<' + chr(92) + '/')}</{tag}>")
