"""The coverage policy of a request, built from the app config in one place."""

from __future__ import annotations

from flask import current_app, request

from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.web.forms import FALSE_VALUES


def coverage_policy(include_stale: bool = False) -> CoveragePolicy:
    """Return the policy services judge coverage by (UNDERSERVED_BELOW from config).

    `include_stale` is the question's choice to count unverified and stale listings.
    """
    return CoveragePolicy(
        underserved_below=current_app.config["UNDERSERVED_BELOW"],
        include_stale=bool(include_stale),
    )


def requested_policy() -> CoveragePolicy:
    """Return the policy a page without a question form was asked for (its
    `include_stale` argument, read as the forms read it)."""
    return coverage_policy(include_stale=counting_all())


def counting_all() -> bool:
    """Return whether the page was asked to count every listing (`include_stale`)."""
    return request.args.get("include_stale", "") not in FALSE_VALUES
