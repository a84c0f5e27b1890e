"""The Open Referral HSDS 3.0 read API under /hsds."""

from cso_map.hsds.views import bp

__all__ = ["bp"]
