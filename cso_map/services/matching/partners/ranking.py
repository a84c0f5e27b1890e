"""The likely-partner ranking: candidates of every tier, weighted, best first."""

from __future__ import annotations

import numpy as np
import pandas as pd

from cso_map.geo.scoring import best_per_group, weighted_score
from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.services.matching.partners.candidates import (
    could_start_candidates,
    service_candidates,
)
from cso_map.services.matching.partners.query import Partner, PartnerQuery
from cso_map.services.matching.partners.reasons import partner_reasons
from cso_map.services.snapshot.build import DirectorySnapshot, directory_snapshot

WEIGHTS = {
    "service": 3.0,
    "distance": 2.0,
    "capacity": 2.0,
    "languages": 1.0,
    "groups": 1.0,
    "freshness": 1.0,
    "engagement": 1.0,
}
COMPONENTS = tuple(WEIGHTS)


def likely_partners(
    query: PartnerQuery, policy: CoveragePolicy, prune: bool = True
) -> list[Partner]:
    """Return the organizations most likely to deliver the services in the state.

    `policy` says which listings count, as on the gap maps. Distances are
    measured only for services that could be tier 2; `prune=False` measures
    every service's (the benchmark's baseline).
    """
    snapshot = directory_snapshot()
    state = snapshot.region_index(query.region)
    if state is None:
        raise ValueError(f"unknown state {query.region}")
    candidates = pd.concat(
        [
            service_candidates(snapshot, state, query, policy, prune),
            could_start_candidates(snapshot, state, query, policy),
        ],
        ignore_index=True,
    )
    if candidates.empty:
        return []
    scores = weighted_score(
        {name: candidates[name].to_numpy(float) for name in COMPONENTS}, WEIGHTS
    )
    candidates["score"] = scores
    best = best_per_group(
        candidates["organization"].to_numpy(), candidates["tier"].to_numpy(), scores
    )[: query.limit]
    return [_partner(snapshot, candidates.iloc[row], query) for row in best]


def _partner(
    snapshot: DirectorySnapshot, row: pd.Series, query: PartnerQuery
) -> Partner:
    """Return one ranked candidate as a Partner with its reasons."""
    organization = snapshot.organizations.iloc[int(row["organization"])]
    components = {
        name: None if np.isnan(row[name]) else round(float(row[name]), 3)
        for name in COMPONENTS
    }
    return Partner(
        organization_id=organization["id"],
        name=organization["name"],
        type=organization["type"],
        region=organization["region"],
        lat=float(organization["lat"]),
        lon=float(organization["lon"]),
        tier=int(row["tier"]),
        score=round(float(row["score"]), 3),
        components=components,
        reasons=partner_reasons(snapshot, row, organization, query),
    )
