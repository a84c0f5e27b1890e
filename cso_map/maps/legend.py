"""A map legend: a title and colour swatches with labels, all escaped."""

from __future__ import annotations

import folium
from branca.element import Element

from cso_map.maps.safe_text import map_text

LEGEND_STYLE = """<style>
.cso-legend{position:absolute;z-index:1000;right:10px;bottom:24px;max-width:16rem;
background:#fff;padding:.5rem .75rem;border-radius:4px;font:13px/1.4 sans-serif;
box-shadow:0 1px 4px rgba(0,0,0,.35)}
.cso-legend h2{font-size:13px;margin:0 0 .25rem}
.cso-legend ul{list-style:none;margin:0;padding:0}
.cso-legend i{display:inline-block;width:14px;height:14px;margin-right:6px;
vertical-align:-2px;border:1px solid #555}
@media (max-width:480px){
.cso-legend{font-size:11px;max-width:10rem;padding:.25rem .5rem}
.cso-legend h2{font-size:11px}}
</style>"""


def add_legend(
    figure_map: folium.Map, title: str, items: list[tuple[str, str]]
) -> None:
    """Add a legend of (colour, label) items to the map's page."""
    rows = "".join(
        f'<li><i style="background:{map_text(colour)}"></i>{map_text(label)}</li>'
        for colour, label in items
    )
    root = figure_map.get_root()
    root.header.add_child(Element(LEGEND_STYLE), name="cso_legend_style")
    root.html.add_child(
        Element(
            f'<div class="cso-legend" role="region" aria-label="{map_text(title)}">'
            f"<h2>{map_text(title)}</h2><ul>{rows}</ul></div>"
        ),
        name="cso_legend",
    )
