"""Mentoring suggestions: an organization's best mutual matches, with reasons."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from cso_map.geo.scoring import weighted_score
from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.services.matching.mentoring.candidates import counterparts
from cso_map.services.matching.mentoring.participants import (
    ROLE_FLAGS,
    Participant,
    participant_at,
)
from cso_map.services.matching.mentoring.reasons import pair_reasons
from cso_map.services.matching.mentoring.scores import (
    COMPONENTS,
    WEIGHTS,
    pair_components,
)
from cso_map.services.snapshot.build import DirectorySnapshot, directory_snapshot

MENTORING_ROLES = tuple(ROLE_FLAGS)


class NotOptedIn(Exception):
    """The organization has not said it wants to mentor (or to be mentored)."""

    def __init__(self, organization: Participant, role: str) -> None:
        super().__init__(role)
        self.organization = organization
        self.role = role


@dataclass(frozen=True)
class Suggestion:
    """A suggested mentor or mentee, with its score, components and reasons."""

    organization_id: str
    name: str
    type: str | None
    region: str | None
    confidential: bool
    lat: float
    lon: float
    score: float
    components: dict[str, float]
    reasons: list[dict] = field(default_factory=list)


def mentoring_suggestions(
    organization_id: str,
    role: str,
    policy: CoveragePolicy,
    limit: int = 10,
    prune: bool = True,
) -> tuple[Participant, list[Suggestion]]:
    """Return the organization and its best mutual matches, best first.

    `role` is what the organization would be: "mentor" (suggest mentees) or
    "mentee" (suggest mentors); `policy` judges the gaps a mentee could close.
    Raises KeyError for an unknown organization and NotOptedIn if it has not
    opted in to that role. Only the listings `policy` counts are suggested (the
    organization itself may be any). `prune=False` scores every other one instead
    (the benchmark's all-pairs baseline).
    """
    snapshot = directory_snapshot()
    matches = np.flatnonzero(snapshot.organizations["id"].to_numpy() == organization_id)
    if not len(matches):
        raise KeyError(organization_id)
    me = int(matches[0])
    organizations = snapshot.organizations
    organization = participant_at(snapshot, me)
    if not organizations[ROLE_FLAGS[role]].iat[me]:
        raise NotOptedIn(organization, role)
    candidates = (
        counterparts(snapshot, me, role)
        if prune
        else np.flatnonzero(np.arange(len(organizations)) != me)
    )
    counted = policy.counted(organizations["verified"], organizations["stale"])
    candidates = candidates[counted[candidates]]
    if not len(candidates):
        return organization, []
    mentors, mentees = (
        (np.full(len(candidates), me), candidates)
        if role == "mentor"
        else (candidates, np.full(len(candidates), me))
    )
    components = pair_components(snapshot, mentors, mentees, policy)
    scores = weighted_score(components, WEIGHTS)
    best = np.argsort(-scores, kind="stable")[:limit]
    suggestions = [
        _suggestion(
            snapshot,
            int(candidates[i]),
            float(scores[i]),
            {name: round(float(components[name][i]), 3) for name in COMPONENTS},
            pair_reasons(snapshot, int(mentors[i]), int(mentees[i]), policy),
        )
        for i in best
    ]
    return organization, suggestions


def _suggestion(
    snapshot: DirectorySnapshot,
    row: int,
    score: float,
    components: dict[str, float],
    reasons: list[dict],
) -> Suggestion:
    """Return one scored counterpart as a Suggestion."""
    organization = snapshot.organizations.iloc[row]
    return Suggestion(
        organization_id=organization["id"],
        name=organization["name"],
        type=organization["type"],
        region=organization["region"],
        confidential=bool(organization["confidential"]),
        lat=float(organization["lat"]),
        lon=float(organization["lon"]),
        score=round(score, 3),
        components=components,
        reasons=reasons,
    )
