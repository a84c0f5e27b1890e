"""A map legend: a title and colour swatches with labels, all escaped.

The legend is a disclosure (<details>): open on a wide map, folded to its title on
a small one, where it would hide most of the map, so a person opens it on demand.
"""

from __future__ import annotations

import folium
from branca.element import Element

from cso_map.maps.safe_text import map_text

SMALL_MAP = "(max-width: 480px), (max-height: 420px)"
LEGEND_STYLE = """<style>
.cso-legend{position:absolute;z-index:1000;right:10px;bottom:24px;max-width:16rem;
max-height:calc(100% - 120px);overflow:auto;background:#fff;padding:.4rem .75rem;
border-radius:4px;font:13px/1.4 sans-serif;box-shadow:0 1px 4px rgba(0,0,0,.35)}
.cso-legend summary{cursor:pointer;font-weight:700;min-height:24px}
.cso-legend summary h2{display:inline;font-size:13px;margin:0}
.cso-legend ul{list-style:none;margin:.25rem 0 0;padding:0}
.cso-legend i{display:inline-block;width:14px;height:14px;margin-right:6px;
vertical-align:-2px;border:1px solid #555}
.cso-legend p{margin:.25rem 0 0;font-style:italic}
@media (max-width:480px){
/* beside the scale (at most 120 px wide, bottom left), never over it */
.cso-legend{font-size:12px;max-width:calc(100% - 150px);padding:.25rem .5rem}
.cso-legend summary h2{font-size:12px}}
</style>"""
FOLD_SCRIPT = (
    "<script>(function(){var legend=document.querySelector('.cso-legend');"
    f"if(legend&&window.matchMedia('{SMALL_MAP}').matches)legend.open=false;"
    "})();</script>"
)


def add_legend(
    figure_map: folium.Map,
    title: str,
    items: list[tuple[str, str]],
    note: str = "",
) -> None:
    """Add a legend of (colour, label) items, and an optional note, to the map."""
    rows = "".join(
        f'<li><i style="background:{map_text(colour)}"></i>{map_text(label)}</li>'
        for colour, label in items
    )
    closing = f"<p>{map_text(note)}</p>" if note else ""
    root = figure_map.get_root()
    root.header.add_child(Element(LEGEND_STYLE), name="cso_legend_style")
    root.html.add_child(
        Element(
            f'<details class="cso-legend" open><summary><h2>{map_text(title)}</h2>'
            f"</summary><ul>{rows}</ul>{closing}</details>{FOLD_SCRIPT}"
        ),
        name="cso_legend",
    )
