"""Mentoring: larger organizations that could strengthen small groups, and back.

A pair is a mentor (open to mentor, with more people or budget) and a mentee
(seeking a mentor). Both must have opted in for a pair to be proposed publicly.
Candidates are pruned by capacity band and by distance before scoring, so one
organization's suggestions stay fast however large the directory grows.

Modules: `suggestions` (the entry point), `participants` (who takes part, browsed
by filters), `candidates` (pruning), `scores` (the pair components), `gaps` (who
closes a coverage gap), `reasons` (why, as codes).
"""

from cso_map.services.matching.mentoring.participants import (
    Participant,
    ParticipantQuery,
    find_participants,
)
from cso_map.services.matching.mentoring.scores import COMPONENTS, WEIGHTS
from cso_map.services.matching.mentoring.suggestions import (
    MENTORING_ROLES,
    NotOptedIn,
    Suggestion,
    mentoring_suggestions,
)

__all__ = [
    "COMPONENTS",
    "MENTORING_ROLES",
    "WEIGHTS",
    "NotOptedIn",
    "Participant",
    "ParticipantQuery",
    "Suggestion",
    "find_participants",
    "mentoring_suggestions",
]
