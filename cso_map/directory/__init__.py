"""Public directory: home page, organization list with filters, organization profile."""

from cso_map.directory.views import bp

__all__ = ["bp"]
