"""What administrators and authorities look after: accounts and stale listings."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import or_, select

from cso_map.extensions import db
from cso_map.models import ROLES, Organization, User
from cso_map.services.directory.organizations import STALE_AFTER
from cso_map.services.editing.accounts import AccountError, set_active
from cso_map.services.editing.audit import record_change


def organization_by_id(organization_id: uuid.UUID) -> Organization | None:
    """Return any organization by id (deleted or pending too), or None."""
    return db.session.get(Organization, organization_id)


def user_by_id(user_id: uuid.UUID) -> User | None:
    """Return the account with this id, or None."""
    return db.session.get(User, user_id)


def list_users() -> list[User]:
    """Return every account, by e-mail."""
    return list(db.session.scalars(select(User).order_by(User.email)))


def set_role(user: User, role: str, by: User) -> None:
    """Give an account another role (recorded; its sessions end)."""
    if role not in ROLES:
        raise AccountError("role")
    before = {"role": user.role}
    user.role = role
    record_change("update", "user", user.id, None, by, before, {"role": role})
    set_active(user, user.active)  # commits and ends the account's sessions


def change_activation(user: User, active: bool, by: User) -> None:
    """Activate or deactivate an account (recorded)."""
    record_change(
        "update", "user", user.id, None, by, {"active": user.active}, {"active": active}
    )
    set_active(user, active)


def stale_organizations(today: dt.date | None = None) -> list[Organization]:
    """Return listed organizations not reviewed in 12 months, the oldest first."""
    limit = (today or dt.date.today()) - STALE_AFTER
    return list(
        db.session.scalars(
            select(Organization)
            .where(
                Organization.is_listed,
                or_(
                    Organization.last_reviewed_on.is_(None),
                    Organization.last_reviewed_on < limit,
                ),
            )
            .order_by(
                Organization.last_reviewed_on.nulls_first(), Organization.name_key
            )
        )
    )
