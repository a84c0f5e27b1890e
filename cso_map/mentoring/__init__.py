"""Mentoring: larger organizations and small groups that could work together."""

from cso_map.mentoring.views import bp

__all__ = ["bp"]
