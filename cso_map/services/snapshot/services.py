"""Snapshot tables of services: masks of categories and languages, and their reach."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from sqlalchemy import select

from cso_map.models import (
    Organization,
    Service,
    ServiceSchedule,
    organization_target_groups,
    service_languages,
)
from cso_map.services.directory.organizations import STALE_AFTER
from cso_map.services.snapshot.rows import id_text, link_masks, read_frame, term_map
from cso_map.taxonomy import SERVICE_CATEGORIES, SERVICE_LANGUAGES, TARGET_GROUPS

FLAGS = (
    *("free", "no_documents", "women_only", "walk_in"),
    *("by_phone", "online", "remote_only"),
)


def read_services(today: dt.date, organizations: pd.DataFrame) -> pd.DataFrame:
    """Return the active services of listed organizations, with bit masks.

    Also fills the organizations' `categories`, `languages` and `target_groups`
    masks; `owner` is each service's organization position.
    """
    services = _active_services(today)
    _add_masks(services, organizations)
    return services.drop(
        columns=["category_id", "assured_on", "reviewed_on", "verification"]
    )


def _active_services(today: dt.date) -> pd.DataFrame:
    """Return the active services of listed organizations, with `stale`,
    `verified` and `category` added and flags and numbers typed."""
    services = read_frame(
        select(
            id_text(Service.id),
            id_text(Service.organization_id),
            id_text(Service.category_id),
            Service.name,
            Service.capacity_per_month,
            Service.radius_km,
            Service.free_of_charge,
            Service.no_documents_required,
            Service.women_only,
            Service.walk_in,
            Service.by_phone,
            Service.online,
            Service.remote_only,
            Service.assured_on,
            Organization.last_reviewed_on,
            Organization.verification_status,
        )
        .join(Organization, Organization.id == Service.organization_id)
        .where(Organization.is_listed, Service.status == "active")
        .order_by(Service.id),
        [
            *("id", "organization_id", "category_id", "name", "capacity", "radius_km"),
            *("free", "no_documents", "women_only", "walk_in"),
            *("by_phone", "online", "remote_only"),
            *("assured_on", "reviewed_on", "verification"),
        ],
    )
    recent = today - STALE_AFTER
    fresh = [
        (a is not None and a >= recent) or (r is not None and r >= recent)
        for a, r in zip(services["assured_on"], services["reviewed_on"], strict=True)
    ]
    services["stale"] = ~np.array(fresh, bool)
    services["verified"] = services["verification"] == "verified"
    services["category"] = services["category_id"].map(term_map(SERVICE_CATEGORIES))
    for field in ("capacity", "radius_km"):
        services[field] = pd.to_numeric(services[field]).astype(float)
    for field in FLAGS:
        services[field] = services[field].astype(bool)
    return services


def _add_masks(services: pd.DataFrame, organizations: pd.DataFrame) -> None:
    """Add language and target-group masks and `owner` to `services`, and the
    category, language and target-group masks to `organizations`, in place."""
    services["languages"] = link_masks(
        select(
            id_text(service_languages.c.service_id),
            id_text(service_languages.c.term_id),
        ),
        services["id"],
        SERVICE_LANGUAGES,
    )
    org_position = pd.Series(np.arange(len(organizations)), index=organizations["key"])
    owner = services["organization_id"].map(org_position).to_numpy(int)
    groups = link_masks(
        select(
            id_text(organization_target_groups.c.organization_id),
            id_text(organization_target_groups.c.term_id),
        ),
        organizations["key"],
        TARGET_GROUPS,
    )
    services["target_groups"] = groups[owner]
    services["owner"] = owner
    organizations["target_groups"] = groups
    category_bits = services["category"].map(
        {code: 1 << i for i, code in enumerate(SERVICE_CATEGORIES.codes())}
    )
    for column, bits in (
        ("categories", category_bits.fillna(0).to_numpy(np.int64)),
        ("languages", services["languages"].to_numpy(np.int64)),
    ):
        masks = np.zeros(len(organizations), np.int64)
        np.bitwise_or.at(masks, owner, bits)
        organizations[column] = masks


def read_schedules(services: pd.DataFrame) -> pd.DataFrame:
    """Return the weekly hours of the snapshot's services, in minutes of the day.

    Columns: `service` (position), `weekday` (0 is Monday), `opens`, `closes`.
    """
    position = pd.Series(np.arange(len(services)), index=services["id"].to_numpy())
    rows = read_frame(
        select(
            id_text(ServiceSchedule.service_id),
            ServiceSchedule.weekday,
            ServiceSchedule.opens_at,
            ServiceSchedule.closes_at,
        ),
        ["service_id", "weekday", "opens_at", "closes_at"],
    )
    rows["service"] = rows["service_id"].map(position)
    rows = rows.dropna(subset=["service"])
    return pd.DataFrame(
        {
            "service": rows["service"].to_numpy(np.int64),
            "weekday": rows["weekday"].to_numpy(np.int64),
            "opens": np.array([t.hour * 60 + t.minute for t in rows["opens_at"]], int),
            "closes": np.array(
                [t.hour * 60 + t.minute for t in rows["closes_at"]], int
            ),
        }
    )
