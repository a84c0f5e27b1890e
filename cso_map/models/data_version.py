"""A counter that goes up whenever the directory changes (for per-process caches)."""

from __future__ import annotations

from sqlalchemy import CheckConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cso_map.models.base import Base


class DataVersion(Base):
    """The one row whose `version` every change to the directory increments."""

    __tablename__ = "data_version"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(default=0)

    def __repr__(self) -> str:
        return f"<DataVersion {self.version}>"
