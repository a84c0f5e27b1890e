"""A printable brief of a state: its map, its gaps and the best partner for each,
with how to reach it, on the first page; coverage, runner-up partners and the
potential of its organizations on the second."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cso_map.maps.svg_map import SvgMap, svg_map
from cso_map.services.analysis.coverage import coverage_of_region
from cso_map.services.analysis.dashboard import Dashboard, potential_dashboard
from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.services.finder.places import place_book
from cso_map.services.matching.partners import Partner, PartnerQuery, likely_partners
from cso_map.services.matching.partners.contacts import Contact, partner_contacts
from cso_map.services.snapshot.build import directory_snapshot

STATUS_ORDER = {"gap": 0, "underserved": 1, "unknown": 2, "no_data": 3, "served": 4}
GAP_STATUSES = ("gap", "underserved")
GAPS_WITH_RUNNERS_UP = 6  # the second page lists more partners for these gaps
PARTNERS_PER_GAP = 3


@dataclass(frozen=True)
class RegionBrief:
    """What the brief of one state shows."""

    code: str
    coverage: pd.DataFrame
    partners: dict[str, list[Partner]]
    contacts: dict[str, Contact]
    dashboard: Dashboard
    map: SvgMap

    def status(self, service: str) -> str:
        """Return the coverage status of `service` in the state."""
        return self.coverage.loc[self.coverage["service"] == service, "status"].iat[0]

    def runners_up(self) -> dict[str, list[Partner]]:
        """Return the next likely partners of the first gaps that have more than one."""
        first = list(self.partners.items())[:GAPS_WITH_RUNNERS_UP]
        return {service: found[1:] for service, found in first if len(found) > 1}


def region_brief(code: str, policy: CoveragePolicy) -> RegionBrief | None:
    """Return the brief of state `code`, or None if it is not a state."""
    coverage = coverage_of_region(code, policy)
    if coverage is None:
        return None
    coverage = coverage.assign(order=coverage["status"].map(STATUS_ORDER)).sort_values(
        ["order", "ratio"], kind="stable"
    )
    wanted = coverage[coverage["status"].isin(GAP_STATUSES)]["service"]
    partners = {
        service: likely_partners(
            PartnerQuery(code, (service,), limit=PARTNERS_PER_GAP), policy
        )
        for service in wanted
    }
    everyone = {
        partner.organization_id for found in partners.values() for partner in found
    }
    return RegionBrief(
        code=code,
        coverage=coverage.drop(columns=["order"]),
        partners=partners,
        contacts=partner_contacts(everyone),
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
