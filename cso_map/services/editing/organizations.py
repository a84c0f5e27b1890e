"""Changing organizations: edits with optimistic concurrency, reviews, soft
deletes and restores. Each change is recorded in the audit log.

Only the editable fields of the registry (`records/fields.py`) can change through
an edit, whatever a form or request body sends: verification, ownership, ids and
versions are not among them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from sqlalchemy import select

from cso_map.extensions import db
from cso_map.models import Organization, TaxonomyTerm, User
from cso_map.models.base import utcnow
from cso_map.services.directory.search_index import organization_search_text
from cso_map.services.editing.audit import record_change
from cso_map.services.records.fields import EDITABLE_FIELDS, Kind
from cso_map.services.records.values import plain_values
from cso_map.taxonomy import VOCABULARIES
from cso_map.text import fold

if TYPE_CHECKING:
    from cso_map.vocabulary import Vocabulary

EDITABLE = tuple(field.name for field in EDITABLE_FIELDS)
TERMS = {
    field.name: VOCABULARIES[field.vocabulary]
    for field in EDITABLE_FIELDS
    if field.kind is Kind.TERM
}
TERM_LISTS = {
    field.name: VOCABULARIES[field.vocabulary]
    for field in EDITABLE_FIELDS
    if field.kind is Kind.TERMS
}


class StaleEdit(Exception):
    """Someone saved the organization since this edit began; nothing was changed."""

    def __init__(self, current: dict) -> None:
        super().__init__("stale edit")
        self.current = current


def organization_fields(organization: Organization) -> dict:
    """Return the editable fields of an organization, terms as codes."""
    return plain_values(organization, EDITABLE_FIELDS)


def editable_organization(organization_id: uuid.UUID) -> Organization | None:
    """Return an organization that is not deleted (listed or not yet verified)."""
    return db.session.scalar(
        select(Organization).where(
            Organization.id == organization_id, Organization.deleted_at.is_(None)
        )
    )


def update_organization(
    organization: Organization, changes: dict, expected_version: int, by: User
) -> Organization:
    """Apply the allowed `changes` if nobody saved since `expected_version`.

    Raises StaleEdit (with the current values) when the organization moved on.
    """
    if organization.version != expected_version:
        raise StaleEdit(organization_fields(organization))
    before = organization_fields(organization)
    with db.session.no_autoflush:  # one flush at commit: the version moves once
        for name in EDITABLE:
            if name in changes:
                value = changes[name]
                if name in TERMS:
                    value = _term(TERMS[name], value)
                elif name in TERM_LISTS:
                    value = [_term(TERM_LISTS[name], code) for code in value]
                setattr(organization, name, value)
        organization.name_key = fold(organization.name)
        organization.search_text = _search_text(organization)
        after = organization_fields(organization)
    if after != before:
        # Term lists live in link tables: touching the row moves the version on
        # for them too, so a stale edit of them is refused like any other.
        organization.updated_at = utcnow()
        record_change(
            "update",
            "organization",
            organization.id,
            organization.id,
            by,
            before,
            after,
        )
    db.session.commit()
    return organization


def _term(vocabulary: Vocabulary, code: str | None) -> TaxonomyTerm | None:
    """Return the taxonomy term row of `code` (None for None)."""
    if code is None:
        return None
    return db.session.get(TaxonomyTerm, vocabulary.term_id(code))


def _search_text(organization: Organization) -> str:
    cities = (
        []
        if organization.location_confidential
        else [location.city for location in organization.locations]
    )
    return organization_search_text(
        organization.name,
        organization.alternate_name,
        " ".join(
            filter(
                None, (organization.description, organization.description_translation)
            )
        ),
        [
            name
            for service in organization.services
            for name in (service.name, service.name_translation)
        ],
        cities,
    )


def confirm_review(
    organization: Organization, by: User, today: dt.date | None = None
) -> None:
    """Record that the editors checked the profile and nothing changed."""
    before = {"last_reviewed_on": organization.last_reviewed_on}
    organization.last_reviewed_on = today or dt.date.today()
    record_change(
        "review",
        "organization",
        organization.id,
        organization.id,
        by,
        before,
        {"last_reviewed_on": organization.last_reviewed_on},
    )
    db.session.commit()


def delete_organization(organization: Organization, by: User) -> None:
    """Hide an organization everywhere, keeping it to be restored."""
    organization.deleted_at = utcnow()
    record_change("delete", "organization", organization.id, organization.id, by)
    db.session.commit()


def restore_organization(organization: Organization, by: User) -> None:
    """Bring back a deleted organization as it was."""
    organization.deleted_at = None
    record_change("restore", "organization", organization.id, organization.id, by)
    db.session.commit()


def deleted_organizations() -> list[Organization]:
    """Return deleted organizations, the most recently deleted first."""
    return list(
        db.session.scalars(
            select(Organization)
            .where(Organization.deleted_at.is_not(None))
            .order_by(Organization.deleted_at.desc())
        )
    )
