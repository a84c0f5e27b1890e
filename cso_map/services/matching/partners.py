"""Likely partners for an authority: who can deliver which services in a state.

Tiers: (1) already delivers the service in the state; (2) delivers it in a
neighbouring state, within NEARBY_KM of it, or online; (3) delivers a related
service in the state, or works there with the skills and people to start it.
Inside a tier, a weighted score ranks them; its components are returned, and so
are reasons a person can read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cso_map.geo.projection import distance_to_shape_km
from cso_map.geo.scoring import (
    best_per_group,
    capacity_score,
    distance_score,
    freshness_score,
    level_score,
    share_of,
    weighted_score,
)
from cso_map.services.finder.places import place_book
from cso_map.services.matching.relations import related_categories, skills_for_services
from cso_map.services.snapshot.build import (
    DirectorySnapshot,
    bitmask,
    directory_snapshot,
    mask_codes,
)
from cso_map.taxonomy import (
    ENGAGEMENT_LEVELS,
    SERVICE_LANGUAGES,
    SKILLS,
    TARGET_GROUPS,
)

NEARBY_KM = 100.0
MIN_PEOPLE_TO_START = 5  # paid staff and volunteers
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
BASES = ("in_region", "neighbour", "nearby", "online", "related", "could_start")


@dataclass(frozen=True)
class PartnerQuery:
    """A state, the services wanted there, and the languages and groups to cover."""

    region: str
    services: tuple[str, ...]
    languages: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    limit: int = 50


@dataclass(frozen=True)
class Partner:
    """One likely partner, its tier, score, score components and reasons."""

    organization_id: str
    name: str
    type: str
    region: str | None
    lat: float
    lon: float
    tier: int
    score: float
    components: dict[str, float | None]
    reasons: list[dict] = field(default_factory=list)


def likely_partners(query: PartnerQuery, prune: bool = True) -> list[Partner]:
    """Return the organizations most likely to deliver the services in the state.

    Distances are measured only for services that could be tier 2; `prune=False`
    measures every service's (the benchmark's baseline).
    """
    snapshot = directory_snapshot()
    state = snapshot.region_index(query.region)
    if state is None:
        raise ValueError(f"unknown state {query.region}")
    candidates = pd.concat(
        [
            _service_candidates(snapshot, state, query, prune),
            _could_start_candidates(snapshot, state, query),
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


def _service_candidates(
    snapshot: DirectorySnapshot, state: int, query: PartnerQuery, prune: bool = True
) -> pd.DataFrame:
    """Return services of the wanted (or related) categories that could serve."""
    services = snapshot.services
    organizations = snapshot.organizations
    category = services["category"].to_numpy(object)
    exact = np.isin(category, query.services)
    related = np.isin(category, related_categories(query.services))
    in_state = snapshot.reaching([state])
    neighbours = sorted(place_book(snapshot).neighbours.get(state, set()))
    in_neighbour = snapshot.reaching(neighbours)
    owner = services["owner"].to_numpy(int)
    online = organizations["online"].to_numpy(bool)[owner]
    km = np.full(len(services), np.nan)
    outside = np.flatnonzero(exact & ~in_state) if prune else np.arange(len(km))
    if len(outside):
        owners, inverse = np.unique(owner[outside], return_inverse=True)
        km[outside] = distance_to_shape_km(
            organizations["lon"].to_numpy(float)[owners],
            organizations["lat"].to_numpy(float)[owners],
            snapshot.regions.geometry.iloc[state],
        )[inverse]
    basis = np.select(
        [
            exact & in_state,
            exact & in_neighbour,
            exact & (km <= NEARBY_KM),
            exact & online,
            related & in_state,
        ],
        BASES[:5],
        default="",
    )
    rows = np.flatnonzero(basis != "")
    basis = basis[rows]
    inside = np.isin(basis, ["in_region", "related"])
    distance = np.where(inside, 1.0, distance_score(km[rows]))
    distance = np.where(basis == "online", np.fmax(distance, 0.5), distance)
    return pd.DataFrame(
        {
            "organization": owner[rows],
            "service_row": rows,
            "tier": np.where(basis == "in_region", 1, np.where(inside, 3, 2)),
            "basis": basis,
            "km": km[rows],
            "service": np.where(exact[rows], 1.0, 0.5),
            "distance": distance,
            "capacity": capacity_score(services["capacity"].to_numpy(float)[rows]),
            **_coverage(
                services["languages"].to_numpy(np.int64)[rows],
                services["target_groups"].to_numpy(np.int64)[rows],
                query,
            ),
            "freshness": freshness_score(
                services["verified"].to_numpy(bool)[rows],
                services["stale"].to_numpy(bool)[rows],
            ),
            "engagement": _engagement(organizations, owner[rows]),
        }
    )


def _could_start_candidates(
    snapshot: DirectorySnapshot, state: int, query: PartnerQuery
) -> pd.DataFrame:
    """Return organizations in the state with the skills and people to start."""
    organizations = snapshot.organizations
    wanted_skills = skills_for_services(query.services)
    skills = organizations["skills"].to_numpy(np.int64)
    people = organizations["people"].to_numpy(float)
    able = np.zeros(len(organizations), bool)
    able[snapshot.located.service[snapshot.located.region == state]] = True
    able &= ((skills & wanted_skills) != 0) & (people >= MIN_PEOPLE_TO_START)
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
            **_coverage(
                organizations["languages"].to_numpy(np.int64)[rows],
                organizations["target_groups"].to_numpy(np.int64)[rows],
                query,
            ),
            "freshness": freshness_score(
                organizations["verified"].to_numpy(bool)[rows],
                organizations["stale"].to_numpy(bool)[rows],
            ),
            "engagement": _engagement(organizations, rows),
        }
    )


def _coverage(languages: np.ndarray, groups: np.ndarray, query: PartnerQuery) -> dict:
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


def partner_reasons(
    snapshot: DirectorySnapshot,
    row: pd.Series,
    organization: pd.Series,
    query: PartnerQuery,
) -> list[dict]:
    """Return why a candidate is where it is, as codes with their values."""
    basis = row["basis"]
    reasons: list[dict] = []
    if basis == "could_start":
        wanted = skills_for_services(query.services)
        reasons.append(
            {
                "code": "could_start",
                "skills": mask_codes(SKILLS, int(organization["skills"]) & wanted),
                "people": int(organization["people"]),
                "region": query.region,
            }
        )
    else:
        service = snapshot.services.iloc[int(row["service_row"])]
        reason = {"code": basis, "service": service["category"], "region": query.region}
        if basis == "nearby":
            reason["km"] = round(float(row["km"]))
        reasons.append(reason)
        if not np.isnan(service["capacity"]):
            reasons.append({"code": "capacity", "people": int(service["capacity"])})
    for name, vocabulary, column in (
        ("languages", SERVICE_LANGUAGES, "languages"),
        ("groups", TARGET_GROUPS, "target_groups"),
    ):
        wanted = query.languages if name == "languages" else query.target_groups
        if wanted:
            mask = _mask_of(snapshot, row, organization, column)
            covered = mask_codes(vocabulary, mask & bitmask(vocabulary, wanted))
            reasons.append(
                {
                    "code": name,
                    "covered": covered,
                    "missing": [code for code in wanted if code not in covered],
                }
            )
    reasons.append(
        {
            "code": "verified" if organization["verified"] else "unverified",
            "stale": bool(organization["stale"]),
        }
    )
    level = int(organization["engagement"])
    if level >= 0:
        reasons.append(
            {"code": "engagement", "level": ENGAGEMENT_LEVELS.codes()[level]}
        )
    return reasons


def _mask_of(snapshot, row, organization, column: str) -> int:
    """Return the service's mask of `column`, or the organization's for could-start."""
    if int(row["service_row"]) < 0:
        return int(organization[column])
    return int(snapshot.services[column].iat[int(row["service_row"])])
