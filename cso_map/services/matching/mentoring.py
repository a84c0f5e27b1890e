"""Mentoring: larger organizations that could strengthen small groups, and back.

A pair is a mentor (open to mentor, with more people or budget) and a mentee
(seeking a mentor). Both must have opted in for a pair to be proposed publicly.
Candidates are pruned by capacity band and by distance before scoring, so one
organization's suggestions stay fast however large the directory grows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cso_map.geo.projection import haversine_km
from cso_map.geo.scoring import distance_score, weighted_score
from cso_map.services.analysis.coverage import CoverageQuery, region_coverage
from cso_map.services.finder.places import place_book
from cso_map.services.matching.relations import skills_for_needs
from cso_map.services.snapshot.build import (
    DirectorySnapshot,
    directory_snapshot,
    mask_codes,
)
from cso_map.taxonomy import (
    SERVICE_CATEGORIES,
    SERVICE_LANGUAGES,
    SKILLS,
    TARGET_GROUPS,
)
from cso_map.text import fold

ROLES = ("mentor", "mentee")
MAX_CANDIDATES = 2000  # the nearest eligible ones are scored
NEIGHBOUR_SCORE = 0.7
GEOGRAPHY_SCALE_KM = 300.0
WEIGHTS = {
    "skills": 3.0,
    "geography": 2.0,
    "services": 1.0,
    "groups": 1.0,
    "languages": 1.0,
    "origins": 1.0,
    "asymmetry": 1.0,
    "gap": 1.0,
}
COMPONENTS = tuple(WEIGHTS)


class NotOptedIn(Exception):
    """The organization has not said it wants to mentor (or to be mentored)."""


@dataclass(frozen=True)
class Suggestion:
    """A suggested mentor or mentee, with its score, components and reasons."""

    organization_id: str
    name: str
    region: str | None
    lat: float
    lon: float
    score: float
    components: dict[str, float]
    reasons: list[dict] = field(default_factory=list)


def mentoring_suggestions(
    organization_id: str,
    role: str,
    underserved_below: float,
    limit: int = 10,
    prune: bool = True,
) -> tuple[pd.Series, list[Suggestion]]:
    """Return the organization and its best mutual matches, best first.

    `role` is what the organization would be: "mentor" (suggest mentees) or
    "mentee" (suggest mentors). Raises KeyError for an unknown organization and
    NotOptedIn if it has not opted in to that role. `prune=False` scores every
    other organization instead (the benchmark's all-pairs baseline).
    """
    snapshot = directory_snapshot()
    matches = np.flatnonzero(snapshot.organizations["id"].to_numpy() == organization_id)
    if not len(matches):
        raise KeyError(organization_id)
    me = int(matches[0])
    organizations = snapshot.organizations
    flag = "open_to_mentor" if role == "mentor" else "seeking_mentor"
    if not organizations[flag].iat[me]:
        raise NotOptedIn(role)
    candidates = (
        _candidates(snapshot, me, role)
        if prune
        else np.flatnonzero(np.arange(len(organizations)) != me)
    )
    if not len(candidates):
        return organizations.iloc[me], []
    mentors, mentees = (
        (np.full(len(candidates), me), candidates)
        if role == "mentor"
        else (candidates, np.full(len(candidates), me))
    )
    components = pair_components(snapshot, mentors, mentees, underserved_below)
    scores = weighted_score(components, WEIGHTS)
    best = np.argsort(-scores, kind="stable")[:limit]
    suggestions = [
        _suggestion(
            snapshot,
            int(candidates[i]),
            float(scores[i]),
            {name: round(float(components[name][i]), 3) for name in COMPONENTS},
            pair_reasons(snapshot, int(mentors[i]), int(mentees[i]), underserved_below),
        )
        for i in best
    ]
    return organizations.iloc[me], suggestions


def _candidates(snapshot: DirectorySnapshot, me: int, role: str) -> np.ndarray:
    """Return the opted-in counterparts of the right capacity, nearest first."""
    organizations = snapshot.organizations
    people = organizations["people"].to_numpy(float)
    budget = organizations["budget"].to_numpy(int)
    if role == "mentor":
        eligible = organizations["seeking_mentor"].to_numpy(bool, copy=True)
        eligible &= (people <= people[me]) & (budget <= budget[me])
    else:
        eligible = organizations["open_to_mentor"].to_numpy(bool, copy=True)
        eligible &= (people >= people[me]) & (budget >= budget[me])
    eligible[me] = False
    rows = np.flatnonzero(eligible)
    if len(rows) <= MAX_CANDIDATES:
        return rows
    lons = organizations["lon"].to_numpy(float)
    lats = organizations["lat"].to_numpy(float)
    km = np.nan_to_num(
        haversine_km(lons[me], lats[me], lons[rows], lats[rows]), nan=np.inf
    )
    return rows[np.argpartition(km, MAX_CANDIDATES)[:MAX_CANDIDATES]]


def _jaccard(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Return |a & b| / |a | b| of bit masks (0 when both are empty)."""
    union = np.bitwise_count(a | b)
    return np.where(union > 0, np.bitwise_count(a & b) / np.maximum(union, 1), 0.0)


def pair_components(
    snapshot: DirectorySnapshot,
    mentors: np.ndarray,
    mentees: np.ndarray,
    underserved_below: float,
) -> dict[str, np.ndarray]:
    """Return the score components of (mentor, mentee) pairs, each in [0, 1]."""
    organizations = snapshot.organizations

    def column(name: str) -> np.ndarray:
        return organizations[name].to_numpy(np.int64)

    needs, skills = column("needs")[mentees], column("skills")[mentors]
    answered = np.zeros(len(mentees))
    asked = np.bitwise_count(needs)
    for bit, mask in enumerate(skills_for_needs().values()):
        has_need = (needs >> bit) & 1 == 1
        answered += has_need & ((skills & mask) != 0)
    people = organizations["people"].to_numpy(float)
    budget = organizations["budget"].to_numpy(float)
    bigger = people[mentors] - people[mentees]
    return {
        "skills": np.where(asked > 0, answered / np.maximum(asked, 1), 0.5),
        "geography": _geography(snapshot, mentors, mentees),
        "services": _jaccard(
            column("categories")[mentors], column("categories")[mentees]
        ),
        "groups": _jaccard(
            column("target_groups")[mentors], column("target_groups")[mentees]
        ),
        "languages": _jaccard(
            column("languages")[mentors], column("languages")[mentees]
        ),
        "origins": _shared_origins(snapshot, mentors, mentees).astype(float),
        "asymmetry": np.clip(
            0.5 * bigger / np.maximum(people[mentors], 1)
            + 0.5 * (budget[mentors] - budget[mentees]) / 5,
            0,
            1,
        ),
        "gap": gap_closers(snapshot, underserved_below)[mentees].astype(float),
    }


def _geography(
    snapshot: DirectorySnapshot, mentors: np.ndarray, mentees: np.ndarray
) -> np.ndarray:
    """Return 1 in the same state, 0.7 next door, else falling with distance."""
    organizations = snapshot.organizations
    state = organizations["state"].to_numpy(int)
    neighbours = place_book(snapshot).neighbours
    lons = organizations["lon"].to_numpy(float)
    lats = organizations["lat"].to_numpy(float)
    km = haversine_km(lons[mentors], lats[mentors], lons[mentees], lats[mentees])
    score = np.nan_to_num(distance_score(km, GEOGRAPHY_SCALE_KM), nan=0.0)
    a, b = state[mentors], state[mentees]
    next_door = np.array(
        [x >= 0 and y in neighbours.get(x, ()) for x, y in zip(a, b, strict=True)],
        bool,
    )
    score = np.where(next_door, np.maximum(score, NEIGHBOUR_SCORE), score)
    return np.where((a == b) & (a >= 0), 1.0, score)


def _shared_origins(
    snapshot: DirectorySnapshot, mentors: np.ndarray, mentees: np.ndarray
) -> np.ndarray:
    """Return whether each pair is tied to a common state of origin."""
    origins = snapshot.origins
    width = len(snapshot.regions)
    keys = origins.service * width + origins.region
    shared = np.zeros(len(mentors), bool)
    mentee_origins = pd.DataFrame({"org": origins.service, "state": origins.region})
    pairs = pd.DataFrame({"pair": np.arange(len(mentees)), "org": mentees}).merge(
        mentee_origins, on="org"
    )
    if len(pairs):
        wanted = mentors[pairs["pair"].to_numpy()] * width + pairs["state"].to_numpy()
        hit = np.isin(wanted, keys)
        shared[pairs["pair"].to_numpy()[hit]] = True
    return shared


_gap_cache: list[tuple[DirectorySnapshot, float, np.ndarray, np.ndarray]] = []


def needy_cells(snapshot: DirectorySnapshot, underserved_below: float) -> np.ndarray:
    """Return a (category, state) matrix: is it a gap or underserved?"""
    return _gap_tables(snapshot, underserved_below)[0]


def gap_closers(snapshot: DirectorySnapshot, underserved_below: float) -> np.ndarray:
    """Return, per organization, whether it offers a service where that is lacking."""
    return _gap_tables(snapshot, underserved_below)[1]


def _gap_tables(
    snapshot: DirectorySnapshot, underserved_below: float
) -> tuple[np.ndarray, np.ndarray]:
    """Return (needy cells, gap closers), computed once per snapshot."""
    if (
        _gap_cache
        and _gap_cache[0][0] is snapshot
        and _gap_cache[0][1] == underserved_below
    ):
        return _gap_cache[0][2], _gap_cache[0][3]
    needy = np.array(
        [
            region_coverage(CoverageQuery(code), underserved_below, snapshot)["status"]
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
    _gap_cache[:] = [(snapshot, underserved_below, needy, closers)]
    return needy, closers


def pair_reasons(
    snapshot: DirectorySnapshot, mentor: int, mentee: int, underserved_below: float
) -> list[dict]:
    """Return why a mentor and a mentee fit, as codes with their values."""
    organizations = snapshot.organizations
    a, b = organizations.iloc[mentor], organizations.iloc[mentee]
    reasons: list[dict] = []
    answering = [
        need
        for bit, (need, mask) in enumerate(skills_for_needs().items())
        if (int(b["needs"]) >> bit) & 1 and int(a["skills"]) & mask
    ]
    if answering:
        skills = 0
        for need in answering:
            skills |= skills_for_needs()[need] & int(a["skills"])
        reasons.append(
            {
                "code": "skills",
                "needs": answering,
                "skills": mask_codes(SKILLS, skills),
            }
        )
    for code, vocabulary, column in (
        ("services", SERVICE_CATEGORIES, "categories"),
        ("groups", TARGET_GROUPS, "target_groups"),
        ("languages", SERVICE_LANGUAGES, "languages"),
    ):
        shared = mask_codes(vocabulary, int(a[column]) & int(b[column]))
        if shared:
            reasons.append({"code": code, "shared": shared})
    origins = snapshot.origins
    mine = set(origins.region[origins.service == mentor])
    theirs = set(origins.region[origins.service == mentee])
    if mine & theirs:
        codes = snapshot.regions["code"].to_numpy(object)
        reasons.append(
            {"code": "origins", "regions": sorted(codes[i] for i in mine & theirs)}
        )
    reasons.append(_place_reason(snapshot, mentor, mentee))
    reasons.append(
        {
            "code": "asymmetry",
            "mentor_people": int(organizations["people"].iat[mentor]),
            "mentee_people": int(organizations["people"].iat[mentee]),
        }
    )
    if gap_closers(snapshot, underserved_below)[mentee]:
        reasons.append(_gap_reason(snapshot, mentee, underserved_below))
    return reasons


def _place_reason(snapshot: DirectorySnapshot, mentor: int, mentee: int) -> dict:
    """Return where the two are from each other: same state, next door, or km."""
    organizations = snapshot.organizations
    a, b = organizations.iloc[mentor], organizations.iloc[mentee]
    if a["region"] is not None and a["region"] == b["region"]:
        return {"code": "same_state", "region": a["region"]}
    km = float(haversine_km(a["lon"], a["lat"], b["lon"], b["lat"]))
    return {"code": "distance", "km": None if np.isnan(km) else round(km)}


def _gap_reason(
    snapshot: DirectorySnapshot, mentee: int, underserved_below: float
) -> dict:
    """Return the first lacking (service, state) the mentee works in."""
    needy = needy_cells(snapshot, underserved_below)
    located = snapshot.located
    states = located.region[located.service == mentee]
    categories = int(snapshot.organizations["categories"].iat[mentee])
    codes = snapshot.regions["code"].to_numpy(object)
    for bit, category in enumerate(SERVICE_CATEGORIES.codes()):
        if categories >> bit & 1:
            for state in states:
                if needy[bit, state]:
                    return {"code": "gap", "service": category, "region": codes[state]}
    return {"code": "gap", "service": None, "region": None}


def _suggestion(
    snapshot: DirectorySnapshot,
    row: int,
    score: float,
    components: dict[str, float],
    reasons: list[dict],
) -> Suggestion:
    organization = snapshot.organizations.iloc[row]
    return Suggestion(
        organization_id=organization["id"],
        name=organization["name"],
        region=organization["region"],
        lat=float(organization["lat"]),
        lon=float(organization["lon"]),
        score=round(score, 3),
        components=components,
        reasons=reasons,
    )


def opted_in_organizations(words: str, limit: int = 20) -> pd.DataFrame:
    """Return organizations open to mentor or seeking a mentor whose names match."""
    organizations = directory_snapshot().organizations
    keep = organizations["open_to_mentor"].to_numpy(bool) | organizations[
        "seeking_mentor"
    ].to_numpy(bool)
    folded = fold(words)
    if folded:
        names = organizations["name"].map(fold)
        keep &= names.str.contains(folded, regex=False).to_numpy()
    columns = ["id", "name", "region", "open_to_mentor", "seeking_mentor"]
    return organizations.loc[keep, columns].head(limit)
