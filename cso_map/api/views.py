"""The JSON API under /api/v1: the blueprint with every resource's routes."""

from cso_map.api import (  # noqa: F401  (each module adds its routes to bp)
    coverage,
    mentoring,
    nearest,
    openapi,
    organizations,
    partners,
    regions,
    taxonomy,
)
from cso_map.api.blueprint import bp

__all__ = ["bp"]
