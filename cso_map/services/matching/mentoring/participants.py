"""Organizations that take part in mentoring: one by id, or browsed by filters."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.services.directory.search import ResultPage
from cso_map.services.snapshot.build import (
    DirectorySnapshot,
    bitmask,
    directory_snapshot,
    mask_codes,
)
from cso_map.taxonomy import SKILLS, SUPPORT_NEEDS
from cso_map.text import fold

ROLE_FLAGS = {"mentor": "open_to_mentor", "mentee": "seeking_mentor"}


@dataclass(frozen=True)
class Participant:
    """An organization as mentoring shows it: its state, never a hidden address.

    `region` is the state code of its public point; `lat`/`lon` are that point
    (the state's label point when the address is confidential, NaN if unknown).
    """

    organization_id: str
    name: str
    type: str | None
    region: str | None
    confidential: bool
    open_to_mentor: bool
    seeking_mentor: bool
    skills: list[str]
    needs: list[str]
    lat: float
    lon: float


@dataclass(frozen=True)
class ParticipantQuery:
    """What a visitor browses participants by; codes must already be valid.

    `area` is a state or country code; `role` "mentor" keeps those open to mentor,
    "mentee" those looking for a mentor (None: either).
    """

    area: str | None = None
    type: str | None = None
    role: str | None = None
    skill: str | None = None
    need: str | None = None
    words: str = ""


def participant_at(snapshot: DirectorySnapshot, row: int) -> Participant:
    """Return the organization at snapshot position `row` as a Participant."""
    organization = snapshot.organizations.iloc[row]
    return Participant(
        organization_id=organization["id"],
        name=organization["name"],
        type=organization["type"],
        region=organization["region"],
        confidential=bool(organization["confidential"]),
        open_to_mentor=bool(organization["open_to_mentor"]),
        seeking_mentor=bool(organization["seeking_mentor"]),
        skills=mask_codes(SKILLS, int(organization["skills"])),
        needs=mask_codes(SUPPORT_NEEDS, int(organization["needs"])),
        lat=float(organization["lat"]),
        lon=float(organization["lon"]),
    )


def find_participants(
    query: ParticipantQuery, policy: CoveragePolicy, page: int = 1, per_page: int = 20
) -> ResultPage:
    """Return a page of opted-in organizations matching every filter, by name.

    Only the listings `policy` counts are shown, as only those are suggested in
    pairs. The area filter keeps organizations with a location in it.
    """
    snapshot = directory_snapshot()
    positions = np.flatnonzero(_matching(snapshot, query, policy))
    shown = positions[(page - 1) * per_page : page * per_page]
    items = [participant_at(snapshot, int(row)) for row in shown]
    return ResultPage(items, len(positions), page, per_page)


def _matching(
    snapshot: DirectorySnapshot, query: ParticipantQuery, policy: CoveragePolicy
) -> np.ndarray:
    """Return the mask of counted participants that match `query`."""
    organizations = snapshot.organizations
    flags = [ROLE_FLAGS[query.role]] if query.role else list(ROLE_FLAGS.values())
    keep = np.logical_or.reduce([organizations[f].to_numpy(bool) for f in flags])
    keep &= policy.counted(organizations["verified"], organizations["stale"])
    if query.type:
        keep &= organizations["type"].to_numpy() == query.type
    for column, vocabulary, code in (
        ("skills", SKILLS, query.skill),
        ("needs", SUPPORT_NEEDS, query.need),
    ):
        if code:
            bit = bitmask(vocabulary, [code])
            keep &= (organizations[column].to_numpy(np.int64) & bit) != 0
    if query.area:
        located = snapshot.located
        within = np.isin(located.region, snapshot.states_in(query.area))
        inside = np.zeros(len(organizations), bool)
        inside[located.service[within]] = True
        keep &= inside
    words = fold(query.words)
    if words:
        names = organizations["name"].map(fold)
        keep &= names.str.contains(words, regex=False).to_numpy(bool)
    return keep
