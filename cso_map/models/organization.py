"""Organizations (HSDS `organization`): capacity profile and transnational ties."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, and_, false
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.elements import ColumnElement

from cso_map.models.base import Base, Timestamps, UUIDPrimaryKey
from cso_map.models.region import Region
from cso_map.models.taxonomy import TaxonomyTerm, term_link_table
from cso_map.models.texts import TwoLanguageTexts, text_language_check

if TYPE_CHECKING:
    from cso_map.models.location import Location
    from cso_map.models.service import Service

VERIFICATION_STATUSES = ("pending", "unverified", "verified", "rejected")
PUBLIC_VERIFICATION_STATUSES = ("unverified", "verified")
ORGANIZATION_STATUSES = ("active", "inactive", "defunct")

organization_target_groups = term_link_table(
    "organization_target_groups", "organizations"
)
organization_skills = term_link_table("organization_skills", "organizations")
organization_support_needs = term_link_table(
    "organization_support_needs", "organizations"
)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


class Organization(UUIDPrimaryKey, Timestamps, TwoLanguageTexts, Base):
    """A civil-society organization that works with migrants."""

    __tablename__ = "organizations"
    __table_args__ = (
        CheckConstraint(
            _in("verification_status", VERIFICATION_STATUSES), name="verification"
        ),
        CheckConstraint(_in("status", ORGANIZATION_STATUSES), name="status"),
        CheckConstraint("year_founded BETWEEN 1800 AND 2100", name="year_founded"),
        CheckConstraint("paid_staff >= 0", name="paid_staff"),
        CheckConstraint("volunteers >= 0", name="volunteers"),
        CheckConstraint("members >= 0", name="members"),
        CheckConstraint("parent_id <> id", name="not_own_parent"),
        text_language_check(),
    )

    name: Mapped[str] = mapped_column(String(200))
    alternate_name: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    description_translation: Mapped[str] = mapped_column(
        Text, default="", server_default=""
    )
    type_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("taxonomy_terms.id"), index=True
    )
    email: Mapped[str | None] = mapped_column(String(254))
    website: Mapped[str | None] = mapped_column(String(500))
    phone: Mapped[str | None] = mapped_column(String(40))
    year_founded: Mapped[int | None]
    legal_status: Mapped[str | None] = mapped_column(String(120))
    legally_registered: Mapped[bool] = mapped_column(default=False)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )

    paid_staff: Mapped[int | None]
    volunteers: Mapped[int | None]
    members: Mapped[int | None]
    budget_band_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("taxonomy_terms.id")
    )
    open_to_mentor: Mapped[bool] = mapped_column(default=False)
    seeking_mentor: Mapped[bool] = mapped_column(default=False)
    accepts_volunteers: Mapped[bool] = mapped_column(
        default=False, server_default=false()
    )
    women_led: Mapped[bool] = mapped_column(default=False)
    engagement_level_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("taxonomy_terms.id")
    )

    location_confidential: Mapped[bool] = mapped_column(default=False)
    contact_instructions: Mapped[str] = mapped_column(Text, default="")
    verification_status: Mapped[str] = mapped_column(String(12), default="unverified")
    verified_at: Mapped[dt.datetime | None]
    last_reviewed_on: Mapped[dt.date | None]
    status: Mapped[str] = mapped_column(String(10), default="active")
    is_demo: Mapped[bool] = mapped_column(default=False)
    deleted_at: Mapped[dt.datetime | None]
    version: Mapped[int] = mapped_column(default=1)

    proposed_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )

    name_key: Mapped[str] = mapped_column(String(200), index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")

    __mapper_args__: ClassVar[dict] = {"version_id_col": version}

    type: Mapped[TaxonomyTerm] = relationship(foreign_keys=[type_id], lazy="joined")
    budget_band: Mapped[TaxonomyTerm | None] = relationship(
        foreign_keys=[budget_band_id], lazy="joined"
    )
    engagement_level: Mapped[TaxonomyTerm] = relationship(
        foreign_keys=[engagement_level_id], lazy="joined"
    )
    target_groups: Mapped[list[TaxonomyTerm]] = relationship(
        secondary=organization_target_groups, order_by=TaxonomyTerm.position
    )
    skills: Mapped[list[TaxonomyTerm]] = relationship(
        secondary=organization_skills, order_by=TaxonomyTerm.position
    )
    support_needs: Mapped[list[TaxonomyTerm]] = relationship(
        secondary=organization_support_needs, order_by=TaxonomyTerm.position
    )
    parent: Mapped[Organization | None] = relationship(
        remote_side="Organization.id", back_populates="member_organizations"
    )
    member_organizations: Mapped[list[Organization]] = relationship(
        back_populates="parent", order_by="Organization.name_key"
    )
    origins: Mapped[list[OrganizationOrigin]] = relationship(
        back_populates="organization", cascade="all, delete-orphan"
    )
    services: Mapped[list[Service]] = relationship(
        back_populates="organization",
        cascade="all, delete-orphan",
        order_by="Service.position",
    )
    locations: Mapped[list[Location]] = relationship(
        back_populates="organization",
        cascade="all, delete-orphan",
        order_by="Location.position",
    )

    @hybrid_property
    def is_listed(self) -> bool:
        """Return whether the public may see the organization (also usable in SQL)."""
        return (
            self.deleted_at is None
            and self.verification_status in PUBLIC_VERIFICATION_STATUSES
            and self.status != "defunct"
        )

    @is_listed.inplace.expression
    @classmethod
    def _is_listed_expression(cls) -> ColumnElement[bool]:
        return and_(
            cls.deleted_at.is_(None),
            cls.verification_status.in_(PUBLIC_VERIFICATION_STATUSES),
            cls.status != "defunct",
        )

    @property
    def verified(self) -> bool:
        """Return whether an administrator has verified the organization."""
        return self.verification_status == "verified"

    def __repr__(self) -> str:
        return f"<Organization {self.name!r}>"


class OrganizationOrigin(UUIDPrimaryKey, Base):
    """A transnational tie: the country, region and community of origin."""

    __tablename__ = "organization_origins"
    __table_args__ = (CheckConstraint("length(country_code) = 2", name="country_code"),)

    organization_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    country_code: Mapped[str] = mapped_column(String(2))
    region_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("regions.id"), index=True
    )
    community: Mapped[str | None] = mapped_column(String(120))

    organization: Mapped[Organization] = relationship(back_populates="origins")
    region: Mapped[Region | None] = relationship(lazy="joined")

    def __repr__(self) -> str:
        return f"<OrganizationOrigin {self.country_code} {self.community!r}>"
