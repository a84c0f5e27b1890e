"""The score components of (mentor, mentee) pairs, each in [0, 1], and their weights."""

from __future__ import annotations

import numpy as np
import pandas as pd

from cso_map.geo.scoring import distance_score
from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.services.matching.mentoring.distances import public_km
from cso_map.services.matching.mentoring.gaps import gap_closers
from cso_map.services.matching.relations import skills_for_needs
from cso_map.services.snapshot.build import DirectorySnapshot

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


def pair_components(
    snapshot: DirectorySnapshot,
    mentors: np.ndarray,
    mentees: np.ndarray,
    policy: CoveragePolicy,
) -> dict[str, np.ndarray]:
    """Return the score components of (mentor, mentee) pairs, each in [0, 1].

    `policy` judges the coverage gaps behind the "gap" component.
    """
    organizations = snapshot.organizations

    def column(name: str) -> np.ndarray:
        return organizations[name].to_numpy(np.int64)

    people = organizations["people"].to_numpy(float)
    budget = organizations["budget"].to_numpy(float)
    bigger = people[mentors] - people[mentees]
    return {
        "skills": _skills_answered(column("needs")[mentees], column("skills")[mentors]),
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
        "gap": gap_closers(snapshot, policy)[mentees].astype(float),
    }


def _skills_answered(needs: np.ndarray, skills: np.ndarray) -> np.ndarray:
    """Return the share of a mentee's needs the mentor's skills answer (0.5: none)."""
    answered = np.zeros(len(needs))
    asked = np.bitwise_count(needs)
    for bit, mask in enumerate(skills_for_needs().values()):
        has_need = (needs >> bit) & 1 == 1
        answered += has_need & ((skills & mask) != 0)
    return np.where(asked > 0, answered / np.maximum(asked, 1), 0.5)


def _jaccard(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Return |a & b| / |a | b| of bit masks (0 when both are empty)."""
    union = np.bitwise_count(a | b)
    return np.where(union > 0, np.bitwise_count(a & b) / np.maximum(union, 1), 0.0)


def _geography(
    snapshot: DirectorySnapshot, mentors: np.ndarray, mentees: np.ndarray
) -> np.ndarray:
    """Return 1 in the same state, else falling with the real distance (by e every
    GEOGRAPHY_SCALE_KM): a state next door is no nearer than its kilometres."""
    state = snapshot.organizations["state"].to_numpy(int)
    km = public_km(snapshot, mentors, mentees)
    score = np.nan_to_num(distance_score(km, GEOGRAPHY_SCALE_KM), nan=0.0)
    a, b = state[mentors], state[mentees]
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
