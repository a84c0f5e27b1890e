"""Transnational and federation links between organizations and places of origin."""

from cso_map.links.views import bp

__all__ = ["bp"]
