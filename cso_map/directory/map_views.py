"""The directory map page and the sandboxed frame that draws it."""

from __future__ import annotations

from flask import abort, render_template, request
from flask_babel import gettext as _

from cso_map.directory.views import bp
from cso_map.map_pages import family_labels, frame_response, map_setting, points_source
from cso_map.services.analysis.maps import directory_map
from cso_map.web.questions.directory import DirectoryFilterForm


@bp.get("/map")
def map_page():
    """Show the filters and, in a sandboxed frame, the map of what matches them."""
    form = DirectoryFilterForm(formdata=request.args)
    valid = form.validate()
    return render_template(
        "directory/map.html", form=form, valid=valid
    ), 200 if valid else 400


@bp.get("/map/frame")
def map_frame():
    """Return the map document itself (framed by the map and region pages)."""
    form = DirectoryFilterForm(formdata=request.args)
    if not form.validate():
        abort(400)
    filters = form.active_filters()
    figure_map = directory_map(
        map_setting(),
        points_source(filters, outlines=True),
        family_labels(),
        _("Organizations by type"),
        region=form.region.data or None,
    )
    return frame_response(figure_map)
