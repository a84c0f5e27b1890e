"""Self-contained map files: Leaflet, our script and the data inlined, no server."""

from __future__ import annotations

from flask import g
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from cso_map.map_pages import (
    family_labels,
    gap_texts,
    map_setting,
    points_source,
    status_labels,
)
from cso_map.maps.page import map_page_html
from cso_map.services.analysis.maps import directory_map, gap_map
from cso_map.services.analysis.region_maps import organizations_compact, regions_geojson
from cso_map.web.policy import coverage_policy
from cso_map.web.questions.coverage import CoverageForm
from cso_map.web.questions.directory import DirectoryFilterForm


def export_map(kind: str, lang: str, question: dict) -> str:
    """Return the HTML of a `kind` map ("gaps" or "directory") for `question`.

    Raises ValueError, naming the problem, for an invalid question.
    """
    g.lang_code = lang
    args = MultiDict({k: v for k, v in question.items() if v not in (None, False)})
    if question.get("include_stale"):
        args["include_stale"] = "1"
    setting = map_setting(offline=True)
    if kind == "gaps":
        form = CoverageForm(formdata=args)
        _check(form)
        data = organizations_compact(
            DirectoryFilterForm(
                formdata=MultiDict(form.provider_filters())
            ).to_filters(),
            with_details=True,
        )
        figure_map = gap_map(
            setting,
            form.to_query(),
            coverage_policy(include_stale=form.include_stale.data),
            gap_texts(),
            status_labels(),
            lang,
            providers=points_source({}, data=data),
        )
    else:
        form = DirectoryFilterForm(formdata=args)
        _check(form)
        data = organizations_compact(form.to_filters(), with_details=True)
        source = points_source({}, data=data, outline_data=regions_geojson())
        figure_map = directory_map(
            setting,
            source,
            family_labels(),
            _("Organizations by type"),
            region=form.region.data or None,
        )
    return map_page_html(figure_map, lang, f"{_('Map')} · CSO Map")


def _check(form) -> None:
    if not form.validate():
        raise ValueError(
            " ".join(
                m for messages in form.errors_by_field().values() for m in messages
            )
        )
