"""Administration: verification queue, accounts, deleted and stale listings."""

from cso_map.admin.views import bp

__all__ = ["bp"]
