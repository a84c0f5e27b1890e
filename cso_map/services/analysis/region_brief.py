"""A printable one-page brief of a state: gaps, partners per gap, potential, map."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cso_map.maps.svg_map import SvgMap, svg_map
from cso_map.services.analysis.coverage import coverage_of_region
from cso_map.services.analysis.dashboard import Dashboard, potential_dashboard
from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.services.finder.places import place_book
from cso_map.services.matching.partners import Partner, PartnerQuery, likely_partners
from cso_map.services.snapshot.build import directory_snapshot

STATUS_ORDER = {"gap": 0, "underserved": 1, "unknown": 2, "no_data": 3, "served": 4}
GAPS_WITH_PARTNERS = 6
PARTNERS_PER_GAP = 3


@dataclass(frozen=True)
class RegionBrief:
    """What the brief of one state shows."""

    code: str
    coverage: pd.DataFrame
    partners: dict[str, list[Partner]]
    dashboard: Dashboard
    map: SvgMap


def region_brief(code: str, policy: CoveragePolicy) -> RegionBrief | None:
    """Return the brief of state `code`, or None if it is not a state."""
    coverage = coverage_of_region(code, policy)
    if coverage is None:
        return None
    coverage = coverage.assign(order=coverage["status"].map(STATUS_ORDER)).sort_values(
        ["order", "ratio"], kind="stable"
    )
    wanted = coverage[coverage["status"].isin(["gap", "underserved"])]["service"]
    partners = {
        service: likely_partners(
            PartnerQuery(code, (service,), limit=PARTNERS_PER_GAP), policy
        )
        for service in wanted.head(GAPS_WITH_PARTNERS)
    }
    return RegionBrief(
        code=code,
        coverage=coverage.drop(columns=["order"]),
        partners=partners,
        dashboard=potential_dashboard(code, policy),
        map=state_svg_map(code),
    )


def state_svg_map(code: str) -> SvgMap:
    """Return a static map of the state, its neighbours and its organizations."""
    snapshot = directory_snapshot()
    state = snapshot.region_index(code)
    shapes = snapshot.regions["simplified"]
    neighbours = sorted(place_book(snapshot).touching.get(state, set()))  # context
    located = snapshot.located
    present = located.service[located.region == state]
    organizations = snapshot.organizations.iloc[present]
    organizations = organizations[organizations["lon"].notna()]
    return svg_map(
        shapes.iloc[state],
        [shapes.iloc[i] for i in neighbours],
        organizations["lon"].to_numpy(float),
        organizations["lat"].to_numpy(float),
    )
