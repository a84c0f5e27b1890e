"""What a person asks the help finder for: a need, a place and conditions."""

from __future__ import annotations

from dataclasses import dataclass

from cso_map.services.finder.help_places import Where
from cso_map.services.finder.nearest import FLAGS, NearestQuery

RESULTS = 20


@dataclass(frozen=True)
class HelpSearch:
    """What a person asks for, and where (radius None: any distance)."""

    category: str
    where: Where
    language: str | None = None
    free: bool = False
    no_documents: bool = False
    women_only: bool = False
    walk_in: bool = False
    open_now: bool = False
    radius_km: float | None = None

    @property
    def filtered(self) -> bool:
        """Return whether any condition beyond the need and the place is set."""
        return bool(self.language or self.open_now) or any(
            getattr(self, name) for name in FLAGS
        )

    def nearest_query(self, limit: int = RESULTS) -> NearestQuery:
        """Return the nearest-services query of this search: a whole state is
        measured from its boundary, and listings one can reach come first."""
        where = self.where
        return NearestQuery(
            lat=where.lat,
            lon=where.lon,
            service=self.category,
            language=self.language,
            free=self.free,
            no_documents=self.no_documents,
            women_only=self.women_only,
            walk_in=self.walk_in,
            open_now=self.open_now,
            radius_km=None if where.whole_state else self.radius_km,
            limit=limit,
            states=(where.state,) if where.whole_state else None,
            in_state=where.state if where.whole_state else None,
            reachable_first=True,
        )
