"""The one trace a search leaves: a daily count of searches that found nothing."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cso_map.models.base import Base


class ZeroResultSearch(Base):
    """How many help searches for a service, region and language found nothing.

    No time finer than the day, no place finer than the state, nothing about who
    searched: authorities read it as unmet demand.
    """

    __tablename__ = "zero_result_searches"
    __table_args__ = (
        UniqueConstraint(
            "day",
            "service_code",
            "region_code",
            "language_code",
            name="uq_zero_result_searches_key",
        ),
        CheckConstraint("searches > 0", name="searches"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[dt.date]
    service_code: Mapped[str] = mapped_column(String(40))
    region_code: Mapped[str] = mapped_column(String(12), default="")
    language_code: Mapped[str] = mapped_column(String(8), default="")
    searches: Mapped[int] = mapped_column(default=1)

    def __repr__(self) -> str:
        return (
            f"<ZeroResultSearch {self.day} {self.service_code} "
            f"{self.region_code or '-'} {self.language_code or '-'}: {self.searches}>"
        )
