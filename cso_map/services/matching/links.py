"""Transnational and federation links: who abroad is tied to each place of origin."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cso_map.services.snapshot.build import directory_snapshot
from cso_map.taxonomy import SERVICE_CATEGORIES

DEVELOPMENT_BIT = 1 << SERVICE_CATEGORIES.codes().index("origin_development")


@dataclass(frozen=True)
class OriginTies:
    """One state of origin and the organizations elsewhere tied to it."""

    code: str
    organizations: int
    development: int  # of them, how many run development projects there
    from_states: list[tuple[str, int]]  # where they are, most first
    members: list[dict] = field(default_factory=list)  # filled for one origin


@dataclass(frozen=True)
class Federation:
    """A federation or network and the listed organizations that belong to it."""

    id: str
    name: str
    region: str | None
    members: int
    member_states: list[str]


@dataclass(frozen=True)
class StateLink:
    """Organizations in `source` tied to `target`, for drawing one line."""

    source: str
    target: str
    organizations: int


def _ties() -> pd.DataFrame:
    """Return (organization, origin state, own state) rows, excluding own-state ties."""
    snapshot = directory_snapshot()
    organizations = snapshot.organizations
    codes = snapshot.regions["code"].to_numpy(object)
    ties = pd.DataFrame(
        {
            "organization": snapshot.origins.service,
            "origin": codes[snapshot.origins.region],
        }
    )
    ties["home"] = organizations["region"].to_numpy(object)[ties["organization"]]
    return ties[ties["home"] != ties["origin"]].reset_index(drop=True)


def origin_ties(origin: str | None = None) -> list[OriginTies]:
    """Return, per state of origin, the organizations elsewhere tied to it.

    With `origin`, only that state, with its organizations listed.
    """
    organizations = directory_snapshot().organizations
    ties = _ties()
    if origin is not None:
        ties = ties[ties["origin"] == origin]
    develops = (
        organizations["categories"].to_numpy(np.int64)[ties["organization"]]
        & DEVELOPMENT_BIT
    ) != 0
    ties = ties.assign(develops=develops)
    result = []
    for code, group in ties.groupby("origin", sort=False):
        homes = group["home"].dropna().value_counts()
        members = []
        if origin is not None:
            rows = organizations.iloc[group["organization"].to_numpy()]
            members = [
                {
                    "id": row.id,
                    "name": row.name,
                    "region": row.region,
                    "develops": bool(d),
                }
                for row, d in zip(rows.itertuples(), group["develops"], strict=True)
            ]
        result.append(
            OriginTies(
                code=str(code),
                organizations=len(group),
                development=int(group["develops"].sum()),
                from_states=[
                    (str(state), int(n)) for state, n in homes.head(5).items()
                ],
                members=sorted(members, key=lambda m: m["name"]),
            )
        )
    return sorted(result, key=lambda ties: (-ties.organizations, ties.code))


def state_links() -> list[StateLink]:
    """Return the ties aggregated by (state where they are, state of origin)."""
    ties = _ties().dropna(subset=["home"])
    counts = ties.groupby(["home", "origin"]).size()
    return [
        StateLink(str(home), str(origin), int(n))
        for (home, origin), n in counts.sort_values(ascending=False).items()
    ]


def federations() -> list[Federation]:
    """Return federations and networks with their listed member organizations."""
    organizations = directory_snapshot().organizations
    parent = organizations["parent"].to_numpy(int)
    members = pd.DataFrame(
        {"parent": parent, "region": organizations["region"].to_numpy(object)}
    )[parent >= 0]
    result = []
    for position, group in members.groupby("parent"):
        row = organizations.iloc[int(position)]
        result.append(
            Federation(
                id=row["id"],
                name=row["name"],
                region=row["region"],
                members=len(group),
                member_states=sorted(group["region"].dropna().unique().tolist()),
            )
        )
    return sorted(result, key=lambda f: (-f.members, f.name))
