"""Editing organizations: their editors and administrators keep profiles true."""

from cso_map.editing import service_views  # noqa: F401  (routes attach to bp)
from cso_map.editing.views import bp

__all__ = ["bp"]
