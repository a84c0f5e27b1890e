"""Region pages: indicators, organizations and services in a country or state."""

from cso_map.regions.views import bp

__all__ = ["bp"]
