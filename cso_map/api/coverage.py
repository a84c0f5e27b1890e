"""/api/v1/coverage: providers, capacity and demand of one service per state."""

from __future__ import annotations

import math

from flask import request

from cso_map.api.blueprint import bp
from cso_map.services.analysis.coverage import region_coverage
from cso_map.web.api_parameters import takes, validated
from cso_map.web.policy import coverage_policy
from cso_map.web.questions.coverage import CoverageForm

RATIO_UNIT = "places per month per 1,000 people in need"


def json_number(value) -> float | None:
    """Return `value` as a JSON number, or None for a missing (NaN) one."""
    return None if value is None or math.isnan(value) else round(float(value), 3)


def coverage_item(row) -> dict:
    """Return one state's coverage, with the stable field names of the API."""
    item = {
        "region": row.code,
        "name": row.name_en,
        "name_es": row.name_es,
        "providers": int(row.providers),
        "unreported": int(row.unreported),
        "remote": int(row.remote),
        "capacity": json_number(row.capacity),
        "demand": json_number(row.demand),
        "ratio": json_number(row.ratio),
        "status": row.status,
    }
    if hasattr(row, "language_gap"):
        item["language_gap"] = bool(row.language_gap)
    return item


@bp.get("/coverage")
@takes(CoverageForm)
def coverage():
    """Return the coverage of one service (optionally a language or group) per state."""
    form = validated(CoverageForm(formdata=request.args))
    query = form.to_query()
    policy = coverage_policy(include_stale=form.include_stale.data)
    table = region_coverage(query, policy)
    return {
        "service": query.service,
        "language": query.language,
        "target_group": query.target_group,
        "include_stale": policy.include_stale,
        "ratio_unit": RATIO_UNIT,
        "underserved_below": policy.threshold(query.service),
        "regions": [coverage_item(row) for row in table.itertuples()],
    }
