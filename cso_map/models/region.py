"""Regions (countries and states, ISO 3166), their boundaries and indicators."""

from __future__ import annotations

import uuid

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cso_map.models.base import Base, UUIDPrimaryKey

REGION_LEVELS = ("country", "state")
# The figures of a region's indicator row; emigrants are people born in the
# region who live abroad (the need for development projects in origin communities).
INDICATOR_NUMBERS = (
    "population",
    "migrant_population",
    "migrant_women",
    "migrant_men",
    "emigrant_population",
)


class Region(UUIDPrimaryKey, Base):
    """A country or first-level subdivision, its boundary stored as GeoJSON text."""

    __tablename__ = "regions"
    __table_args__ = (
        CheckConstraint("level IN ('country', 'state')", name="level"),
        CheckConstraint("label_lat BETWEEN -90 AND 90", name="label_lat"),
        CheckConstraint("label_lon BETWEEN -180 AND 180", name="label_lon"),
    )

    code: Mapped[str] = mapped_column(String(6), unique=True)
    name_en: Mapped[str] = mapped_column(String(120))
    name_es: Mapped[str] = mapped_column(String(120))
    level: Mapped[str] = mapped_column(String(10))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("regions.id"))
    # Boundaries are large: loaded only when read, not with every region row.
    geometry: Mapped[str] = mapped_column(Text, deferred=True)
    geometry_simplified: Mapped[str] = mapped_column(Text, deferred=True)
    label_lat: Mapped[float]
    label_lon: Mapped[float]

    parent: Mapped[Region | None] = relationship(remote_side="Region.id")
    indicators: Mapped[list[RegionIndicator]] = relationship(
        back_populates="region",
        order_by="RegionIndicator.year.desc()",
        cascade="all, delete-orphan",
    )

    def name(self, lang: str) -> str:
        """Return the region's name in `lang` ("es" or "en")."""
        return self.name_es if lang == "es" else self.name_en

    @property
    def country_code(self) -> str:
        """Return the ISO 3166-1 alpha-2 code of the country the region belongs to."""
        return self.code[:2]

    @property
    def latest_indicator(self) -> RegionIndicator | None:
        """Return the most recent indicator row, if any."""
        return self.indicators[0] if self.indicators else None

    def __repr__(self) -> str:
        return f"<Region {self.code}>"


class RegionIndicator(UUIDPrimaryKey, Base):
    """Population figures of a region for one year, from one source."""

    __tablename__ = "region_indicators"
    __table_args__ = (
        UniqueConstraint("region_id", "year", "source"),
        CheckConstraint("population >= 0", name="population"),
        CheckConstraint("migrant_population >= 0", name="migrant_population"),
        CheckConstraint("migrant_women >= 0", name="migrant_women"),
        CheckConstraint("migrant_men >= 0", name="migrant_men"),
        CheckConstraint("emigrant_population >= 0", name="emigrant_population"),
        CheckConstraint("year BETWEEN 1900 AND 2100", name="year"),
    )

    region_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("regions.id", ondelete="CASCADE"), index=True
    )
    year: Mapped[int]
    population: Mapped[int | None]
    migrant_population: Mapped[int | None]
    migrant_women: Mapped[int | None]
    migrant_men: Mapped[int | None]
    emigrant_population: Mapped[int | None]
    source: Mapped[str] = mapped_column(String(300))
    illustrative: Mapped[bool] = mapped_column(default=False)

    region: Mapped[Region] = relationship(back_populates="indicators")

    def __repr__(self) -> str:
        return f"<RegionIndicator {self.year} {self.source!r}>"
