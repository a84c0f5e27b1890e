"""Coverage gaps: the gap map and the table of unmet need per service."""

from cso_map.gaps.views import bp

__all__ = ["bp"]
