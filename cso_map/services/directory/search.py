"""Search the public directory: filters that combine with AND, paginated.

Filters run on the in-memory snapshot (numpy masks); only the page shown is loaded
from the database.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from cso_map.extensions import db
from cso_map.models import Organization, Service
from cso_map.services.directory.regions import get_region
from cso_map.services.finder.needs import is_stop_word, match_needs
from cso_map.services.snapshot.build import (
    DirectorySnapshot,
    bitmask,
    directory_snapshot,
)
from cso_map.taxonomy import SERVICE_LANGUAGES, TARGET_GROUPS
from cso_map.text import fold

MAX_QUERY_WORDS = 8


@dataclass(frozen=True)
class DirectoryFilters:
    """What a visitor narrows the directory by; codes are taxonomy and ISO codes."""

    service: str | None = None
    region: str | None = None
    language: str | None = None
    type: str | None = None
    target_group: str | None = None
    verified: bool = False
    q: str = ""


@dataclass(frozen=True)
class ResultPage:
    """One page of results and where it sits in the whole list."""

    items: list = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = 20

    @property
    def pages(self) -> int:
        """Return the number of pages (at least one)."""
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def first_index(self) -> int:
        """Return the 1-based position of the first item on this page."""
        return (self.page - 1) * self.per_page + 1


def search_organizations(
    filters: DirectoryFilters, page: int = 1, per_page: int = 20
) -> ResultPage:
    """Return the listed organizations matching every filter, sorted by name."""
    snapshot = directory_snapshot()
    positions = matching_positions(snapshot, filters)
    shown = positions[(page - 1) * per_page : page * per_page]
    ids = [uuid.UUID(value) for value in snapshot.organizations["id"].to_numpy()[shown]]
    return ResultPage(load_organizations(ids), len(positions), page, per_page)


def load_organizations(ids: list) -> list[Organization]:
    """Return the organizations with `ids`, in that order, with what a list shows."""
    if not ids:
        return []
    rows = db.session.scalars(
        select(Organization)
        .where(Organization.id.in_(ids))
        .options(
            selectinload(Organization.services).selectinload(Service.languages),
            selectinload(Organization.locations),
        )
    )
    by_id = {organization.id: organization for organization in rows}
    return [by_id[organization_id] for organization_id in ids]


def matching_positions(
    snapshot: DirectorySnapshot, filters: DirectoryFilters
) -> np.ndarray:
    """Return the snapshot positions of the organizations matching every filter.

    Codes must already be valid. With a service or language filter, the region
    filter applies to that service ("legal advice in Zacatecas": delivered there,
    listing it or its country, or within its radius); alone, it keeps organizations
    located in the region or with any active service reaching it.
    """
    organizations = snapshot.organizations
    keep = np.ones(len(organizations), bool)
    if filters.type:
        keep &= organizations["type"].to_numpy() == filters.type
    if filters.verified:
        keep &= organizations["verified"].to_numpy(bool)
    if filters.target_group:
        bit = bitmask(TARGET_GROUPS, [filters.target_group])
        keep &= (organizations["target_groups"].to_numpy() & bit) != 0
    states = snapshot.states_in(filters.region) if filters.region else None
    if filters.service or filters.language or states is not None:
        keep &= _providers(snapshot, filters, states)
    return _matching_words(snapshot, np.flatnonzero(keep), filters.q)


def _matching_words(
    snapshot: DirectorySnapshot, positions: np.ndarray, query: str
) -> np.ndarray:
    """Return the `positions` whose organization matches every word of `query`.

    A word matches an organization's text; one that names a need ("abogado",
    misspelled or not) also matches an organization offering that service. Words
    such as "necesito" or "un" are left out.
    """
    texts = snapshot.organizations["search_text"].to_numpy(object)
    words = [word for word in fold(query).split() if not is_stop_word(word)]
    for word in words[:MAX_QUERY_WORDS]:
        found = np.array([word in text for text in texts[positions]], bool)
        named = match_needs(word)
        if named:
            offering = _providers(snapshot, DirectoryFilters(service=named[0]), None)
            found |= offering[positions]
        positions = positions[found]
    return positions


def _providers(
    snapshot: DirectorySnapshot, filters: DirectoryFilters, states: np.ndarray | None
) -> np.ndarray:
    """Return a mask of organizations with a matching service (or, with only a
    region, with a location there or any service reaching it)."""
    services = snapshot.services
    matching = np.ones(len(services), bool)
    if filters.service:
        matching &= services["category"].to_numpy() == filters.service
    if filters.language:
        bit = bitmask(SERVICE_LANGUAGES, [filters.language])
        matching &= (services["languages"].to_numpy() & bit) != 0
    if states is not None:  # in person or remotely: cards say which
        matching &= snapshot.reaching(states) | snapshot.reaching_remotely(states)
    found = np.zeros(len(snapshot.organizations), bool)
    found[services["owner"].to_numpy(int)[matching]] = True
    if states is not None and not (filters.service or filters.language):
        located = snapshot.located
        found[located.service[np.isin(located.region, states)]] = True
    return found


@dataclass(frozen=True)
class HomeSearch:
    """What a search typed on the home page asks for, and what it finds."""

    needs: list[str]  # service categories its words name, best first
    found: int  # organizations of the directory that match it
    state: str | None  # the region chosen, if it is a state (the finder's kind)


def read_home_search(filters: DirectoryFilters) -> HomeSearch:
    """Return the needs a home-page search names and how many organizations match.

    A service chosen from the list is a search of the directory: it names no need.
    """
    snapshot = directory_snapshot()
    region = get_region(filters.region) if filters.region else None
    return HomeSearch(
        needs=[] if filters.service else match_needs(filters.q),
        found=len(matching_positions(snapshot, filters)),
        state=region.code if region is not None and region.level == "state" else None,
    )
