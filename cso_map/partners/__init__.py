"""Likely partners for authorities: who can deliver which services where."""

from cso_map.partners.views import bp

__all__ = ["bp"]
