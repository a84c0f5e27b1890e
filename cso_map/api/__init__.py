"""JSON API under /api/v1: one module per resource."""

from .views import bp  # noqa: F401
