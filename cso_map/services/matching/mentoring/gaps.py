"""Coverage gaps for mentoring: which (service, state) cells lack, who closes one."""

from __future__ import annotations

import numpy as np

from cso_map.services.analysis.coverage import CoverageQuery, region_coverage
from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.services.snapshot.build import DirectorySnapshot
from cso_map.taxonomy import SERVICE_CATEGORIES

_gap_cache: list[tuple[DirectorySnapshot, CoveragePolicy, np.ndarray, np.ndarray]] = []


def needy_cells(snapshot: DirectorySnapshot, policy: CoveragePolicy) -> np.ndarray:
    """Return a (category, state) matrix: is it a gap or underserved?"""
    return _gap_tables(snapshot, policy)[0]


def gap_closers(snapshot: DirectorySnapshot, policy: CoveragePolicy) -> np.ndarray:
    """Return, per organization, whether it offers a service where that is lacking."""
    return _gap_tables(snapshot, policy)[1]


def _gap_tables(
    snapshot: DirectorySnapshot, policy: CoveragePolicy
) -> tuple[np.ndarray, np.ndarray]:
    """Return (needy cells, gap closers), computed once per snapshot and policy."""
    if _gap_cache and _gap_cache[0][0] is snapshot and _gap_cache[0][1] == policy:
        return _gap_cache[0][2], _gap_cache[0][3]
    needy = np.array(
        [
            region_coverage(CoverageQuery(code), policy, snapshot)["status"]
            .isin(["gap", "underserved"])
            .to_numpy()
            for code in SERVICE_CATEGORIES.codes()
        ]
    )
    located = snapshot.located
    categories = snapshot.organizations["categories"].to_numpy(np.int64)[
        located.service
    ]
    hits = np.zeros(len(located.service), bool)
    for bit in range(len(needy)):
        offers = (categories >> bit) & 1 == 1
        hits |= offers & needy[bit, located.region]
    closers = np.zeros(len(snapshot.organizations), bool)
    closers[located.service[hits]] = True
    _gap_cache[:] = [(snapshot, policy, needy, closers)]
    return needy, closers
