"""The organizations layer: points fetched as compact JSON and drawn on a canvas."""

from __future__ import annotations

from dataclasses import dataclass, field

from folium.map import Layer
from folium.template import Template

from cso_map.maps.safe_text import map_text, script_json

# Twelve CSO types in six families, each a colour of the colour-blind-safe
# Okabe-Ito palette, so the map stays readable for everyone.
FAMILY_COLOURS = {
    "migrant_led": "#0072B2",
    "ngo": "#E69F00",
    "faith": "#009E73",
    "labour": "#CC79A7",
    "community": "#56B4E9",
    "other": "#000000",
}
TYPE_FAMILIES = {
    "hometown_club": "migrant_led",
    "federation": "migrant_led",
    "migrant_association": "migrant_led",
    "diaspora_organization": "migrant_led",
    "ngo": "ngo",
    "faith_based": "faith",
    "union": "labour",
    "cooperative": "labour",
    "community_group": "community",
    "network": "community",
    "academic": "other",
    "other": "other",
}
GROUP_BELOW_ZOOM = 8


@dataclass(frozen=True)
class PointsSource:
    """Where the points come from (`url`, or inline `data`) and how popups read."""

    url: str | None = None
    data: dict | None = None
    outlines_url: str | None = None
    outlines: dict | None = None
    details_url: str = ""
    profile_url: str = ""
    service_labels: dict[str, str] = field(default_factory=dict)
    open_label: str = ""
    loading_label: str = ""


class PointsLayer(Layer):
    """A Leaflet layer of our own (static/js/points-layer.js) that folium places."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = CSOMap.pointsLayer({{ this.options_json }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        source: PointsSource,
        type_codes: list[str],
        name: str,
        show: bool = True,
    ) -> None:
        super().__init__(name=map_text(name), overlay=True, control=True, show=show)
        self._name = "PointsLayer"
        colours = {
            index: FAMILY_COLOURS[TYPE_FAMILIES.get(code, "other")]
            for index, code in enumerate(type_codes)
        }
        self.options_json = script_json(
            {
                "url": source.url,
                "data": source.data,
                "outlinesUrl": source.outlines_url,
                "outlines": source.outlines,
                "detailsUrl": source.details_url,
                "profileUrl": source.profile_url,
                "groupBelowZoom": GROUP_BELOW_ZOOM,
                "colours": {**colours, "default": FAMILY_COLOURS["other"]},
                "labels": {
                    "services": source.service_labels,
                    "open": source.open_label,
                    "loading": source.loading_label,
                },
            }
        )
