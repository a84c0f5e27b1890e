"""What map pages share: assets, tiles, translated map words, the sandboxed frame.

Maps run inside an <iframe sandbox="allow-scripts ..."> and their own response says
`Content-Security-Policy: sandbox ...`, so even a script that slipped into a map
could not reach the site's origin. Folium writes inline scripts, hence the frame's
own, looser CSP (the one exception security.md allows).
"""

from __future__ import annotations

from flask import current_app, make_response, url_for
from flask_babel import gettext as _

from cso_map.config import PROJECT_ROOT
from cso_map.formatting import format_number
from cso_map.i18n import current_language
from cso_map.maps.assets import LEAFLET_DIR, MapAssets, inline_assets
from cso_map.maps.gap_map import GapMapTexts
from cso_map.maps.links_map import LinksLegend
from cso_map.maps.page import map_page_html
from cso_map.maps.points import PointsSource
from cso_map.maps.results_map import ResultsLegend
from cso_map.maps.tiles import Tiles, tiles_from_setting
from cso_map.services.analysis.maps import MapSetting
from cso_map.taxonomy import SERVICE_CATEGORIES

FRAME_SANDBOX = "allow-scripts allow-top-navigation-by-user-activation"
OWN_SCRIPT = PROJECT_ROOT / "static" / "js" / "points-layer.js"
OWN_STYLE = PROJECT_ROOT / "static" / "css" / "map.css"


def configured_tiles() -> Tiles:
    """Return the tiles set by TILES (osm, none or a URL template).

    Without tiles, maps draw the states' outlines from the regions API instead.
    """
    config = current_app.config
    return tiles_from_setting(
        config["TILES"], config["TILES_ATTRIBUTION"], url_for("api.regions")
    )


def zoom_titles() -> tuple[str, str]:
    """Return the titles of the zoom buttons, in the page's language."""
    return _("Zoom in"), _("Zoom out")


def page_assets() -> MapAssets:
    """Return the app's own URLs of Leaflet and the map script."""
    return MapAssets(
        scripts=(
            url_for("leaflet", filename="leaflet.js"),
            url_for("static", filename="js/points-layer.js"),
        ),
        styles=(
            url_for("leaflet", filename="leaflet.css"),
            url_for("static", filename="css/map.css"),
        ),
        zoom_titles=zoom_titles(),
    )


def offline_assets() -> MapAssets:
    """Return Leaflet and the map script inlined, for a file that opens offline."""
    return inline_assets(
        [LEAFLET_DIR / "leaflet.js", OWN_SCRIPT],
        [LEAFLET_DIR / "leaflet.css", OWN_STYLE],
        zoom_titles(),
    )


def map_setting(offline: bool = False) -> MapSetting:
    """Return assets, tiles and number format for maps in this request."""
    if offline:  # a file that opens offline cannot fetch outlines: maps inline them
        tiles = configured_tiles()
        return MapSetting(
            offline_assets(), Tiles(tiles.url, tiles.attribution), format_number
        )
    return MapSetting(page_assets(), configured_tiles(), format_number)


def family_labels() -> dict[str, str]:
    """Return the legend's names of the families of CSO types."""
    return {
        "migrant_led": _("Hometown clubs, federations and migrant associations"),
        "ngo": _("NGOs"),
        "faith": _("Faith-based groups"),
        "labour": _("Unions and cooperatives"),
        "community": _("Community groups and networks"),
        "other": _("Academic and other"),
    }


def status_labels() -> dict[str, str]:
    """Return the words for coverage statuses."""
    return {
        "gap": _("Gap: need and no provider"),
        "underserved": _("Underserved"),
        "unknown": _("Not known: capacity not reported"),
        "served": _("Served"),
        "no_data": _("No data on need"),
    }


def gap_texts() -> GapMapTexts:
    """Return the words of a gap map."""
    return GapMapTexts(
        title=_("Places per month per 1,000 people in need"),
        aliases=(
            _("Region"),
            _("Providers"),
            _("Capacity (people per month)"),
            _("People in need"),
            _("Places per 1,000"),
            _("Status"),
        ),
        gap=_("Gap: need and no provider"),
        no_data=_("No data on need"),
        unknown=_("Not known: capacity not reported"),
        below_label=_("under {high}"),
        between_label=_("{low} to under {high}"),
        above_label=_("{low} or more"),
        threshold_note=_("Underserved: under {value}"),
        providers_layer=_("Providers"),
        regions_layer=_("Coverage"),
    )


def results_legend() -> ResultsLegend:
    """Return the words of the finder's results map legend."""
    return ResultsLegend(
        title=_("On this map"),
        result=_("Help found"),
        approximate=_("Approximate place: the exact address is not public"),
    )


def links_legend() -> LinksLegend:
    """Return the words of the links map legend."""
    return LinksLegend(
        title=_("Ties to places of origin"),
        line=_(
            "From where organizations are to their state of origin;"
            " thicker: more organizations"
        ),
        origin=_("State of origin"),
    )


def points_source(
    query: dict,
    data: dict | None = None,
    outlines: bool = False,
    outline_data: dict | None = None,
) -> PointsSource:
    """Return where a map's points (and state outlines) come from: API or data."""
    lang = current_language()
    offline = data is not None
    return PointsSource(
        url=None
        if offline
        else url_for("api.list_organizations", format="points", **query),
        data=data,
        outlines_url=url_for("api.regions") if outlines and not offline else None,
        outlines=outline_data,
        details_url="" if offline else url_for("api.list_organizations") + "/",
        profile_url=""
        if offline
        else url_for("directory.organizations", lang_code=lang) + "/",
        service_labels={
            term.code: term.label(lang) for term in SERVICE_CATEGORIES.terms
        },
        open_label=_("Open profile"),
        loading_label=_("Loading…"),
    )


def frame_response(figure_map, title: str | None = None):
    """Return a map's HTML as a sandboxed document only our pages may frame."""
    page_title = f"{title or _('Map')} · CSO Map"
    response = make_response(map_page_html(figure_map, current_language(), page_title))
    tiles = configured_tiles().host or ""
    response.headers["Content-Security-Policy"] = "; ".join(
        (
            f"sandbox {FRAME_SANDBOX}",
            "default-src 'none'",
            "script-src 'self' 'unsafe-inline'",
            "style-src 'self' 'unsafe-inline'",
            f"img-src 'self' data: {tiles}".strip(),
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'self'",
        )
    )
    response.headers["X-Frame-Options"] = "SAMEORIGIN"
    return response
