"""Locations of organizations (HSDS `location` with its one `address`)."""

from __future__ import annotations

import uuid

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cso_map.models.base import Base, Timestamps, UUIDPrimaryKey
from cso_map.models.organization import Organization
from cso_map.models.region import Region

LOCATION_TYPES = ("physical", "postal", "virtual")


class Location(UUIDPrimaryKey, Timestamps, Base):
    """A place where an organization works; its region is found by point-in-polygon."""

    __tablename__ = "locations"
    __table_args__ = (
        CheckConstraint(
            "location_type IN ('physical', 'postal', 'virtual')", name="location_type"
        ),
        CheckConstraint("latitude BETWEEN -90 AND 90", name="latitude"),
        CheckConstraint("longitude BETWEEN -180 AND 180", name="longitude"),
        CheckConstraint(
            "(latitude IS NULL) = (longitude IS NULL)", name="both_coordinates"
        ),
        Index("ix_locations_latitude_longitude", "latitude", "longitude"),
    )

    organization_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str | None] = mapped_column(String(200))
    location_type: Mapped[str] = mapped_column(String(10), default="physical")
    url: Mapped[str | None] = mapped_column(String(500))
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    address_1: Mapped[str | None] = mapped_column(String(200))
    address_2: Mapped[str | None] = mapped_column(String(200))
    city: Mapped[str | None] = mapped_column(String(120))
    state_province: Mapped[str | None] = mapped_column(String(120))
    postal_code: Mapped[str | None] = mapped_column(String(20))
    country: Mapped[str | None] = mapped_column(String(2))
    transportation: Mapped[str] = mapped_column(Text, default="")
    region_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("regions.id"), index=True
    )
    approximate: Mapped[bool] = mapped_column(default=False)
    # The IANA time zone at the point (`geo/timezones.py`), set with the point.
    time_zone: Mapped[str | None] = mapped_column(String(64))

    organization: Mapped[Organization] = relationship(back_populates="locations")
    region: Mapped[Region | None] = relationship(lazy="joined")

    @property
    def has_point(self) -> bool:
        """Return whether the location has coordinates."""
        return self.latitude is not None and self.longitude is not None

    def __repr__(self) -> str:
        return f"<Location {self.name or self.city!r}>"
