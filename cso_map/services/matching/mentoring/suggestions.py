"""Mentoring suggestions: an organization's best mutual matches, with reasons."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cso_map.geo.scoring import weighted_score
from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.services.matching.mentoring.candidates import counterparts
from cso_map.services.matching.mentoring.reasons import pair_reasons
from cso_map.services.matching.mentoring.scores import (
    COMPONENTS,
    WEIGHTS,
    pair_components,
)
from cso_map.services.snapshot.build import DirectorySnapshot, directory_snapshot
from cso_map.text import fold

MENTORING_ROLES = ("mentor", "mentee")


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
    policy: CoveragePolicy,
    limit: int = 10,
    prune: bool = True,
) -> tuple[pd.Series, list[Suggestion]]:
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
    flag = "open_to_mentor" if role == "mentor" else "seeking_mentor"
    if not organizations[flag].iat[me]:
        raise NotOptedIn(role)
    candidates = (
        counterparts(snapshot, me, role)
        if prune
        else np.flatnonzero(np.arange(len(organizations)) != me)
    )
    counted = policy.counted(organizations["verified"], organizations["stale"])
    candidates = candidates[counted[candidates]]
    if not len(candidates):
        return organizations.iloc[me], []
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
    return organizations.iloc[me], suggestions


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
