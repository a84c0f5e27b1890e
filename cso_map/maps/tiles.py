"""The tile layer behind every map: OpenStreetMap, none, or a URL template."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

OSM_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = "© OpenStreetMap contributors"


@dataclass(frozen=True)
class Tiles:
    """A tile URL template and its attribution; `url` None means no tiles.

    Without tiles, maps draw the states from `outlines_url` (GeoJSON) instead.
    """

    url: str | None
    attribution: str = ""
    outlines_url: str | None = None

    @property
    def host(self) -> str | None:
        """Return the scheme and host tiles come from (for the CSP), if any."""
        if self.url is None:
            return None
        parts = urlsplit(self.url.replace("{s}.", ""))
        return f"{parts.scheme}://{'*.' if '{s}' in self.url else ''}{parts.netloc}"


def tiles_from_setting(
    setting: str, attribution: str = "", outlines_url: str | None = None
) -> Tiles:
    """Return the tiles for TILES=osm|none|<https URL template with {z}/{x}/{y}>."""
    if setting == "none":
        return Tiles(None, outlines_url=outlines_url)
    if setting == "osm":
        return Tiles(OSM_URL, OSM_ATTRIBUTION)
    if urlsplit(setting).scheme != "https" or not all(
        part in setting for part in ("{z}", "{x}", "{y}")
    ):
        raise ValueError(
            "TILES must be osm, none or an https URL template with {z}, {x} and {y}"
        )
    return Tiles(setting, attribution)
