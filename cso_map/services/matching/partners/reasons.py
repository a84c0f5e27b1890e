"""Why a likely partner is where it is, as reason codes with their values."""

from __future__ import annotations

import numpy as np
import pandas as pd

from cso_map.services.directory.regions import other_country
from cso_map.services.matching.partners.query import PartnerQuery
from cso_map.services.matching.relations import skills_for_services
from cso_map.services.snapshot.build import DirectorySnapshot, bitmask, mask_codes
from cso_map.taxonomy import ENGAGEMENT_LEVELS, SERVICE_LANGUAGES, SKILLS, TARGET_GROUPS


def partner_reasons(
    snapshot: DirectorySnapshot,
    row: pd.Series,
    organization: pd.Series,
    query: PartnerQuery,
) -> list[dict]:
    """Return why a candidate is where it is, as codes with their values."""
    reasons = _basis_reasons(snapshot, row, organization, query)
    reasons += _coverage_reasons(snapshot, row, organization, query)
    reasons.append(_freshness_reason(snapshot, row, organization))
    level = int(organization["engagement"])
    if level >= 0:
        reasons.append(
            {"code": "engagement", "level": ENGAGEMENT_LEVELS.codes()[level]}
        )
    return reasons


def _basis_reasons(
    snapshot: DirectorySnapshot,
    row: pd.Series,
    organization: pd.Series,
    query: PartnerQuery,
) -> list[dict]:
    """Return the reason of the candidate's tier, and its capacity if stated."""
    basis = row["basis"]
    if basis == "could_start":
        wanted = skills_for_services(query.services)
        return [
            {
                "code": "could_start",
                "skills": mask_codes(SKILLS, int(organization["skills"]) & wanted),
                "people": int(organization["people"]),
                "region": query.region,
            }
        ]
    service = snapshot.services.iloc[int(row["service_row"])]
    reason = {"code": basis, "service": service["category"], "region": query.region}
    if basis == "nearby":
        reason["km"] = round(float(row["km"]))
    if basis == "remote":
        reason.update(_remote_terms(snapshot, int(row["service_row"]), query.region))
    abroad = other_country(str(organization["region"] or ""), query.region)
    if basis == "in_region" and abroad:
        reason["from_country"] = abroad  # a binational service
    reasons = [reason]
    if np.isnan(service["capacity"]):
        reasons.append({"code": "capacity_unknown"})
    else:
        reasons.append({"code": "capacity", "people": int(service["capacity"])})
    return reasons


def _remote_terms(snapshot: DirectorySnapshot, row: int, region: str) -> dict:
    """Return how a service is delivered remotely (`channels`) and where (`area`):
    the state's whole country when it serves all of it, else the state."""
    service = snapshot.services.iloc[row]
    channels = [name for name in ("by_phone", "online") if service[name]]
    country = snapshot.states_in(region[:2])
    reached = snapshot.remote.region[snapshot.remote.service == row]
    whole = len(country) > 0 and bool(np.isin(country, reached).all())
    return {"channels": channels, "area": region[:2] if whole else region}


def _coverage_reasons(
    snapshot: DirectorySnapshot,
    row: pd.Series,
    organization: pd.Series,
    query: PartnerQuery,
) -> list[dict]:
    """Return, for the languages and groups asked for, those covered and missing."""
    reasons = []
    for name, vocabulary, column in (
        ("languages", SERVICE_LANGUAGES, "languages"),
        ("groups", TARGET_GROUPS, "target_groups"),
    ):
        wanted = query.languages if name == "languages" else query.target_groups
        if wanted:
            mask = _mask_of(snapshot, row, organization, column)
            covered = mask_codes(vocabulary, mask & bitmask(vocabulary, wanted))
            reasons.append(
                {
                    "code": name,
                    "covered": covered,
                    "missing": [code for code in wanted if code not in covered],
                }
            )
    return reasons


def _freshness_reason(
    snapshot: DirectorySnapshot, row: pd.Series, organization: pd.Series
) -> dict:
    """Return how current the listing is, from what its freshness is scored on:
    the service, or the organization for one that could start."""
    position = int(row["service_row"])
    if position < 0:
        verified, stale = organization["verified"], organization["stale"]
    else:  # two cells, not the whole row: a row of a wide frame is slow to build
        verified = snapshot.services["verified"].iat[position]
        stale = snapshot.services["stale"].iat[position]
    return {"code": "verified" if verified else "unverified", "stale": bool(stale)}


def _mask_of(
    snapshot: DirectorySnapshot, row: pd.Series, organization: pd.Series, column: str
) -> int:
    """Return the service's mask of `column`, or the organization's for could-start."""
    if int(row["service_row"]) < 0:
        return int(organization[column])
    return int(snapshot.services[column].iat[int(row["service_row"])])
