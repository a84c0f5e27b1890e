"""Snapshot columns of organizations' capacity profiles, and their ties abroad."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from sqlalchemy import select

from cso_map.geo.coverage import Reach
from cso_map.models import (
    Organization,
    OrganizationOrigin,
    organization_skills,
    organization_support_needs,
)
from cso_map.services.directory.organizations import STALE_AFTER
from cso_map.services.snapshot.places import own_states
from cso_map.services.snapshot.rows import id_text, link_masks, read_frame, term_map
from cso_map.taxonomy import BUDGET_BANDS, ENGAGEMENT_LEVELS, SKILLS, SUPPORT_NEEDS

PROFILE_COUNTS = ("paid_staff", "volunteers", "members")


def add_profiles(organizations: pd.DataFrame, today: dt.date) -> None:
    """Add capacity-profile columns to the snapshot's organizations, in place.

    Counts are floats (NaN: not stated); `budget` and `engagement` are positions
    in their vocabularies (-1: not stated); `people` is paid staff plus
    volunteers (0 when not stated); `skills` and `needs` are bit masks;
    `parent` is the position of the federation or network it belongs to (-1);
    """
    frame = organizations[["key"]].merge(
        _read_profiles(), how="left", on="key", sort=False
    )
    _add_capacity(organizations, frame, today)
    _add_ties(organizations, frame)


def _read_profiles() -> pd.DataFrame:
    """Return the profile columns of listed organizations, keyed by `key`."""
    return read_frame(
        select(
            id_text(Organization.id),
            *(getattr(Organization, name) for name in PROFILE_COUNTS),
            id_text(Organization.budget_band_id),
            id_text(Organization.engagement_level_id),
            Organization.open_to_mentor,
            Organization.seeking_mentor,
            Organization.women_led,
            Organization.last_reviewed_on,
            id_text(Organization.parent_id),
        ).where(Organization.is_listed),
        [
            "key",
            *PROFILE_COUNTS,
            *("budget_id", "engagement_id", "open_to_mentor", "seeking_mentor"),
            *("women_led", "reviewed_on", "parent_key"),
        ],
    )


def _add_capacity(
    organizations: pd.DataFrame, frame: pd.DataFrame, today: dt.date
) -> None:
    """Add counts, bands, mentoring flags and staleness from `frame`, in place."""
    for name in PROFILE_COUNTS:
        organizations[name] = pd.to_numeric(frame[name]).astype(float).to_numpy()
    organizations["people"] = np.nan_to_num(organizations["paid_staff"]) + (
        np.nan_to_num(organizations["volunteers"])
    )
    for column, key, vocabulary in (
        ("budget", "budget_id", BUDGET_BANDS),
        ("engagement", "engagement_id", ENGAGEMENT_LEVELS),
    ):
        positions = {code: i for i, code in enumerate(vocabulary.codes())}
        codes = frame[key].map(term_map(vocabulary))
        organizations[column] = codes.map(positions).fillna(-1).to_numpy(int)
    for name in ("open_to_mentor", "seeking_mentor", "women_led"):
        organizations[name] = frame[name].fillna(False).astype(bool).to_numpy()
    recent = today - STALE_AFTER
    organizations["stale"] = [
        reviewed is None or reviewed != reviewed or reviewed < recent
        for reviewed in frame["reviewed_on"]
    ]


def _add_ties(organizations: pd.DataFrame, frame: pd.DataFrame) -> None:
    """Add `parent` and the skills and needs masks, in place."""
    position = pd.Series(np.arange(len(organizations)), index=organizations["key"])
    organizations["parent"] = (
        frame["parent_key"].map(position).fillna(-1).astype(int).to_numpy()
    )
    for column, table, vocabulary in (
        ("skills", organization_skills, SKILLS),
        ("needs", organization_support_needs, SUPPORT_NEEDS),
    ):
        organizations[column] = link_masks(
            select(id_text(table.c.organization_id), id_text(table.c.term_id)),
            organizations["key"],
            vocabulary,
        )


def read_origins(organizations: pd.DataFrame, states_of: pd.DataFrame) -> Reach:
    """Return (organization position, origin state index) pairs: ties abroad."""
    origins = read_frame(
        select(
            id_text(OrganizationOrigin.organization_id),
            id_text(OrganizationOrigin.region_id),
        ).where(OrganizationOrigin.region_id.is_not(None)),
        ["key", "region_id"],
    ).merge(own_states(states_of), on="region_id")
    position = pd.Series(np.arange(len(organizations)), index=organizations["key"])
    origins["organization"] = origins["key"].map(position)
    origins = origins.dropna(subset=["organization"])
    return Reach.union(
        (origins["organization"].to_numpy(int), origins["state"].to_numpy(int))
    )
