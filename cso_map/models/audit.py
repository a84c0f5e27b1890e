"""The audit log: who changed what, when, with the values before and after."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cso_map.models.base import Base, UUIDPrimaryKey, utcnow
from cso_map.models.user import User

AUDIT_ACTIONS = (
    "create",
    "update",
    "delete",
    "restore",
    "verify",
    "reject",
    "review",
    "merge",
    "import",
)


class AuditEvent(UUIDPrimaryKey, Base):
    """One recorded change; `before` and `after` are JSON objects of the fields."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_organization_at", "organization_id", "at"),
    )

    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    action: Mapped[str] = mapped_column(String(12))
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[uuid.UUID]
    organization_id: Mapped[uuid.UUID | None]
    before: Mapped[str] = mapped_column(Text, default="{}")
    after: Mapped[str] = mapped_column(Text, default="{}")

    user: Mapped[User | None] = relationship(lazy="joined")

    def __repr__(self) -> str:
        return f"<AuditEvent {self.action} {self.entity} {self.entity_id}>"
