"""Coverage gaps: per state, how much of a service is delivered against the need."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cso_map.geo.coverage import Reach, coverage, language_gaps
from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.services.snapshot.build import (
    DirectorySnapshot,
    bitmask,
    directory_snapshot,
)
from cso_map.taxonomy import SERVICE_CATEGORIES, SERVICE_LANGUAGES, TARGET_GROUPS

WOMEN_DEMAND = "migrant_women"
ALL_DEMAND = "migrant_population"
EMIGRANT_DEMAND = "emigrant_population"


@dataclass(frozen=True)
class CoverageQuery:
    """One coverage question: a service category, optionally narrowed.

    Which listings count is the policy's to say (see `CoveragePolicy`).
    """

    service: str
    language: str | None = None
    target_group: str | None = None


def demand_field(query: CoverageQuery) -> str:
    """Return the indicator that measures need: migrant women for women's services,
    emigrants for development projects in their communities of origin."""
    if query.service == "origin_development":
        return EMIGRANT_DEMAND
    if query.service == "womens_services" or query.target_group == "women":
        return WOMEN_DEMAND
    return ALL_DEMAND


def counted_services(
    snapshot: DirectorySnapshot,
    query: CoverageQuery,
    policy: CoveragePolicy,
    with_language: bool = True,
) -> np.ndarray:
    """Return a boolean mask of the services that count for `query` under `policy`."""
    services = snapshot.services
    keep = (services["category"] == query.service).to_numpy(copy=True)
    keep &= policy.counted(
        services["verified"].to_numpy(), services["stale"].to_numpy()
    )
    if query.target_group:
        bit = bitmask(TARGET_GROUPS, [query.target_group])
        keep &= (services["target_groups"].to_numpy() & bit) != 0
    if query.language and with_language:
        bit = bitmask(SERVICE_LANGUAGES, [query.language])
        keep &= (services["languages"].to_numpy() & bit) != 0
    return keep


def region_coverage(
    query: CoverageQuery,
    policy: CoveragePolicy,
    snapshot: DirectorySnapshot | None = None,
) -> pd.DataFrame:
    """Return one row per state: code, names, providers, capacity, demand, status.

    `policy` says which services count and the underserved threshold. Only
    in-person delivery serves a state; `remote` counts the services offered
    there only by phone or online. With a language, `language_gap` marks states
    where the service exists, but not in that language.
    """
    snapshot = snapshot or directory_snapshot()
    demand = snapshot.regions[demand_field(query)].to_numpy()
    capacity = snapshot.services["capacity"].to_numpy()
    counted = counted_services(snapshot, query, policy)
    reach = snapshot.reach.restrict(counted)
    table = coverage(reach, capacity, demand, policy.threshold(query.service))
    table["remote"] = remote_only_providers(
        reach, snapshot.remote.restrict(counted), len(table)
    )
    if query.language:
        any_language = snapshot.reach.restrict(
            counted_services(snapshot, query, policy, with_language=False)
        )
        providers_any = coverage(any_language, capacity, demand)["providers"]
        table["language_gap"] = language_gaps(providers_any, table["providers"])
    columns = ["code", "name_en", "name_es", "label_lat", "label_lon", "illustrative"]
    return pd.concat([snapshot.regions[columns].reset_index(drop=True), table], axis=1)


def remote_only_providers(
    in_person: Reach, remote: Reach, n_regions: int
) -> np.ndarray:
    """Return, per state, how many services reach it remotely but not in person."""
    width = n_regions
    seen = np.isin(
        remote.service * width + remote.region,
        in_person.service * width + in_person.region,
    )
    return np.bincount(remote.region[~seen], minlength=n_regions)


def by_unmet_demand(table: pd.DataFrame) -> pd.DataFrame:
    """Return `table` sorted so the largest unmet need comes first.

    Gaps first (by demand), then underserved states (lowest ratio first), then
    served ones, then those without data.
    """
    rank = table["status"].map(
        {"gap": 0, "underserved": 1, "unknown": 2, "served": 3, "no_data": 4}
    )
    return (
        table.assign(_rank=rank, _demand=-table["demand"].fillna(0))
        .sort_values(["_rank", "ratio", "_demand", "code"], na_position="last")
        .drop(columns=["_rank", "_demand"])
    )


def coverage_of_region(code: str, policy: CoveragePolicy) -> pd.DataFrame | None:
    """Return one row per service category for state `code` (None if not a state)."""
    snapshot = directory_snapshot()
    if snapshot.region_index(code) is None:
        return None
    rows = []
    for category in SERVICE_CATEGORIES.codes():
        table = region_coverage(CoverageQuery(category), policy, snapshot)
        row = table[table["code"] == code].iloc[0]
        rows.append({"service": category, **row.to_dict()})
    return pd.DataFrame(rows)
