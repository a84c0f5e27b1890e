"""Changing the directory: organizations, services, proposals, accounts, audit, mail."""
