"""The CSO potential dashboard: what the organizations of a state (or all) can do."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.services.snapshot.build import DirectorySnapshot, directory_snapshot
from cso_map.taxonomy import (
    BUDGET_BANDS,
    CSO_TYPES,
    ENGAGEMENT_LEVELS,
    SERVICE_CATEGORIES,
    TARGET_GROUPS,
)

# People bands: (lowest, highest) counts, inclusive; None: no upper bound.
PEOPLE_BANDS = ((0, 0), (1, 2), (3, 9), (10, 49), (50, None))
NOT_STATED = "not_stated"


@dataclass(frozen=True)
class Count:
    """One bar: a code (or band) and how many."""

    code: str
    count: int


@dataclass(frozen=True)
class Dashboard:
    """Figures of the organizations present in a state, or in the whole directory."""

    region: str | None
    organizations: int
    services: int
    by_type: list[Count]
    paid_staff: list[Count]
    volunteers: list[Count]
    budget: list[Count]
    engagement: list[Count]
    services_by_category: list[Count]
    women_led: int
    women_focused: int
    stale: int
    unverified: int
    left_out: int  # present, but not counted under the policy


def potential_dashboard(region: str | None, policy: CoveragePolicy) -> Dashboard:
    """Return the dashboard of state `region` (organizations located there), or all.

    Services are those delivered in the state in person, as in coverage;
    organizations are those with a location in it; `policy` says which listings
    count. `stale` and `unverified` count those present, counted or not.
    """
    snapshot = directory_snapshot()
    state = None if region is None else snapshot.region_index(region)
    if region is not None and state is None:
        raise ValueError(f"unknown state {region}")
    everyone = snapshot.organizations.iloc[_organizations_in(snapshot, state)]
    counted = policy.counted(everyone["verified"], everyone["stale"])
    organizations = everyone[counted]
    services = snapshot.services
    reaching = (
        np.ones(len(services), bool) if state is None else snapshot.reaching([state])
    )
    reaching &= policy.counted(services["verified"], services["stale"])
    women_bit = 1 << TARGET_GROUPS.codes().index("women")
    womens_service = 1 << SERVICE_CATEGORIES.codes().index("womens_services")
    return Dashboard(
        region=region,
        organizations=len(organizations),
        services=int(reaching.sum()),
        by_type=_counts(organizations["type"].to_numpy(object), CSO_TYPES.codes()),
        paid_staff=_people_bands(organizations["paid_staff"].to_numpy(float)),
        volunteers=_people_bands(organizations["volunteers"].to_numpy(float)),
        budget=_positions(organizations["budget"].to_numpy(int), BUDGET_BANDS.codes()),
        engagement=_positions(
            organizations["engagement"].to_numpy(int), ENGAGEMENT_LEVELS.codes()
        ),
        services_by_category=_counts(
            services["category"].to_numpy(object)[reaching],
            SERVICE_CATEGORIES.codes(),
        ),
        women_led=int(organizations["women_led"].sum()),
        women_focused=int(
            (
                (organizations["target_groups"].to_numpy(np.int64) & women_bit != 0)
                | (organizations["categories"].to_numpy(np.int64) & womens_service != 0)
            ).sum()
        ),
        stale=int(everyone["stale"].sum()),
        unverified=int((~everyone["verified"].to_numpy(bool)).sum()),
        left_out=int((~counted).sum()),
    )


def _organizations_in(snapshot: DirectorySnapshot, state: int | None) -> np.ndarray:
    """Return positions of organizations with a location in `state` (all if None)."""
    if state is None:
        return np.arange(len(snapshot.organizations))
    located = snapshot.located
    return np.unique(located.service[located.region == state])


def _counts(values: np.ndarray, codes: list[str]) -> list[Count]:
    """Return how many values equal each code, in vocabulary order."""
    found, counts = np.unique(values.astype(str), return_counts=True)
    by_code = dict(zip(found, counts, strict=True))
    return [Count(code, int(by_code.get(code, 0))) for code in codes]


def _positions(positions: np.ndarray, codes: list[str]) -> list[Count]:
    """Return counts per vocabulary position, then those not stated (-1)."""
    counts = np.bincount(positions + 1, minlength=len(codes) + 1)
    return [Count(code, int(counts[i + 1])) for i, code in enumerate(codes)] + [
        Count(NOT_STATED, int(counts[0]))
    ]


def _people_bands(values: np.ndarray) -> list[Count]:
    """Return counts per people band ("0", "1-2", ... "50+"), then not stated."""
    bands = []
    for low, high in PEOPLE_BANDS:
        inside = values >= low if high is None else (values >= low) & (values <= high)
        name = (
            f"{low}+"
            if high is None
            else (str(low) if low == high else f"{low}-{high}")
        )
        bands.append(Count(name, int(inside.sum())))
    return [*bands, Count(NOT_STATED, int(np.isnan(values).sum()))]
