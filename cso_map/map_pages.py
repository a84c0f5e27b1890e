"""What map pages share: assets, tiles, translated map words, the sandboxed frame.

Maps run inside an <iframe sandbox="allow-scripts ..."> and their own response says
`Content-Security-Policy: sandbox ...`, so even a script that slipped into a map
could not reach the site's origin. Folium writes inline scripts, hence the frame's
own, looser CSP (the one exception security.md allows).
"""

from __future__ import annotations

from babel.numbers import format_decimal
from flask import current_app, make_response, url_for
from flask_babel import gettext as _

from cso_map.config import PROJECT_ROOT
from cso_map.i18n import current_language
from cso_map.maps.assets import LEAFLET_DIR, MapAssets, inline_assets
from cso_map.maps.gap_map import GapMapTexts
from cso_map.maps.points import PointsSource
from cso_map.maps.tiles import Tiles, tiles_from_setting
from cso_map.services.analysis.maps import MapSetting
from cso_map.taxonomy import SERVICE_CATEGORIES

FRAME_SANDBOX = "allow-scripts allow-top-navigation-by-user-activation"
OWN_SCRIPT = PROJECT_ROOT / "static" / "js" / "points-layer.js"
OWN_STYLE = PROJECT_ROOT / "static" / "css" / "map.css"


def configured_tiles() -> Tiles:
    """Return the tiles set by TILES (osm, none or a URL template)."""
    config = current_app.config
    return tiles_from_setting(config["TILES"], config["TILES_ATTRIBUTION"])


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
    )


def offline_assets() -> MapAssets:
    """Return Leaflet and the map script inlined, for a file that opens offline."""
    return inline_assets(
        [LEAFLET_DIR / "leaflet.js", OWN_SCRIPT],
        [LEAFLET_DIR / "leaflet.css", OWN_STYLE],
    )


def format_number(value: float | None) -> str:
    """Return `value` in the current language's notation ("no data" for None/NaN)."""
    if value is None or value != value:
        return _("no data")
    magnitude = abs(value)
    digits = (
        "#,##0.###" if magnitude < 0.1 else "#,##0.##" if magnitude < 100 else "#,##0"
    )
    return format_decimal(value, format=digits, locale=current_language())


def map_setting(offline: bool = False) -> MapSetting:
    """Return assets, tiles and number format for maps in this request."""
    assets = offline_assets() if offline else page_assets()
    return MapSetting(assets, configured_tiles(), format_number)


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
        class_label=_("up to {value}"),
        providers_layer=_("Providers"),
        regions_layer=_("Coverage"),
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


def frame_response(figure_map):
    """Return a map's HTML as a sandboxed document only our pages may frame."""
    response = make_response(figure_map.get_root().render())
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
