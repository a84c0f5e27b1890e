"""People with accounts: administrators, authority staff and organizations' editors."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Column, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cso_map.models.base import Base, Timestamps, UUIDPrimaryKey

if TYPE_CHECKING:
    from cso_map.models.organization import Organization

ROLES = ("admin", "authority", "editor")

organization_editors = Table(
    "organization_editors",
    Base.metadata,
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "organization_id",
        ForeignKey("organizations.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class User(UUIDPrimaryKey, Timestamps, Base):
    """An account. `session_version` changes on logout, password change and
    deactivation, which ends every session of the account on the server."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('admin', 'authority', 'editor')", name="role"),
        CheckConstraint("session_version >= 1", name="session_version"),
    )

    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(12), default="editor")
    active: Mapped[bool] = mapped_column(default=True)
    session_version: Mapped[int] = mapped_column(default=1)
    last_login_at: Mapped[dt.datetime | None]

    organizations: Mapped[list[Organization]] = relationship(
        secondary=organization_editors, order_by="Organization.name_key"
    )

    # Flask-Login's interface, written out (no mixin needed).
    @property
    def is_authenticated(self) -> bool:
        """Return True: a loaded user has logged in."""
        return True

    @property
    def is_active(self) -> bool:
        """Return whether the account may log in."""
        return self.active

    @property
    def is_anonymous(self) -> bool:
        """Return False: this is a real account."""
        return False

    def get_id(self) -> str:
        """Return what the session remembers: the id and the session version."""
        return f"{self.id}:{self.session_version}"

    def edits(self, organization_id: uuid.UUID) -> bool:
        """Return whether this account may edit the organization."""
        return self.role == "admin" or any(
            organization.id == organization_id for organization in self.organizations
        )

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role}>"
