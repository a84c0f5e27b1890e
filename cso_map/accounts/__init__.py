"""Accounts: log in and out, the account page, password change and reset."""

from cso_map.accounts.views import bp

__all__ = ["bp"]
