"""Region pages: indicators, organizations and services; dashboard and briefs."""

from cso_map.regions import brief_views  # noqa: F401  (routes attach to bp)
from cso_map.regions.views import bp

__all__ = ["bp"]
