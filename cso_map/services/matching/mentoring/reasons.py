"""Why a mentor and a mentee fit, as reason codes with their values."""

from __future__ import annotations

import numpy as np
import pandas as pd

from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.services.matching.mentoring.distances import public_km
from cso_map.services.matching.mentoring.gaps import gap_closers, needy_cells
from cso_map.services.matching.relations import skills_for_needs
from cso_map.services.snapshot.build import DirectorySnapshot, mask_codes
from cso_map.taxonomy import (
    SERVICE_CATEGORIES,
    SERVICE_LANGUAGES,
    SKILLS,
    TARGET_GROUPS,
)


def pair_reasons(
    snapshot: DirectorySnapshot, mentor: int, mentee: int, policy: CoveragePolicy
) -> list[dict]:
    """Return why a mentor and a mentee fit, as codes with their values."""
    organizations = snapshot.organizations
    a, b = organizations.iloc[mentor], organizations.iloc[mentee]
    reasons = _skills_reason(a, b) + _shared_reasons(a, b)
    reasons += _origins_reason(snapshot, mentor, mentee)
    reasons.append(_place_reason(snapshot, mentor, mentee))
    reasons.append(
        {
            "code": "asymmetry",
            "mentor_people": int(organizations["people"].iat[mentor]),
            "mentee_people": int(organizations["people"].iat[mentee]),
        }
    )
    if gap_closers(snapshot, policy)[mentee]:
        reasons.append(_gap_reason(snapshot, mentee, policy))
    return reasons


def _skills_reason(mentor: pd.Series, mentee: pd.Series) -> list[dict]:
    """Return the mentee's needs the mentor's skills answer, and those skills."""
    answers = skills_for_needs()
    answering = [
        need
        for bit, (need, mask) in enumerate(answers.items())
        if (int(mentee["needs"]) >> bit) & 1 and int(mentor["skills"]) & mask
    ]
    if not answering:
        return []
    skills = 0
    for need in answering:
        skills |= answers[need] & int(mentor["skills"])
    return [
        {"code": "skills", "needs": answering, "skills": mask_codes(SKILLS, skills)}
    ]


def _shared_reasons(mentor: pd.Series, mentee: pd.Series) -> list[dict]:
    """Return the services, groups and languages both have."""
    reasons = []
    for code, vocabulary, column in (
        ("services", SERVICE_CATEGORIES, "categories"),
        ("groups", TARGET_GROUPS, "target_groups"),
        ("languages", SERVICE_LANGUAGES, "languages"),
    ):
        shared = mask_codes(vocabulary, int(mentor[column]) & int(mentee[column]))
        if shared:
            reasons.append({"code": code, "shared": shared})
    return reasons


def _origins_reason(
    snapshot: DirectorySnapshot, mentor: int, mentee: int
) -> list[dict]:
    """Return the states of origin both are tied to, if any."""
    origins = snapshot.origins
    mine = set(origins.region[origins.service == mentor])
    theirs = set(origins.region[origins.service == mentee])
    if not mine & theirs:
        return []
    codes = snapshot.regions["code"].to_numpy(object)
    return [{"code": "origins", "regions": sorted(codes[i] for i in mine & theirs)}]


def _place_reason(snapshot: DirectorySnapshot, mentor: int, mentee: int) -> dict:
    """Return where the two are from each other: the same state, or km apart."""
    organizations = snapshot.organizations
    a, b = organizations.iloc[mentor], organizations.iloc[mentee]
    if a["region"] is not None and a["region"] == b["region"]:
        return {"code": "same_state", "region": a["region"]}
    km = float(public_km(snapshot, np.array([mentor]), np.array([mentee]))[0])
    hidden = [row["region"] for row in (a, b) if row["confidential"]]
    return {
        "code": "distance",
        "km": None if np.isnan(km) else round(km),
        # the state measured to, when one of the two hides its address
        "to_state": hidden[0] if len(hidden) == 1 else None,
        "between_states": len(hidden) == 2,
    }


def _gap_reason(
    snapshot: DirectorySnapshot, mentee: int, policy: CoveragePolicy
) -> dict:
    """Return the first lacking (service, state) the mentee works in."""
    needy = needy_cells(snapshot, policy)
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
