"""Views of the help finder: parse the question, call the finder, render."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask_babel import gettext as _

from cso_map.finder.forms import FinderForm
from cso_map.finder.texts import abroad_text, organization_abroad, where_text
from cso_map.i18n import LANG_PREFIX, current_language, register_language_prefix
from cso_map.map_pages import frame_response, map_setting, results_legend
from cso_map.maps.results_map import ResultMarker, build_results_map
from cso_map.services.finder.help_places import (
    PlaceAnswer,
    point_where,
    resolve_place,
    state_where,
)
from cso_map.services.finder.needs import match_needs, needs
from cso_map.services.finder.query import HelpSearch
from cso_map.services.finder.search import find_results, search_help
from cso_map.taxonomy import SERVICE_CATEGORIES

bp = Blueprint("finder", __name__, url_prefix=LANG_PREFIX)
register_language_prefix(bp)


@bp.context_processor
def result_texts() -> dict:
    """Give the finder's templates what a result says about where it is."""
    return {
        "where_text": where_text,
        "abroad_text": abroad_text,
        "organization_abroad": organization_abroad,
    }


@bp.after_request
def keep_no_copy(response):
    """Tell browsers and proxies to keep no copy of anything the finder shows."""
    response.headers["Cache-Control"] = "no-store"
    return response


def understood_needs(form: FinderForm) -> list[str]:
    """Return the service categories the need field asks for, best first."""
    need = form.need.data or ""
    return [need] if need in SERVICE_CATEGORIES else match_needs(need)


def place_answer(form: FinderForm) -> PlaceAnswer | None:
    """Return where to search: typed place first, then "near me", then a state."""
    lang = current_language()
    if form.place.data:
        return resolve_place(form.place.data, lang)
    if form.lat.data is not None and form.lon.data is not None:
        return PlaceAnswer(
            point_where(form.lon.data, form.lat.data, _("your location"), lang)
        )
    if form.region.data:
        return PlaceAnswer(state_where(form.region.data, lang))
    return None


def help_search(form: FinderForm) -> tuple[HelpSearch | None, dict]:
    """Return the search asked for (None if incomplete) and what was understood."""
    categories = understood_needs(form)
    place = place_answer(form)
    context = {"categories": categories, "place": place}
    if not categories or place is None or place.where is None:
        return None, context
    search = HelpSearch(
        category=categories[0],
        where=place.where,
        radius_km=form.radius_km(),
        **form.conditions(),
    )
    return search, context


@bp.get("/find")
def find():
    """Show the finder, and the nearest help once a need and a place are given."""
    form = FinderForm(formdata=request.args)
    page = {"form": form, "needs": needs(), "search": None, "answer": None}
    if not form.asked:
        return render_template("finder/find.html", **page)
    if not form.validate():
        return render_template("finder/find.html", **page), 400
    search, understood = help_search(form)
    page.update(understood, search=search)
    if search is not None:
        page["answer"] = search_help(search)
    return render_template("finder/find.html", **page)


@bp.get("/find/map")
def results_map_frame():
    """Return the map of a search's results (framed by the finder on request)."""
    form = FinderForm(formdata=request.args)
    if not form.validate():
        abort(400)
    search, _understood = help_search(form)
    if search is None:
        abort(400)
    where = search.where
    markers = [
        ResultMarker(
            lat=result.lat,
            lon=result.lon,
            title=result.organization.name,
            detail=" · ".join(
                text
                for text in (
                    result.service.name,
                    where_text(result, where),
                    abroad_text(result),
                )
                if text
            ),
            approximate=result.approximate,
        )
        for result in find_results(search)
    ]
    setting = map_setting()
    figure_map = build_results_map(
        markers,
        None if where.whole_state else (where.lat, where.lon),
        _("You are here"),
        setting.assets,
        setting.tiles,
        legend=results_legend(),
    )
    return frame_response(figure_map)
