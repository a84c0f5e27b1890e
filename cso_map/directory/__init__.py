"""The public directory: home, list with filters, profiles, and the map."""

from cso_map.directory import map_views  # noqa: F401  (routes attach to bp)
from cso_map.directory.views import bp

__all__ = ["bp"]
