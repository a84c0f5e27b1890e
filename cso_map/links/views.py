"""Links pages: ties to places of origin, federations, and the map of ties."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask_babel import gettext as _

from cso_map.formatting import count_text
from cso_map.i18n import LANG_PREFIX, register_language_prefix
from cso_map.map_pages import frame_response, links_legend, map_setting
from cso_map.maps.links_map import TieLine, build_links_map
from cso_map.services.analysis.maps import region_bounds
from cso_map.services.directory.regions import regions_by_code
from cso_map.services.matching.links import federations, origin_ties, state_links
from cso_map.templating import region_name

bp = Blueprint("links", __name__, url_prefix=LANG_PREFIX)
register_language_prefix(bp)


@bp.get("/links")
def index():
    """Show, per state of origin, the organizations elsewhere tied to it."""
    origin = request.args.get("origin") or None
    if origin is not None and origin not in regions_by_code():
        abort(
            404,
            description=_(
                "There is no state with the code “%(code)s”.", code=origin[:20]
            ),
        )
    return render_template(
        "links/index.html",
        origin=origin,
        ties=origin_ties(origin),
        federations=[] if origin else federations(),
    )


@bp.get("/links/map")
def map_frame():
    """Return the map of ties between states (framed by the links page)."""
    regions = regions_by_code()
    lines = [
        TieLine(
            (regions[link.source].label_lat, regions[link.source].label_lon),
            (regions[link.target].label_lat, regions[link.target].label_lon),
            link.organizations,
            count_text(
                "%(num)s organization in %(source)s tied to %(target)s",
                "%(num)s organizations in %(source)s tied to %(target)s",
                link.organizations,
                source=region_name(link.source),
                target=region_name(link.target),
            ),
        )
        for link in state_links()
    ]
    setting = map_setting()
    return frame_response(
        build_links_map(
            lines,
            region_bounds(),
            setting.assets,
            setting.tiles,
            legend=links_legend(),
        )
    )
