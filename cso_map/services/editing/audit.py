"""Record changes in the audit log, and read an organization's history."""

from __future__ import annotations

import datetime as dt
import json
import uuid

from sqlalchemy import select

from cso_map.extensions import db
from cso_map.models import AuditEvent, User


def _plain(value: object) -> object:
    if isinstance(value, dt.date | dt.datetime | uuid.UUID):
        return str(value)
    return value


def record_change(
    action: str,
    entity: str,
    entity_id: uuid.UUID,
    organization_id: uuid.UUID | None,
    by: User | None,
    before: dict | None = None,
    after: dict | None = None,
) -> AuditEvent:
    """Add an audit event to the session (committed with the change itself)."""
    event = AuditEvent(
        action=action,
        entity=entity,
        entity_id=entity_id,
        organization_id=organization_id,
        user_id=by.id if by else None,
        before=json.dumps({k: _plain(v) for k, v in (before or {}).items()}),
        after=json.dumps({k: _plain(v) for k, v in (after or {}).items()}),
    )
    db.session.add(event)
    return event


def organization_history(organization_id: uuid.UUID) -> list[AuditEvent]:
    """Return the recorded changes of an organization, newest first."""
    return list(
        db.session.scalars(
            select(AuditEvent)
            .where(AuditEvent.organization_id == organization_id)
            .order_by(AuditEvent.at.desc())
        )
    )


def changed_fields(event: AuditEvent) -> list[tuple[str, object, object]]:
    """Return (field, before, after) for each field an event changed."""
    before, after = json.loads(event.before), json.loads(event.after)
    names = sorted(set(before) | set(after))
    return [
        (name, before.get(name), after.get(name))
        for name in names
        if before.get(name) != after.get(name)
    ]
