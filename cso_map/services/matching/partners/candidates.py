"""Who could deliver the services in a state, each with its score components.

Service candidates deliver a wanted service (tiers 1 and 2) or a related one in the
state (tier 3); could-start candidates work in the state with the skills and the
people to start it (tier 3). Every component is in [0, 1].
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cso_map.geo.projection import distance_to_shape_km
from cso_map.geo.scoring import (
    capacity_score,
    distance_score,
    freshness_score,
    level_score,
    share_of,
)
from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.services.finder.places import place_book
from cso_map.services.matching.partners.query import PartnerQuery
from cso_map.services.matching.relations import related_categories, skills_for_services
from cso_map.services.snapshot.build import DirectorySnapshot, bitmask
from cso_map.services.snapshot.places import in_same_country
from cso_map.taxonomy import ENGAGEMENT_LEVELS, SERVICE_LANGUAGES, TARGET_GROUPS

NEARBY_KM = 100.0
MIN_PEOPLE_TO_START = 5  # paid staff and volunteers
BASES = ("in_region", "neighbour", "nearby", "remote", "related", "could_start")


def service_candidates(
    snapshot: DirectorySnapshot,
    state: int,
    query: PartnerQuery,
    policy: CoveragePolicy,
    prune: bool = True,
) -> pd.DataFrame:
    """Return counted services of the wanted (or related) categories that could
    serve."""
    services = snapshot.services
    organizations = snapshot.organizations
    category = services["category"].to_numpy(object)
    counted = policy.counted(services["verified"], services["stale"])
    exact = np.isin(category, query.services) & counted
    related = np.isin(category, related_categories(query.services)) & counted
    owner = services["owner"].to_numpy(int)
    in_state = snapshot.reaching([state])
    outside = np.flatnonzero(exact & ~in_state) if prune else np.arange(len(owner))
    km = _km_to_state(snapshot, state, owner, outside)
    neighbours = sorted(place_book(snapshot).neighbours.get(state, set()))
    basis = np.select(
        [
            exact & in_state,
            exact & snapshot.reaching(neighbours),
            _nearby(snapshot, state, owner, exact & (km <= NEARBY_KM)),
            exact & snapshot.reaching_remotely([state]),
            related & in_state,
        ],
        BASES[:5],
        default="",
    )
    rows = np.flatnonzero(basis != "")
    basis = basis[rows]
    inside = np.isin(basis, ["in_region", "related"])
    distance = np.where(inside, 1.0, distance_score(km[rows]))
    distance = np.where(basis == "remote", np.fmax(distance, 0.5), distance)
    return pd.DataFrame(
        {
            "organization": owner[rows],
            "service_row": rows,
            "tier": np.where(basis == "in_region", 1, np.where(inside, 3, 2)),
            "basis": basis,
            "km": km[rows],
            "service": np.where(exact[rows], 1.0, 0.5),
            "distance": distance,
            # Unknown capacity is no component (NaN): scored neither up nor down.
            "capacity": capacity_score(
                services["capacity"].to_numpy(float)[rows], unknown=np.nan
            ),
            **_flag_components(services, rows, query),
            "engagement": _engagement(organizations, owner[rows]),
        }
    )


def _nearby(
    snapshot: DirectorySnapshot, state: int, owner: np.ndarray, near: np.ndarray
) -> np.ndarray:
    """Return `near` (within NEARBY_KM) kept only for owners in the state's country:
    "nearby" does not reach across the international border."""
    rows = np.flatnonzero(near)
    if len(rows):
        home = snapshot.organizations["state"].to_numpy(float)[owner[rows]]
        near = near.copy()
        near[rows] = in_same_country(snapshot.regions, home, state)
    return near


def _km_to_state(
    snapshot: DirectorySnapshot, state: int, owner: np.ndarray, measured: np.ndarray
) -> np.ndarray:
    """Return, per service, km from its owner to the state (NaN if not `measured`).

    Measured in an equidistant projection centred on the state, once per owner.
    """
    organizations = snapshot.organizations
    km = np.full(len(owner), np.nan)
    if len(measured):
        owners, inverse = np.unique(owner[measured], return_inverse=True)
        km[measured] = distance_to_shape_km(
            organizations["lon"].to_numpy(float)[owners],
            organizations["lat"].to_numpy(float)[owners],
            snapshot.regions.geometry.iloc[state],
        )[inverse]
    return km


def could_start_candidates(
    snapshot: DirectorySnapshot, state: int, query: PartnerQuery, policy: CoveragePolicy
) -> pd.DataFrame:
    """Return counted organizations in the state with the skills and people to
    start."""
    organizations = snapshot.organizations
    wanted_skills = skills_for_services(query.services)
    skills = organizations["skills"].to_numpy(np.int64)
    people = organizations["people"].to_numpy(float)
    able = np.zeros(len(organizations), bool)
    able[snapshot.located.service[snapshot.located.region == state]] = True
    able &= ((skills & wanted_skills) != 0) & (people >= MIN_PEOPLE_TO_START)
    able &= policy.counted(organizations["verified"], organizations["stale"])
    rows = np.flatnonzero(able)
    return pd.DataFrame(
        {
            "organization": rows,
            "service_row": -1,
            "tier": 3,
            "basis": "could_start",
            "km": np.nan,
            "service": 0.25 * share_of(skills[rows], wanted_skills),
            "distance": 1.0,
            "capacity": np.minimum(people[rows] / 20.0, 1.0),
            **_flag_components(organizations, rows, query),
            "engagement": _engagement(organizations, rows),
        }
    )


def _flag_components(
    table: pd.DataFrame, rows: np.ndarray, query: PartnerQuery
) -> dict[str, np.ndarray]:
    """Return the languages, groups and freshness components of `table`'s rows.

    `table` is the services or the organizations of the snapshot: both have
    languages, target_groups, verified and stale columns.
    """
    return {
        **_coverage(
            table["languages"].to_numpy(np.int64)[rows],
            table["target_groups"].to_numpy(np.int64)[rows],
            query,
        ),
        "freshness": freshness_score(
            table["verified"].to_numpy(bool)[rows],
            table["stale"].to_numpy(bool)[rows],
        ),
    }


def _coverage(
    languages: np.ndarray, groups: np.ndarray, query: PartnerQuery
) -> dict[str, np.ndarray]:
    """Return the shares of the wanted languages and target groups covered."""
    return {
        "languages": share_of(languages, bitmask(SERVICE_LANGUAGES, query.languages)),
        "groups": share_of(groups, bitmask(TARGET_GROUPS, query.target_groups)),
    }


def _engagement(organizations: pd.DataFrame, rows: np.ndarray) -> np.ndarray:
    """Return how far along the inform-to-empower spectrum each organization is."""
    return level_score(
        organizations["engagement"].to_numpy(int)[rows], len(ENGAGEMENT_LEVELS.terms)
    )
