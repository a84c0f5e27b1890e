"""Imports: the admin upload page (dry run, preview, confirm), the public template."""

from cso_map.imports.views import bp

__all__ = ["bp"]
