"""What a likely-partner question asks, and one partner it gets back."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PartnerQuery:
    """A state, the services wanted there, and the languages and groups to cover."""

    region: str
    services: tuple[str, ...]
    languages: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    limit: int = 50


@dataclass(frozen=True)
class Partner:
    """One likely partner, its tier, score, score components and reasons."""

    organization_id: str
    name: str
    type: str
    region: str | None
    lat: float
    lon: float
    tier: int
    score: float
    components: dict[str, float | None]
    reasons: list[dict] = field(default_factory=list)
