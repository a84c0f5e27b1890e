"""Proposing an organization, and its verification by an administrator.

A proposal stays `pending`, invisible to the public, until an administrator
verifies it; then the person who proposed it becomes its editor.
"""

from __future__ import annotations

import difflib
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from cso_map.extensions import db
from cso_map.models import Location, Organization, Region, User
from cso_map.models.base import utcnow
from cso_map.services.directory.search_index import organization_search_text
from cso_map.services.editing.audit import record_change
from cso_map.services.editing.organizations import organization_fields
from cso_map.taxonomy import CSO_TYPES, ENGAGEMENT_LEVELS
from cso_map.text import fold

SIMILAR_NAMES = 0.8  # difflib ratio of folded names from which two look alike


@dataclass(frozen=True)
class Proposal:
    """What someone tells us about a new organization."""

    name: str
    type: str
    region: str
    description: str = ""
    email: str | None = None
    website: str | None = None
    phone: str | None = None


def similar_organizations(name: str, region: str) -> list[Organization]:
    """Return organizations with a location in `region` whose names look alike."""
    key = fold(name)
    candidates = db.session.scalars(
        select(Organization)
        .join(Location, Location.organization_id == Organization.id)
        .join(Region, Region.id == Location.region_id)
        .where(Region.code == region, Organization.deleted_at.is_(None))
        .distinct()
    )
    return [
        organization
        for organization in candidates
        if difflib.SequenceMatcher(None, key, organization.name_key).ratio()
        >= SIMILAR_NAMES
    ]


def propose_organization(proposal: Proposal, by: User) -> Organization:
    """Create a pending organization located in its state (committed)."""
    region = db.session.scalar(select(Region).where(Region.code == proposal.region))
    if region is None:
        raise ValueError(f"unknown region {proposal.region}")
    organization = Organization(
        id=uuid.uuid4(),
        name=proposal.name,
        description=proposal.description,
        type_id=CSO_TYPES.term_id(proposal.type),
        engagement_level_id=ENGAGEMENT_LEVELS.term_id("none"),
        email=proposal.email,
        website=proposal.website,
        phone=proposal.phone,
        verification_status="pending",
        proposed_by_id=by.id,
        name_key=fold(proposal.name),
        search_text=organization_search_text(
            proposal.name, None, proposal.description, [], []
        ),
    )
    organization.locations.append(
        Location(
            name=region.name_es,
            state_province=region.name_es,
            country=region.code.split("-")[0],
            region_id=region.id,
            approximate=True,
        )
    )
    db.session.add(organization)
    db.session.flush()
    record_change(
        "create",
        "organization",
        organization.id,
        organization.id,
        by,
        after=organization_fields(organization),
    )
    db.session.commit()
    return organization


def pending_organizations() -> list[Organization]:
    """Return the proposals waiting for verification, oldest first."""
    return list(
        db.session.scalars(
            select(Organization)
            .where(
                Organization.verification_status == "pending",
                Organization.deleted_at.is_(None),
            )
            .order_by(Organization.created_at)
        )
    )


def verify_organization(organization: Organization, by: User) -> None:
    """Publish a proposal; its proposer becomes its editor."""
    before = {"verification_status": organization.verification_status}
    organization.verification_status = "verified"
    organization.verified_at = utcnow()
    organization.last_reviewed_on = organization.verified_at.date()
    proposer = (
        db.session.get(User, organization.proposed_by_id)
        if (organization.proposed_by_id)
        else None
    )
    if proposer is not None and organization not in proposer.organizations:
        proposer.organizations.append(organization)
    record_change(
        "verify",
        "organization",
        organization.id,
        organization.id,
        by,
        before,
        {"verification_status": "verified"},
    )
    db.session.commit()


def reject_organization(organization: Organization, by: User) -> None:
    """Refuse a proposal; it stays out of sight (and can be verified later)."""
    before = {"verification_status": organization.verification_status}
    organization.verification_status = "rejected"
    record_change(
        "reject",
        "organization",
        organization.id,
        organization.id,
        by,
        before,
        {"verification_status": "rejected"},
    )
    db.session.commit()


def merge_organizations(keep: Organization, duplicate: Organization, by: User) -> None:
    """Move a duplicate's services, places, ties and editors to `keep`; delete it.

    The duplicate is soft-deleted (it can be restored, empty); both sides record
    the merge in the audit log.
    """
    if keep.id == duplicate.id:
        raise ValueError("an organization cannot be merged into itself")
    with db.session.no_autoflush:
        for service in list(duplicate.services):
            service.organization = keep
        for location in list(duplicate.locations):
            if location.has_point or location.address_1 or location.url:
                location.organization = keep  # a bare state stays behind
        for origin in list(duplicate.origins):
            origin.organization = keep
        for member in list(duplicate.member_organizations):
            member.parent = keep
        for field in ("target_groups", "skills", "support_needs"):
            kept = getattr(keep, field)
            kept.extend(term for term in getattr(duplicate, field) if term not in kept)
        editors = db.session.scalars(
            select(User).where(User.organizations.any(Organization.id == duplicate.id))
        )
        for editor in editors:
            if keep not in editor.organizations:
                editor.organizations.append(keep)
        duplicate.deleted_at = utcnow()
    note = {"merged_into": str(keep.id), "duplicate": str(duplicate.id)}
    record_change("merge", "organization", duplicate.id, duplicate.id, by, {}, note)
    record_change("merge", "organization", keep.id, keep.id, by, {}, note)
    db.session.commit()
