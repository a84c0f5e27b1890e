"""The help finder: private, bilingual search for the nearest help."""

from cso_map.finder.views import bp

__all__ = ["bp"]
