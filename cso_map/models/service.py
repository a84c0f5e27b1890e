"""Services (HSDS `service`), their schedules, languages, areas and locations."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cso_map.models.base import Base, Timestamps, UUIDPrimaryKey
from cso_map.models.location import Location
from cso_map.models.organization import Organization
from cso_map.models.region import Region
from cso_map.models.taxonomy import TaxonomyTerm, term_link_table
from cso_map.models.texts import TwoLanguageTexts, text_language_check

SERVICE_STATUSES = ("active", "inactive", "defunct", "temporarily closed")

service_languages = term_link_table("service_languages", "services")

service_area_regions = Table(
    "service_area_regions",
    Base.metadata,
    Column(
        "service_id", ForeignKey("services.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("region_id", ForeignKey("regions.id"), primary_key=True, index=True),
)


class Service(UUIDPrimaryKey, Timestamps, TwoLanguageTexts, Base):
    """A service an organization delivers, in one integration-service category."""

    __tablename__ = "services"
    __table_args__ = (
        CheckConstraint(
            "status IN ('active', 'inactive', 'defunct', 'temporarily closed')",
            name="status",
        ),
        CheckConstraint("minimum_age >= 0", name="minimum_age"),
        CheckConstraint("maximum_age >= 0", name="maximum_age"),
        CheckConstraint("minimum_age <= maximum_age", name="age_range"),
        CheckConstraint("capacity_per_month >= 0", name="capacity_per_month"),
        CheckConstraint("radius_km > 0", name="radius_km"),
        CheckConstraint(
            "NOT remote_only OR by_phone OR online", name="remote_only_is_remote"
        ),
        text_language_check(),
    )

    organization_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    category_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("taxonomy_terms.id"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    name_translation: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    description_translation: Mapped[str] = mapped_column(
        Text, default="", server_default=""
    )
    status: Mapped[str] = mapped_column(String(20), default="active")
    url: Mapped[str | None] = mapped_column(String(500))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    free_of_charge: Mapped[bool] = mapped_column(default=False)
    no_documents_required: Mapped[bool] = mapped_column(default=False)
    women_only: Mapped[bool] = mapped_column(default=False)
    walk_in: Mapped[bool] = mapped_column(default=False)
    by_phone: Mapped[bool] = mapped_column(default=False)
    online: Mapped[bool] = mapped_column(default=False)
    remote_only: Mapped[bool] = mapped_column(default=False)
    minimum_age: Mapped[int | None]
    maximum_age: Mapped[int | None]
    eligibility_notes: Mapped[str] = mapped_column(Text, default="")
    eligibility_notes_translation: Mapped[str] = mapped_column(
        Text, default="", server_default=""
    )
    application_process: Mapped[str] = mapped_column(Text, default="")
    application_process_translation: Mapped[str] = mapped_column(
        Text, default="", server_default=""
    )
    capacity_per_month: Mapped[int | None]
    radius_km: Mapped[float | None]
    hours_notes: Mapped[str] = mapped_column(Text, default="")
    assured_on: Mapped[dt.date | None]

    organization: Mapped[Organization] = relationship(back_populates="services")
    category: Mapped[TaxonomyTerm] = relationship(lazy="joined")
    languages: Mapped[list[TaxonomyTerm]] = relationship(
        secondary=service_languages, order_by=TaxonomyTerm.position
    )
    area_regions: Mapped[list[Region]] = relationship(
        secondary=service_area_regions, order_by=Region.code
    )
    schedules: Mapped[list[ServiceSchedule]] = relationship(
        back_populates="service",
        cascade="all, delete-orphan",
        order_by="(ServiceSchedule.weekday, ServiceSchedule.opens_at)",
    )
    locations: Mapped[list[Location]] = relationship(
        secondary="service_at_locations", order_by=Location.position, viewonly=True
    )
    at_locations: Mapped[list[ServiceAtLocation]] = relationship(
        back_populates="service",
        cascade="all, delete-orphan",
        order_by="ServiceAtLocation.location_id",
    )

    def __repr__(self) -> str:
        return f"<Service {self.name!r}>"


class ServiceSchedule(UUIDPrimaryKey, Base):
    """Regular weekly opening hours of a service (HSDS `schedule`, freq WEEKLY).

    Hours are in the local time of the service's place; a row that closes at or
    before it opens closes the next day (00:00 to 00:00 is open 24 hours).
    """

    __tablename__ = "service_schedules"
    __table_args__ = (CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),)

    service_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("services.id", ondelete="CASCADE"), index=True
    )
    weekday: Mapped[int]
    opens_at: Mapped[dt.time]
    closes_at: Mapped[dt.time]

    service: Mapped[Service] = relationship(back_populates="schedules")

    def __repr__(self) -> str:
        return f"<ServiceSchedule {self.weekday} {self.opens_at}-{self.closes_at}>"


class ServiceAtLocation(UUIDPrimaryKey, Base):
    """A service delivered at one of its organization's locations (HSDS)."""

    __tablename__ = "service_at_locations"
    __table_args__ = (UniqueConstraint("service_id", "location_id"),)

    service_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("services.id", ondelete="CASCADE")
    )
    location_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("locations.id", ondelete="CASCADE"), index=True
    )

    service: Mapped[Service] = relationship(back_populates="at_locations")
    location: Mapped[Location] = relationship()

    def __repr__(self) -> str:
        return f"<ServiceAtLocation {self.service_id} @ {self.location_id}>"
